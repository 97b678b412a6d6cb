"""The three plan documents, parsed back from PDF (pypdf) and Word (python-docx): each tailoring
rule's clauses appear where they should and nowhere else."""

import re
import zipfile
from datetime import date
from io import BytesIO

import docx
import pypdf
import pytest

from roledesign.documents import render
from roledesign.documents.plan_common import KINDS, Stamp
from roledesign.documents.plan_documents import bundle, file_name
from roledesign.domain.scoring import Answer
from roledesign.domain.tailoring import Details, tailor
from tests.documents.plan_examples import all_yes, catalog, documents_of, inputs

STAMP = Stamp(version=3, issued=date(2026, 11, 22))


def rendered(plan_inputs, kind, done=None):
    """(PDF text, Word text) of one document, white space squeezed for easy matching."""
    document = documents_of(plan_inputs, STAMP, done)[kind]
    reader = pypdf.PdfReader(BytesIO(render(document, "pdf")))
    pdf = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    word = docx.Document(BytesIO(render(document, "docx")))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return pdf, " ".join(" ".join(parts).split())


def both_contain(texts, phrase):
    return all(phrase in text for text in texts)


def neither_contains(texts, phrase):
    return all(phrase not in text for text in texts)


def test_lived_experience_is_essential_and_experience_counts_instead_of_qualifications():
    document = documents_of(inputs(), STAMP)["job_description"]
    word = docx.Document(BytesIO(render(document, "docx")))
    spec = next(t for t in word.tables if t.rows[0].cells[0].text == "Criterion")
    header = [cell.text for cell in spec.rows[0].cells]
    assert header == ["Criterion", "Essential", "Desirable", "How assessed"]
    rows = {row.cells[0].text: [c.text for c in row.cells] for row in spec.rows[1:]}
    lived = next(key for key in rows if key.startswith("Personal experience of mental health"))
    assert rows[lived][1:] == ["Yes", "", "Application, Interview"]
    assert "Lived experience" in rows  # the group heading row
    experience = next(key for key in rows if "counts in place of formal qualifications" in key)
    assert rows[experience][1] == "Yes"
    # No credential is required: the only course or qualification named is desirable.
    course = next(key for key in rows if "accredited peer support course" in key)
    assert rows[course][1:3] == ["", "Yes"]
    pdf, _ = rendered(inputs(), "job_description")
    assert "Person specification" in pdf and "Essential Desirable How assessed" in pdf


@pytest.mark.parametrize("kind", [k.key for k in KINDS])
def test_every_document_has_title_author_version_and_page_numbers(kind):
    document = documents_of(inputs(), STAMP)[kind]
    reader = pypdf.PdfReader(BytesIO(render(document, "pdf")))
    assert reader.metadata.title == document.title
    assert reader.metadata.author == "Northshire NHS Trust"
    total = len(reader.pages)
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    for page in reader.pages:  # only the two embedded fonts, on every page
        fonts = page["/Resources"]["/Font"]
        assert {fonts[f].get_object()["/Subtype"] for f in fonts} == {"/TrueType"}
        assert len(fonts) <= 2
    text = reader.pages[0].extract_text()
    assert "22 November 2026" in text and "version 3" in text
    word = docx.Document(BytesIO(render(document, "docx")))
    assert word.core_properties.title == document.title
    assert word.paragraphs[0].style.name == "Title"
    assert any(p.style.name == "Heading 1" for p in word.paragraphs)


def test_replacement_posts_name_the_generic_tasks_that_are_out_of_scope():
    ward = rendered(inputs(introduction="replacement", setting="inpatient"), "job_description")
    for task in (
        "close or enhanced observations",
        "restraint",
        "medication",
        "supervise mealtimes",
    ):
        assert both_contain(ward, task), task
    community = rendered(inputs(introduction="replacement"), "job_description")
    assert both_contain(community, "not of that post's generic tasks")
    assert both_contain(community, "care coordination caseload")
    for ward_task in ("observations", "mealtimes", " ward "):
        assert neither_contains(community, ward_task), ward_task
    new = rendered(inputs(introduction="new_role"), "job_description")
    assert neither_contains(new, "close or enhanced observations")
    assert neither_contains(new, "medication")
    assert both_contain(new, "not used to fill gaps in the rota")


