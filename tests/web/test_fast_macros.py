"""Our lean radios, task list, details, summary list and tag emit the same markup as
nhsuk-frontend-jinja's, for every combination of the parameters the app passes (white space
aside, which HTML ignores)."""

import itertools
import re

import pytest
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
