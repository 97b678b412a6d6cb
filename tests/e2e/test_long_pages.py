"""Long pages put the answer first, in Chromium at 1280 pixels wide: the job description check
shows its summary and then the highlighted text within the first two screens, with the long
explanations folded away; a domain page keeps the questions compact."""

import os

import pytest

from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.e2e
CORPUS = os.path.join(os.path.dirname(__file__), "..", "jd_corpus")
SCREEN = {"width": 1280, "height": 900}

# Measured on the drifted inpatient job description: before, 17,863 pixels tall with the
# highlighted text starting at 1,057; now about 11,400 with it at about 1,370 (the summary of
# what to change comes first). A domain page with 12 statements: 9,749 before, 7,829 now.
MAX_JD_HEIGHT = 13_000
MAX_DOMAIN_HEIGHT = 8_500


def sign_in(page, live_server):
    page.set_viewport_size(SCREEN)
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill("manager@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard")


def test_the_job_description_check_answers_first(page, live_server, accessible, auth, browser):
    auth.manager()
    with open(os.path.join(CORPUS, "02_drifted_inpatient_nhs.txt"), encoding="utf-8") as f:
        checked = browser.submit("/job-description-checks/new", {"text": f.read()})
    sign_in(page, live_server)
    page.goto(live_server + checked.headers["Location"])
    accessible(page, "Job description check")
    top = page.evaluate("document.querySelector('.app-jd-text').getBoundingClientRect().top")
    assert top < 2 * SCREEN["height"]
    # The summary comes before the text: what to change first, by name.
    summary = page.locator("#found + ul")
    assert summary.get_by_role("link", name="Close or enhanced observations").is_visible()
    assert summary.get_by_role("link", name="Lived experience as an essential criterion").count()
    # Each flag says what to do; why, and the evidence, are a click away.
    flag = page.locator("#rule-close-observations")
    assert flag.get_by_text("What to do:").is_visible()
    assert not flag.locator(".app-evidence").is_visible()
    flag.get_by_text("Why this matters / evidence").click()
    assert flag.locator(".app-evidence").is_visible()
    assert page.evaluate("document.body.scrollHeight") < MAX_JD_HEIGHT


def test_a_domain_page_is_compact(page, live_server, accessible, auth, make_plan):
    auth.manager()
    plan_id = make_plan(introduction="replacement")  # 12 statements
    sign_in(page, live_server)
    page.goto(f"{live_server}/plans/{plan_id}/domains/distinctiveness")
    accessible(page, "Distinctiveness of the role")
    assert page.locator("section.app-item").count() == 12
    assert page.evaluate("document.body.scrollHeight") < MAX_DOMAIN_HEIGHT
