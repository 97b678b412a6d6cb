"""Members, roles, invitations, switching organisations and the audit log."""

import re
from datetime import timedelta

from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import Invitation, Membership
from roledesign.models.base import utcnow
from tests.web.test_bad_input import summary_links


def text(response):
    return response.get_data(as_text=True)


def invite(browser, outbox, email, role):
    page = text(browser.submit("/organisation/members/invite", {"email": email, "role": role}))
    assert "Invitation sent" in page
    return re.search(r"http://localhost(/invitations/\S+)", outbox[-1].body).group(1)


def switch_user(browser, auth, email):
    browser.submit("/sign-out", {}, page="/account")
    auth.sign_up(email=email, name=email.split("@")[0].title())


def test_invited_viewer_can_read_but_not_change(app, client, auth, browser, make_plan, outbox):
    auth.manager()
    plan_id = make_plan()
    link = invite(browser, outbox, "viewer@example.org", "viewer")
    assert outbox[-1].subject == "Join Northshire NHS Trust on roledesign"
    switch_user(browser, auth, "viewer@example.org")
    page = text(client.get(link))
    assert "Join Northshire NHS Trust" in page and "as viewer" in page
    response = browser.submit(link, {})
    assert response.headers["Location"] == "/dashboard"
    assert client.get(f"/plans/{plan_id}").status_code == 200
    assert client.get(f"/plans/{plan_id}/report").status_code == 200
    for url in (
        f"/plans/{plan_id}/describe",
        f"/plans/{plan_id}/domains/distinctiveness",
        "/plans/new",
        f"/plans/{plan_id}/actions/new",
        f"/plans/{plan_id}/rounds/new",
        "/organisation/members",
        "/organisation/settings",
        "/organisation/audit",
    ):
        assert client.get(url).status_code == 403, url
    token = browser.csrf(f"/plans/{plan_id}")
    response = client.post(
        f"/plans/{plan_id}/domains/distinctiveness",
        data={"csrf_token": token, "DIS_01-status": "yes"},
    )
    assert response.status_code == 403
    assert "You do not have permission" in text(response)
    # The invitation worked once.
    assert client.get(link).status_code == 410


def test_invitations_expire_and_need_the_invited_address(app, client, auth, browser, outbox):
    auth.manager()
    link = invite(browser, outbox, "hr@example.org", "hr")
    switch_user(browser, auth, "someone.else@example.org")
    response = client.get(link)
    assert response.status_code == 403 and "This invitation is for hr@example.org" in text(response)
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        invitation.expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    assert "This invitation has expired" in text(client.get(link))
    assert client.get("/invitations/made-up").status_code == 404


def test_signing_up_from_an_invitation_comes_back_to_it(client, auth, browser, outbox):
    auth.manager()
    link = invite(browser, outbox, "new@example.org", "manager")
    browser.submit("/sign-out", {}, page="/account")
    # The link e-mailed at sign-up remembers the invitation, and leads back to it.
    response = auth.sign_up(email="new@example.org", name="New Person", next=link)
    assert response.headers["Location"] == link


def test_admin_changes_roles_but_never_removes_the_last_admin(app, client, auth, browser, outbox):
    auth.manager()
    link = invite(browser, outbox, "second@example.org", "viewer")
    switch_user(browser, auth, "second@example.org")
    browser.submit(link, {})
    browser.submit("/sign-out", {}, page="/account")
    auth.sign_in()
    with app.app_context():
        mine, theirs = db.session.scalars(select(Membership).order_by(Membership.id)).all()
        mine_id, theirs_id = mine.id, theirs.id
    page = text(browser.submit(f"/organisation/members/{mine_id}", {"role": "viewer"}))
    assert (
        "#role",
        "The organisation needs at least one admin. Make someone else an admin first.",
    ) in summary_links(page)
    browser.submit(f"/organisation/members/{theirs_id}", {"role": "manager"})
    assert "Manager" in text(client.get("/organisation/members"))
    response = browser.submit(
        f"/organisation/members/{mine_id}/remove", {}, page="/organisation/members", follow=True
    )
    assert "the last admin cannot be removed" in text(response)
    browser.submit(f"/organisation/members/{theirs_id}/remove", {}, page="/organisation/members")
    with app.app_context():
        assert db.session.scalar(select(Membership).where(Membership.id == theirs_id)) is None
    log = text(client.get("/organisation/audit"))
    for expected in (
        "Invited second@example.org",
        "Joined second@example.org",
        "Changed role of second@example.org",
        "Viewer to Manager",
        "Deleted member second@example.org",
        "Created organisation",
    ):
        assert expected in log, expected


def test_members_of_another_organisation_are_not_found(client, auth, browser, app):
    auth.manager(email="a@example.org", organisation="Trust A")
    with app.app_context():
        foreign_id = db.session.scalar(select(Membership.id))
    browser.submit("/sign-out", {}, page="/account")
    auth.manager(email="b@example.org", organisation="Trust B")
    assert client.get(f"/organisation/members/{foreign_id}").status_code == 404
    token = browser.csrf("/organisation/members")
    assert (
        client.post(
            f"/organisation/members/{foreign_id}/remove", data={"csrf_token": token}
        ).status_code
        == 404
    )


def test_switching_between_organisations(client, auth, browser, make_plan):
    auth.manager(organisation="First Trust")
    first_plan = make_plan(team="First team")
    browser.submit("/organisations/new", {"name": "Second Charity", "sector": "voluntary"})
    assert "Second Charity" in text(client.get("/dashboard"))
    assert "First team" not in text(client.get("/dashboard"))
    page = text(client.get("/account"))
    first_id = re.search(r'name="organisation_id" value="(\d+)"', page).group(1)
    browser.submit("/organisations/switch", {"organisation_id": first_id}, page="/account")
    assert "First team" in text(client.get("/dashboard"))
    assert client.get(f"/plans/{first_plan}").status_code == 200
    token = browser.csrf("/account")
    assert (
        client.post(
            "/organisations/switch", data={"csrf_token": token, "organisation_id": "999"}
        ).status_code
        == 404
    )


def test_admins_keep_the_anonymity_threshold_at_three_or_more(app, client, auth, browser):
    auth.manager()
    page = text(browser.submit("/organisation/anonymity", {"k": "2"}))
    assert summary_links(page)[0][0] == "#k"
    browser.submit("/organisation/anonymity", {"k": "7"})
    assert 'value="7"' in text(client.get("/organisation/anonymity"))
    browser.submit("/organisation/settings", {"name": "Northshire Trust", "sector": "nhs"})
    log = text(client.get("/organisation/audit"))
    assert "Changed anonymity threshold" in log and "5 to 7" in log
    assert "Changed organisation settings" in log
