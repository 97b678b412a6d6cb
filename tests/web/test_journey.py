"""The manager's journey through the test client: sign up, organisation, plan, domains, report."""

import re

from roledesign.extensions import db
from roledesign.models import RolePlan
from tests.helpers import PLAN_FORM


def text(response) -> str:
    return response.get_data(as_text=True)


def test_start_page_invites_sign_up(client):
    page = text(client.get("/"))
    assert "Plan a peer worker role that works" in page
    assert 'href="/sign-up"' in page


def test_sign_up_creates_organisation_then_dashboard(client, auth):
    response = auth.sign_up()
    assert response.status_code == 302 and response.headers["Location"] == "/organisations/new"
    # Without an organisation, the dashboard sends the manager to create one.
    assert client.get("/dashboard").headers["Location"] == "/organisations/new"
    response = auth.create_organisation(name="Riverside Mind", sector="voluntary")
    assert response.headers["Location"] == "/dashboard"
    page = text(client.get("/dashboard"))
    assert "Riverside Mind" in page and "Plan a new peer worker post" in page


def test_sign_out_and_sign_in_again(client, auth, browser):
    auth.manager()
    browser.submit("/sign-out", {}, page="/dashboard")
    assert client.get("/dashboard").status_code == 302
    response = auth.sign_in()
    assert response.headers["Location"] == "/dashboard"


def test_create_plan_and_see_task_list(client, auth, make_plan):
    auth.manager()
    plan_id = make_plan()
    page = text(client.get(f"/plans/{plan_id}"))
    assert "Peer support worker" in page
    for title in (
        "Distinctiveness of the role",
        "Shared expectations of the role",
        "Strategic alignment",
        "Organisational support",
    ):
        assert title in page
    assert page.count("Not started") == 4
    assert "Cannot start yet" in page  # nothing answered, so no report yet


def answer_all(browser, plan_id, items, status="yes", importance="3"):
    data = {}
    for item in items:
        key = item.id.replace("-", "_")
        data[f"{key}-status"] = status
        data[f"{key}-importance"] = importance
    return data


def test_walk_through_a_domain_saves_and_moves_on(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    catalog = app.extensions["roledesign.catalog"]
    items = [i for i in catalog.items_in("distinctiveness") if not i.applies_when]
    data = answer_all(browser, plan_id, items)
    data["DIS_02-status"] = "partly"
    data["DIS_02-note"] = "Draft JD mentions it only in the person specification."
    url = f"/plans/{plan_id}/domains/distinctiveness"
    response = browser.submit(url, {**data, "then": "next"})
    assert response.headers["Location"] == f"/plans/{plan_id}/domains/shared_expectations"
    # Saved: coming back shows the answers.
    page = text(client.get(url))
    assert re.search(r'value="partly"\s+checked', page) or 'value="partly" checked' in page
    assert "Draft JD mentions it only in the person specification." in page
    with app.app_context():
        plan = db.session.get(RolePlan, plan_id)
        rows = {a.item_id: a for a in plan.assessments[0].answers}
        assert rows["DIS-02"].status == "partly" and rows["DIS-01"].importance == 3
        assert "DIS-12" not in rows  # only asked when the post replaces another
    task_list = text(client.get(f"/plans/{plan_id}"))
    assert "Completed" in task_list


def test_replacement_posts_get_the_anti_dilution_statement(client, auth, make_plan):
    auth.manager()
    new_role = make_plan()
    replacement = make_plan(introduction="replacement")
    assert "DIS-12" not in text(client.get(f"/plans/{new_role}/domains/distinctiveness")).replace(
        "DIS_12", ""
    )
    page = text(client.get(f"/plans/{replacement}/domains/distinctiveness"))
    assert "the old post&#39;s tasks that would dilute the peer role" in page


def test_full_walkthrough_reaches_report(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    catalog = app.extensions["roledesign.catalog"]
    for domain in catalog.domains:
        items = [i for i in catalog.items_in(domain.key) if not i.applies_when]
        data = answer_all(browser, plan_id, items, status="yes", importance="4")
        if domain.key == "organisational_support":
            data["SUP_02-status"] = "no"  # critical: no peer supervision
            data["SUP_13-status"] = "dont_know"
        browser.submit(f"/plans/{plan_id}/domains/{domain.key}", {**data, "then": "next"})
    check = text(client.get(f"/plans/{plan_id}/check-answers"))
    assert "Check your answers" in check and "Not answered" not in check
    response = browser.submit(f"/plans/{plan_id}/check-answers", {})
    assert response.headers["Location"] == f"/plans/{plan_id}/report"
    report = text(client.get(f"/plans/{plan_id}/report"))
    assert "Nearly ready" in report  # a critical gap stops "ready"
    assert "What to do first" in report and "Critical" in report
    assert "Arrange peer supervision or mentoring" in report  # the action for SUP-02
    assert "Knowledge gaps" in report and "take time out after distressing work" in report
    assert "<svg" in report and 'role="img"' in report
    assert "<table" in report  # the chart's equivalent table
    assert "Mowbray et al. 1996" in report  # evidence shown with its source


def test_incomplete_answers_are_flagged_on_the_report(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    browser.submit(
        f"/plans/{plan_id}/domains/distinctiveness",
        {"DIS_01-status": "no", "DIS_01-importance": "4", "then": "task-list"},
    )
    report = text(client.get(f"/plans/{plan_id}/report"))
    assert "This report is based on incomplete answers" in report
    assert "Not assessed" in report
    assert "Not yet ready" in report  # overall 0 from the one answer


def test_describe_can_be_changed(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    response = browser.submit(
        f"/plans/{plan_id}/describe", {**PLAN_FORM, "team": "Crisis team", "setting": "crisis"}
    )
    assert response.headers["Location"] == f"/plans/{plan_id}"
    assert "Crisis team" in text(client.get(f"/plans/{plan_id}"))


def test_a_saved_note_is_shown_open_and_an_empty_one_folded(client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    url = f"/plans/{plan_id}/domains/distinctiveness"
    browser.submit(url, {"DIS_01-note": "Agreed in March.", "then": "task-list"})
    page = text(client.get(url))
    notes = re.findall(r'<details class="nhsuk-details app-item__note"( open)?>', page)
    assert notes[0] == " open" and set(notes[1:]) == {""}
    assert "Agreed in March." in page