def test_what_is_not_part_of_the_role_follows_the_answer_about_generic_tasks():
    agreed = rendered(inputs(all_yes()), "job_description")
    not_agreed = rendered(inputs(all_yes(DIS_05="no")), "job_description")
    for line in ("medication, including at depot", "reception, clerical or domestic work"):
        assert neither_contains(agreed, line), line
        assert both_contain(not_agreed, line), line


def test_one_peer_worker_gets_a_checklist_line_and_external_networking():
    single = inputs(peer_workers=1)
    checklist = rendered(single, "recruitment_checklist")
    assert both_contain(checklist, "Plan to recruit at least two peer workers")
    assert both_contain(checklist, "McLean et al. 2009")
    assert both_contain(rendered(single, "supervision_plan"), "external peer networking")
    several = inputs(peer_workers=2)
    assert neither_contains(rendered(several, "recruitment_checklist"), "at least two peer workers")
    assert neither_contains(rendered(several, "supervision_plan"), "external peer networking")


def test_no_peer_supervisor_in_house_sources_it_from_outside():
    outside = rendered(inputs(all_yes(SUP_02="no")), "supervision_plan")
    assert both_contain(outside, "no experienced peer worker in the organisation")
    assert both_contain(outside, "from a peer-led organisation, or from a senior peer worker")
    in_house = rendered(
        inputs(all_yes(), details=Details(peer_supervision_by="Sam Lee, senior peer worker")),
        "supervision_plan",
    )
    assert neither_contains(in_house, "no experienced peer worker in the organisation")
    assert both_contain(in_house, "comes from an experienced peer worker: Sam Lee")


def test_informal_recruitment_gets_an_open_formal_process_purpose_and_readiness():
    phrases = (
        "Replace informal approaches with an open, formal process",
        "statement of the role's purpose",
        "Hold a readiness discussion with each candidate",
    )
    informal = rendered(inputs(all_yes(EXP_09="no")), "recruitment_checklist")
    formal = rendered(inputs(all_yes()), "recruitment_checklist")
    for phrase in phrases:
        assert both_contain(informal, phrase), phrase
        assert neither_contains(formal, phrase), phrase
    assert both_contain(informal, "Gillard et al. 2013")


def test_priority_gaps_become_concrete_lines():
    answers = all_yes(EXP_02="no", STR_07="no")
    plan = rendered(inputs(answers), "supervision_plan")
    assert both_contain(plan, "brief and train the non-peer team")
    assert neither_contains(plan, "Priority from your readiness report")
    notes = rendered(inputs(answers), "managers_notes")
    assert both_contain(
        notes, "Priority from your readiness report: statement EXP-02 was answered No."
    )
    checklist = rendered(inputs(answers), "recruitment_checklist")
    assert both_contain(checklist, "Secure recurrent funding for the post")
    assert both_contain(checklist, "statement STR-07 was answered No")
    calm = rendered(inputs(all_yes()), "recruitment_checklist")
    assert neither_contains(calm, "Priority from your readiness report")


def test_voluntary_posts_have_no_band_and_say_they_are_unpaid():
    pdf, word = rendered(inputs(employment="voluntary", band=None), "job_description")
    for text in (pdf, word):
        assert text.startswith("Role description and person specification")
        assert "Band" not in text
        assert "Voluntary and unpaid" in text
    assert both_contain(
        rendered(inputs(employment="voluntary", band=None), "recruitment_checklist"),
        "volunteer agreement",
    )


def test_commissioned_posts_name_the_employer_and_the_host():
    commissioned = inputs(introduction="commissioned", details=Details(provider="Riverside Mind"))
    texts = rendered(commissioned, "job_description")
    assert neither_contains(texts, "Band 4")
    for phrase in (
        "Employer Riverside Mind (peer-led organisation)",
        "Commissioned by Northshire NHS Trust",
        "Host team North community mental health team",
        "commissioning agreement with Northshire NHS Trust",
    ):
        assert both_contain(texts, phrase), phrase
    assert both_contain(rendered(commissioned, "supervision_plan"), "for Riverside Mind")


