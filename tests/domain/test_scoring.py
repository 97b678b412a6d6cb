"""Hand-worked examples of the scoring rules in docs/scoring.md."""

from dataclasses import dataclass

import pytest

from roledesign.domain.scoring import Answer, DomainScore, band, priority, rounded, score


@dataclass(frozen=True)
class It:
    id: str
    domain: str
    weight: int = 1
    critical: bool = False


D, E, S, OS = (
    "distinctiveness",
    "shared_expectations",
    "strategic_alignment",
    "organisational_support",
)


def test_domain_score_is_weighted_mean_of_values():
    items = [It("D1", D, 3), It("D2", D, 2), It("D3", D, 1)]
    answers = {"D1": Answer("yes"), "D2": Answer("partly"), "D3": Answer("no")}
    # 100 × (3×1 + 2×0.5 + 1×0) / (3+2+1) = 100 × 4/6
    result = score(items, answers)
    assert result.domains[D].score == pytest.approx(66.6667, abs=1e-4)
    assert result.domains[D].answered == 3 and result.domains[D].is_complete


def test_not_relevant_is_left_out_of_numerator_and_denominator():
    items = [It("D1", D, 3), It("D2", D, 2)]
    result = score(items, {"D1": Answer("yes"), "D2": Answer("not_relevant")})
    assert result.domains[D].score == 100.0  # 3×1 / 3, not 3 / 5
    assert result.domains[D].answered == 2  # answered, so the domain is complete
    assert result.domains[D].scored == 1
    assert result.priorities == ()


def test_unanswered_items_are_excluded_and_domain_shows_incomplete():
    items = [It("D1", D, 2), It("D2", D, 3)]
    result = score(items, {"D1": Answer("partly")})
    assert result.domains[D].score == 50.0
    assert not result.domains[D].is_complete
    assert not result.is_complete
    # An answer record with no status yet (e.g. only a note) is still unanswered.
    assert score(items, {"D1": Answer("partly"), "D2": Answer(None, 4)}).domains[D].score == 50.0


def test_dont_know_scores_zero_and_is_a_knowledge_gap():
    items = [It("D1", D, 1), It("D2", D, 1)]
    result = score(items, {"D1": Answer("yes"), "D2": Answer("dont_know")})
    assert result.domains[D].score == 50.0
    assert result.knowledge_gaps == ("D2",)


def test_domain_with_nothing_scored_is_not_assessed_and_overall_uses_the_rest():
    items = [It("D1", D, 1), It("E1", E, 2), It("E2", E, 1), It("S1", S), It("O1", OS)]
    answers = {
        "D1": Answer("yes"),  # D = 100
        "E1": Answer("partly"),
        "E2": Answer("yes"),  # E = 100 × (1 + 1) / 3 = 66.67
        "S1": Answer("not_relevant"),  # S: nothing scored -> not assessed
        # OS unanswered -> not assessed
    }
    result = score(items, answers)
    assert result.domains[S].score is None and result.domains[OS].score is None
    assert result.overall == pytest.approx((100 + 200 / 3) / 2)  # each assessed domain counts once


def test_each_domain_counts_equally_whatever_its_size():
    items = [It(f"D{n}", D) for n in range(1, 11)] + [It("E1", E)]
    answers = {f"D{n}": Answer("yes") for n in range(1, 11)} | {"E1": Answer("no")}
    assert score(items, answers).overall == 50.0  # not 10/11 × 100


def test_nothing_answered_is_not_yet_ready():
    result = score([It("D1", D)], {})
    assert result.overall is None and result.band == "not_yet"


def _all_domains(value_by_domain: dict[str, str], critical: str | None = None):
    items = [It(f"{k[:1].upper()}1", k, critical=(k == critical)) for k in (D, E, S, OS)]
    answers = {f"{k[:1].upper()}1": Answer(v) for k, v in value_by_domain.items()}
    return score(items, answers)


def test_ready_when_all_thresholds_met():
    result = _all_domains({D: "yes", E: "yes", S: "yes", OS: "yes"})
    assert result.overall == 100 and result.band == "ready"


def test_a_weak_domain_stops_ready_even_with_a_high_overall():
    # 100, 100, 100, 50 -> overall 87.5 but one domain below 60
    result = _all_domains({D: "yes", E: "yes", S: "yes", OS: "partly"})
    assert result.overall == 87.5 and result.band == "nearly"


