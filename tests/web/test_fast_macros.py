"""Our lean radios, task list, details, summary list and tag emit the same markup as
nhsuk-frontend-jinja's, for every combination of the parameters the app passes (white space
aside, which HTML ignores)."""

import itertools
import re
from pathlib import Path

import pytest
from jinja2 import nodes
from markupsafe import Markup


@pytest.fixture(scope="module")
def templates_app():
    """Only templates are rendered here: no database needed."""
    from roledesign import create_app

    return create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def normalise(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


def render(app, source: str, params: dict) -> str:
    with app.test_request_context():
        return app.jinja_env.from_string(source).render(p=params)


LIBRARY_RADIOS = '{% from "nhsuk/components/radios/macro.jinja" import radios %}{{ radios(p) }}'
FAST_RADIOS = '{% from "macros/fast.html" import radios %}{{ radios(p) }}'
LIBRARY_TASKS = (
    '{% from "nhsuk/components/task-list/macro.jinja" import taskList %}{{ taskList(p) }}'
)
FAST_TASKS = '{% from "macros/fast.html" import taskList %}{{ taskList(p) }}'


def radio_cases():
    legends = [
        {"text": "Is it <in> place?", "classes": "nhsuk-fieldset__legend--s"},
        {
            "html": Markup('Is this in place? <span class="nhsuk-u-visually-hidden">(1)</span>'),
            "classes": "nhsuk-fieldset__legend--m",
        },
        {"text": "Who are you?", "classes": "nhsuk-fieldset__legend--l", "isPageHeading": True},
        {"text": "Plain"},
    ]
    for legend, hint, error, inline, small, item_hints, checked in itertools.product(
        legends,
        [None, {"text": "A hint & more"}],
        [None, {"text": "Select one"}],
        [False, True],
        [False, True],
        [False, True],
        [None, "b"],
    ):
        items = [
            {
                "value": value,
                "text": f"Option {value} <b>",
                "checked": checked == value,
                "hint": {"text": f"About {value}"} if item_hints and value != "a" else None,
            }
            for value in ("a", "b", "c")
        ]
        yield {
            "idPrefix": "DIS_01-status",
            "name": "DIS_01-status",
            "inline": inline,
            "small": small,
            "fieldset": {"legend": legend},
            "hint": hint,
            "errorMessage": error,
            "items": items,
        }


@pytest.mark.parametrize("params", list(radio_cases()))
def test_radios_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_RADIOS, params)) == normalise(
        render(templates_app, LIBRARY_RADIOS, params)
    )


def task_cases():
    statuses = [
        {"text": "Completed"},
        {"tag": {"text": "Not started", "classes": "nhsuk-tag--blue"}},
        {"text": "Cannot start yet", "classes": "nhsuk-task-list__status--cannot-start-yet"},
        {"tag": {"text": "Open"}},
    ]
    for status, href, hint in itertools.product(
        statuses, ["/plans/1?a=1&b=2", None], [None, "3 of 11 <statements>"]
    ):
        yield {
            "idPrefix": "domains",
            "items": [
                {"title": {"text": "First & foremost"}, "href": "/a", "status": {"text": "Done"}},
                {"title": {"text": "Second"}, "href": href, "hint": hint, "status": status},
            ],
        }


@pytest.mark.parametrize("params", list(task_cases()))
def test_task_lists_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_TASKS, params)) == normalise(
        render(templates_app, LIBRARY_TASKS, params)
    )


LIBRARY_DETAILS = '{% from "nhsuk/components/details/macro.jinja" import details %}{{ details(p) }}'
FAST_DETAILS = '{% from "macros/fast.html" import details %}{{ details(p) }}'


@pytest.mark.parametrize(
    "params",
    [
        {"summaryText": "Why <this> matters", "html": Markup("<p>One</p>\n<ul><li>Two</li></ul>")},
        {"summaryText": "Plain", "text": "Text with <markup> & more", "classes": "app-item__why"},
        {"summaryText": "How much the groups agree", "html": "<p>Trusted html param</p>"},
    ],
)
def test_details_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_DETAILS, params)) == normalise(
        render(templates_app, LIBRARY_DETAILS, params)
    )


LIBRARY_SUMMARY = (
    '{% from "nhsuk/components/summary-list/macro.jinja" import summaryList %}{{ summaryList(p) }}'
)
FAST_SUMMARY = '{% from "macros/fast.html" import summaryList %}{{ summaryList(p) }}'