def test_a_plan_without_answers_marks_readiness_parts_to_be_decided():
    bare = inputs(answers={}, confirmed=False)
    plan = rendered(bare, "supervision_plan")
    assert both_contain(plan, "To be decided: Who provides peer supervision or mentoring")
    assert neither_contains(plan, "readiness check")  # for the post holder: no internal workings
    assert both_contain(
        rendered(bare, "managers_notes"), "The readiness check has not been started"
    )
    checklist = rendered(bare, "recruitment_checklist")
    assert both_contain(checklist, "To be decided: How candidates will be found")
    assert neither_contains(checklist, "Readiness check: ")
    assert both_contain(rendered(bare, "job_description"), "To be decided: Who provides peer")


def test_ticked_lines_carry_who_and_when():
    done = {"RC-BA-01": "Done: Sam Manager, 3 December 2026 at 14:05"}
    document = documents_of(inputs(), STAMP, done)["recruitment_checklist"]
    pdf = pypdf.PdfReader(BytesIO(render(document, "pdf")))
    assert "Done: Sam Manager, 3 December 2026 at 14:05" in " ".join(
        page.extract_text() for page in pdf.pages
    )
    xml = docx.Document(BytesIO(render(document, "docx"))).element.xml
    assert xml.count("<w14:checkbox>") > 20  # a box Word can tick on every line
    assert xml.count('<w14:checked w14:val="1"/>') == 1


def test_typed_in_details_appear_as_text_even_with_markup_and_control_characters():
    details = Details(
        base="<b>Riverside</b> & Co\x07",
        duties=("<script>alert(1)</script> the group",),
        closing_date=date(2027, 3, 31),
    )
    pdf, word = rendered(inputs(details=details), "job_description")
    for text in (pdf, word):
        assert "<b>Riverside</b> & Co" in text
        assert "<script>alert(1)</script> the group" in text
        assert "31 March 2027" in text


def test_the_zip_holds_every_document_in_both_formats():
    documents = documents_of(inputs(), STAMP)
    archive = zipfile.ZipFile(BytesIO(bundle(documents, "Peer support worker", STAMP)))
    assert sorted(archive.namelist()) == sorted(
        file_name("Peer support worker", kind, 3, fmt) for kind in KINDS for fmt in ("pdf", "docx")
    )
    assert "peer-support-worker-job-description-v3.pdf" in archive.namelist()
    assert "peer-support-worker-managers-notes-v3.docx" in archive.namelist()
    assert archive.read("peer-support-worker-supervision-plan-v3.pdf").startswith(b"%PDF")


def test_the_question_bank_asks_about_using_experience_not_diagnosis():
    pdf, word = rendered(inputs(), "recruitment_checklist")
    for text in (pdf, word):
        assert "Interview question bank" in text
        assert "What did you choose to share, and why?" in text
        assert "not about their diagnosis or treatment" in text
        assert "Include a person with lived experience" in text
        assert "judged on its relevance to this post" in text
        assert "Reasonable adjustments" in text


def test_answers_with_importance_only_count_as_unanswered():
    answers = all_yes()
    answers["SUP-02"] = Answer(None, 4)
    assert both_contain(
        rendered(inputs(answers), "supervision_plan"), "To be decided: Who provides peer"
    )


AUDIENCE_PLANS = {
    "all yes": inputs(),
    "gaps": inputs(all_yes(SUP_02="no", EXP_02="no", STR_07="no", DIS_05="no", EXP_09="no")),
    "no answers": inputs(answers={}, confirmed=False),
    "ward replacement": inputs(setting="inpatient", introduction="replacement", peer_workers=1),
    "commissioned": inputs(introduction="commissioned"),
    "voluntary": inputs(employment="voluntary", band=None),
}
STATEMENT_ID = re.compile(r"\b(?:DIS|EXP|STR|SUP)-\d\d\b")
INTERNAL = (
    "Priority from",
    "readiness check",
    "readiness report",
    "critical gap",
    "Source:",
    "Sources",
    "Evidence",
    "n.d.",
    " et al",
)


