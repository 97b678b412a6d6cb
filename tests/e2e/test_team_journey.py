"""A manager sets up a team self-assessment, a colleague answers it on their own device, and the
manager reads the team report — in Chromium, with an accessibility check of every page."""

import os

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from roledesign.extensions import db
from roledesign.models import TeamResponse, TeamSurvey
from roledesign.services import team as services
from tests.e2e.conftest import serve_static_files
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("E2E_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def sign_up_and_plan(page, live_server, accessible, follow_sign_up_link):
    page.goto(live_server + "/sign-up")
    page.get_by_label("Your full name").fill("Priya Shah")
    page.get_by_label("Email address").fill("priya@example.org")
    page.get_by_label("Create a password").fill(TEST_PASSWORD)
    page.get_by_label("Confirm your password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    follow_sign_up_link(page, "priya@example.org")
    page.get_by_label("Organisation name").fill("Northshire NHS Trust")
    page.get_by_label("NHS", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Plan a new peer worker post").click()
    page.get_by_label("Team or service").fill("North community team")
    page.get_by_label("Community mental health team").check()
    page.get_by_label("As a new role, in addition to the existing team").check()
    page.get_by_label("Paid", exact=True).check()
    page.get_by_label("Pay band").select_option("4")
    page.get_by_label("Hours per week").fill("30")
    page.get_by_label("How many peer workers will the team have, including this post?").fill("2")
    page.get_by_label("Who will line manage the peer worker?").fill("Team manager")
    page.get_by_role("button", name="Save and continue").click()
    accessible(page, "Peer support worker")


def loopback_context(chromium):
    """A browser of its own (its own cookies) that reaches only the app."""
    context = chromium.new_context()
    context.route(
        "**/*",
        lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort(),
    )
    serve_static_files(context)  # as the `page` fixture does
    return context


def own_device(chromium, link, accessible):
    """A colleague on their own device, no account: opens the link and starts."""
    context = loopback_context(chromium)
    them = context.new_page()
    them.goto(link)
    accessible(them, "Team self-assessment")
    them.get_by_role("button", name="Start now").click()
    accessible(them, "Which of these best describes you?")
    return context, them


def add_colleagues(app, groups):
    with app.app_context():
        survey = db.session.scalar(select(TeamSurvey))
        for n, group in enumerate(groups):
            status = "yes" if group == "non_peer_staff" else "no"
            services.submit_response(
                survey,
                group=group,
                answers={"EXP-01": (status, 4), "DIS-01": ("partly", 3)},
                submission_key=f"colleague-{n}",
                comment=f"A colleague's comment {n}" if n < 5 else None,
                on=services.today(),
            )
        db.session.commit()


def test_set_up_share_answer_and_read_the_team_report(
    page, chromium, live_server, accessible, app, follow_sign_up_link
):
    sign_up_and_plan(page, live_server, accessible, follow_sign_up_link)
    page.get_by_role("link", name="Team self-assessment").click()
    accessible(page, "Team self-assessment")
    page.get_by_role("button", name="Set up the team self-assessment").click()
    accessible(page, "Set up the team self-assessment")

    # A mistake first: the date is kept and explained.
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2031")
    page.get_by_role("button", name="Save and get the link").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.get_by_label("Year").input_value() == "2031"
    accessible(page, "Set up the team self-assessment")
    shot(page, "team-01-setup-error")
    page.get_by_label("Day").fill("28")
    page.get_by_role("button", name="Save and get the link").click()
    accessible(page, "Team self-assessment")
    link = page.locator(".app-link-box a").inner_text()
    shot(page, "team-02-overview")

    page.get_by_role("link", name="Print the invitation with a QR code").click()
    accessible(page, "Help plan a peer worker role")
    expect(page.get_by_role("img", name="QR code for the survey link")).to_be_visible()
    shot(page, "team-03-invitation")

    # A colleague on their own device: no account.
    colleague, them = own_device(chromium, link, accessible)
    them.get_by_role("button", name="Continue").click()
    expect(them.get_by_role("heading", name="There is a problem")).to_be_visible()
    accessible(them, "Which of these best describes you?")
    them.get_by_role("radio", name="Peer worker").check()
    them.get_by_role("button", name="Continue").click()
    accessible(them, "Distinctiveness of the role")
    first = them.locator("section.app-item").first
    first.get_by_role("group", name="Is this in place here?").get_by_label(
        "Partly", exact=True
    ).check()
    first.get_by_role("group", name="How important is this to us?").get_by_label(
        "Extremely important"
    ).check()
    shot(them, "team-04-statements")
    them.get_by_role("button", name="Save and finish later").click()
    accessible(them, "Your answers are saved on this device")
    them.get_by_role("link", name="Continue now").click()
    accessible(them, "Team self-assessment")
    them.get_by_role("button", name="Continue where you left off").click()
    caption = them.locator(".nhsuk-caption-l")
    expect(caption).to_contain_text("Page 2 of ")
    pages = int(caption.inner_text().split(" of ")[1])
    for n in range(2, pages):
        expect(caption).to_contain_text(f"Page {n} of {pages}")
        accessible(them, "")  # the caption above shows which statement page this is
        them.get_by_role("button", name="Save and continue").click()
    accessible(them, "Send your answers")
    them.get_by_label(
        "Anything else you would like to say about the peer worker role? (optional)"
    ).fill("Please agree the boundaries with us first.")
    shot(them, "team-05-finish")
    them.get_by_role("button", name="Send your answers").click()
    accessible(them, "Your answers have been sent")
    them.goto(link)
    accessible(them, "You have already sent your answers")
    colleague.close()

    add_colleagues(
        app, ["non_peer_staff"] * 5 + ["peer_worker"] * 5 + ["line_manager"] * 3 + ["other"] * 2
    )
    page.goto(live_server + "/dashboard")
    page.get_by_role("link", name="Peer support worker").click()
    page.get_by_role("link", name="Team self-assessment").click()
    accessible(page, "Team self-assessment")
    # While the survey is open the report says only how many have responded.
    page.goto(page.url + "/report")
    accessible(page, "Team report")
    expect(page.get_by_text("16 people have responded so far.")).to_be_visible()
    shot(page, "team-06-report-while-open")
    page.get_by_role("link", name="Back to team self-assessment").click()
    page.get_by_role("button", name="Close the survey and see the results").click()
    accessible(page, "Team self-assessment")
    expect(page.get_by_text("The survey is closed and its results are ready.")).to_be_visible()
    page.get_by_role("button", name="See the team report").click()
    accessible(page, "Team report")
    expect(page.get_by_role("img", name="Domain scores by group")).to_be_visible()
    expect(page.get_by_role("table", name="Domain scores by group, out of 100")).to_be_visible()
    expect(
        page.get_by_text("Other staff see this as more in place (1.00) than peer workers (0.00)")
    ).to_be_visible()
    expect(page.get_by_text("Please agree the boundaries with us first.")).to_be_visible()
    shot(page, "team-07-report")

    page.get_by_role("link", name="See how other organisations answered, by sector").click()
    accessible(page, "How organisations answered, by sector")
    page.goto(live_server + "/organisation/anonymity")
    accessible(page, "Anonymity of team results")
    page.get_by_label("Smallest group whose results are shown").fill("2")
    page.get_by_role("button", name="Save").click()
    accessible(page, "Anonymity of team results")
    expect(
        page.get_by_text("The smallest group must be between 3 and 50 people").first
    ).to_be_visible()
    assert len(accessible.visited) >= 20


def test_an_invited_colleague_answers_once_through_their_own_link(
    page, chromium, live_server, accessible, app, follow_sign_up_link, outbox
):
    """The manager invites people by email (the links are never on screen); one of them answers
    through their own link, is told their group is small and asked to check a comment that
    names their role; the link then works no more, on that device or any other."""
    sign_up_and_plan(page, live_server, accessible, follow_sign_up_link)
    page.get_by_role("link", name="Team self-assessment").click()
    page.get_by_role("button", name="Set up the team self-assessment").click()
    page.get_by_role("button", name="Save and get the link").click()
    accessible(page, "Team self-assessment")
    expect(page.get_by_text("could add made-up answers")).to_be_visible()
    page.get_by_role("link", name="Invite people by email").click()
    accessible(page, "Invite people by email")
    page.get_by_label("Email addresses").fill("ana@ward.example\nbo@ward")
    page.get_by_label("Line manager").check()
    page.get_by_role("button", name="Send invitations").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.get_by_label("Email addresses").input_value() == "ana@ward.example\nbo@ward"
    accessible(page, "Invite people by email")
    shot(page, "team-07-invite-error")
    page.get_by_label("Email addresses").fill("ana@ward.example, bo@ward.example")
    page.get_by_role("button", name="Send invitations").click()
    accessible(page, "Team self-assessment")
    expect(page.get_by_text("Invitations sent to 2 people.")).to_be_visible()
    shot(page, "team-08-overview-invited")
    link = live_server + outbox.link("ana@ward.example")
    assert outbox.link("ana@ward.example") not in page.content()

    colleague, them = own_device(chromium, link, accessible)
    expect(them.get_by_role("radio", name="Line manager")).to_be_checked()
    expect(them.get_by_text("Fewer than 5 people were invited as line managers")).to_be_visible()
    shot(them, "team-09-group-invited")
    them.get_by_role("button", name="Continue").click()
    first = them.locator("section.app-item").first
    first.get_by_role("group", name="Is this in place here?").get_by_label("No", exact=True).check()
    them.get_by_role("button", name="Save and continue").click()
    them.goto(link.rstrip("/") + "/finish")
    accessible(them, "Send your answers")
    comment = "As the only line manager I have not been asked about this."
    them.get_by_label(
        "Anything else you would like to say about the peer worker role? (optional)"
    ).fill(comment)
    them.get_by_role("button", name="Send your answers").click()
    accessible(them, "Send your answers")
    expect(them.get_by_text("Check your comment before you send it")).to_be_visible()
    shot(them, "team-10-comment-check")
    them.get_by_role("button", name="Send your answers").click()
    accessible(them, "Your answers have been sent")
    them.goto(link)
    accessible(them, "You have already sent your answers")
    colleague.close()

    other = loopback_context(chromium)
    forwarded = other.new_page()
    forwarded.goto(link)
    accessible(forwarded, "This link has already been used")
    shot(forwarded, "team-11-link-used")
    other.close()
    with app.app_context():
        [response] = db.session.scalars(select(TeamResponse))
        assert response.comment == comment and response.stakeholder_group == "line_manager"
