"""One gate: nothing derived from team survey responses leaves the app except through
roledesign.domain.disclosure.

How this is checked, in three parts that together leave no route or command out:

1. Statically, over every module of the app: only ``services/team_store.py`` names the raw survey
   tables (responses, answers, running tallies and counts), apart from the models, the migrations
   and the demo loader (which only inserts). So no view, command or service can read them
   without calling the store.
2. Statically, over the store: every function other modules call is either a write, or one of
   the gated reads, each of which returns what a ``disclosure`` function made of the raw figures
   (the live counter, or a release). Everything else in the store is private to it.
3. At run time, over every route in ``app.url_map`` and every command in ``app.cli``: each is
   called (GET, and POST where not destructive) on a world with a released and an open survey,
   while every SQL statement that selects from a raw survey table is traced back to the Python
   function that issued it. A select issued outside the gated reads (for example a new view that
   queries TeamTally itself) fails the test and names the route or command. A route or command
   the walk does not know yet fails it too, so a new one cannot slip past.
"""

import ast
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, select

from roledesign.extensions import db
from roledesign.models import Organisation, RolePlan
from tests.web.test_route_audit import RULES
from tests.world import build, build_world

ROOT = Path(__file__).resolve().parents[2] / "roledesign"
RAW_MODELS = {"TeamResponse", "TeamAnswer", "TeamTally", "TeamCount"}
RAW_TABLES = {"team_responses", "team_answers", "team_tallies", "team_counts"}
STORE = "services/team_store.py"
# Modules allowed to name the raw tables, and why.
ALLOWED = {
    STORE: "the only reader and writer",
    "services/team_demo.py": "inserts synthetic responses in bulk; reads nothing",
}
GATED_READS = {
    "response_total": "the one live figure, through disclosure.counter",
    "latest_with_total": "the same counter beside the survey, through disclosure.counter",
    "release_figures": "a closed survey's release, through disclosure.release",
}
WRITES = {"submit_response", "rebuild_tallies", "rebuild_counts", "delete_answers"}
# Consistency checks for tests, benchmarks and bulk loads: never called by the app itself.
CHECKS = {"load_tallies", "count_answers", "running_counts", "count_responses"}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(("models/", "migrations/")):
            continue
        yield relative, ast.parse(path.read_text(encoding="utf-8"))


def _names_raw(tree) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in RAW_MODELS:
            return True
        if isinstance(node, ast.Attribute) and node.attr in RAW_MODELS:
            return True
        if isinstance(node, ast.alias) and node.name.split(".")[-1] in RAW_MODELS:
            return True
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and any(table in node.value for table in RAW_TABLES)
        ):
            return True
    return False


def test_only_the_store_names_the_raw_survey_tables():
    naming = {relative for relative, tree in _modules() if _names_raw(tree)}
    assert naming == set(ALLOWED), f"read survey data through the gate, not in {naming - {STORE}}"
    demo = dict(_modules())["services/team_demo.py"]
    selects = [
        n
        for n in ast.walk(demo)
        if isinstance(n, ast.Call)
        and getattr(n.func, "id", getattr(n.func, "attr", "")) == "select"
    ]
    assert selects == []


def _store_functions():
    tree = dict(_modules())[STORE]
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def test_the_store_returns_survey_figures_only_through_the_gate():
    functions = _store_functions()
    used_elsewhere = set()
    for relative, tree in _modules():
        if relative == STORE:
            continue
        for node in ast.walk(tree):
            name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "name", None)
            if isinstance(node, ast.Name):
                name = node.id
            if name in functions:
                used_elsewhere.add(name)
    assert used_elsewhere <= set(GATED_READS) | WRITES, used_elsewhere - set(GATED_READS) - WRITES
    assert not any(name.startswith("_") for name in used_elsewhere)
    public = {name for name in functions if not name.startswith("_")}
    assert public == set(GATED_READS) | WRITES | CHECKS, public
    for name in GATED_READS:
        returns = [n for n in ast.walk(functions[name]) if isinstance(n, ast.Return)]
        assert returns, name
        for node in returns:
            calls = [
                c
                for c in ast.walk(node.value)
                if isinstance(c, ast.Call)
                and isinstance(c.func, ast.Attribute)
                and getattr(c.func.value, "id", None) == "disclosure"
            ]
            assert calls, f"{name} must return what a disclosure function made"


