"""Individual invitations to the team self-assessment: a single-use link e-mailed to each
person, never shown to the manager, and nothing stored that connects an address to an answer."""

import re

from sqlalchemy import func, inspect, select

from roledesign.extensions import db
from roledesign.models import TeamInvitation, TeamInvitedAddress, TeamResponse
from roledesign.services import invitations as invitations
from roledesign.services import team as services
from tests.web.team_helpers import Respondent, set_up_survey, text

DIS = {"DIS-01": ("yes", 4), "DIS-02": "partly"}
LINK = re.compile(r"http://localhost/s/([A-Za-z0-9_-]{20,})")


def invite(browser, plan_id, addresses, group="none"):
    return browser.submit(f"/plans/{plan_id}/team/invite", {"addresses": addresses, "group": group})


def invitation_mails(outbox) -> list:
    """The survey invitations in the outbox (sign-up confirmations are there too)."""
    return [m for m in outbox if LINK.search(m.body)]


def links(outbox) -> dict[str, str]:
    """The token each address was sent."""
    return {m.to: LINK.search(m.body).group(1) for m in invitation_mails(outbox)}


def responses(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(TeamResponse))


def everything_stored(app) -> str:
    """Every value in every table, as one text: what a copy of the database holds."""
    with app.app_context():
        found = []
        for table in db.metadata.sorted_tables:
            found += [repr(tuple(row)) for row in db.session.execute(select(table))]
        return "\n".join(found)


def survey_ready(auth, browser, make_plan):
    auth.manager()
    plan_id = make_plan()
    return plan_id, set_up_survey(browser, plan_id)


def test_each_person_gets_their_own_link_which_the_manager_never_sees(
    app, auth, browser, make_plan, outbox, runner
):
    plan_id, shared = survey_ready(auth, browser, make_plan)
    overview = text(browser.client.get(f"/plans/{plan_id}/team"))
    assert "could add made-up answers" in overview  # the shared link's risk, stated
    assert f"/plans/{plan_id}/team/invite" in overview

    pasted = "Sam Smith <Sam@Ward.example>; ana@ward.example\nbo@ward.example, sam@ward.example"
    response = invite(browser, plan_id, pasted)
    assert response.headers["Location"] == f"/plans/{plan_id}/team"
    page = text(browser.client.get(f"/plans/{plan_id}/team"))
    assert "Invitations sent to 3 people." in page and "3 people have been invited" in page

    sent = links(outbox)
    assert sorted(sent) == ["ana@ward.example", "bo@ward.example", "sam@ward.example"]
    assert len(set(sent.values()) | {shared}) == 4  # a link each, none the shared one
    for token in sent.values():
        assert token not in page
        assert token not in text(browser.client.get(f"/plans/{plan_id}/team/report"))
    # Until `send-mail` delivers them the outbox holds the e-mails; once sent, nothing is left
    # that ties an address to its link.
    assert runner.invoke(args=["send-mail"]).exit_code == 0
    stored = everything_stored(app)
    for address, token in sent.items():
        assert address not in stored.lower()
        assert token not in stored

    # The same addresses again, with one new: only the new one is sent a link.
    before = len(invitation_mails(outbox))
    invite(browser, plan_id, "ana@ward.example\nANA@ward.example\ncy@ward.example")
    assert [m.to for m in invitation_mails(outbox)[before:]] == ["cy@ward.example"]
    assert "1 address was invited before and not sent another link" in text(
        browser.client.get(f"/plans/{plan_id}/team")
    )


