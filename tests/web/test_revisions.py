"""Results kept in memory are keyed on revisions renewed with every change to their inputs, so
that another worker's change is never served stale."""

import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from roledesign import create_app
from roledesign.extensions import db
from roledesign.models import Answer, Assessment, RolePlan
from roledesign.services.progress import organisation_overview
from tests.helpers import Auth, Browser
from tests.web.test_rounds import answer


def revisions(app, plan_id) -> list[str]:
    """The answers revision of each round of the plan, oldest first."""
    with app.app_context():
        return db.session.scalars(
            select(Assessment.answers_revision)
            .where(Assessment.plan_id == plan_id)
            .order_by(Assessment.round_no)
        ).all()


def test_any_change_to_a_rounds_answers_renews_its_revision_in_the_same_commit(
    app, auth, make_plan
):
    """Whatever code writes answers through the ORM (the web forms, the demo data, the CLI)."""
    auth.manager()
    plan_id = make_plan()
    seen = set(revisions(app, plan_id))

    def changed(change) -> bool:
        with app.app_context():
            change(db.session.scalar(select(Assessment).where(Assessment.plan_id == plan_id)))
            db.session.commit()
        (now,) = revisions(app, plan_id)
        fresh = now not in seen
        seen.add(now)
        return fresh

    def first_answer(round_):
        return db.session.scalar(select(Answer).where(Answer.assessment_id == round_.id))

    assert changed(lambda r: db.session.add(Answer(assessment=r, item_id="DIS-01", status="no")))
    assert changed(lambda r: setattr(first_answer(r), "status", "yes"))
    assert changed(lambda r: setattr(first_answer(r), "note", "A note"))
    assert not changed(lambda r: setattr(first_answer(r), "status", "yes"))  # the same answer
    assert changed(lambda r: db.session.delete(first_answer(r)))
    assert not changed(lambda r: setattr(r, "confirmed_at", None))  # not an answer


def test_each_write_path_gives_the_answers_a_revision_not_seen_before(
    app, auth, browser, make_plan, runner, tmp_path
):
    auth.manager()
    plan_id = make_plan()
    seen = set(revisions(app, plan_id))
    answer(browser, plan_id, "distinctiveness", DIS_01="no")  # the domain pages
    assert revisions(app, plan_id)[-1] not in seen
    seen.update(revisions(app, plan_id))
    answer(browser, plan_id, "distinctiveness", DIS_01="no")  # saved unchanged: still the same
    assert revisions(app, plan_id)[-1] in seen
    browser.submit(f"/plans/{plan_id}/rounds/new", {})  # a new round, copying the answers
    assert len(revisions(app, plan_id)) == 2 and revisions(app, plan_id)[-1] not in seen
    seen.update(revisions(app, plan_id))
    # An organisation exported, deleted and imported again: on SQLite the restored rounds can
    # get the same ids as the deleted ones, never the same revisions.
    export, organisation = tmp_path / "org.json", str(organisation_of(app, plan_id))
    assert runner.invoke(args=["export-org", organisation, "--out", str(export)]).exit_code == 0
    assert runner.invoke(args=["delete-org", organisation, "--yes"]).exit_code == 0
    assert runner.invoke(args=["import-org", str(export)]).exit_code == 0
    with app.app_context():
        restored = set(db.session.scalars(select(Assessment.answers_revision)))
    assert len(restored) == 2 and not restored & seen
    # The demo data: its answers are added to a new round in the same transaction.
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        assert len(set(db.session.scalars(select(Assessment.answers_revision)))) == 3


def test_answers_are_written_through_the_orm_or_deleted_with_their_rounds():
    """Statements run past the ORM (insert, update, delete) do not renew revisions: the only
    one allowed on answers deletes them together with their rounds."""
    root = Path(__file__).parents[2] / "roledesign"
    found = []
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for line in path.read_text().splitlines():
            if re.search(r"\b(insert|update|delete)\(Answer\b|Answer\.__table__", line):
                found.append((path.relative_to(root).as_posix(), line.strip()))
    assert found == [
        (
            "services/org_transfer.py",
            "db.session.execute(delete(Answer).where(Answer.assessment_id.in_(round_ids)))",
        )
    ]
    source = (root / "services/org_transfer.py").read_text()
    assert "db.session.execute(delete(Assessment).where(Assessment.plan_id.in_(plan_ids)))" in (
        source
    )


def second_app(app):
    """Another app object on the same database, as in another worker: its own memos."""
    other = create_app(
        {
            key: app.config[key]
            for key in (
                "TESTING",
                "SECRET_KEY",
                "SQLALCHEMY_DATABASE_URI",
                "ARGON2_PARAMETERS",
                "MAIL_BACKEND",
            )
        }
    )
    assert other.extensions is not app.extensions
    return other


def organisation_of(app, plan_id: int) -> int:
    with app.app_context():
        return db.session.get(RolePlan, plan_id).organisation_id


def overview_score(app, organisation_id: int, team: str) -> int:
    with app.app_context():
        rows = organisation_overview(
            app.extensions["roledesign.catalog"], organisation_id, date.today()
        )
        return next(r.domains["distinctiveness"].score for p, r, _, _ in rows if p.team == team)


def cells(client) -> list[str]:
    page = client.get("/overview").get_data(as_text=True)
    return re.findall(r'cell--numeric">\s*([^<]*?)\s*</td>', page)


def test_a_change_through_one_worker_is_seen_at_once_by_another(
    app, client, auth, browser, make_plan
):
    other = second_app(app)
    try:
        auth.manager()
        plan_id = make_plan(team="North")
        answer(browser, plan_id, "distinctiveness", DIS_01="no")
        them = Browser(other.test_client())
        Auth(them).sign_in()
        before = cells(them.client)
        assert cells(them.client) == before == cells(client)  # kept in both memos now
        low = overview_score(other, organisation_of(app, plan_id), "North")
        answer(browser, plan_id, "distinctiveness", DIS_01="yes")
        assert overview_score(other, organisation_of(app, plan_id), "North") > low
        assert cells(them.client) == cells(client) != before
    finally:
        with other.app_context():
            db.engine.dispose()


def test_a_deleted_and_rebuilt_organisation_is_not_served_from_another_workers_memo(
    app, auth, browser, make_plan
):
    """SQLite gives the new rows the deleted ones' ids (PostgreSQL does not); the revisions
    are new all the same."""
    other = second_app(app)
    try:
        auth.manager(organisation="First Trust")
        plan_id = make_plan(team="North")
        answer(browser, plan_id, "distinctiveness", DIS_01="no")
        low = overview_score(other, organisation_of(app, plan_id), "North")
        browser.submit("/organisation/delete", {"confirm_name": "First Trust"})
        auth.manager(email="successor@example.org", organisation="First Trust")
        again = make_plan(team="North")
        answer(browser, again, "distinctiveness", DIS_01="yes")
        assert overview_score(other, organisation_of(app, again), "North") > low
    finally:
        with other.app_context():
            db.engine.dispose()


def test_the_overview_reads_answers_only_for_results_it_has_not_worked_out(
    app, client, auth, browser, make_plan, count_queries
):
    auth.manager()
    for team in ("North", "South", "East"):
        answer(browser, make_plan(team=team), "distinctiveness", DIS_01="no")
    with count_queries() as first:
        assert client.get("/overview").status_code == 200
    with count_queries() as again:
        assert client.get("/overview").status_code == 200
    reads_answers = [s for s in first if "FROM answers" in s]
    assert len(reads_answers) == 1
    assert [s for s in again if "FROM answers" in s] == []
    assert len(again) == len(first) - 1
