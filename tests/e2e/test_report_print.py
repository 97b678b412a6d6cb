"""The readiness report of a plan with many gaps, in Chromium: short on screen, and a few pages
on paper with every "Why this matters" section printed open."""

import io

import pypdf
import pytest

from tests.helpers import TEST_PASSWORD
from tests.web.test_report_layout import answer_with_many_gaps

pytestmark = pytest.mark.e2e

# Every statement answered No or Don't know. Before the report was reorganised it printed to 18
# A4 pages and was 14,056 pixels tall at 1280 wide; now 6 pages and about 6,600 pixels.
MAX_PAGES = 7
MAX_HEIGHT = 8000


def test_a_report_with_many_gaps_prints_to_a_few_pages(
    app, page, live_server, accessible, auth, browser, make_plan
):
    auth.manager()
    plan_id = make_plan()
    answer_with_many_gaps(app, browser, plan_id)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server + "/sign-in")
    page.get_by_label("Email address").fill("manager@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard")
    page.goto(f"{live_server}/plans/{plan_id}/report")
    accessible(page, "Readiness report")
    assert page.evaluate("document.body.scrollHeight") < MAX_HEIGHT

    page.emulate_media(media="print")
    # Printed, each priority's evidence shows although its details element is closed ...
    why = page.locator(".app-priorities details").first
    assert why.get_attribute("open") is None
    assert why.locator(".app-evidence").is_visible()
    # ... and navigation and buttons do not.
    assert not page.locator("header").first.is_visible()
    assert not page.get_by_role("link", name="Add to action plan").first.is_visible()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) <= MAX_PAGES
    printed = "".join(p.extract_text() for p in pdf.pages)
    assert "Why this matters / evidence" in printed and "Critical" in printed
