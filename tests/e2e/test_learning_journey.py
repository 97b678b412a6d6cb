"""Organisational learning in Chromium: a gap becomes an action, the action is done, a new
round is started, and the trend shows the change. Every page is checked with axe-core."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.helpers import PLAN_FORM

pytestmark = pytest.mark.e2e


def test_gap_to_action_to_new_round_to_trend(
    page, live_server, accessible, auth, make_plan, client
):
    # Set up through the test client, then sign in the browser with the same account.
    auth.manager()
    plan_id = make_plan()
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill("manager@example.org")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in").click()
    accessible(page, "Role plans")

    page.goto(f"{live_server}/plans/{plan_id}/domains/organisational_support")
    accessible(page, "Organisational support")
    section = page.locator("#item-SUP-02")
    section.get_by_role("group", name="Is this in place here?").get_by_label(
        "No", exact=True
    ).check()
    page.get_by_role("button", name="Save and return to task list").click()
    accessible(page, PLAN_FORM["title"])

    page.get_by_role("link", name="Readiness report").click()
    accessible(page, "Readiness report")
    # The visually hidden part of the link's name says which gap it is for.
    page.get_by_role(
        "link", name=re.compile(r"Add to action plan\W+Arrange peer supervision")
    ).click()
    accessible(page, "Add an action")
    expect(page.get_by_label("What will be done?")).to_contain_text("Arrange peer supervision")
    page.get_by_label("Who owns this action?").select_option(label="Sam Manager")
    when = date.today() + timedelta(days=14)
    page.get_by_label("Day").fill(str(when.day))
    page.get_by_label("Month").fill(str(when.month))
    page.get_by_label("Year").fill(str(when.year))
    page.get_by_role("button", name="Save action").click()
    accessible(page, "Action plan")

    page.get_by_role("link", name="Arrange peer supervision").click()
    accessible(page, "Change an action")
    page.get_by_label("Done", exact=True).check()
    page.get_by_role("button", name="Save action").click()
    accessible(page, "Action plan")
    expect(page.locator("table.app-actions")).to_contain_text("Done")

    page.goto(f"{live_server}/plans/{plan_id}")
    page.get_by_role("link", name="Progress over time").click()
    accessible(page, "Progress over time")
    page.get_by_role("button", name="Start a new assessment round").click()
    accessible(page, "Start a new assessment round")
    page.get_by_role("button", name="Start round 2").click()
    accessible(page, PLAN_FORM["title"])

    page.get_by_role("link", name="Organisational support").click()
    accessible(page, "Organisational support")
    page.locator("#item-SUP-02").get_by_role("group", name="Is this in place here?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Save and return to task list").click()
    page.get_by_role("link", name="Progress over time").click()
    accessible(page, "Progress over time")
    table = page.get_by_role("table", name="Readiness scores by round, out of 100")
    expect(table).to_contain_text("Round 2")
    support = table.get_by_role("row", name="Organisational support")
    expect(support).to_contain_text("0")
    expect(support).to_contain_text("100")
    expect(page.get_by_text("Arrange peer supervision or mentoring")).to_be_visible()
    expect(page.get_by_role("img", name="Readiness scores by round")).to_be_visible()

    page.goto(f"{live_server}/plans/{plan_id}/check-ins")
    accessible(page, "Check-ins after the peer worker starts")
    page.goto(f"{live_server}/overview")
    accessible(page, "Organisation overview")
