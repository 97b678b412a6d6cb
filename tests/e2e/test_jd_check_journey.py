"""An HR officer in Chromium: check an existing job description, read the report, and start a
role plan from it — with an accessibility check of every page on the way."""

import os
from io import BytesIO

import docx
import pytest
from playwright.sync_api import expect

from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("E2E_SCREENSHOTS")
CORPUS = os.path.join(os.path.dirname(__file__), "..", "jd_corpus")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def word_file(tmp_path, corpus_name: str):
    """The corpus text as a Word file, with its bullets as real list paragraphs."""
    document = docx.Document()
    with open(os.path.join(CORPUS, corpus_name), encoding="utf-8") as source:
        for line in source.read().splitlines():
            if line.startswith(("- ", "• ")):
                document.add_paragraph(line[2:], style="List Bullet")
            elif line.strip():
                document.add_paragraph(line)
    buffer = BytesIO()
    document.save(buffer)
    path = tmp_path / "Willow ward peer support worker.docx"
    path.write_bytes(buffer.getvalue())
    return path


def sign_up(page, live_server, follow_sign_up_link):
    page.goto(live_server + "/sign-up")
    page.get_by_label("Your full name").fill("Jo Adeyemi")
    page.get_by_label("Email address").fill("jo@example.org")
    page.get_by_label("Create a password").fill(TEST_PASSWORD)
    page.get_by_label("Confirm your password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    follow_sign_up_link(page, "jo@example.org")
    page.get_by_label("Organisation name").fill("Westmoor NHS Trust")
    page.get_by_label("NHS", exact=True).check()
    page.get_by_role("button", name="Continue").click()


def test_check_a_job_description_then_start_a_plan_from_it(
    page, live_server, accessible, tmp_path, follow_sign_up_link
):
    sign_up(page, live_server, follow_sign_up_link)
    accessible(page, "Role plans")
    page.get_by_role("link", name="Check a job description").click()

    accessible(page, "Check a job description")
    shot(page, "jd-01-new")
    # Nothing pasted or chosen: the error is summarised and shown beside the field.
    page.get_by_role("button", name="Check the job description").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    accessible(page, "Check a job description")
    shot(page, "jd-02-error")

    page.locator("input[type=file]").set_input_files(
        word_file(tmp_path, "02_drifted_inpatient_nhs.txt")
    )
    page.get_by_role("button", name="Check the job description").click()

    accessible(page, "Job description check")
    shot(page, "jd-03-report")
    expect(page.get_by_text("Willow ward peer support worker.docx")).to_be_visible()
    expect(page.get_by_role("heading", name="Close or enhanced observations")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Lived experience as an essential criterion")
    ).to_be_visible()
    drift = page.locator("mark.app-mark--drift", has_text="enhanced observations of patients")
    expect(drift).to_be_visible()
    page.locator("#rule-close-observations").get_by_role("link", name="Show in your text").click()
    expect(drift).to_be_in_viewport()
    scores = page.get_by_role("table", name="Job description score by domain, out of 100")
    expect(scores).to_contain_text("Distinctiveness of the role")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download this report as a PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

    page.get_by_role("button", name="Start a role plan from this").click()
    accessible(page, "Describe the post")
    shot(page, "jd-04-prefilled")
    expect(page.get_by_label("Job title")).to_have_value("Peer Support Worker")
    expect(page.get_by_label("Inpatient ward")).to_be_checked()
    expect(page.get_by_label("Hours per week")).to_have_value("37.5")
    expect(page.get_by_label("Pay band")).to_have_value("3")
    page.get_by_label("Team or service").fill("Willow Ward")
    page.get_by_label("In place of an existing post").check()
    page.get_by_label("How many peer workers will the team have, including this post?").fill("2")
    page.get_by_role("button", name="Save and continue").click()

    accessible(page, "Peer Support Worker")
    shot(page, "jd-05-task-list")
    page.get_by_role("link", name="Check an existing job description (optional)").click()
    accessible(page, "Job description check")
    expect(page.get_by_role("link", name="Back to task list")).to_be_visible()

    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Download this report as a PDF")).to_be_hidden()
    expect(drift).to_be_visible()
