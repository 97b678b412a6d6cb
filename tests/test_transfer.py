"""Export an organisation, restore it into an empty database, export again: the same JSON.
Delete an organisation: nothing of it remains."""

import json
from datetime import date, timedelta

from sqlalchemy import func, inspect, select, text

from roledesign import create_app
from roledesign.extensions import db
from roledesign.models import Membership, Organisation, RolePlan, User


def build_organisation(browser, auth, make_plan, outbox):
    """An organisation with two members, two plans, rounds, actions, check-ins and an audit log."""
    import re

    auth.manager(organisation="Export Trust")
    page = browser.submit("/organisation/members/invite", {"email": "hr@example.org", "role": "hr"})
    link = re.search(r"(/invitations/[^<\s]+)", page.get_data(as_text=True)).group(1)
    first = make_plan(team="Alpha team", employment="voluntary", band="")
    second = make_plan(team="Beta team", introduction="replacement", peer_workers="1")
    browser.submit(
        f"/plans/{first}/domains/distinctiveness",
        {"DIS_01-status": "no", "DIS_01-importance": "4", "DIS_01-note": "Note é ✓"},
    )
    browser.submit(f"/plans/{first}/rounds/new", {})
    browser.submit(f"/plans/{first}/domains/distinctiveness", {"DIS_01-status": "yes"})
    when = date.today() + timedelta(days=10)
    browser.submit(
        f"/plans/{second}/actions/new",
        {
            "title": "Write the JD",
            "owner_name": "HR lead",
            "item_ids": [],
            "due_on[day]": str(when.day),
            "due_on[month]": str(when.month),
            "due_on[year]": str(when.year),
            "status": "dropped",
            "drop_reason": "Merged",
        },
    )
    browser.submit(
        f"/plans/{second}/check-ins",
        {
            "month": "3",
            "perspective": "peer_worker",
            "q_used_as_intended-answer": "yes",
            "q_lived_experience-answer": "partly",
            "q_supervision-answer": "no",
            "q_drift-answer": "yes",
            "note": "Early days",
        },
    )
    # Documents: typed-in details (saving them saves a version), and a ticked checklist line.
    from tests.web.test_documents import DETAILS

    browser.submit(f"/plans/{first}/documents/details", DETAILS)
    browser.submit(f"/plans/{first}/documents/recruitment-checklist", {"done": ["RC-BA-01"]})
    # A job description check, attached to the first plan.
    browser.submit(
        "/job-description-checks/new",
        {"text": "We need someone to do close observations on the ward.", "plan_id": str(first)},
    )
    # A team survey with enough responses for a report and its comments.
    from tests.web.team_helpers import close_survey, respond, set_up_survey

    token = set_up_survey(browser, first)
    for n in range(12):
        group = ("peer_worker", "non_peer_staff", "line_manager")[n % 3]
        respond(
            browser.client.application,
            token,
            group,
            {"distinctiveness": {"DIS-01": ("yes", 4) if n % 2 else ("no", 2)}},
            comment=f"Comment {n}" if n < 6 else "",
        )
    close_survey(browser, first)
    return link


