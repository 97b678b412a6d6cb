"""An HR officer in Chromium: open a plan's documents, add the details, preview, tick a checklist
line, and download a PDF and a Word file — with an accessibility check of every page."""

import os
from decimal import Decimal

import docx
import pypdf
import pytest
from playwright.sync_api import expect

from roledesign.extensions import db
from roledesign.services.auth import create_user
from roledesign.services.orgs import create_organisation
from roledesign.services.plans import create_plan
from tests.helpers import TEST_PASSWORD

pytestmark = pytest.mark.e2e
SHOTS = os.environ.get("E2E_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def plan_id(app):
    with app.app_context():
        user = create_user(
            name="Alex Morgan", email="alex@example.org", password=TEST_PASSWORD, confirmed=True
        )
        organisation = create_organisation(name="Riverside Mind", sector="voluntary", creator=user)
        plan = create_plan(
            organisation=organisation,
            creator=user,
            data={
                "title": "Peer support worker",
                "team": "Riverside crisis café",
                "setting": "crisis",
                "introduction": "replacement",
                "employment": "paid",
                "band": "3",
                "hours": Decimal("22.5"),
                "peer_workers": 1,
                "line_manager": "Café coordinator",
            },
        )
        db.session.commit()
        return plan.id


def test_preview_tick_and_download_the_documents(page, live_server, accessible, plan_id, tmp_path):
    page.goto(f"{live_server}/sign-in")
    accessible(page, "Sign in")
    page.get_by_label("Email address").fill("alex@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    accessible(page, "Role plans")

    page.get_by_role("link", name="Peer support worker").click()
    accessible(page, "Peer support worker")
    page.get_by_role("link", name="Documents").click()
    accessible(page, "Documents")
    expect(page.get_by_text("These are drafts")).to_be_visible()
    expect(page.get_by_text("not saved as a version yet")).to_be_visible()
    shot(page, "20-documents")
    page.get_by_role("button", name="Save as version 1").click()
    accessible(page, "Documents")
    expect(page.get_by_text("The documents have been saved as version 1.")).to_be_visible()

    page.get_by_role("button", name="Add or change details").click()
    accessible(page, "Details only you know")
    page.get_by_label("Base", exact=True).fill("Riverside café, Northtown")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    accessible(page, "Details only you know")
    assert page.get_by_label("Base", exact=True).input_value() == "Riverside café, Northtown"
    page.get_by_label("Month").fill("3")
    page.get_by_role("button", name="Save details").click()
    accessible(page, "Documents")
    expect(page.get_by_text("The details have been saved.")).to_be_visible()
    expect(page.get_by_text("they are saved as version 2")).to_be_visible()

    page.get_by_role("link", name="Recruitment checklist", exact=True).click()
    accessible(page, "Recruitment checklist")
    line = page.get_by_label("Agree the job description and person specification with the team")
    line.check()
    page.get_by_role("button", name="Save ticks").first.click()
    expect(page.get_by_text("Your ticks have been saved.")).to_be_visible()
    accessible(page, "Recruitment checklist")
    expect(line).to_be_checked()
    expect(page.get_by_text("Done: Alex Morgan,")).to_be_visible()
    shot(page, "21-checklist")

    page.get_by_role("link", name="Back to documents").click()
    accessible(page, "Documents")
    page.get_by_role("link", name="Job description and person specification", exact=True).click()
    accessible(page, "Job description and person specification")
    expect(page.get_by_text("You will not take part in restraint, searches")).to_be_visible()
    shot(page, "22-job-description")

    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download as PDF").click()
    assert pdf_download.value.suggested_filename == "peer-support-worker-job-description-v2.pdf"
    pdf_path = tmp_path / "jd.pdf"
    pdf_download.value.save_as(pdf_path)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(pdf_path).pages)
    assert "Riverside café, Northtown" in text and "31 March 2027" in text

    with page.expect_download() as word_download:
        page.get_by_role("link", name="Download as Word").click()
    word_path = tmp_path / "jd.docx"
    word_download.value.save_as(word_path)
    word = docx.Document(str(word_path))
    assert word.core_properties.title == "Job description and person specification"
    assert any(p.style.name == "Heading 1" for p in word.paragraphs)
    assert len(accessible.visited) >= 10