class RawReads:
    """Every SELECT on a raw survey table, with whether a gated store read issued it."""

    def __init__(self):
        self.where = "setup"
        self.outside = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        text = statement.lstrip().upper()
        if not text.startswith(("SELECT", "WITH")):
            return
        if not any(table in statement for table in RAW_TABLES):
            return
        frame = sys._getframe()
        while frame is not None:
            code = frame.f_code
            if code.co_filename.endswith(STORE) and code.co_name in GATED_READS:
                return
            frame = frame.f_back
        self.outside.append((self.where, statement.split("\n")[0][:120]))


def _seed_released_and_open_surveys(app, browser, plan_id):
    from roledesign.services import team as services
    from roledesign.services import team_store as store
    from roledesign.web.template_helpers import catalog

    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        survey = services.survey_for(plan)
        for n in range(12):
            store.submit_response(
                survey,
                group=("peer_worker", "non_peer_staff")[n % 2],
                answers={"DIS-01": ("yes" if n % 3 else "no", 3)},
                submission_key=f"gate-{n}",
                comment=f"Comment {n}",
                on=services.today(),
            )
        services.close(catalog(), survey, services.today())
        services.ask_again(plan, survey, None)
        db.session.commit()


# Each command with arguments for the world below ("{plan}", "{org}", "{tmp}" filled in).
COMMANDS = {
    "team-report": ["team-report", "{plan}"],
    "export-org": ["export-org", "{org}"],
    "documents": ["documents", "{plan}", "--out", "{tmp}/docs"],
    "score": ["score", "{tmp}/answers.json"],
    "check-evidence": ["check-evidence"],
    "export-evidence": ["export-evidence"],
    "check-jd": ["check-jd", "{tmp}/jd.txt"],
    "demo": ["demo", "--responses", "12"],
    "backup-db": ["backup-db", "{tmp}/backup.sqlite"],
    "import-org": ["import-org", "{tmp}/org.json"],  # refused: the database is not empty
    "delete-org": ["delete-org", "{outsider_org}", "--yes"],
    "send-mail": ["send-mail"],
}
NOT_OURS = {"db", "run", "shell", "routes", "limiter"}  # Flask's and extensions' own


@pytest.fixture
def gated_world(app, auth, browser, make_plan):
    built = build_world(app, auth, browser, make_plan)
    _seed_released_and_open_surveys(app, browser, built.values["plan_id"])
    return built


def test_every_route_and_command_reads_survey_data_only_through_the_gate(
    app, gated_world, runner, tmp_path
):
    reads = RawReads()
    admin = gated_world.people["admin"]
    values = {**gated_world.values, "token": gated_world.token}
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", reads)
        org_id = db.session.scalar(select(Organisation.id).order_by(Organisation.id))
        outsider_org = db.session.scalar(select(Organisation.id).order_by(Organisation.id.desc()))
    try:
        walked = set()
        for rule in app.url_map.iter_rules():
            url = build(rule, values)
            reads.where = f"{sorted(rule.methods - {'HEAD', 'OPTIONS'})} {url}"
            if "GET" in rule.methods:
                admin.client.get(url).close()
            post_need = RULES[rule.endpoint][2]
            if "POST" in rule.methods and post_need and not post_need.startswith("skip"):
                admin.client.post(url, data={"csrf_token": admin.csrf("/dashboard")}).close()
            walked.add(rule.endpoint)
        assert walked == set(RULES)  # every route, as the route audit knows them

        (tmp_path / "answers.json").write_text(json.dumps({"context": {}, "answers": {}}))
        (tmp_path / "jd.txt").write_text("Peer support worker. " * 20)
        (tmp_path / "org.json").write_text(runner.invoke(args=["export-org", str(org_id)]).output)
        ours = set(app.cli.commands) - NOT_OURS
        assert ours == set(COMMANDS), f"add these commands to COMMANDS: {ours - set(COMMANDS)}"
        fill = {
            "plan": values["plan_id"],
            "org": org_id,
            "outsider_org": outsider_org,
            "tmp": tmp_path,
        }
        for name, args in COMMANDS.items():
            reads.where = f"flask {name}"
            result = runner.invoke(args=[a.format(**fill) for a in args])
            assert "Traceback" not in (result.output or ""), (name, result.output)
    finally:
        with app.app_context():
            event.remove(db.engine, "before_cursor_execute", reads)
    assert reads.outside == []


def test_the_tracer_catches_a_read_that_bypasses_the_gate(app, gated_world):
    """The run-time check can fail: a raw select outside the store's gated reads is caught."""
    from roledesign.models import TeamTally

    reads = RawReads()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", reads)
        try:
            reads.where = "a view that reads the tallies itself"
            db.session.execute(select(TeamTally)).all()
        finally:
            event.remove(db.engine, "before_cursor_execute", reads)
    assert [where for where, _ in reads.outside] == ["a view that reads the tallies itself"]