def test_a_critical_no_or_dont_know_is_a_gate():
    for status in ("no", "dont_know"):
        items = [
            It("D1", D, 3, critical=True),
            *[It(f"D{n}", D, 3) for n in range(2, 12)],
            It("E1", E),
            It("S1", S),
            It("O1", OS),
        ]
        answers = {i.id: Answer("yes") for i in items} | {"D1": Answer(status)}
        result = score(items, answers)
        assert result.domains[D].score == pytest.approx(100 * 30 / 33)  # 90.9, above 60
        assert result.overall > 75
        assert result.critical_gaps == ("D1",)
        assert result.band == "nearly"


def test_a_critical_partly_is_not_a_gate():
    items = [It("D1", D, 1, critical=True), It("D2", D, 3), It("E1", E), It("S1", S), It("O1", OS)]
    answers = {i.id: Answer("yes") for i in items} | {"D1": Answer("partly")}
    result = score(items, answers)
    assert result.critical_gaps == ()
    assert result.band == "ready"  # D = 100 × 3.5/4 = 87.5


def test_an_unassessed_domain_stops_ready():
    result = _all_domains({D: "yes", E: "yes", S: "yes"})
    assert result.overall == 100 and result.domains[OS].score is None
    assert result.band == "nearly"


def test_boundaries_are_inclusive():
    domains = [DomainScore(k, 60.0, 1, 1, 1) for k in (D, E, S)] + [DomainScore(OS, 100.0, 1, 1, 1)]
    assert band(75.0, domains, ()) == "ready"
    assert band(50.0, domains, ()) == "nearly"
    assert band(49.99, domains, ()) == "not_yet"


def test_bands_use_unrounded_scores():
    # 74.996 is shown as 75 but is below the line; 59.7 is shown as 60 but is below it too.
    domains = [DomainScore(k, 80.0, 1, 1, 1) for k in (D, E, S, OS)]
    assert rounded(74.996) == 75
    assert band(74.996, domains, ()) == "nearly"
    weak = domains[:3] + [DomainScore(OS, 59.7, 1, 1, 1)]
    assert rounded(59.7) == 60
    assert band(80.0, weak, ()) == "nearly"


def test_rounding_is_half_up_for_display():
    assert rounded(62.5) == 63 and rounded(66.66) == 67 and rounded(None) is None


def test_priority_formula():
    # weight 3 × (1 − 0.5) × importance 4 = 6; critical doubles it to 12
    assert priority(It("D1", D, 3), Answer("partly", 4)) == 6.0
    assert priority(It("D1", D, 3, critical=True), Answer("partly", 4)) == 12.0
    # importance not given counts as 3: 2 × 1 × 3
    assert priority(It("D1", D, 2), Answer("no")) == 6.0
    assert priority(It("D1", D, 2), Answer("dont_know", 1)) == 2.0


def test_priorities_are_ordered_highest_first_and_ties_break_by_domain_then_id():
    items = [
        It("O2", OS, 2),
        It("D2", D, 2),
        It("D1", D, 2),  # three ties at 2 × 1 × 3 = 6
        It("E1", E, 3, critical=True),  # 3 × 0.5 × 3 × 2 = 9
        It("S1", S, 1),  # 1 × 1 × 1 = 1
        It("S2", S, 3),  # yes: not a gap
    ]
    answers = {
        "O2": Answer("no"),
        "D2": Answer("no"),
        "D1": Answer("dont_know"),
        "E1": Answer("partly"),
        "S1": Answer("no", 1),
        "S2": Answer("yes"),
    }
    result = score(items, answers)
    assert [g.item_id for g in result.priorities] == ["E1", "D1", "D2", "O2", "S1"]
    assert [g.priority for g in result.priorities] == [9.0, 6.0, 6.0, 6.0, 1.0]


def test_answers_for_items_outside_the_plan_are_ignored():
    result = score([It("D1", D)], {"D1": Answer("yes"), "X9": Answer("no")})
    assert result.domains[D].score == 100 and result.priorities == ()


def test_invalid_answer_values_are_refused():
    with pytest.raises(ValueError):
        Answer("maybe")
    with pytest.raises(ValueError):
        Answer("yes", 5)
