"""The Documents section through the test client: previews, downloads, versions, details, ticks,
bad input and other organisations' plans."""

import re
import zipfile
from html import unescape
from io import BytesIO

import docx
import pypdf
import pytest
from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models import ChecklistTick, DocumentDetails, DocumentVersion

DETAILS = {
    "stamp": "0",
    "base": "Riverside Resource Centre",
    "salary": "£26,530 to £29,114 a year, pro rata",
    "accountable_to": "Head of Community Services",
    "closing_date-day": "31",
    "closing_date-month": "3",
    "closing_date-year": "2027",
    "duties": "Co-facilitate the weekly recovery group\nKeep the peer support noticeboard up to date",
    "provider": "",
    "peer_supervision_by": "Jo Smith, senior peer worker",
    "line_frequency": "Every two weeks",
    "peer_frequency": "Monthly",
    "reflective_frequency": "Monthly",
}


def text(response) -> str:
    return response.get_data(as_text=True)


def squeeze(page: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def answer(browser, plan_id, domain, **answers):
    """Answer some statements of one domain, e.g. SUP_02="no"."""
    data = {f"{key}-status": status for key, status in answers.items()}
    data.update({f"{key}-importance": "3" for key in answers})
    response = browser.submit(f"/plans/{plan_id}/domains/{domain}", {**data, "then": "task-list"})
    assert response.status_code == 302


def save_version(browser, plan_id):
    """Press "Save as version N" on the documents page."""
    page = f"/plans/{plan_id}/documents/"
    return browser.submit(f"{page}versions", {}, page=page)


def versions(app, plan_id) -> list[int]:
    with app.app_context():
        return db.session.scalars(
            select(DocumentVersion.number)
            .where(DocumentVersion.plan_id == plan_id)
            .order_by(DocumentVersion.number)
        ).all()


@pytest.fixture
def plan(auth, make_plan):
    auth.manager()
    return make_plan(peer_workers="1", introduction="replacement")


def test_the_task_list_leads_to_the_documents(client, plan):
    page = text(client.get(f"/plans/{plan}"))
    assert f'href="/plans/{plan}/documents/"' in page
    page = text(client.get(f"/plans/{plan}/documents/"))
    assert "<h1>Documents</h1>" in page
    assert "not saved as a version yet" in squeeze(page) and "Save as version 1" in page
    for title in (
        "Job description and person specification",
        "Supervision plan",
        "Recruitment checklist",
    ):
        assert title in page
    assert "These are drafts" in page  # nothing answered yet
    assert f"/plans/{plan}/documents/current/documents.zip" in page


def test_previews_show_the_tailored_documents(client, plan):
    job = squeeze(text(client.get(f"/plans/{plan}/documents/job-description")))
    assert "not of that post's generic tasks" in job  # a replacement post
    assert "anyone's medication" in job and "care coordination caseload" in job  # community
    assert "To be decided: Who provides peer supervision" in job  # no answers yet
    supervision = squeeze(text(client.get(f"/plans/{plan}/documents/supervision-plan")))
    assert "external peer networking" in supervision  # one peer worker
    checklist = text(client.get(f"/plans/{plan}/documents/recruitment-checklist"))
    assert 'name="done" type="checkbox" value="RC-BA-01"' in checklist
    assert "Plan to recruit at least two peer workers to the team" in squeeze(checklist)
    assert client.get(f"/plans/{plan}/documents/cover-letter").status_code == 404


def test_downloads_are_pdf_word_and_zip_named_after_the_post_and_document(client, browser, plan):
    save_version(browser, plan)
    response = client.get(f"/plans/{plan}/documents/v1/job-description.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "peer-support-worker-job-description-v1.pdf" in response.headers["Content-Disposition"]
    assert "Person specification" in pdf_text(response.data)
    response = client.get(f"/plans/{plan}/documents/v1/supervision-plan.docx")
    assert response.mimetype.endswith("wordprocessingml.document")
    assert docx.Document(BytesIO(response.data)).core_properties.title == "Supervision plan"
    response = client.get(f"/plans/{plan}/documents/v1/documents.zip")
    assert "peer-support-worker-documents-v1.zip" in response.headers["Content-Disposition"]
    names = zipfile.ZipFile(BytesIO(response.data)).namelist()
    assert len(names) == 8 and "peer-support-worker-managers-notes-v1.pdf" in names
    page = text(client.get(f"/plans/{plan}/documents/"))
    assert f"/plans/{plan}/documents/v1/managers-notes.docx" in page
    notes = squeeze(text(client.get(f"/plans/{plan}/documents/managers-notes")))
    assert "Why it is here" in notes and "Part of every post of this kind." in notes
    for url in ("v1/job-description.txt", "v9/job-description.pdf", "v9/documents.zip"):
        assert client.get(f"/plans/{plan}/documents/{url}").status_code == 404


def test_the_current_documents_download_without_saving_and_name_the_version_they_match(
    app, client, browser, plan
):
    url = f"/plans/{plan}/documents/current/job-description.pdf"
    response = client.get(url)  # nothing saved yet: built from the plan as it stands
    assert response.status_code == 200 and versions(app, plan) == []
    assert (
        "peer-support-worker-job-description-unsaved.pdf" in response.headers["Content-Disposition"]
    )
    assert "version" not in pdf_text(response.data).lower()  # the meta line names none
    save_version(browser, plan)
    response = client.get(url)
    assert "peer-support-worker-job-description-v1.pdf" in response.headers["Content-Disposition"]
    assert "version 1" in pdf_text(response.data)
    page = text(client.get(f"/plans/{plan}/documents/job-description"))
    assert f"/plans/{plan}/documents/v1/job-description.pdf" in page
    from tests.helpers import PLAN_FORM

    changed = {**PLAN_FORM, "peer_workers": "1", "introduction": "replacement", "band": "6"}
    browser.submit(f"/plans/{plan}/describe", changed)  # the plan changes
    response = client.get(url)
    assert "job-description-unsaved.pdf" in response.headers["Content-Disposition"]
    assert "Band 6" in pdf_text(response.data) and versions(app, plan) == [1]
    response = client.get(f"/plans/{plan}/documents/current/documents.zip")
    assert "peer-support-worker-documents-unsaved.zip" in response.headers["Content-Disposition"]


def test_the_version_goes_up_when_the_plan_changes_and_earlier_ones_stay(
    app, client, browser, plan
):
    save_version(browser, plan)
    page = squeeze(text(client.get(f"/plans/{plan}/documents/")))
    assert "These documents are version 1" in page and "Save as version" not in page
    save_version(browser, plan)  # nothing changed: same version
    assert versions(app, plan) == [1]
    # Saving the details saves a version too.
    response = browser.submit(f"/plans/{plan}/documents/details", DETAILS, follow=True)
    assert "they are saved as version 2" in squeeze(text(response))
    assert versions(app, plan) == [1, 2]
    answer(browser, plan, "organisational_support", SUP_02="no")
    page = squeeze(text(client.get(f"/plans/{plan}/documents/supervision-plan")))
    assert "no experienced peer worker in the organisation" in page
    # Reading shows the change at once but saves nothing; the button does.
    index = squeeze(text(client.get(f"/plans/{plan}/documents/")))
    assert "have changed since version 2 was saved" in index and "Save as version 3" in index
    assert versions(app, plan) == [1, 2]
    response = save_version(browser, plan)
    assert response.status_code == 302
    assert "saved as version 3" in squeeze(text(client.get(f"/plans/{plan}/documents/")))
    assert versions(app, plan) == [1, 2, 3]
    from tests.helpers import PLAN_FORM

    browser.submit(
        f"/plans/{plan}/describe",
        {**PLAN_FORM, "peer_workers": "1", "introduction": "replacement", "band": "5"},
    )
    save_version(browser, plan)
    index = text(client.get(f"/plans/{plan}/documents/"))
    assert versions(app, plan) == [1, 2, 3, 4]
    assert "Earlier versions" in index and f"/plans/{plan}/documents/v1/documents.zip" in index
    # Version 1 is rebuilt from its own inputs: no details, no answers, band 4.
    first = pdf_text(client.get(f"/plans/{plan}/documents/v1/job-description.pdf").data)
    latest = pdf_text(client.get(f"/plans/{plan}/documents/v4/job-description.pdf").data)
    assert "Band 4" in first and "Riverside Resource Centre" not in first and "version 1" in first
    assert "Band 5" in latest and "Riverside Resource Centre" in latest and "version 4" in latest
    assert "Co-facilitate the weekly recovery group" in latest


def test_details_are_saved_and_shown_in_the_documents(app, client, browser, plan):
    response = browser.submit(f"/plans/{plan}/documents/details", DETAILS)
    assert response.status_code == 302
    page = squeeze(text(client.get(f"/plans/{plan}/documents/job-description")))
    for expected in (
        "Riverside Resource Centre",
        "£26,530 to £29,114 a year, pro rata",
        "Head of Community Services",
        "31 March 2027",
        "Keep the peer support noticeboard up to date",
    ):
        assert expected in page, expected
    supervision = squeeze(text(client.get(f"/plans/{plan}/documents/supervision-plan")))
    assert "Every two weeks" in supervision and "Jo Smith, senior peer worker" in supervision
    form = text(client.get(f"/plans/{plan}/documents/details"))
    assert 'value="Riverside Resource Centre"' in form and 'value="2027"' in form


def summary_links(page: str) -> list[tuple[str, str]]:
    summary = page[page.index("nhsuk-error-summary") :]
    summary = summary[: summary.index("</ul>")]
    found = re.findall(r'<a href="([^"]+)"\s*>(.*?)</a>', summary, re.S)
    return [(h, unescape(" ".join(m.split()))) for h, m in found]


def test_bad_details_are_explained_and_nothing_typed_is_lost(app, client, browser, plan):
    bad = {
        **DETAILS,
        "base": "x" * 121,
        "closing_date-day": "31",
        "closing_date-month": "2",
        "duties": "\n".join(f"Duty {n}" for n in range(13)),
    }
    page = text(browser.submit(f"/plans/{plan}/documents/details", bad))
    assert summary_links(page) == [
        ("#base", "Base must be 120 characters or fewer"),
        ("#closing_date-day", "The closing date must be a real date, like 31 3 2027"),
        ("#duties", "Enter 12 duties or fewer, one per line"),
    ]
    assert 'id="base-error"' in page and "Error: Details only you know" in page
    assert 'value="Head of Community Services"' in page and "Duty 12" in page
    page = text(
        browser.submit(f"/plans/{plan}/documents/details", {**DETAILS, "closing_date-year": ""})
    )
    assert (
        "#closing_date-day",
        "The closing date must include a day, month and year",
    ) in summary_links(page)
    page = text(
        browser.submit(
            f"/plans/{plan}/documents/details", {**DETAILS, "closing_date-month": "March"}
        )
    )
    assert ("#closing_date-month", "The month must be a number") in summary_links(page)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(DocumentDetails)) == 0


DILUTING = "Cover reception when the team is short staffed"


def test_a_duty_that_dilutes_the_role_is_refused_naming_the_rule(app, client, browser, plan):
    duties = f"Co-facilitate the weekly recovery group\n{DILUTING}"
    page = text(browser.submit(f"/plans/{plan}/documents/details", {**DETAILS, "duties": duties}))
    (link, message), *_ = summary_links(page)
    assert link == "#duties"
    assert f"“{DILUTING}” reads as" in message
    assert "Covering staff shortages (rule staff-shortages)" in message
    assert "tick “Keep these duties anyway”" in message
    assert 'id="duties-error"' in page and DILUTING in page  # beside the field, nothing lost
    assert 'name="keep_anyway"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(DocumentDetails)) == 0
    job = squeeze(text(client.get(f"/plans/{plan}/documents/job-description")))
    assert DILUTING not in job and "not used to fill gaps in the rota" in job


def test_a_diluting_duty_kept_anyway_is_warned_about_and_never_contradicted(
    app, client, browser, plan
):
    duties = f"Co-facilitate the weekly recovery group\n{DILUTING}"
    response = browser.submit(
        f"/plans/{plan}/documents/details", {**DETAILS, "duties": duties, "keep_anyway": "y"}
    )
    assert response.status_code == 302
    job = squeeze(text(client.get(f"/plans/{plan}/documents/job-description")))
    assert "Duties that dilute the role" in job and "Covering staff shortages" in job
    assert DILUTING in job
    # The job description does not also say the post never covers shortages or reception.
    assert "not used to fill gaps in the rota" not in job
    response = client.get(f"/plans/{plan}/documents/v1/job-description.pdf")
    pdf = pdf_text(response.data)
    assert DILUTING in pdf and "not used to fill gaps in the rota" not in pdf
    assert "Duties that dilute" not in pdf  # the warning is for the manager, not the advert
    notes = squeeze(text(client.get(f"/plans/{plan}/documents/managers-notes")))
    assert "Kept anyway, although the job description check flags it" in notes
    assert "“The post is not used to fill gaps in the rota" in notes
    # The box stays ticked while the kept duty is there, so saving again keeps it.
    form = text(client.get(f"/plans/{plan}/documents/details"))
    assert re.search(r'name="keep_anyway"[^>]*checked', form)


def test_a_high_cost_area_is_chosen_from_the_list_and_shown_with_the_pay_year(
    app, client, browser, plan
):
    page = text(
        browser.submit(f"/plans/{plan}/documents/details", {**DETAILS, "high_cost_area": "mars"})
    )
    assert ("#high_cost_area", "Select a high cost area from the list, or None") in summary_links(
        page
    )
    assert 'id="high_cost_area-error"' in page and "Jo Smith, senior peer worker" in page
    form = {**DETAILS, "salary": "", "high_cost_area": "outer_london"}
    assert browser.submit(f"/plans/{plan}/documents/details", form).status_code == 302
    job = squeeze(text(client.get(f"/plans/{plan}/documents/job-description")))
    assert "pay year 2025/26" in job and "Outer London high cost area supplement" in job
    assert "2025/26 pay year" in text(client.get(f"/plans/{plan}/documents/details"))


def test_markup_and_control_characters_are_kept_as_text(app, client, browser, plan):
    browser.submit(
        f"/plans/{plan}/documents/details",
        {
            **DETAILS,
            "base": "<script>alert(1)</script>\x07 Centre",
            "duties": "<b>Run</b> the group",
        },
    )
    page = text(client.get(f"/plans/{plan}/documents/job-description"))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Centre" in page
    assert "&lt;b&gt;Run&lt;/b&gt; the group" in page
    pdf = pdf_text(client.get(f"/plans/{plan}/documents/v1/job-description.pdf").data)
    assert "<script>alert(1)</script> Centre" in pdf and "<b>Run</b> the group" in pdf


def test_a_second_editor_is_told_and_keeps_what_they_typed(app, client, browser, plan):
    token = browser.csrf(f"/plans/{plan}/documents/details")  # both opened the form at version 0
    browser.submit(f"/plans/{plan}/documents/details", {**DETAILS, "base": "First base"})
    response = client.post(
        f"/plans/{plan}/documents/details",
        data={**DETAILS, "base": "Second base", "csrf_token": token},
    )
    page = text(response)
    assert response.status_code == 409
    assert "Someone else saved changes to this page while you were editing it" in unescape(page)
    assert 'value="Second base"' in page
    with app.app_context():
        assert db.session.scalar(select(DocumentDetails.base)) == "First base"
    # Saving again from the page they were shown now works.
    renewed = re.search(r'name="stamp" type="hidden" value="(\d+)"', page).group(1)
    browser.submit(
        f"/plans/{plan}/documents/details", {**DETAILS, "base": "Second base", "stamp": renewed}
    )
    with app.app_context():
        assert db.session.scalar(select(DocumentDetails.base)) == "Second base"


def test_ticks_are_saved_with_who_and_when(app, client, browser, plan):
    url = f"/plans/{plan}/documents/recruitment-checklist"
    response = browser.submit(url, {"done": ["RC-BA-01", "RC-AD-01", "NOT-A-LINE"]})
    assert response.status_code == 302
    page = squeeze(text(client.get(url)))
    assert "Your ticks have been saved." in page
    assert page.count("Done: Sam Manager, ") == 2
    with app.app_context():
        rows = db.session.scalars(select(ChecklistTick).order_by(ChecklistTick.line_key)).all()
        assert [(r.line_key, r.ticked_by_name) for r in rows] == [
            ("RC-AD-01", "Sam Manager"),
            ("RC-BA-01", "Sam Manager"),
        ]
        assert rows[0].ticked_at is not None
    # The downloads of the current documents show them too.
    pdf = pdf_text(client.get(f"/plans/{plan}/documents/current/recruitment-checklist.pdf").data)
    assert pdf.count("Done: Sam Manager") == 2
    # Unticking one line, on a page that showed both as done, clears only that one.
    browser.submit(url, {"shown": ["RC-BA-01", "RC-AD-01"], "done": ["RC-AD-01"]})
    with app.app_context():
        assert db.session.scalars(select(ChecklistTick.line_key)).all() == ["RC-AD-01"]


def test_a_line_ticked_by_someone_else_meanwhile_is_not_unticked(app, client, browser, plan):
    url = f"/plans/{plan}/documents/recruitment-checklist"
    token = browser.csrf(url)  # this page was loaded with nothing ticked
    browser.submit(url, {"done": ["RC-BA-02"]})  # a colleague ticks a line meanwhile
    client.post(url, data={"csrf_token": token, "done": ["RC-BA-03"]})
    with app.app_context():
        assert sorted(db.session.scalars(select(ChecklistTick.line_key))) == [
            "RC-BA-02",
            "RC-BA-03",
        ]


def test_ticking_needs_the_csrf_token(client, plan):
    response = client.post(
        f"/plans/{plan}/documents/recruitment-checklist", data={"done": "RC-BA-01"}
    )
    assert response.status_code == 400


DOC_URLS = [
    "",
    "details",
    "job-description",
    "recruitment-checklist",
    "v1/job-description.pdf",
    "v1/documents.zip",
    "current/job-description.docx",
    "current/documents.zip",
]


@pytest.mark.parametrize("suffix", DOC_URLS)
def test_another_organisations_documents_are_not_found(client, auth, make_plan, browser, suffix):
    auth.manager(email="a@example.org", organisation="Trust A")
    plan_id = make_plan(team="Team of trust A")
    save_version(browser, plan_id)
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    response = client.get(f"/plans/{plan_id}/documents/{suffix}")
    assert response.status_code == 404
    assert "Team of trust A" not in text(response)
    token = browser.csrf("/plans/new")
    for post_url in ("details", "recruitment-checklist", "versions"):
        response = client.post(
            f"/plans/{plan_id}/documents/{post_url}",
            data={"csrf_token": token, "base": "Hijack", "done": "RC-BA-01"},
        )
        assert response.status_code == 404


@pytest.mark.parametrize("suffix", DOC_URLS)
def test_signed_out_visitors_are_sent_to_sign_in(client, plan, browser, suffix):
    browser.submit("/sign-out", {}, page="/dashboard")
    response = client.get(f"/plans/{plan}/documents/{suffix}")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_pages_take_a_fixed_number_of_queries(client, browser, plan, count_queries):
    url = f"/plans/{plan}/documents/recruitment-checklist"
    client.get(url)
    with count_queries() as few:
        client.get(f"/plans/{plan}/documents/")
        client.get(url)
    for n in range(6):  # more versions and more ticks
        browser.submit(
            f"/plans/{plan}/documents/details", {**DETAILS, "base": f"Base {n}", "stamp": str(n)}
        )
    browser.submit(url, {"done": ["RC-BA-01", "RC-BA-02", "RC-AD-01", "RC-SL-01"]})
    with count_queries() as many:
        client.get(f"/plans/{plan}/documents/")
        client.get(url)
    assert len(many) == len(few)