def test_an_invitation_link_stores_one_response_and_then_says_it_was_used(
    app, auth, browser, make_plan, outbox
):
    """Attack 5 (stuffing) through invitations: a used link cannot send again, from the same
    device or another, and a made-up link is refused."""
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example, bo@ward.example")
    token = links(outbox)["ana@ward.example"]

    person = Respondent(app, token)
    start = text(person.client.get(f"/s/{token}"))
    assert "Start now" in start and "works once: please do not pass it on" in start
    person.choose("peer_worker")
    person.answer("distinctiveness", DIS)
    csrf = person.csrf()
    unsent = person.client.get_cookie("team_draft", path=f"/s/{token}").value
    assert person.send().headers["Location"] == f"/s/{token}/thank-you"
    assert "Your answers have been sent" in text(person.client.get(f"/s/{token}/thank-you"))
    assert responses(app) == 1

    # The same device presses Send again, then replays the request as it was before sending.
    person.client.post(f"/s/{token}/finish", data={"csrf_token": csrf})
    assert "You have already sent your answers" in text(person.client.get(f"/s/{token}"))
    assert "Start answers for someone else" not in text(person.client.get(f"/s/{token}"))
    person.client.set_cookie("team_draft", unsent, path=f"/s/{token}")
    replay = person.client.post(f"/s/{token}/finish", data={"csrf_token": csrf})
    assert replay.status_code == 410 and "This link has already been used" in text(replay)

    # Someone else with the forwarded link, on another device.
    other = Respondent(app, token)
    used = other.client.get(f"/s/{token}")
    assert used.status_code == 410 and "This link has already been used" in text(used)
    assert other.client.get(f"/s/{token}/group").status_code == 410
    assert responses(app) == 1

    forged = Respondent(app, token[:-4] + "AAAA")
    refused = forged.client.get(f"/s/{token[:-4]}AAAA")
    assert refused.status_code == 404 and "This survey link is not recognised" in text(refused)

    with app.app_context():
        assert invitations.counts(services.survey_by_token(_shared())) == (2, 1)
    report = text(browser.client.get(f"/plans/{plan_id}/team/report"))
    assert "2 people were invited by email and 1 answered." in report


def _shared() -> str:
    from roledesign.models import TeamSurvey

    return db.session.scalar(select(TeamSurvey.token))


def test_two_devices_racing_with_one_invitation_store_one_response(
    app, auth, browser, make_plan, outbox
):
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example")
    [token] = links(outbox).values()
    first, second = Respondent(app, token), Respondent(app, token)
    for person in (first, second):
        person.choose("line_manager")
        person.answer("distinctiveness", DIS)
    forms = [(p, p.csrf()) for p in (first, second)]
    codes = [
        p.client.post(f"/s/{token}/finish", data={"csrf_token": c}).status_code for p, c in forms
    ]
    assert codes == [302, 410]
    assert responses(app) == 1
    with app.app_context():
        assert db.session.scalar(select(TeamInvitation.is_used)) is True


def test_a_response_holds_nothing_about_the_invitation_it_came_through(
    app, auth, browser, make_plan, outbox, runner
):
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example", group="peer_worker")
    [token] = links(outbox).values()
    person = Respondent(app, token)
    person.choose("peer_worker")
    person.answer("distinctiveness", DIS)
    person.send()
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("team_invitations")}
        [response] = db.session.scalars(select(TeamResponse))
        key = response.submission_key
    assert columns == {"id", "survey_id", "token_hash", "stakeholder_group", "is_used"}
    assert runner.invoke(args=["send-mail"]).exit_code == 0  # the e-mail, once delivered, goes
    stored = everything_stored(app)
    assert token not in stored and stored.count(key) == 1


def test_pasted_addresses_are_checked_and_kept_for_correcting(
    app, auth, browser, make_plan, outbox
):
    app.config["TEAM_INVITE_BATCH"] = 3
    plan_id, _ = survey_ready(auth, browser, make_plan)
    page = text(invite(browser, plan_id, "ana@ward.example\nnot-an-address\nbo@"))
    assert "There is a problem" in page
    assert "Check these email addresses: not-an-address, bo@." in page
    assert "ana@ward.example\nnot-an-address\nbo@" in page  # what was typed is kept
    assert "Enter at least one email address" in text(invite(browser, plan_id, " \n "))
    many = ", ".join(f"p{n}@ward.example" for n in range(4))
    assert "Enter 3 email addresses or fewer at a time (you entered 4)" in text(
        invite(browser, plan_id, many)
    )
    assert "Select one of the groups listed, or let each person choose" in text(
        invite(browser, plan_id, "ana@ward.example", group="chief_executive")
    )
    assert "Select one of the groups listed" in text(
        invite(browser, plan_id, "ana@ward.example", group="not_said")
    )
    assert invitation_mails(outbox) == []