def summary_cases():
    change = {"href": "/plans/1/domains/x?a=1&b=2#item-1", "text": "Change"}
    hidden = {**change, "visuallyHiddenText": "the <statement> & more"}
    rows = [
        {"key": {"text": "Setting & <kind>"}, "value": {"text": "Community <mental> health"}},
        {"key": {"text": "Answer"}, "value": {"html": Markup("<p>Yes</p>\n<p>Note</p>")}},
        {"key": {"text": "Empty"}, "value": {"text": ""}},
        {"key": {"text": "Hours"}, "value": {"text": 37.5}},
        {"key": {"text": "Status"}, "value": {"text": "Open"}, "actions": {"items": [hidden]}},
        {"key": {"text": "Group"}, "value": {"text": "Staff"}, "actions": {"items": [change]}},
        {
            "key": {"text": "Two actions"},
            "value": {"text": "v"},
            "actions": {"items": [hidden, {"href": "/remove", "text": "Remove"}]},
        },
    ]
    yield {"rows": rows[:4]}
    yield {"rows": rows}
    for row in rows:
        yield {"rows": [row]}


@pytest.mark.parametrize("params", list(summary_cases()))
def test_summary_lists_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_SUMMARY, params)) == normalise(
        render(templates_app, LIBRARY_SUMMARY, params)
    )


def test_hidden_action_text_is_read_as_a_separate_word(templates_app):
    # normalise() ignores white space, so check the space a screen reader needs separately.
    params = {
        "rows": [
            {
                "key": {"text": "K"},
                "value": {"text": "v"},
                "actions": {
                    "items": [{"href": "/a", "text": "Change", "visuallyHiddenText": "your group"}]
                },
            }
        ]
    }
    assert '<span class="nhsuk-u-visually-hidden"> your group</span>' in render(
        templates_app, FAST_SUMMARY, params
    )


@pytest.mark.parametrize(
    "params",
    [
        {"text": "Ready & <go>", "classes": "nhsuk-tag--green"},
        {"text": "Overdue", "classes": "nhsuk-tag--red"},
        {"text": "Plain"},
    ],
)
def test_tags_match_the_library(templates_app, params):
    library = '{% from "nhsuk/components/tag/macro.jinja" import tag %}{{ tag(p) }}'
    fast = '{% from "macros/fast.html" import tag %}{{ tag(p) }}'
    assert normalise(render(templates_app, fast, params)) == normalise(
        render(templates_app, library, params)
    )


# --- Every parameter a template passes to a lean macro is one the macro reads ------------------
#
# The comparisons above cover the parameters we know about. A template that starts passing a new
# one (say "open" to details) would get the library's behaviour nowhere: the lean macro ignores
# what it does not read. So the macros' reads are recorded, and every key path the templates
# pass, found in their source, must be among them.

FAST_MACROS = (
    "radios",
    "taskList",
    "details",
    "summaryList",
    "tag",
    "header",
    "backLink",
    "warningCallout",
)
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"


class Recorder:
    """Stands in for a macro's parameters and notes each key path read ("items.*.hint.text"),
    and each path whose truth is tested. Every value is true except the paths in ``false``."""

    def __init__(self, path: str, log: dict, false: frozenset):
        self._path, self._log, self._false = path, log, false
        log["reads"].add(path)

    def _child(self, key) -> "Recorder":
        key = "*" if isinstance(key, int) else key
        return Recorder(f"{self._path}.{key}" if self._path else key, self._log, self._false)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return self._child(name)

    def __getitem__(self, key):
        return self._child(key)

    def __iter__(self):  # two items, so that loop.first and the rest both happen
        return iter([self._child("*"), self._child("*")])

    def __len__(self) -> int:
        return 2

    def __bool__(self) -> bool:
        self._log["tested"].add(self._path)
        return self._path not in self._false

    def __str__(self) -> str:
        return "x"


def macro_reads(app, macro: str) -> set[str]:
    """The key paths ``macro`` reads: rendered with everything true, then with each tested path
    false in turn (so that the else branches are read too)."""
    source = f'{{% from "macros/fast.html" import {macro} %}}{{{{ {macro}(p) }}}}'
    reads: set[str] = set()
    queue, done = [frozenset()], set()
    while queue:
        false = queue.pop()
        if false in done:
            continue
        done.add(false)
        log = {"reads": set(), "tested": set()}
        with app.test_request_context():
            app.jinja_env.from_string(source).render(p=Recorder("", log, false))
        reads |= log["reads"]
        queue += [frozenset([path]) for path in log["tested"]]
    return reads - {""}


