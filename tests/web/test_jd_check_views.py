"""Check a job description in the app: paste or upload, the report, downloads, access, bad input,
and starting a role plan from a check."""

import re
from io import BytesIO

import docx
import pypdf
import pytest
from sqlalchemy import select

from roledesign.config import PROJECT_ROOT
from roledesign.documents import Document, Paragraph
from roledesign.documents.extract import MAX_UPLOAD_BYTES
from roledesign.documents.render_pdf import render_pdf
from roledesign.extensions import db
from roledesign.models import JdCheck, RolePlan

NEW = "/job-description-checks/new"
DRIFTED = (PROJECT_ROOT / "tests/jd_corpus/02_drifted_inpatient_nhs.txt").read_text()
GOOD = (PROJECT_ROOT / "tests/jd_corpus/12_inpatient_with_exclusions.txt").read_text()


def text(response) -> str:
    return response.get_data(as_text=True)


def upload(data: bytes, name: str):
    return (BytesIO(data), name)


def post_in_memory(client, url, fields: dict, filename: str, data: bytes):
    """A multipart POST built in memory. For bodies over 500 kB the test client would spool its
    own copy to a temporary file that it never closes, which pytest reports as a warning."""
    parts = [
        f'--B\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--B\r\nContent-Disposition: form-data; name="upload"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + data
        + b"\r\n--B--\r\n"
    )
    body = b"".join(parts)
    return client.post(
        url,
        input_stream=BytesIO(body),
        content_type="multipart/form-data; boundary=B",
        content_length=len(body),
    )


def word_file(body: str) -> bytes:
    document = docx.Document()
    for line in body.splitlines():
        document.add_paragraph(line)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def check(auth, browser):
    """Sign up and check a pasted text; returns a function giving the new check's report URL."""
    auth.manager()

    def submit(body=DRIFTED, **extra) -> str:
        response = browser.submit(NEW, {"text": body, **extra})
        assert response.status_code == 302, text(response)[:3000]
        return response.headers["Location"]

    return submit


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get(NEW)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_the_dashboard_links_to_the_check(client, auth):
    auth.manager()
    assert f'href="{NEW}"' in text(client.get("/dashboard"))


def test_pasted_text_gets_a_report_with_flags_highlights_and_evidence(client, check):
    url = check()
    page = text(client.get(url))
    assert "<h1>Job description check</h1>" in page
    assert "Pasted text" in page
    # Drift: the rule, the sentence (highlighted in the text too) and the evidence.
    assert "1. Close or enhanced observations" in page
    assert (
        '<mark class="app-mark app-mark--drift" id="sentence-' in page
        and "To carry out enhanced observations of patients" in page
    )
    assert "Bach 2000" in page and "Repper &amp; Carter 2010" in page
    # Missing essentials, evaluation, language and the scores.
    assert "Lived experience as an essential criterion" in page
    assert "What a job evaluation panel will need" in page
    assert "&#34;Patients&#34; in the peer role&#39;s own duties" in page
    assert "Job description score by domain, out of 100" in page


def test_a_well_written_text_has_nothing_to_flag(client, check):
    page = text(client.get(check(GOOD)))
    assert "No sentence describes work that would dilute the peer role." in page
    assert "The text covers every essential we check for." in page
    # A clean result is not a clean bill: the page says how much drift the check misses.
    assert "found about nine in every ten of the sentences" in page
    assert "(from five in six to more than nine in ten, depending on the set)" in page
    assert "one flagged sentence in forty-five was one the reader would not have marked" in page
    assert "No flag means nothing we recognised, not that nothing is there." in page
    assert (
        'class="app-mark app-mark--drift"'
        not in page.split('id="your-text"')[1].split("</p>", 1)[1]
    )


def test_markup_in_the_text_is_shown_as_text(client, check):
    url = check("<script>alert(1)</script> You will carry out close observations.\n<b>x</b>")
    page = text(client.get(url))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("advert.txt", lambda: DRIFTED.encode("utf-8")),
        ("advert.docx", lambda: word_file(DRIFTED)),
        (
            "advert.pdf",
            lambda: render_pdf(
                Document(
                    title="Advert",
                    organisation="Trust",
                    blocks=(Paragraph("You will carry out enhanced observations of patients."),),
                )
            ),
        ),
    ],
)
def test_uploads_of_each_kind(app, client, auth, browser, name, make):
    auth.manager()
    response = browser.submit(NEW, {"text": "", "upload": upload(make(), name)})
    assert response.status_code == 302, text(response)[:3000]
    page = text(client.get(response.headers["Location"]))
    assert name in page
    assert "Close or enhanced observations" in page
    with app.app_context():
        stored = db.session.scalar(select(JdCheck))
        assert (stored.name, stored.source) == (name, name.rsplit(".", 1)[1])


