"""Assessment rounds: a new round starts from the last; closed rounds never change; progress
and the overview take the same number of queries however many rounds or plans there are."""

import re

import pytest
from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Answer, Assessment, ClosedRoundError, RolePlan
from roledesign.services.assessment import save_domain
from tests.helpers import PLAN_FORM


def text(response):
    return response.get_data(as_text=True)


def answer(browser, plan_id, domain, **statuses):
    data = {f"{k}-status": v for k, v in statuses.items()}
    return browser.submit(f"/plans/{plan_id}/domains/{domain}", data)


def test_new_round_copies_answers_and_closes_the_previous(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    answer(browser, plan_id, "distinctiveness", DIS_01="no", DIS_02="partly")
    page = text(client.get(f"/plans/{plan_id}/rounds/new"))
    assert "Start round 2" in page
    response = browser.submit(f"/plans/{plan_id}/rounds/new", {})
    assert response.headers["Location"] == f"/plans/{plan_id}"
    with app.app_context():
        first, second = db.session.scalars(
            select(Assessment).where(Assessment.plan_id == plan_id).order_by(Assessment.round_no)
        )
        assert first.closed_at is not None and second.closed_at is None
        assert {(a.item_id, a.status) for a in second.answers} == {
            ("DIS-01", "no"),
            ("DIS-02", "partly"),
        }
    # Answering now changes round 2 only.
    answer(browser, plan_id, "distinctiveness", DIS_01="yes", DIS_02="partly")
    with app.app_context():
        statuses = dict(
            db.session.execute(
                select(Assessment.round_no, Answer.status)
                .join(Answer)
                .where(Assessment.plan_id == plan_id, Answer.item_id == "DIS-01")
            ).all()
        )
    assert statuses == {1: "no", 2: "yes"}
    old_report = text(client.get(f"/plans/{plan_id}/rounds/1/report"))
    assert "Round 1, closed on" in old_report and "Add to action plan" not in old_report
    assert client.get(f"/plans/{plan_id}/rounds/3/report").status_code == 404


def test_closed_rounds_refuse_every_change(app, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    answer(browser, plan_id, "distinctiveness", DIS_01="no")
    browser.submit(f"/plans/{plan_id}/rounds/new", {})
    with app.app_context():
        closed = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        row = closed.answers[0]
        row.status = "yes"
        with pytest.raises(ClosedRoundError):
            db.session.flush()
        db.session.rollback()
        closed = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        db.session.add(Answer(assessment=closed, item_id="DIS-02", status="yes"))
        with pytest.raises(ClosedRoundError):
            db.session.flush()
        db.session.rollback()
        closed = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        db.session.delete(closed.answers[0])
        with pytest.raises(ClosedRoundError):
            db.session.flush()
        db.session.rollback()
        closed = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        closed.closed_at = None  # reopening is refused too
        with pytest.raises(ClosedRoundError):
            db.session.flush()
        db.session.rollback()
        # The service refuses before the database is touched.
        from werkzeug.exceptions import Conflict

        closed = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        with pytest.raises(Conflict):
            save_domain(closed, "distinctiveness", {})
        assert (
            db.session.scalar(select(Answer.status).where(Answer.assessment_id == closed.id))
            == "no"
        )
        # Deleting the whole plan (and so the closed round) is still possible.
        db.session.delete(db.session.get(RolePlan, plan_id))
        db.session.commit()
        assert db.session.scalar(select(Answer)) is None


def test_progress_shows_trend_moves_and_closed_actions(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    answer(browser, plan_id, "distinctiveness", DIS_01="no", DIS_02="yes")
    browser.submit(
        f"/plans/{plan_id}/actions/new",
        {
            "title": "Write the job description",
            "owner_name": "HR",
            "due_on[day]": "1",
            "due_on[month]": "1",
            "due_on[year]": "2030",
            "status": "done",
        },
    )
    browser.submit(f"/plans/{plan_id}/rounds/new", {})
    answer(browser, plan_id, "distinctiveness", DIS_01="yes", DIS_02="partly")
    page = text(client.get(f"/plans/{plan_id}/progress"))
    assert "Readiness scores by round, out of 100" in page and "<polyline" in page
    # Distinctiveness: round 1 = 100 × 3/6 = 50; round 2 = 100 × 4.5/6 = 75
    row = page[page.index("Distinctiveness of the role</th>") :].split("</tr>")[0]
    assert re.findall(r'cell--numeric">\s*([^<]*?)\s*</td>', row) == ["50", "75"]
    assert "From round 1 to round 2" in page
    assert "Improved" in page and "Got worse" in page
    assert "Write the job description" in page


def _seed_rounds(app, plan_id, n):
    from roledesign.services.assessment import start_new_round

    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        for _ in range(n):
            start_new_round(plan)
        db.session.commit()


def test_progress_and_overview_queries_do_not_grow(
    app, client, auth, browser, make_plan, count_queries
):
    auth.manager()
    plan_id = make_plan()
    answer(browser, plan_id, "distinctiveness", DIS_01="no", DIS_02="yes")
    with count_queries() as few:
        assert client.get(f"/plans/{plan_id}/progress").status_code == 200
    _seed_rounds(app, plan_id, 6)
    with count_queries() as many:
        assert client.get(f"/plans/{plan_id}/progress").status_code == 200
    assert len(many) == len(few)

    with count_queries() as one_plan:
        assert client.get("/overview").status_code == 200
    for n in range(5):
        other = make_plan(team=f"Team {n}")
        answer(browser, other, "strategic_alignment", STR_01="partly")
        _seed_rounds(app, other, 2)
    with count_queries() as six_plans:
        page = text(client.get("/overview"))
    assert len(six_plans) == len(one_plan)
    assert page.count("round 3") == 5 and "Where the organisation is weakest" in page


def test_progress_shows_team_consensus_per_round(
    app, client, auth, browser, make_plan, count_queries
):
    from datetime import date, timedelta

    from roledesign.models import TeamRelease
    from tests.web.team_helpers import close_survey, respond, set_up_survey

    auth.manager()
    plan_id = make_plan()
    token = set_up_survey(browser, plan_id)
    # Round 1: peer workers and staff disagree on DIS-01 (No against Yes): gap 1, consensus 0.
    for group, status in [("peer_worker", "no")] * 5 + [("non_peer_staff", "yes")] * 5:
        respond(app, token, group, {"distinctiveness": {"DIS-01": status}})
    close_survey(browser, plan_id)
    with app.app_context():
        # Date round 1 a fortnight back and its survey's release a week back; round 2 then
        # starts today.
        first = db.session.scalar(select(Assessment).where(Assessment.round_no == 1))
        first.created_at = first.created_at - timedelta(days=14)
        db.session.scalar(select(TeamRelease)).closed_on = date.today() - timedelta(days=7)
        db.session.commit()
    browser.submit(f"/plans/{plan_id}/rounds/new", {})
    browser.submit(f"/plans/{plan_id}/team/again", {}, page=f"/plans/{plan_id}/team")
    token = re.search(r"/s/([A-Za-z0-9_-]{20,})", text(client.get(f"/plans/{plan_id}/team")))[1]
    with count_queries() as before:
        client.get(f"/plans/{plan_id}/progress")
    # Round 2: everyone now says Yes: consensus 100.
    for group in ["peer_worker"] * 5 + ["non_peer_staff"] * 5:
        respond(app, token, group, {"distinctiveness": {"DIS-01": "yes"}})
    close_survey(browser, plan_id)
    with count_queries() as after:
        page = text(client.get(f"/plans/{plan_id}/progress"))
    assert len(after) == len(before)  # one query for the releases, however many
    table = page[page.index("Team consensus by round") :].split("</table>")[0]
    row = table[table.index("Distinctiveness of the role</th>") :].split("</tr>")[0]
    assert re.findall(r'cell--numeric">\s*([^<]*?)\s*</td>', row) == ["0", "100"]


def test_overview_follows_every_change_to_answers_and_context(app, auth, browser, make_plan):
    """The overview reuses results worked out before; each must still be the current score."""
    from datetime import date

    from roledesign.domain.context import applicable
    from roledesign.domain.scoring import Answer as Scored
    from roledesign.domain.scoring import score
    from roledesign.services.progress import organisation_overview

    auth.manager()
    plan_id = make_plan(peer_workers="1")
    twin_id = make_plan(team="South team", peer_workers="1")

    def overview_and_fresh(plan_id):
        with app.app_context():
            catalog = app.extensions["roledesign.catalog"]
            plan = db.session.get(RolePlan, plan_id)
            rows = organisation_overview(catalog, plan.organisation_id, date.today())
            shown = next(result for row_plan, result, _, _ in rows if row_plan.id == plan_id)
            latest = max(plan.assessments, key=lambda a: a.round_no)
            answers = {a.item_id: Scored(a.status, a.importance) for a in latest.answers}
            return shown, score(applicable(catalog.items, plan.context), answers)

    for plan in (plan_id, twin_id):
        answer(browser, plan, "organisational_support", SUP_01="yes", SUP_06="no")
    first, fresh = overview_and_fresh(plan_id)
    assert first == fresh and overview_and_fresh(twin_id)[0] == first
    support = first.domains["organisational_support"].score

    answer(browser, plan_id, "organisational_support", SUP_06="yes")
    changed, fresh = overview_and_fresh(plan_id)
    assert changed == fresh and changed.domains["organisational_support"].score > support
    assert overview_and_fresh(twin_id)[0] == first  # the other plan is untouched

    # Two peer workers: SUP-06 (for a lone peer worker) no longer applies, so "No" stops counting.
    response = browser.submit(f"/plans/{twin_id}/describe", {**PLAN_FORM, "peer_workers": "2"})
    assert response.status_code == 302
    regrouped, fresh = overview_and_fresh(twin_id)
    assert regrouped == fresh and regrouped.domains["organisational_support"].score == 100
