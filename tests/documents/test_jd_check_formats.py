"""The job description check reads the same document alike as text, Word and PDF, and finds
nothing wrong with the app's own job descriptions on any tailoring path (issue 16)."""

from datetime import date
from io import BytesIO

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesign.catalog import DOMAIN_KEYS
from roledesign.documents import Document, Table, render
from roledesign.documents.extract import extract_text
from roledesign.documents.plan_common import Stamp
from roledesign.documents.render_pdf import render_pdf
from roledesign.domain.jd_check import check_text
from roledesign.domain.scoring import Answer
from tests.documents.plan_examples import catalog, documents_of, inputs
from tests.documents.render_text import render_text

STAMP = Stamp(version=1, issued=date(2026, 11, 29))


def findings(text: str) -> tuple:
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    return (
        tuple(m.rule.id for m in report.drift),
        tuple(r.id for r in report.missing),
        tuple(m.rule.id for m in report.language),
    )


def in_every_format(document) -> dict[str, tuple]:
    return {
        "text": findings(render_text(document)),
        "docx": findings(extract_text(render(document, "docx"), "jd.docx")[0]),
        "pdf": findings(extract_text(render(document, "pdf"), "jd.pdf")[0]),
    }


def answers(kind: str):
    status = {"yes": "yes", "no": "no", "partly": "partly"}.get(kind)
    return (
        None
        if kind == "all_yes"
        else {item.id: Answer(status, 3) for item in catalog().items if status}
    )


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    introduction=st.sampled_from(["new_role", "replacement", "commissioned"]),
    setting=st.sampled_from(
        ["community", "inpatient", "crisis", "early_intervention", "forensic", "camhs", "other"]
    ),
    employment=st.sampled_from(["paid", "voluntary"]),
    peer_workers=st.integers(min_value=1, max_value=6),
    answered=st.sampled_from(["all_yes", "no", "partly", "none"]),
)
def test_the_apps_own_job_descriptions_read_alike_and_pass(
    introduction, setting, employment, peer_workers, answered
):
    plan = inputs(
        answers=answers(answered),
        introduction=introduction,
        setting=setting,
        employment=employment,
        band="4" if employment == "paid" else None,
        peer_workers=peer_workers,
    )
    document = documents_of(plan, STAMP)["job_description"]
    found = in_every_format(document)
    assert found["docx"] == found["text"] == found["pdf"], found
    drift, missing, _ = found["text"]
    assert drift == () and missing == (), found


NHS_TABLE = Table(
    header=("Attribute", "Essential", "Desirable", "How assessed"),
    rows=(
        (
            "Experience",
            "Lived experience of mental health problems",
            "Working in the NHS",
            "Interview",
        ),
        ("Qualifications", "", "NVQ level 3 in health and social care", "Application"),
    ),
    caption="Person specification",
)


def test_criteria_written_in_the_essential_and_desirable_columns_keep_their_kind():
    document = Document(title="Peer support worker", organisation="Trust", blocks=(NHS_TABLE,))
    pdf_text = extract_text(render_pdf(document), "jd.pdf")[0]
    for text in (render_text(document), pdf_text):
        report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
        assert "lived-experience-essential" not in {r.id for r in report.missing}, text
        # NVQ 3 is only desirable, so it is no credentials drift.
        assert "credentials-essential" not in {m.rule.id for m in report.drift}, text


def word_table_text(rows: list[tuple[str, str, str]], merged_row: int | None = None) -> str:
    """The text read back from a Word file holding one table of these rows."""
    word = docx.Document()
    table = word.add_table(rows=len(rows), cols=3)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    if merged_row is not None:
        group = table.rows[merged_row].cells
        group[0].merge(group[2])  # a group heading across the whole row
    buffer = BytesIO()
    word.save(buffer)
    return extract_text(buffer.getvalue(), "jd.docx")[0]


def assert_only_lived_experience_essential(text: str) -> None:
    report = check_text(text, catalog().jd_check, DOMAIN_KEYS)
    assert "credentials-essential" not in {m.rule.id for m in report.drift}
    assert "lived-experience-essential" not in {r.id for r in report.missing}


def test_a_cross_in_a_word_table_is_no_tick():
    text = word_table_text(
        [
            ("Criterion", "Essential", "Desirable"),
            ("A nursing degree or NVQ level 3 in health and social care", "✗", "✓"),
            ("Lived experience of mental health problems", "✓", "✗"),
        ]
    )
    assert "health and social care\t✗\tDesirable" in text
    assert_only_lived_experience_essential(text)


def test_a_word_table_with_merged_cells_keeps_each_tick_under_its_column():
    rows = [
        ("Criterion", "Essential", "Desirable"),
        ("Experience", "", ""),
        ("NVQ level 3 in health and social care", "", "✓"),
        ("Lived experience of mental health problems", "✓", ""),
    ]
    text = word_table_text(rows, merged_row=1)
    assert "Experience\n" in text and "NVQ level 3 in health and social care\t\tDesirable" in text
    assert_only_lived_experience_essential(text)