def test_nothing_to_check_is_explained_beside_the_field(client, auth, browser):
    auth.manager()
    page = text(browser.submit(NEW, {"text": "   "}))
    assert "There is a problem" in page
    assert 'href="#text"' in page
    assert "Paste the text of a job description or advert, or choose a file to upload" in page


def test_text_and_file_together_keep_the_text(client, auth, browser):
    auth.manager()
    response = browser.submit(
        NEW, {"text": "My pasted draft", "upload": upload(b"A file", "advert.txt")}
    )
    page = text(response)
    assert response.status_code == 200
    assert "Paste the text or upload a file, not both" in page
    assert "My pasted draft</textarea>" in page


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"Plain words, not a PDF", "advert.pdf", "advert.pdf is not a PDF"),
        (b"%PDF-1.4 garbage", "advert.pdf", "advert.pdf could not be read. It may be damaged."),
        (b"PK\x03\x04garbage", "advert.docx", "advert.docx is not a Word (.docx) file"),
        (b"MZ\x90\x00\x03", "advert.exe", "advert.exe must be a .docx, .txt or .pdf file."),
        (b"x" * (MAX_UPLOAD_BYTES + 10), "big.txt", "Choose a file smaller than 1.5 MB"),
    ],
)
def test_bad_files_get_a_clear_message_beside_the_field(
    app, client, auth, browser, data, name, message
):
    auth.manager()
    fields = {"csrf_token": browser.csrf(NEW), "text": ""}
    response = post_in_memory(client, NEW, fields, name, data)
    page = text(response)
    assert response.status_code == 200
    assert "There is a problem" in page and 'href="#upload"' in page
    assert message in page
    assert 'aria-describedby="upload-hint upload-error"' in page
    with app.app_context():
        assert db.session.scalar(select(JdCheck)) is None


def test_a_request_over_the_app_limit_is_refused_with_the_too_large_page(client, auth):
    auth.manager()
    response = post_in_memory(client, NEW, {}, "huge.txt", b"x" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert "That was too large to send" in text(response)


def test_text_that_is_too_long_is_refused(auth, browser):
    auth.manager()
    page = text(browser.submit(NEW, {"text": "word " * 20_001}))
    assert "Check one job description of up to 100,000 characters at a time." in page


def test_posts_without_a_csrf_token_are_refused(app, client, auth):
    auth.manager()
    response = client.post(NEW, data={"text": DRIFTED})
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(JdCheck)) is None


def test_a_check_can_be_attached_to_a_plan_and_the_task_list_links_to_it(
    app, client, check, make_plan
):
    plan_id = make_plan()
    form = text(client.get(f"{NEW}?plan_id={plan_id}"))
    assert re.search(rf'<option value="{plan_id}" selected\s*>', form)
    url = check(plan_id=str(plan_id))
    task_list = text(client.get(f"/plans/{plan_id}"))
    assert "Check an existing job description (optional)" in task_list
    assert f'href="{url}"' in task_list
    assert "Back to task list" in text(client.get(url))


def test_a_plan_of_another_organisation_cannot_be_chosen(app, client, auth, browser, make_plan):
    auth.manager(email="a@example.org", organisation="Trust A")
    foreign_plan = make_plan()
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    response = browser.submit(NEW, {"text": DRIFTED, "plan_id": str(foreign_plan)})
    page = text(response)
    assert response.status_code == 200
    assert "Select a role plan from the list, or" in page
    assert "Sam Manager" in page  # still signed in, and the text is kept:
    assert "Willow Ward, acute adult inpatient service" in page


def test_opening_the_form_for_another_organisations_plan_is_not_found(
    client, auth, browser, make_plan
):
    auth.manager(email="a@example.org", organisation="Trust A")
    foreign_plan = make_plan()
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    assert client.get(f"{NEW}?plan_id={foreign_plan}").status_code == 404
    assert client.get(f"{NEW}?plan_id=abc").status_code == 404