def test_sending_invitations_is_rate_limited_by_addresses(app, auth, browser, make_plan, outbox):
    app.config["TEAM_INVITE_LIMIT"] = "5 per day"
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "a@ward.example, b@ward.example, c@ward.example")
    invite(browser, plan_id, "bad address")  # a mistake costs nothing
    blocked = invite(browser, plan_id, "d@ward.example, e@ward.example, f@ward.example")
    assert blocked.status_code == 429
    assert len(invitation_mails(outbox)) == 3
    invite(browser, plan_id, "d@ward.example, e@ward.example")
    assert len(invitation_mails(outbox)) == 5


def test_a_closed_survey_sends_no_invitations(app, auth, browser, make_plan, outbox):
    plan_id, _ = survey_ready(auth, browser, make_plan)
    browser.submit(f"/plans/{plan_id}/team/close", {}, page=f"/plans/{plan_id}/team")
    response = browser.submit(
        f"/plans/{plan_id}/team/invite",
        {"addresses": "ana@ward.example", "group": "none"},
        page=f"/plans/{plan_id}/team",
        follow=True,
    )
    assert "To invite people, ask your team again" in text(response)
    assert invitation_mails(outbox) == []


def test_an_invited_group_is_chosen_for_them_and_a_small_one_is_flagged(
    app, auth, browser, make_plan, outbox
):
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example, bo@ward.example", group="line_manager")
    token = links(outbox)["ana@ward.example"]
    person = Respondent(app, token)
    page = text(person.client.get(f"/s/{token}/group"))
    assert re.search(r'value="line_manager"\s+checked', page)
    assert "Fewer than 5 people were invited as line managers" in page
    assert "Fewer than 5 people were invited as peer workers" not in page
    assert "Prefer not to say" in page and "never as a group of their own" in page
    assert "responded" not in page and "answered so far" not in page
    person.choose("line_manager")
    person.answer("distinctiveness", DIS)
    finish = text(person.client.get(f"/s/{token}/finish"))
    assert "fewer than 5 people in this group were invited" in finish
    person.choose("not_said")
    person.send()
    with app.app_context():
        assert db.session.scalar(select(TeamResponse.stakeholder_group)) == "not_said"


def test_deleting_the_organisation_removes_its_invitations(app, auth, browser, make_plan, outbox):
    plan_id, _ = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example, bo@ward.example")
    response = browser.submit("/organisation/delete", {"confirm_name": "Northshire NHS Trust"})
    assert response.headers["Location"] == "/"
    with app.app_context():
        for model in (TeamInvitation, TeamInvitedAddress):
            assert db.session.scalar(select(func.count()).select_from(model)) == 0


def test_survey_pages_run_the_same_queries_for_few_or_many_invitations(
    app, auth, browser, make_plan, outbox, count_queries
):
    plan_id, shared = survey_ready(auth, browser, make_plan)
    invite(browser, plan_id, "ana@ward.example", group="line_manager")
    token = links(outbox)["ana@ward.example"]
    person = Respondent(app, token)
    person.choose("line_manager")
    pages = (f"/s/{token}", f"/s/{token}/group", f"/s/{token}/finish", f"/s/{shared}/group")

    def measure() -> list[int]:
        counts = []
        for page in pages:
            with count_queries() as seen:
                assert person.client.get(page).status_code == 200
            counts.append(len(seen))
        return counts

    few = measure()
    with app.app_context():
        survey = services.survey_by_token(shared)
        for group in ("peer_worker", "line_manager", None):
            addresses = [f"{group}{n}@ward.example" for n in range(60)]
            invitations.invite(survey, addresses, group=group, secret=b"test-secret")
        db.session.commit()
    assert measure() == few