def in_scope(scope: nodes.Node, kind: type, outside: set[int]) -> list:
    return [n for n in scope.find_all(kind) if id(n) not in outside]


def passed_paths(scope: nodes.Node, expr: nodes.Node, prefix: str, outside=frozenset(), seen=()):
    """The key paths of the parameters ``expr`` builds: dict literals' keys, through lists,
    conditionals, and the `set` and `.append(...)` of a variable in the same macro (``scope``;
    ``outside`` are the nodes of other macros, when the scope is the template)."""

    def inner(e, path, seen=seen):
        return passed_paths(scope, e, path, outside, seen)

    if isinstance(expr, nodes.Dict):
        paths = set()
        for pair in expr.items:
            assert isinstance(pair.key, nodes.Const), f"a computed key at line {pair.lineno}"
            path = f"{prefix}.{pair.key.value}" if prefix else pair.key.value
            paths |= {path} | inner(pair.value, path)
        return paths
    if isinstance(expr, nodes.List):
        return set().union(*(inner(item, f"{prefix}.*") for item in expr.items))
    if isinstance(expr, nodes.CondExpr):
        return inner(expr.expr1, prefix) | inner(expr.expr2, prefix)
    if isinstance(expr, nodes.Name) and expr.name not in seen:
        seen = (*seen, expr.name)
        paths = set()
        for assign in in_scope(scope, nodes.Assign, outside):
            if isinstance(assign.target, nodes.Name) and assign.target.name == expr.name:
                paths |= inner(assign.node, prefix, seen)
        for call in in_scope(scope, nodes.Call, outside):
            target = call.node
            if (
                isinstance(target, nodes.Getattr)
                and target.attr == "append"
                and isinstance(target.node, nodes.Name)
                and target.node.name == expr.name
            ):
                paths |= inner(call.args[0], f"{prefix}.*", seen)
        return paths
    return set()  # a value: text, a number, a variable from the view


def fast_imports(template: nodes.Template) -> dict[str, str]:
    """{name in the template: lean macro} for the template's imports from macros/fast.html."""
    local = {}
    for imported in template.find_all(nodes.FromImport):
        if imported.template.value == "macros/fast.html":
            for item in imported.names:
                alias = item[1] if isinstance(item, tuple) else item
                local[alias] = item[0] if isinstance(item, tuple) else item
    return local


def template_calls(app, source: str, name: str) -> list[tuple[str, set[str]]]:
    """(lean macro, key paths passed) for each call of a lean macro in a template's source,
    including those base.html imports for the templates that extend it (the back link)."""
    template = app.jinja_env.parse(source, name=name)
    local = {}
    if any(e.template.value == "base.html" for e in template.find_all(nodes.Extends)):
        base = (TEMPLATES_DIR / "base.html").read_text()
        local |= fast_imports(app.jinja_env.parse(base, name="base.html"))
    local |= fast_imports(template)
    macros = list(template.find_all(nodes.Macro))
    in_macros = {id(n) for macro in macros for n in macro.find_all(nodes.Node)}
    calls = []
    for scope, outside in [(template, in_macros)] + [(m, set()) for m in macros]:
        for call in in_scope(scope, nodes.Call, outside):
            if isinstance(call.node, nodes.Name) and call.node.name in local:
                paths = passed_paths(scope, call.args[0], "", outside)
                calls.append((local[call.node.name], paths))
    return calls


def unsupported(app, sources: dict[str, str]) -> list[str]:
    reads = {macro: macro_reads(app, macro) for macro in FAST_MACROS}
    problems = []
    for name, source in sources.items():
        for macro, paths in template_calls(app, source, name):
            problems += [f"{name}: {macro}() ignores {p!r}" for p in sorted(paths - reads[macro])]
    return problems


def test_every_parameter_the_templates_pass_is_one_the_lean_macro_reads(templates_app):
    sources = {
        str(path.relative_to(TEMPLATES_DIR)): path.read_text()
        for path in sorted(TEMPLATES_DIR.rglob("*.html"))
    }
    calls = [c for name, s in sources.items() for c in template_calls(templates_app, s, name)]
    assert {macro for macro, _ in calls} == set(FAST_MACROS)  # every lean macro is in use
    assert unsupported(templates_app, sources) == []


