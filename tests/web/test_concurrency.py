"""Two people editing the same page: the later save is refused with its input kept."""

import re

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Answer, RolePlan
from tests.helpers import PLAN_FORM, Auth, Browser
from tests.web.test_bad_input import summary_links

CONFLICT = (
    "#maincontent",
    "Someone else saved changes to this page while you were editing it. "
    "Your changes have not been saved yet: check them against the latest version and "
    "save again.",
)


def second_person(app, browser, outbox_email="colleague@example.org"):
    """A colleague in the same organisation, signed in on another device."""
    page = browser.submit(
        "/organisation/members/invite", {"email": outbox_email, "role": "manager"}
    )
    link = re.search(r"(/invitations/[^<\s]+)", page.get_data(as_text=True)).group(1)
    colleague = Browser(app.test_client())
    Auth(colleague).sign_up(email=outbox_email, name="Colleague")
    colleague.submit(link, {})
    return colleague


def test_domain_page_conflict_keeps_the_later_writers_answers(
    app, client, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    url = f"/plans/{plan_id}/domains/distinctiveness"
    mine = browser.hidden_fields(url)  # both open the page
    theirs = colleague.hidden_fields(url)
    first = colleague.client.post(url, data={**theirs, "DIS_01-status": "yes"})
    assert first.status_code == 302
    late = client.post(url, data={**mine, "DIS_01-status": "no", "DIS_01-note": "My view"})
    page = late.get_data(as_text=True)
    assert late.status_code == 409
    assert summary_links(page) == [CONFLICT]
    assert "My view" in page and re.search(r'value="no"\s+checked', page)
    with app.app_context():
        assert db.session.scalar(select(Answer.status)) == "yes"
    # Saving again from the refreshed page goes through.
    renewed = re.search(r'name="stamp" type="hidden" value="([^"]+)"', page).group(1)
    again = client.post(url, data={**mine, "stamp": renewed, "DIS_01-status": "no"})
    assert again.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Answer.status)) == "no"


def test_plan_description_conflict(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    url = f"/plans/{plan_id}/describe"
    mine = browser.hidden_fields(url)
    colleague.submit(url, {**PLAN_FORM, "team": "Their team name"})
    late = client.post(url, data={**mine, **PLAN_FORM, "team": "My team name"})
    assert late.status_code == 409
    assert 'value="My team name"' in late.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(RolePlan, plan_id).team == "Their team name"


def test_editing_different_domains_at_once_is_fine(app, client, auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    colleague = second_person(app, browser)
    mine = browser.hidden_fields(f"/plans/{plan_id}/domains/distinctiveness")
    theirs = colleague.hidden_fields(f"/plans/{plan_id}/domains/strategic_alignment")
    assert (
        colleague.client.post(
            f"/plans/{plan_id}/domains/strategic_alignment", data={**theirs, "STR_01-status": "yes"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"/plans/{plan_id}/domains/distinctiveness", data={**mine, "DIS_01-status": "yes"}
        ).status_code
        == 302
    )
