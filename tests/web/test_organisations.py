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
    assert "Join Northshire NHS Trust" in page and "join as a viewer." in page
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
    assert "join Northshire NHS Trust as an HR officer." in outbox[-1].body
    assert "hr@example.org as an HR officer" in text(client.get("/organisation/members"))
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


def test_the_audit_log_keeps_every_event_within_reach(app, client, auth, browser, make_plan):
    """A viewer adds an event with every download. However many they add, the first event and
    event number 501 stay reachable, a page at a time, from the audit log."""
    from html import unescape

    from sqlalchemy import func

    from roledesign.models import AuditEvent, User
    from tests.helpers import Auth, Browser

    auth.manager()
    plan_id = make_plan()
    viewer = Browser(app.test_client())
    Auth(viewer).sign_up(email="viewer@example.org", name="Val Viewer")
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "viewer@example.org"))
        organisation_id = db.session.scalar(select(Membership.organisation_id))
        db.session.add(Membership(user=user, organisation_id=organisation_id, role="viewer"))
        db.session.commit()

    def events():
        with app.app_context():
            return db.session.scalar(select(func.count()).select_from(AuditEvent))

    while events() < 500:
        assert viewer.client.get(f"/plans/{plan_id}/actions/export.csv").status_code == 200
    make_plan(title="Event five hundred and one")
    for _ in range(150):
        viewer.client.get(f"/plans/{plan_id}/actions/export.csv")
    total = events()
    assert total == 651

    rows, seen, url, pages = [], [], "/organisation/audit", 0
    while url:
        page = text(client.get(url))
        rows += re.findall(r'<tr class="nhsuk-table__row">\s*<td', page)
        pages += 1
        found = re.search(r'href="([^"]+)" class="nhsuk-pagination__next"', page)
        url = unescape(found.group(1)) if found else None
        if pages == 1:
            assert re.search(r"Events 1 to \d+ of 651", page)
        seen += [
            name for name in ("Event five hundred and one", "Created organisation") if name in page
        ]
    assert len(rows) == total and pages > 1
    assert seen == ["Event five hundred and one", "Created organisation"]
    assert client.get(f"/organisation/audit?page={pages + 1}").status_code == 404
    assert client.get("/organisation/audit?page=0").status_code == 404
