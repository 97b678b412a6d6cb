"""Choosing clauses: each tailoring rule, worked by hand on small plans."""

from datetime import date

from roledesign.catalog.documents import Condition
from roledesign.domain.scoring import Answer
from roledesign.domain.tailoring import (
    Details,
    DocumentInputs,
    answer_state,
    holds,
    priority_gaps,
    tailor,
)
from tests.documents.plan_examples import all_yes, catalog, inputs


def keys(tailored, document, section=None):
    lines = tailored.lines[document]
    return [line.key for line in lines if section is None or line.section == section]


def test_conditions_on_context_and_answers():
    condition = Condition(
        context=(("peer_team", ("single",)),), answers=(("SUP-02", ("no", "dont_know")),)
    )
    answers = {"SUP-02": Answer("no")}
    assert holds(condition, {"peer_team": "single"}, answers)
    assert not holds(condition, {"peer_team": "several"}, answers)
    assert not holds(condition, {"peer_team": "single"}, {"SUP-02": Answer("yes")})
    assert answer_state({}, "SUP-02") == "unanswered"
    assert answer_state({"SUP-02": Answer(None, 4)}, "SUP-02") == "unanswered"
    assert holds(Condition(answers=(("SUP-02", ("unanswered",)),)), {}, {})


def test_priority_gaps_are_the_top_five_and_every_critical_gap():
    # EXP-02 (critical, weight 3) answered No: 3 × 1 × 3 × 2 = 18.
    # STR-07 (weight 3) No: 9. DIS-06 (weight 2) Partly: 2 × 0.5 × 3 = 3.
    tailored = tailor(catalog(), inputs(all_yes(EXP_02="no", STR_07="no", DIS_06="partly")))
    assert [(p.item.id, p.gap.priority) for p in tailored.priorities] == [
        ("EXP-02", 18.0),
        ("STR-07", 9.0),
        ("DIS-06", 3.0),
    ]
    # Six gaps of priority 9 push a critical gap of priority 6 out of the top five, but a
    # critical gap is always kept.
    many = all_yes(
        DIS_01="partly",  # critical, weight 3: 3 × 0.5 × 3 × 2 = 9
        DIS_04="no",
        DIS_05="no",
        STR_01="no",
        STR_03="no",
        STR_07="no",
        SUP_16="no",  # weight 2: 6
    )
    many["SUP-03"] = Answer("no", 1)  # critical gap, weight 3: 3 × 1 × 1 × 2 = 6
    report = tailor(catalog(), inputs(many)).report
    chosen = [p.item.id for p in priority_gaps(report)]
    assert len(report.top_priorities) == 5
    assert "SUP-03" not in [p.item.id for p in report.top_priorities]
    assert "SUP-03" in chosen and "SUP-16" not in chosen


def test_a_covered_priority_gap_marks_the_clause_and_an_uncovered_one_gets_its_own_line():
    tailored = tailor(catalog(), inputs(all_yes(EXP_02="no", STR_07="no")))
    team = tailored.section("supervision_plan", "team_preparation")
    prepared = next(line for line in team if line.key == "SP-TP-01")
    assert prepared.priority.item.id == "EXP-02"
    assert "GAP-EXP-02" not in keys(tailored, "supervision_plan")
    checklist = next(
        line for line in tailored.lines["recruitment_checklist"] if line.key == "RC-ON-01"
    )
    assert checklist.priority.item.id == "EXP-02"
    # STR-07 (funding) is covered by no clause: its action becomes a checklist line.
    funding = next(
        line for line in tailored.lines["recruitment_checklist"] if line.key == "GAP-STR-07"
    )
    assert funding.section == "before_advertising"
    assert funding.text == catalog().item("STR-07").action
    assert funding.reason == catalog().item("STR-07").why
    assert "gates_2007" in funding.sources
    # Without gaps, nothing is marked.
    calm = tailor(catalog(), inputs())
    assert all(line.priority is None for lines in calm.lines.values() for line in lines)


