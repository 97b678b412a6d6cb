"""The main journeys in a browser with JavaScript switched off: JavaScript only adds to pages
that work without it (docs/architecture.md). Each page is also checked with axe-core as it
stands without scripts: axe itself needs timers, which a page without JavaScript does not run,
so it checks a copy of the page, scripts removed, in a second page."""

import re

import pypdf
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, serve_static_files
from tests.helpers import TEST_PASSWORD
from tests.web.team_helpers import set_up_survey

pytestmark = pytest.mark.e2e


NO_HOSTS_BUT_OURS = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


@pytest.fixture
def accessible(chromium, live_server):
    """Like the accessible fixture in conftest.py, for a page without JavaScript."""
    context = chromium.new_context()
    context.route(NO_HOSTS_BUT_OURS, lambda route: route.abort())
    checker = context.new_page()
    serve_static_files(checker)
    visited = []

    def check(page, heading: str):
        expect(page.locator("h1")).to_contain_text(heading)
        html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S)
        html = html.replace("<head>", f'<head><base href="{live_server}/">', 1)
        checker.set_content(html)
        assert "js-enabled" not in checker.evaluate("document.body.className")
        violations = axe_violations(checker)
        visited.append(page.url)
        assert violations == [], f"{page.url} without JavaScript: {violations}"

    check.visited = visited
    yield check
    context.close()


@pytest.fixture
def page(chromium):
    """A page in a browser context with JavaScript disabled."""
    context = chromium.new_context(java_script_enabled=False, accept_downloads=True)
    context.route(NO_HOSTS_BUT_OURS, lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


def test_sign_up_plan_answer_and_report_without_javascript(
    page, live_server, accessible, follow_sign_up_link
):
    page.goto(live_server + "/")
    accessible(page, "Plan a peer worker role that works")
    assert "js-enabled" not in (page.get_attribute("body", "class") or "")
    page.get_by_role("button", name="Create an account").click()
    page.get_by_role("button", name="Create account").click()
    accessible(page, "Create an account")
    expect(page).to_have_title(re.compile("^Error: "))
    # Without the script, the error summary's links still lead to their fields.
    page.locator(".nhsuk-error-summary").get_by_role("link").first.click()
    assert page.url.endswith("#name")
    page.get_by_label("Your full name").fill("Alex Morgan")
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
    page.get_by_role("button", name="Plan a new peer worker post").click()
    accessible(page, "Describe the post")
    page.get_by_label("Team or service").fill("Riverside crisis café")
    page.get_by_label("Crisis service").check()
    page.get_by_label("As a new role, in addition to the existing team").check()
    page.get_by_label("Paid", exact=True).check()
    page.get_by_label("Pay band").select_option("3")
    page.get_by_label("Hours per week").fill("22.5")
    page.get_by_label("How many peer workers will the team have, including this post?").fill("2")
    page.get_by_label("Who will line manage the peer worker?").fill("Café coordinator")
    page.get_by_role("button", name="Save and continue").click()

    accessible(page, "Peer support worker")
    page.get_by_role("link", name="Distinctiveness of the role").click()
    accessible(page, "Distinctiveness of the role")
    first = page.locator("section.app-item").first
    first.get_by_text("Why this matters").click()  # <details> opens without a script
    expect(first.locator("details.app-item__why")).to_have_attribute("open", "")
    first.get_by_role("group", name="Is this in place here?").get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save and return to task list").click()
    accessible(page, "Peer support worker")
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()

    page.get_by_role("link", name="Check your answers").click()
    accessible(page, "Check your answers")
    page.get_by_role("button", name="Confirm and see report").click()
    accessible(page, "Readiness report")
    expect(page.get_by_role("img", name="Readiness score by domain")).to_be_visible()
    # The print button needs the script, so it stays hidden; the browser's own print remains.
    expect(page.get_by_role("button", name="Print this report")).to_be_hidden()
    page.get_by_role("link", name="Add to action plan").first.click()
    accessible(page, "Add an action")
    expect(page.get_by_label("What will be done?")).not_to_be_empty()


def test_the_team_survey_without_javascript(
    page, live_server, accessible, auth, browser, make_plan
):
    auth.manager()
    token = set_up_survey(browser, make_plan())
    page.goto(f"{live_server}/s/{token}")
    accessible(page, "Team self-assessment")
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("button", name="Continue").click()
    accessible(page, "Which of these best describes you?")
    expect(page).to_have_title(re.compile("^Error: "))
    page.get_by_role("radio", name="Peer worker").check()
    page.get_by_role("button", name="Continue").click()
    accessible(page, "Distinctiveness of the role")
    page.locator("section.app-item").first.get_by_role("radio", name=re.compile("^Yes")).check()
    page.get_by_role("button", name="Save and finish later").click()
    accessible(page, "Your answers are saved on this device")
    page.get_by_role("link", name="Continue now").click()
    page.get_by_role("button", name="Continue where you left off").click()
    while page.locator("h1").inner_text() != "Send your answers":
        page.get_by_role("button", name="Save and continue").click()
    accessible(page, "Send your answers")
    page.get_by_role("button", name="Send your answers").click()
    accessible(page, "Your answers have been sent")


def test_documents_and_job_description_check_without_javascript(
    page, live_server, accessible, auth, make_plan, tmp_path
):
    auth.manager()
    plan_id = make_plan()
    page.goto(f"{live_server}/sign-in")
    page.get_by_label("Email address").fill("manager@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    accessible(page, "Role plans")

    page.goto(f"{live_server}/plans/{plan_id}/documents/")
    accessible(page, "Documents")
    page.get_by_role("link", name="Recruitment checklist", exact=True).click()
    accessible(page, "Recruitment checklist")
    line = page.get_by_label("Agree the job description and person specification with the team")
    line.check()
    page.get_by_role("button", name="Save ticks").first.click()
    accessible(page, "Recruitment checklist")
    expect(line).to_be_checked()
    page.get_by_role("link", name="Back to documents").click()
    page.get_by_role("link", name="Job description and person specification", exact=True).click()
    accessible(page, "Job description and person specification")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as PDF").click()
    path = tmp_path / "jd.pdf"
    download.value.save_as(path)
    assert "Peer support worker" in pypdf.PdfReader(path).pages[0].extract_text()

    page.goto(f"{live_server}/job-description-checks/new")
    accessible(page, "Check a job description")
    page.get_by_label("Paste the text").fill(
        "Peer support worker. You will carry out close observations of patients and help "
        "with administering medication. Essential: NVQ level 3."
    )
    page.get_by_role("button", name="Check the job description").click()
    accessible(page, "Job description check")
    show = page.locator("#rule-close-observations").get_by_role("link", name="Show in your text")
    target = show.get_attribute("href")
    show.click()
    expect(page.locator(target)).to_be_in_viewport()
    expect(page.locator(target)).to_contain_text("close observations")
    page.get_by_role("button", name="Start a role plan from this").click()
    accessible(page, "Describe the post")
