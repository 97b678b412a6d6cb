"""`flask --app roledesign documents PLAN_ID --out DIR`."""

from io import BytesIO

import docx
import pypdf


def test_writes_every_document_as_pdf_and_word(runner, auth, make_plan, tmp_path):
    auth.manager()
    plan_id = make_plan(peer_workers="1")
    out = tmp_path / "out"
    result = runner.invoke(args=["documents", str(plan_id), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "job-description.docx",
        "job-description.pdf",
        "managers-notes.docx",
        "managers-notes.pdf",
        "recruitment-checklist.docx",
        "recruitment-checklist.pdf",
        "supervision-plan.docx",
        "supervision-plan.pdf",
    ]
    assert f"Plan {plan_id}, version 1: 8 files." in result.output
    reader = pypdf.PdfReader(BytesIO((out / "recruitment-checklist.pdf").read_bytes()))
    assert "Plan to recruit at least two peer workers" in " ".join(
        p.extract_text() for p in reader.pages
    )
    word = docx.Document(BytesIO((out / "supervision-plan.docx").read_bytes()))
    assert word.core_properties.title == "Supervision plan"
    # Running again on an unchanged plan keeps the version.
    again = runner.invoke(args=["documents", str(plan_id), "--out", str(out)])
    assert f"Plan {plan_id}, version 1" in again.output


def test_an_unknown_plan_is_a_clear_error_with_exit_code_2(runner, tmp_path):
    result = runner.invoke(args=["documents", "4242", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "there is no plan with id 4242" in result.output
    assert not (tmp_path / "out").exists()
