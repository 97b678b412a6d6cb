"""The job description check report as PDF and Word, parsed back."""

from datetime import date
from io import BytesIO

import docx
import pytest

from roledesign.catalog import DOMAIN_KEYS, load_catalog
from roledesign.config import PROJECT_ROOT
from roledesign.documents import Heading, Table
from roledesign.documents.jd_check_document import build_document, summary_line
from roledesign.documents.render_docx import render_docx
from roledesign.documents.render_pdf import render_pdf
from roledesign.domain.jd_check import check_text
from tests.documents.test_renderers import pdf_text


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(PROJECT_ROOT / "checklists")


@pytest.fixture(scope="module")
def document(catalog):
    text = (PROJECT_ROOT / "tests/jd_corpus/02_drifted_inpatient_nhs.txt").read_text()
    report = check_text(text, catalog.jd_check, DOMAIN_KEYS)
    return build_document(
        report,
        catalog,
        organisation="Westmoor NHS Trust",
        name="Willow ward advert.docx",
        plan_title="Peer support worker",
        checked_on=date(2026, 11, 22),
        author="Jo Adeyemi",
    )


def test_the_document_has_every_section_and_the_scores(document):
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "Scores by domain",
        "Role drift",
        "Missing essentials",
        "What a job evaluation panel will need",
        "Language",
        "Sources",
    ]
    scores = next(b for b in document.blocks if isinstance(b, Table))
    assert scores.rows[0][:2] == ("Distinctiveness of the role", "0 out of 100")
    assert "Close or enhanced observations (−30)" in scores.rows[0][2]


def test_pdf_parses_back_with_flags_and_sources(document):
    reader, text = pdf_text(render_pdf(document))
    assert reader.metadata.title == "Job description check"
    for expected in (
        "Willow ward advert.docx",
        "Close or enhanced observations",
        "To carry out enhanced observations of patients",
        "Lived experience as an essential criterion",
        "Bach 2000, cited in Gillard & Holley 2014",
        "Gillard S, Holley J (2014). Peer workers in mental health services",
    ):
        assert expected in text, expected


def test_word_file_parses_back(document):
    word = docx.Document(BytesIO(render_docx(document)))
    paragraphs = [p.text for p in word.paragraphs]
    assert "Role drift" in paragraphs
    assert any("supervise patients at mealtimes" in p for p in paragraphs)
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Peer supervision or a peer network" in cells


def test_a_clean_text_says_so(catalog):
    report = check_text("", catalog.jd_check, DOMAIN_KEYS)
    assert summary_line(report).startswith("We found no sentences that may dilute the role")
    document = build_document(report, catalog, organisation="Trust", name="Pasted text")
    texts = [getattr(b, "text", "") for b in document.blocks]
    assert "No sentence describes work that would dilute the peer role." in texts