def test_replacement_posts_name_the_generic_tasks_out_of_scope():
    replaced = tailor(catalog(), inputs(introduction="replacement"))
    assert "JD-NR-REP" in keys(replaced, "job_description", "not_in_role")
    assert "RC-BA-REP-COM" in keys(replaced, "recruitment_checklist")  # a community post
    ward = tailor(catalog(), inputs(introduction="replacement", setting="inpatient"))
    assert "RC-BA-REP" in keys(ward, "recruitment_checklist")
    new = tailor(catalog(), inputs(introduction="new_role"))
    assert "JD-NR-REP" not in keys(new, "job_description")


def test_a_single_peer_worker_gets_the_checklist_line_and_external_networking():
    single = tailor(catalog(), inputs(peer_workers=1))
    assert "RC-BA-SINGLE" in keys(single, "recruitment_checklist", "before_advertising")
    assert keys(single, "supervision_plan", "reflective_practice") == ["SP-RP-SINGLE"]
    several = tailor(catalog(), inputs(peer_workers=3))
    assert "RC-BA-SINGLE" not in keys(several, "recruitment_checklist")
    assert keys(several, "supervision_plan", "reflective_practice") == ["SP-RP-SEVERAL"]


def test_peer_supervision_follows_the_answer_to_sup_02():
    def peer(status):
        answers = all_yes()
        if status is None:
            del answers["SUP-02"]
        else:
            answers["SUP-02"] = Answer(status, 3)
        return keys(tailor(catalog(), inputs(answers)), "supervision_plan", "peer_supervision")

    assert peer("yes") == ["SP-PS-YES", "SP-PS-02"]
    assert peer("no") == ["SP-PS-EXTERNAL", "SP-PS-02"]
    assert peer("dont_know") == ["SP-PS-EXTERNAL", "SP-PS-02"]
    assert peer("partly") == ["SP-PS-PARTLY", "SP-PS-02"]
    assert peer(None) == ["SP-PS-TBD", "SP-PS-02"]


def test_informal_recruitment_adds_the_open_process_lines():
    formal = set(keys(tailor(catalog(), inputs(all_yes())), "recruitment_checklist"))
    informal = set(keys(tailor(catalog(), inputs(all_yes(EXP_09="no"))), "recruitment_checklist"))
    assert informal - formal == {"RC-BA-OPEN", "RC-AD-PURPOSE", "RC-IN-READY"}
    partly = set(keys(tailor(catalog(), inputs(all_yes(EXP_09="partly"))), "recruitment_checklist"))
    assert {"RC-BA-OPEN", "RC-AD-PURPOSE", "RC-IN-READY"} <= partly


def test_without_answers_the_readiness_parts_are_to_be_decided():
    tailored = tailor(catalog(), inputs(answers={}, confirmed=False))
    assert not tailored.has_answers and tailored.priorities == ()
    undecided = {
        line.key for lines in tailored.lines.values() for line in lines if line.to_be_decided
    }
    assert undecided == {"JD-SS-PS-TBD", "SP-PS-TBD", "SP-TP-TBD", "RC-BA-OPEN-TBD"}
    # Nothing that needs an answer is guessed.
    chosen = {line.key for lines in tailored.lines.values() for line in lines}
    assert not chosen & {"SP-PS-YES", "SP-PS-EXTERNAL", "RC-BA-OPEN", "SP-TP-YES", "JD-SS-05"}


def test_placeholders_are_filled_from_the_plan_and_details():
    tailored = tailor(
        catalog(),
        inputs(
            introduction="commissioned",
            details=Details(provider="Riverside Mind", peer_supervision_by="Jo, senior peer"),
        ),
    )
    purpose = tailored.section("job_description", "purpose")
    text = " ".join(line.text for line in purpose)
    assert "provided by Riverside Mind" in text
    assert "agreement with Northshire NHS Trust" in text
    assert "{" not in text
    peer = tailored.section("supervision_plan", "peer_supervision")[0]
    assert "Jo, senior peer" in peer.text


def test_inputs_survive_a_round_trip_through_json():
    original = inputs(
        all_yes(SUP_02="no"),
        details=Details(
            base="Riverside <b>Centre</b>",
            closing_date=date(2027, 3, 31),
            duties=("Run the group", "Keep notes"),
        ),
        hours="22.5",
    )
    text = original.to_json()
    again = DocumentInputs.from_json(text)
    assert again == original
    assert again.to_json() == text  # canonical: the same inputs give the same text