def test_export_import_export_round_trip(
    app, client, auth, browser, make_plan, outbox, runner, tmp_path
):
    link = build_organisation(browser, auth, make_plan, outbox)
    from tests.helpers import Auth, Browser

    hr = Browser(app.test_client())
    Auth(hr).sign_up(email="hr@example.org", name="Harper")
    hr.submit(link, {})
    with app.app_context():
        org_id = db.session.scalar(select(Organisation.id))
    result = runner.invoke(args=["export-org", str(org_id)])
    assert result.exit_code == 0, result.output
    exported = json.loads(result.output)
    assert [m["email"] for m in exported["members"]] == ["hr@example.org", "manager@example.org"]
    assert len(exported["plans"]) == 2 and len(exported["plans"][0]["rounds"]) == 2
    assert exported["jd_checks"][0]["plan"] == 0
    documents = exported["plans"][0]["documents"]
    assert documents["details"]["base"] and documents["versions"] and documents["ticks"]
    assert "password" not in result.output

    # Restore into a second, empty database.
    restored_app = _empty_app(tmp_path)
    path = tmp_path / "export.json"
    path.write_text(result.output)
    restored = restored_app.test_cli_runner().invoke(args=["import-org", str(path)])
    assert restored.exit_code == 0, restored.output
    with restored_app.app_context():
        new_id = db.session.scalar(select(Organisation.id))
    again = restored_app.test_cli_runner().invoke(args=["export-org", str(new_id)])
    assert json.loads(again.output) == exported
    # The team report of the restored copy reads exactly as the original's.
    with app.app_context():
        first_plan = db.session.scalar(select(RolePlan.id).order_by(RolePlan.id))
    with restored_app.app_context():
        restored_plan = db.session.scalar(select(RolePlan.id).order_by(RolePlan.id))
    original_report = runner.invoke(args=["team-report", str(first_plan)]).output
    restored_report = (
        restored_app.test_cli_runner().invoke(args=["team-report", str(restored_plan)]).output
    )
    assert json.loads(restored_report) == json.loads(original_report)
    assert json.loads(original_report)["total"] == 12
    [survey] = exported["plans"][0]["team_surveys"]
    # Released aggregates only: no raw tallies, per-group counts of hidden groups or rows.
    assert set(survey) == {"item_ids", "is_open", "closes_on", "created_at", "release"}
    figures = survey["release"]["figures"]
    assert sorted(figures["comments"]) == [f"Comment {n}" for n in range(6)]
    assert figures["total"] == 12 and figures["groups"] == {}  # 4 per group: none shown
    assert set(figures["cells"]) == {"team"}
    # Restoring twice is refused: the target must be empty.
    twice = restored_app.test_cli_runner().invoke(args=["import-org", str(path)])
    assert twice.exit_code == 2 and "not empty" in twice.output
    _drop(restored_app)


def _empty_app(tmp_path):
    """A second app on its own empty database (a separate schema on PostgreSQL)."""
    import os

    base = os.environ.get("TEST_DATABASE_URL")
    config = {
        "SECRET_KEY": "x",
        "MAIL_BACKEND": "memory",
        "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
    }
    if base:
        engine_url = base.replace("postgresql://", "postgresql+psycopg://", 1)
        config["SQLALCHEMY_DATABASE_URI"] = engine_url
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {
            "connect_args": {"options": "-csearch_path=restored"}
        }
        app = create_app(config)
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS restored CASCADE"))
            connection.execute(text("CREATE SCHEMA restored"))
    else:
        config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{tmp_path}/restored.sqlite"
        app = create_app(config)
    with app.app_context():
        db.create_all()
    return app


def _drop(app):
    with app.app_context():
        db.drop_all()
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA IF EXISTS restored CASCADE"))
        db.engine.dispose()


def test_import_refuses_damaged_files(runner, tmp_path):
    path = tmp_path / "bad.json"
    for content, message in (
        ("{", "cannot import"),
        ('{"format": "other"}', "not a roledesign"),
        ('{"format": "roledesign-organisation/2"}', "incomplete or damaged"),
    ):
        path.write_text(content)
        result = runner.invoke(args=["import-org", str(path)])
        assert result.exit_code == 2 and message in result.output, result.output


def test_delete_org_leaves_nothing_behind(app, client, auth, browser, make_plan, outbox, runner):
    build_organisation(browser, auth, make_plan, outbox)
    browser.submit("/sign-out", {}, page="/account")
    auth.manager(email="other@example.org", organisation="Keep Trust")
    keep_plan = make_plan(team="Keep team")
    with app.app_context():
        doomed = db.session.scalar(
            select(Organisation.id).where(Organisation.name == "Export Trust")
        )
    assert runner.invoke(args=["delete-org", str(doomed)]).exit_code == 2  # needs --yes
    result = runner.invoke(args=["delete-org", str(doomed), "--yes"])
    assert result.exit_code == 0 and "Deleted Export Trust" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Organisation)) == 1
        assert db.session.scalars(select(User.email)).all() == ["other@example.org"]
        # Every table is empty of the deleted organisation's rows: only Keep Trust's remain.
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(func.count()).select_from(table)).scalar()
            if table.name in (
                "users",
                "organisations",
                "memberships",
                "role_plans",
                "assessments",
                "audit_events",
                # Accounts' own rows, kept with the accounts: their browsers and e-mails.
                "user_sessions",
                "outbox_mail",
            ):
                continue
            assert rows == 0, table.name
        keep = db.session.scalar(select(Organisation).where(Organisation.name == "Keep Trust"))
        assert db.session.scalar(select(func.count()).select_from(Membership)) == 1
        assert keep is not None
    assert client.get(f"/plans/{keep_plan}").status_code == 200


