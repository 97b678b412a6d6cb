"""A manager in Chromium: sign up, set up the organisation, plan a post, answer a domain, see the
report — with an accessibility check of every page on the way."""

import os

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("E2E_SCREENSHOTS")  # a folder, to look at the pages while developing


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_sign_up_plan_answer_one_domain_and_read_the_report(
    page, live_server, accessible, follow_sign_up_link
):
    page.goto(live_server + "/")
    accessible(page, "Plan a peer worker role that works")
    # nhsuk-frontend's scripts run under our Content-Security-Policy.
    assert "js-enabled" in page.evaluate("document.body.className")
    shot(page, "01-start")
    page.get_by_role("button", name="Create an account").click()

    # A mistake first: the error summary and the field error both appear, and input is kept.
    page.get_by_label("Your full name").fill("Alex Morgan")
    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.get_by_label("Your full name").input_value() == "Alex Morgan"
    accessible(page, "Create an account")
    shot(page, "02-sign-up-errors")
    page.get_by_label("Email address").fill("alex@example.org")
    page.get_by_label("Create a password").fill(TEST_PASSWORD)
    page.get_by_label("Confirm your password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    follow_sign_up_link(page, "alex@example.org", accessible)

    accessible(page, "Set up your organisation")
    page.get_by_label("Organisation name").fill("Riverside Mind")
    page.get_by_label("Voluntary or community sector").check()
    page.get_by_role("button", name="Continue").click()

    accessible(page, "Role plans")
    shot(page, "03-dashboard")
    page.get_by_role("button", name="Plan a new peer worker post").click()
    accessible(page, "Describe the post")
    page.get_by_label("Team or service").fill("Riverside crisis café")
    page.get_by_label("Crisis service").check()
    page.get_by_label("In place of an existing post").check()
    page.get_by_label("Paid", exact=True).check()
    page.get_by_label("Pay band").select_option("3")
    page.get_by_label("Hours per week").fill("22.5")
    page.get_by_label("How many peer workers will the team have, including this post?").fill("1")
    page.get_by_label("Who will line manage the peer worker?").fill("Café coordinator")
    shot(page, "04-describe")
    page.get_by_role("button", name="Save and continue").click()

    accessible(page, "Peer support worker")
    shot(page, "05-task-list")
    page.get_by_role("link", name="Distinctiveness of the role").click()
    accessible(page, "Distinctiveness of the role")
    statements = page.locator("section.app-item")
    count = statements.count()
    assert count >= 9  # includes the replacement-only statement
    for n in range(count):
        section = statements.nth(n)
        answer = "No" if n == 0 else "Yes"
        section.get_by_role("group", name="Is this in place here?").get_by_label(
            answer, exact=True
        ).check()
        section.get_by_role("group", name="How important is this to us?").get_by_label(
            "Extremely important"
        ).check()
    statements.nth(0).get_by_text("Add a note").click()
    statements.nth(0).get_by_label("Note (optional)").fill("No job description yet.")
    shot(page, "06-domain")
    page.get_by_role("button", name="Save and return to task list").click()

    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()
    accessible(page, "Peer support worker")
    page.get_by_role("link", name="Readiness report").click()
    accessible(page, "Readiness report")
    shot(page, "07-report")
    expect(page.get_by_role("heading", name="Readiness report")).to_be_visible()
    expect(page.get_by_role("img", name="Readiness score by domain")).to_be_visible()
    expect(
        page.get_by_role(
            "heading", name="Write a job description for the peer worker post itself"
        ).first
    ).to_be_visible()
    table = page.get_by_role("table", name="Readiness score by domain, out of 100")
    assert "Not assessed" in table.inner_text()

    page.emulate_media(media="print")
    expect(page.locator("header.nhsuk-header")).to_be_hidden()
    shot(page, "08-report-print")
    assert len(accessible.visited) >= 9


def test_axe_setup_reports_real_violations(page, live_server):
    """Guard against a broken axe set-up passing everything: bad markup must be caught."""
    page.goto(live_server + "/")
    page.set_content("<html><body><img src='x.png'><input type='text'></body></html>")
    ids = {v["id"] for v in axe_violations(page)}
    assert {"image-alt", "label"} <= ids