def test_the_check_notices_a_parameter_the_lean_macro_ignores(templates_app):
    source = """{% from "macros/fast.html" import details, radios as r %}
    {{ details({"summaryText": "Why", "html": why, "open": true}) }}
    {% set items = [] %}{% set _ = items.append({"value": "a", "text": "A", "disabled": true}) %}
    {{ r({"name": "x", "fieldset": {"legend": {"text": "L", "size": "m"}}, "items": items}) }}"""
    assert unsupported(templates_app, {"probe.html": source}) == [
        "probe.html: details() ignores 'open'",
        "probe.html: radios() ignores 'fieldset.legend.size'",
        "probe.html: radios() ignores 'items.*.disabled'",
    ]


LIBRARY_BACK = (
    '{% from "nhsuk/components/back-link/macro.jinja" import backLink %}{{ backLink(p) }}'
)
FAST_BACK = '{% from "macros/fast.html" import backLink %}{{ backLink(p) }}'


@pytest.mark.parametrize(
    "params",
    [
        {"href": "/plans/1", "text": "Back to task list"},
        {"href": "/plans/1?a=1&b=2", "text": "Back to <your> plans & more"},
        {"href": "/x", "text": ""},
    ],
)
def test_back_links_match_the_library(templates_app, params):
    """Every template passes a link and its text (the library makes a button without a link)."""
    assert normalise(render(templates_app, FAST_BACK, params)) == normalise(
        render(templates_app, LIBRARY_BACK, params)
    )


LIBRARY_WARNING = (
    '{% from "nhsuk/components/warning-callout/macro.jinja" import warningCallout %}'
    "{{ warningCallout(p) }}"
)
FAST_WARNING = '{% from "macros/fast.html" import warningCallout %}{{ warningCallout(p) }}'


def warning_cases():
    headings = ["This report is based on <incomplete> answers", "Important: read this", "important"]
    bodies = [
        {"html": Markup("<p>Unanswered statements <a href='/x?a=1&amp;b=2'>answer</a></p>")},
        {"text": "Some <b> text & more"},
        {},
    ]
    for heading, level, body in itertools.product(headings, [None, 2, 3], bodies):
        params = {"heading": heading, **body}
        yield params if level is None else {**params, "headingLevel": level}


@pytest.mark.parametrize("params", list(warning_cases()))
def test_warning_callouts_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_WARNING, params)) == normalise(
        render(templates_app, LIBRARY_WARNING, params)
    )


LIBRARY_HEADER = '{% from "nhsuk/components/header/macro.jinja" import header %}{{ header(p) }}'
FAST_HEADER = '{% from "macros/fast.html" import header %}{{ header(p) }}'


def header_cases():
    sign_out = Markup(
        '\n<form class="nhsuk-header__account-form" action="/sign-out" method="post">'
        '<button class="nhsuk-header__account-button">Sign out</button></form>\n'
    )
    accounts = [
        None,
        {"items": [{"text": "Kim <K> – Trust & Co", "href": "/account", "icon": True}]},
        {
            "items": [
                {"text": " Kim – Trust ", "href": "/account?a=1&b=2", "icon": True},
                {"html": sign_out},
            ]
        },
        {"items": [{"text": "No icon", "href": "/account"}, {"text": "Plain text"}]},
    ]
    navigations = [
        [{"text": "Evidence", "href": "/evidence", "current": False}],
        [
            {"text": "Role plans", "href": "/dashboard", "current": True},
            {"text": "Overview & <more>", "href": "/overview?x=1&y=2", "current": False},
            {"text": "Evidence", "href": "/evidence", "current": False},
        ],
        [
            {"text": "Role plans", "href": "/dashboard", "current": False},
            {"text": "Evidence", "href": "/evidence", "current": True},
        ],
    ]
    for account, navigation in itertools.product(accounts, navigations):
        params = {
            "service": {"text": "Peer worker <role> design", "href": "/?a=1&b=2"},
            "logo": {"src": "/static/logo.svg", "alt": "role & design"},
            "navigation": {"items": navigation},
        }
        yield params if account is None else {**params, "account": account}


@pytest.mark.parametrize("params", list(header_cases()))
def test_headers_match_the_library(templates_app, params):
    assert normalise(render(templates_app, FAST_HEADER, params)) == normalise(
        render(templates_app, LIBRARY_HEADER, params)
    )