def test_admin_can_export_and_delete_from_settings(app, client, auth, browser, make_plan):
    auth.manager()
    make_plan()
    response = client.get("/organisation/export.json")
    assert response.mimetype == "application/json"
    assert json.loads(response.data)["organisation"]["name"] == "Northshire NHS Trust"
    page = browser.submit("/organisation/delete", {"confirm_name": "Northshire"})
    assert "does not match" in page.get_data(as_text=True)
    response = browser.submit("/organisation/delete", {"confirm_name": "Northshire NHS Trust"})
    assert response.headers["Location"] == "/"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Organisation)) == 0
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_every_table_is_covered_by_export_or_deliberately_left_out(app):
    """A new table must be added to the export and to deletion, or listed here with a reason."""
    covered = {
        "organisations",
        "users",
        "memberships",
        "role_plans",
        "assessments",
        "answers",
        "actions",
        "action_items",
        "check_ins",
        "audit_events",
        "document_details",
        "document_versions",
        "checklist_ticks",
        "team_surveys",
        "team_releases",
        "jd_checks",
    }
    left_out = {
        "invitations": "pending invitations are short-lived secrets; deletion removes them",
        "alembic_version": "schema bookkeeping",
        "assessment_pages": "edit counters of domain pages (web/concurrency.py): a restored "
        "round starts them afresh; deletion removes them",
        "team_invitations": "hashes of single-use links: secrets of this installation; deletion "
        "removes them",
        "team_invited_addresses": "keyed hashes of addresses, useless without this installation's "
        "secret; deletion removes them",
        "team_answers": "raw survey data never leaves the app: only releases are exported",
        "team_responses": "raw survey data never leaves the app: only releases are exported",
        "team_tallies": "raw survey data never leaves the app: only releases are exported",
        "team_counts": "raw survey data never leaves the app: only releases are exported",
        "user_sessions": "signed-in browsers; an imported account signs in afresh",
        "outbox_mail": "e-mail waiting to be sent; `send-mail` deletes it a week after sending",
    }
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
    assert tables - covered - set(left_out) == set()


def test_an_export_made_before_releases_imports_as_a_release(
    app, auth, browser, make_plan, runner, tmp_path
):
    """Format 1 carried raw tallies: a closed survey comes in as the release they make (a group
    of one is not kept), an open one as open with nobody counted."""
    auth.manager()
    make_plan()
    make_plan()
    with app.app_context():
        org_id = db.session.scalar(select(Organisation.id))
    exported = json.loads(runner.invoke(args=["export-org", str(org_id)]).output)
    exported["format"] = "roledesign-organisation/1"
    tally = dict.fromkeys(
        (
            "yes",
            "partly",
            "no",
            "dont_know",
            "not_relevant",
            "importance_total",
            "importance_given",
        ),
        0,
    )
    for plan, is_open in zip(exported["plans"], (False, True), strict=True):
        del plan["team_surveys"]
        plan["team_survey"] = {
            "item_ids": ["DIS-01"],
            "is_open": is_open,
            "closes_on": None,
            "created_at": "2026-11-01T09:00:00+00:00",
            "group_counts": {"non_peer_staff": 6, "peer_worker": 5, "other": 1},
            "tallies": [
                {"group": "non_peer_staff", "item": "DIS-01", **tally, "yes": 6},
                {"group": "peer_worker", "item": "DIS-01", **tally, "no": 5},
                {"group": "other", "item": "DIS-01", **tally, "partly": 1},
            ],
            "comments": [],
            "first_response_on": "2026-11-02",
        }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(exported))
    restored_app = _empty_app(tmp_path)
    restored = restored_app.test_cli_runner().invoke(args=["import-org", str(path)])
    assert restored.exit_code == 0, restored.output
    with restored_app.app_context():
        plan_ids = db.session.scalars(select(RolePlan.id).order_by(RolePlan.id)).all()
    report = json.loads(
        restored_app.test_cli_runner().invoke(args=["team-report", str(plan_ids[0])]).output
    )
    assert report["total"] == 12 and report["status"] == "released"
    groups = {g["group"]: g for g in report["groups"]}
    # The group of one is pooled, with the smallest shown group so the pool has k people.
    assert groups["non_peer_staff"]["n"] == 6 and groups["other_respondents"]["n"] == 6
    assert groups["peer_worker"]["n"] is None and groups["other"]["n"] is None
    opened = restored_app.test_cli_runner().invoke(args=["team-report", str(plan_ids[1])])
    assert json.loads(opened.output) == {"status": "open", "total": 0}
    _drop(restored_app)
