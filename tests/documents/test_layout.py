"""Page layout, measured from the PDFs themselves: every document of several plans (and a job
description check report) is rendered, and the text positions pypdf reads back show that no page
but the last is less than a third full and that no page ends with a heading."""

from datetime import date
from io import BytesIO

import pypdf
import pytest
from reportlab.lib.pagesizes import A4

from roledesign.catalog import DOMAIN_KEYS
from roledesign.config import PROJECT_ROOT
from roledesign.documents import render
from roledesign.documents.jd_check_document import build_document
from roledesign.documents.model import Heading, Table
from roledesign.documents.plan_common import KINDS, Stamp
from roledesign.documents.render_pdf import MARGIN
from roledesign.domain.jd_check import check_text
from roledesign.domain.tailoring import Details
from tests.documents.plan_examples import all_yes, catalog, documents_of, inputs

STAMP = Stamp(version=1, issued=date(2026, 11, 29))
FRAME_TOP = A4[1] - MARGIN
FRAME_HEIGHT = A4[1] - 2 * MARGIN
PLANS = {
    "community band 4": inputs(),
    "community with gaps": inputs(
        all_yes(SUP_02="no", EXP_02="no", STR_07="no", DIS_05="no", EXP_09="no"),
        details=Details(duties=("Co-facilitate the weekly recovery group",) * 3),
    ),
    "ward replacement, one peer": inputs(
        setting="inpatient", introduction="replacement", peer_workers=1
    ),
    "no answers": inputs(answers={}, confirmed=False),
    "crisis band 5": inputs(setting="crisis", band="5"),
    "voluntary": inputs(employment="voluntary", band=None),
}


def lines_by_page(pdf: bytes) -> list[list[tuple[float, str]]]:
    """For each page, its lines of text from top to bottom as (baseline y, text), without the
    footer."""
    pages = []
    for page in pypdf.PdfReader(BytesIO(pdf)).pages:
        found: dict[float, list[str]] = {}

        def visit(text, cm, tm, font, size, found=found):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and y > MARGIN:  # the footer sits in the bottom margin
                found.setdefault(round(y), []).append(text.strip())

        page.extract_text(visitor_text=visit)
        pages.append([(y, " ".join(found[y])) for y in sorted(found, reverse=True)])
    return pages


def layout_problems(document, pdf: bytes | None = None) -> list[str]:
    headings = {b.text for b in document.blocks if isinstance(b, Heading)}
    headings |= {b.caption for b in document.blocks if isinstance(b, Table) and b.caption}
    pages = lines_by_page(pdf or render(document, "pdf"))
    problems = []
    for number, lines in enumerate(pages, 1):
        if number == len(pages):
            break
        lowest, last = lines[-1]
        fill = (FRAME_TOP - lowest) / FRAME_HEIGHT
        if fill < 1 / 3:
            problems.append(f"page {number} is only {fill:.0%} full")
        if last in headings:
            problems.append(f"page {number} ends with the heading {last!r}")
    return problems


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("kind", [kind.key for kind in KINDS])
def test_pages_are_filled_and_no_heading_ends_a_page(plan, kind):
    document = documents_of(PLANS[plan], STAMP)[kind]
    assert layout_problems(document) == []


@pytest.mark.parametrize("name", ["02_drifted_inpatient_nhs.txt", "10_senior_peer_lead.txt"])
def test_the_job_description_check_report_is_laid_out_the_same_way(name):
    text = (PROJECT_ROOT / "tests/jd_corpus" / name).read_text()
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    document = build_document(
        report,
        catalog(),
        organisation="Westmoor NHS Trust",
        name=name,
        plan_title="Peer support worker",
        checked_on=date(2026, 11, 29),
        author="Jo Adeyemi",
    )
    assert layout_problems(document) == []


def test_the_measure_sees_a_stranded_heading_and_an_empty_page():
    """The measure itself can fail: a PDF drawn by hand with a heading at the foot of a page
    and a next page with one line at its top."""
    from reportlab.pdfgen.canvas import Canvas

    from roledesign.documents.model import Document

    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    for y in range(760, 100, -20):
        canvas.drawString(MARGIN, y, "Body text")
    canvas.drawString(MARGIN, 80, "Stranded heading")
    canvas.showPage()
    canvas.drawString(MARGIN, 760, "One line")
    canvas.showPage()
    canvas.drawString(MARGIN, 760, "Last page")
    canvas.save()
    document = Document("T", "O", blocks=(Heading("Stranded heading"),))
    assert layout_problems(document, buffer.getvalue()) == [
        "page 1 ends with the heading 'Stranded heading'",
        "page 2 is only 3% full",
    ]