def test_another_organisations_check_is_not_found(client, auth, browser, check):
    url = check()
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    for suffix in ("", "/report.pdf", "/report.docx", "/start-plan"):
        assert client.get(url + suffix).status_code == 404
    assert client.get("/job-description-checks/999").status_code == 404
    assert client.get(url + "/report.txt").status_code == 404


def test_downloads_parse_back(client, check):
    url = check()
    pdf = client.get(url + "/report.pdf")
    assert pdf.mimetype == "application/pdf"
    assert pdf.headers["Content-Disposition"].startswith("attachment; filename=")
    reader = pypdf.PdfReader(BytesIO(pdf.data))
    words = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Close or enhanced observations" in words
    assert "Northshire NHS Trust" in words
    word = docx.Document(BytesIO(client.get(url + "/report.docx").data))
    assert word.core_properties.title == "Job description check"
    assert word.core_properties.author == "Sam Manager"


def test_start_a_role_plan_from_a_check(app, client, browser, check):
    url = check(GOOD)
    response = client.get(url + "/start-plan")
    assert response.status_code == 302
    new_plan = response.headers["Location"]
    assert new_plan.startswith("/plans/new?from_check=")
    form = text(client.get(new_plan))
    assert "We have filled in what your job description says about the post." in form
    for value in (
        "Peer Support Worker",
        "Ashdown Unit, Lowbridge Hospital",
        "37.5",
        "Inpatient Matron",
    ):
        assert f'value="{value}"' in form, value
    assert 'value="inpatient" checked' in form
    assert re.search(r'<option value="4" selected\s*>', form)

    response = browser.submit(
        new_plan, {"title": "Peer Support Worker", "team": "Ashdown Unit", "setting": "inpatient",
                   "introduction": "new_role", "employment": "paid", "band": "4", "hours": "37.5",
                   "peer_workers": "2", "line_manager": "Inpatient Matron"},
    )  # fmt: skip
    assert response.status_code == 302
    with app.app_context():
        plan = db.session.scalar(select(RolePlan))
        assert db.session.scalar(select(JdCheck.plan_id)) == plan.id
    assert "Go to the role plan for Peer Support Worker" in text(client.get(url))


def test_junk_in_the_plan_prefill_is_ignored(client, auth):
    auth.manager()
    response = client.get(
        "/plans/new?title=&setting=mars&band=99&hours=abc&peer_workers=-1&employment=x"
        "&team=" + "t" * 300
    )
    page = text(response)
    assert response.status_code == 200
    assert 'value="Peer support worker"' in page  # the usual default title
    assert "checked" not in page.split('name="setting"')[1].split("</fieldset>")[0]


def test_a_foreign_check_is_not_attached_to_a_new_plan(app, client, auth, browser, check):
    url = check()
    foreign_id = int(url.rsplit("/", 1)[1])
    browser.submit("/sign-out", {}, page="/dashboard")
    auth.manager(email="b@example.org", organisation="Trust B")
    response = browser.submit(
        f"/plans/new?from_check={foreign_id}",
        {"title": "Peer worker", "team": "B team", "setting": "community",
         "introduction": "new_role", "employment": "voluntary", "hours": "10",
         "peer_workers": "2", "line_manager": "Manager"},
    )  # fmt: skip
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(JdCheck, foreign_id).plan_id is None


def test_the_report_takes_the_same_number_of_queries_for_short_and_long_texts(
    client, check, count_queries
):
    short, long = check("You will carry out close observations."), check(DRIFTED * 6)
    counts = []
    for url in (short, long):
        with count_queries() as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6


def test_earlier_checks_are_listed_on_the_form(client, check):
    check()
    check(GOOD)
    page = text(client.get(NEW))
    assert "Earlier checks" in page
    assert page.count("Pasted text") == 2


def test_the_duty_summary_and_the_highlighted_text_come_before_the_details(client, check):
    page = text(client.get(check(DRIFTED)))
    summary = re.search(r'<p id="duty-summary">([^<]*)</p>', page).group(1)
    assert re.fullmatch(
        r"Of \d+ duties, \d+ (?:is|are) distinctly peer work, \d+ could be done by any member "
        r"of staff as written and \d+ (?:is|are) role drift\.",
        summary,
    ), summary
    assert page.index('id="duty-summary"') < page.index('id="your-text"')
    assert page.index('id="your-text"') < page.index('id="scores"') < page.index('id="drift"')