@pytest.mark.parametrize("plan", AUDIENCE_PLANS)
@pytest.mark.parametrize("kind", ["job_description", "supervision_plan"])
def test_documents_for_candidates_and_the_post_holder_carry_no_internal_workings(plan, kind):
    for text in rendered(AUDIENCE_PLANS[plan], kind):
        assert not STATEMENT_ID.search(text), STATEMENT_ID.search(text)
        for phrase in INTERNAL:
            assert phrase not in text, phrase
        citation = re.search(
            r"\b(?!(?:January|February|March|April|May|June|July|August|September|October"
            r"|November|December)\b)[A-Z][a-z]+(?: et al\.?| & [A-Z][a-z]+)? (?:19|20)\d\d\b",
            text,
        )
        assert not citation, citation


@pytest.mark.parametrize("plan", AUDIENCE_PLANS)
def test_the_managers_notes_say_why_each_clause_is_there_and_on_what_evidence(plan):
    plan_inputs = AUDIENCE_PLANS[plan]
    tailored = tailor(catalog(), plan_inputs)
    pdf, word = rendered(plan_inputs, "managers_notes")
    for kind in ("job_description", "supervision_plan"):
        for line in tailored.lines[kind]:
            start = " ".join(line.text.split())[:60]
            assert start in pdf and start in word, start
    for text in (pdf, word):
        assert "Why it is here" in text and "Part of every post of this kind." in text
        assert "Like every member of staff" not in text


def test_supervision_frequencies_are_starting_points_to_agree_unless_typed_in():
    plan = rendered(inputs(), "supervision_plan")
    assert both_contain(
        plan,
        "Starting point, to agree with the peer worker: every two weeks for the first three "
        "months, then monthly",
    )
    assert neither_contains(plan, "To be agreed")
    agreed = rendered(inputs(details=Details(line_frequency="Weekly")), "supervision_plan")
    assert both_contain(agreed, "How often Weekly")
    # The manager's notes say the starting points are our suggestion, not a finding.
    notes = rendered(inputs(), "managers_notes")
    assert both_contain(notes, "Our inference: the sources call for regular management")


def test_pay_comes_from_the_dated_table_for_the_band_unless_typed_in():
    band4 = rendered(inputs(), "job_description")
    assert both_contain(
        band4,
        "£27,485 to £30,162 a year full time (Agenda for Change Band 4, pay year 2025/26); "
        "£21,988 to £24,130 pro rata for 30 hours a week",
    )
    london = rendered(inputs(details=Details(high_cost_area="inner_london")), "job_description")
    assert both_contain(london, "Plus the Inner London high cost area supplement: 20% of basic")
    typed = rendered(inputs(details=Details(salary="£28,000 a year")), "job_description")
    assert both_contain(typed, "Salary £28,000 a year") and neither_contains(typed, "2025/26")
    local = rendered(inputs(band="local"), "job_description")
    assert both_contain(local, "Salary To be confirmed")


FACTORS = (
    "Communication and relationships",
    "Knowledge, training and experience",
    "Analytical and judgement skills",
    "Planning and organising",
    "Responsibilities for people, information and resources",
    "Freedom to act",
    "Physical, mental and emotional effort",
    "Working conditions",
)


def test_the_job_description_covers_every_job_evaluation_factor_at_the_posts_band():
    band4 = rendered(inputs(), "job_description")
    for factor in FACTORS:
        assert both_contain(band4, factor), factor
    assert both_contain(band4, "Plans own workload over days and weeks")
    band3 = rendered(inputs(band="3"), "job_description")
    assert both_contain(band3, "Plans own day around agreed sessions")
    assert neither_contains(band3, "Plans own workload over days and weeks")
    band5 = rendered(inputs(band="5"), "job_description")
    assert both_contain(band5, "May supervise or mentor peer workers")
    unpaid = rendered(inputs(employment="voluntary", band=None), "job_description")
    assert neither_contains(unpaid, "for job evaluation")


def test_each_setting_adds_duties_of_its_own():
    duties = {
        "inpatient": "prepare for leaving hospital",
        "community": "Meet people in their homes and in the community",
        "crisis": "during and after a crisis",
    }
    for setting, duty in duties.items():
        texts = rendered(inputs(setting=setting), "job_description")
        assert both_contain(texts, duty), setting
        for other, other_duty in duties.items():
            if other != setting:
                assert neither_contains(texts, other_duty), (setting, other)
    peer_led = rendered(inputs(introduction="commissioned"), "job_description")
    assert both_contain(peer_led, "wider activities of the peer-led organisation")
