"""The document rules in checklists/documents/: a malformed clause stops the app with a message
naming the file, the clause and the problem."""

from roledesign.catalog import load_catalog
from roledesign.catalog.documents import CHECKLIST_SECTIONS, SECTIONS
from roledesign.config import PROJECT_ROOT
from tests.catalog.helpers import edit, problems

JD = "documents/job_description.yaml"
SP = "documents/supervision_plan.yaml"
RC = "documents/recruitment_checklist.yaml"


def test_the_real_rules_load_and_cover_every_section_and_item():
    catalog = load_catalog(PROJECT_ROOT / "checklists")
    rules = catalog.documents
    for document, sections in SECTIONS.items():
        used = {c.section for c in rules.clauses if c.document == document}
        assert used == set(sections), document
    assert set(rules.gap_lines) == {item.id for item in catalog.items}
    assert all(c.reason for c in rules.clauses if c.section in CHECKLIST_SECTIONS)
    assert len(rules.digest) == 16


def test_unknown_section_source_and_placeholder(checklists):
    edit(checklists / JD, "    section: purpose\n", "    section: aims\n")
    edit(
        checklists / JD,
        "sources: [repper_carter, gillard_holley_2014, pwrp_2013]",
        "sources: [repper_2099]",
    )
    edit(checklists / SP, "{line_manager} provides", "{manager} provides")
    found = problems(checklists)
    assert any(
        p.startswith(
            "checklists/documents/job_description.yaml: clause JD-PU-01: section 'aims' is not one of purpose,"
        )
        for p in found
    )
    assert (
        "checklists/documents/job_description.yaml: clause JD-PU-01: unknown source 'repper_2099'"
        in found
    )
    assert any(
        "supervision_plan.yaml: clause SP-LM-01: text names unknown value '{manager}'" in p
        for p in found
    )


def test_conditions_name_known_context_values_items_and_answers(checklists):
    edit(checklists / JD, "introduction: [replacement]", "introduction: [replaced]")
    edit(checklists / SP, 'SUP-02: ["yes"]', "SUP-99: [maybe]")
    edit(checklists / RC, 'EXP-09: ["no", partly, dont_know]', "EXP-09: [no, partly]")
    found = problems(checklists)
    assert (
        "checklists/documents/job_description.yaml: clause JD-NR-REP: "
        "when.context.introduction has unknown value 'replaced'"
    ) in found
    assert (
        "checklists/documents/supervision_plan.yaml: clause SP-PS-YES: "
        "when.answers names unknown item 'SUP-99'"
    ) in found
    assert (
        "checklists/documents/recruitment_checklist.yaml: clause RC-BA-OPEN: "
        'when.answers.EXP-09: write "yes" and "no" in quotes (YAML reads them as true and false)'
    ) in found


def test_checklist_lines_need_a_reason_and_ids_are_unique(checklists):
    edit(
        checklists / RC,
        "    reason: >-\n      Without a job description of its own",
        "    label: >-\n      Without a job description of its own",
    )
    edit(checklists / RC, "id: RC-BA-02", "id: RC-BA-01")
    found = problems(checklists)
    assert (
        "checklists/documents/recruitment_checklist.yaml: clause RC-BA-01: "
        "'reason' is missing or empty (checklist lines say why)"
    ) in found
    assert (
        "checklists/documents/recruitment_checklist.yaml: clause RC-BA-01: duplicate id "
        "(also in recruitment_checklist.yaml)"
    ) in found


def test_person_specification_rows_say_essential_and_how_assessed(checklists):
    edit(
        checklists / JD,
        "    essential: true\n    assessed: [application, interview]\n    text: >-\n      Personal",
        "    essential: maybe\n    assessed: [telepathy]\n    text: >-\n      Personal",
    )
    found = problems(checklists)
    assert (
        "checklists/documents/job_description.yaml: clause JD-PS-01: "
        "essential must be true (essential) or false (desirable)"
    ) in found
    assert any("clause JD-PS-01: assessed 'telepathy' is not one of" in p for p in found)


def test_job_description_clauses_cannot_cover_gaps(checklists):
    edit(
        checklists / JD,
        "    sources: [bach_2000, gillard_holley_2014]\n",
        "    sources: [bach_2000, gillard_holley_2014]\n    covers: [DIS-05]\n",
    )
    assert problems(checklists) == [
        "checklists/documents/job_description.yaml: clause JD-NR-REP: "
        "job description clauses cannot cover readiness gaps"
    ]


def test_every_item_needs_a_gap_line(checklists):
    edit(
        checklists / "documents/gaps.yaml",
        "STR-07: {document: recruitment_checklist, section: before_advertising}\n",
        "",
    )
    edit(
        checklists / "documents/gaps.yaml",
        "STR-08: {document: recruitment_checklist, section: before_advertising}",
        "STR-08: {document: job_description, section: purpose}",
    )
    found = problems(checklists)
    assert (
        "checklists/documents/gaps.yaml: gap STR-07: is missing: every item needs a line" in found
    )
    assert (
        "checklists/documents/gaps.yaml: gap STR-08: "
        "document must be supervision_plan or recruitment_checklist"
    ) in found


def test_a_missing_document_file_is_named(checklists):
    (checklists / SP).unlink()
    assert problems(checklists) == ["checklists/documents/supervision_plan.yaml: file is missing"]


def test_a_not_in_role_line_must_exclude_a_real_drift_rule(checklists):
    edit(checklists / JD, "excludes: [staff-shortages]", "excludes: [short-staffing]")
    assert problems(checklists) == [
        "checklists/documents/job_description.yaml: clause JD-NR-01: "
        "excludes 'short-staffing', which is not a drift rule in jd_check.yaml"
    ]


def test_every_clause_source_has_a_place_and_only_its_own_sources(checklists):
    edit(
        checklists / JD,
        "      gillard_holley_2014: 'section \"Distinctiveness of the peer worker role\"'\n",
        "      turner_1990: 'section \"Distinctiveness of the peer worker role\"'\n",
    )
    assert problems(checklists) == [
        "checklists/documents/job_description.yaml: clause JD-RE-WARD-1: "
        "where names 'turner_1990', which is not in the clause's sources",
        "checklists/documents/job_description.yaml: clause JD-RE-WARD-1: "
        "where has no place for source 'gillard_holley_2014'",
    ]


def test_the_pay_table_is_dated_sourced_and_checked(checklists):
    edit(
        checklists / "pay.yaml",
        '"4": {minimum: 27485, maximum: 30162}',
        '"4": {minimum: 31000, maximum: 30162}',
    )
    edit(checklists / "pay.yaml", "source: afc_pay_2025", "source: afc_pay_2099")
    assert problems(checklists) == [
        "checklists/pay.yaml: unknown source 'afc_pay_2099'",
        "checklists/pay.yaml: band 4: minimum is above maximum",
    ]
