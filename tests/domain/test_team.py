"""Team figures from aggregated counts, checked against sums worked by hand."""

from fractions import Fraction

import pytest
from hypothesis import given, strategies

from roledesign.domain import disclosure
from roledesign.domain.anonymity import POOL
from roledesign.domain.team import (
    Tally,
    combine,
    consensus,
    domain_scores,
    perception_gaps,
)

GROUPS = (
    "peer_worker",
    "non_peer_staff",
    "line_manager",
    "senior_manager",
    "service_user",
    "other",
)
DOMAINS = (
    "distinctiveness",
    "shared_expectations",
    "strategic_alignment",
    "organisational_support",
)


class Item:
    def __init__(self, id, domain, weight=1, critical=False):
        self.id, self.domain, self.weight, self.critical = id, domain, weight, critical


A = Item("A", "distinctiveness", 3)
B = Item("B", "distinctiveness", 1)
C = Item("C", "shared_expectations", 2)
ITEMS = [A, B, C]


def team_report(counts, tallies, k=3):
    """The report the app shows: the release stored when the survey closes, read back."""
    figures = disclosure.release(
        ITEMS, counts, tallies, [], k=k, order=GROUPS, noise=lambda value: value
    )
    return disclosure.result(ITEMS, figures, GROUPS, DOMAINS)


def answers(*pairs):
    """Tally from (status, how many) pairs."""
    return combine(Tally.of(status, 3, n) for status, n in pairs)


# Three peer workers and four staff, k = 3.
TALLIES = {
    ("peer_worker", "A"): answers(("no", 3)),
    ("non_peer_staff", "A"): answers(("yes", 4)),
    ("peer_worker", "B"): answers(("yes", 2), ("partly", 1)),
    ("non_peer_staff", "B"): answers(("yes", 2), ("partly", 2)),
    ("peer_worker", "C"): answers(("yes", 1), ("dont_know", 1), ("not_relevant", 1)),
    ("non_peer_staff", "C"): answers(("partly", 2), ("dont_know", 2)),
}
COUNTS = {"peer_worker": 3, "non_peer_staff": 4}


def test_tally_means_count_yes_1_partly_half_and_leave_out_not_relevant():
    t = answers(("yes", 1), ("partly", 1), ("no", 1), ("dont_know", 1), ("not_relevant", 5))
    assert t.answered == 4 and t.mean == Fraction(3, 8)  # (1 + 0.5 + 0 + 0) / 4
    assert Tally().mean is None and answers(("not_relevant", 2)).mean is None
    assert Tally.of("yes", 4, 2).importance_total == 8 and Tally.of("no").importance_given == 0
    with pytest.raises(ValueError):
        Tally.of("maybe")


def test_hand_worked_team_report():
    result = team_report(COUNTS, TALLIES)
    peer, staff = result.units
    assert (peer.key, peer.n, staff.key, staff.n) == ("peer_worker", 3, "non_peer_staff", 4)

    # Peer workers, distinctiveness: 100 × (3 × 0 + 1 × 5/6) / (3 + 1) = 20.83
    assert peer.domains["distinctiveness"] == pytest.approx(100 * (5 / 6) / 4)
    # Staff: 100 × (3 × 1 + 1 × 3/4) / 4 = 93.75
    assert staff.domains["distinctiveness"] == 93.75
    # Only two peer workers' answers to C count (one said Not relevant): fewer than k, so C is
    # published for neither group (the staff's figure and the team's would give the peer
    # workers' away), and neither has a shared-expectations score; the team has one (below).
    assert peer.means["C"] is None and peer.domains["shared_expectations"] is None
    assert staff.means["C"] is None and staff.domains["shared_expectations"] is None
    assert peer.domains["strategic_alignment"] is None

    # Whole team, A: 4 yes of 7 = 4/7; B: (4 + 3 × 0.5) / 7 = 11/14;
    # 100 × (3 × 4/7 + 1 × 11/14) / 4 = 62.5.
    assert result.team.n == 7 and result.team.domains["distinctiveness"] == 62.5
    # C: 1 yes, 2 partly, 3 don't know (not relevant left out): (1 + 1) / 6 → 33.3
    assert result.team.domains["shared_expectations"] == pytest.approx(100 / 3)

    # Gaps: A, staff 1 vs peer workers 0 → 1 (flagged); B, peer 5/6 vs staff 3/4 → 1/12.
    assert [(g.item_id, g.difference, g.high_group, g.low_group) for g in result.gaps] == [
        ("A", 1, "non_peer_staff", "peer_worker"),
        ("B", Fraction(1, 12), "peer_worker", "non_peer_staff"),
    ]
    assert [g.item_id for g in result.flagged_gaps] == ["A"]
    # Consensus, distinctiveness: 100 × (1 − (1 + 1/12) / 2) = 45.83; no gap for C, so none.
    assert result.consensus["distinctiveness"] == pytest.approx(100 * 11 / 24)
    assert result.consensus["shared_expectations"] is None

    # Knowledge gaps: C, 3 of 6 answers Don't know (a half ≥ a quarter).
    [gap] = result.knowledge_gaps
    assert (gap.item_id, gap.dont_know, gap.answered, gap.share) == ("C", 3, 6, 0.5)


def test_below_k_in_total_there_is_no_report_at_all():
    result = team_report({"peer_worker": 2}, TALLIES)
    assert result.team is None and result.units == () and result.gaps == ()
    assert result.consensus == dict.fromkeys(DOMAINS) and result.knowledge_gaps == ()


def test_the_pool_is_a_row_but_not_a_side_of_a_gap():
    counts = {"peer_worker": 3, "non_peer_staff": 4, "line_manager": 1, "other": 2}
    tallies = {
        **TALLIES,
        ("line_manager", "A"): answers(("no", 1)),
        ("other", "A"): answers(("no", 2)),
    }
    result = team_report(counts, tallies)
    assert [u.key for u in result.units] == ["peer_worker", "non_peer_staff", POOL]
    assert result.unit(POOL).n == 3 and result.unit(POOL).means["A"] == 0
    assert {g.high_group for g in result.gaps} | {g.low_group for g in result.gaps} <= {
        "peer_worker",
        "non_peer_staff",
    }


def test_gap_exactly_half_is_flagged_and_ties_go_to_domain_then_id():
    class Unit:
        def __init__(self, key, means):
            self.key, self.means = key, means

    groups = [
        Unit("peer_worker", {"A": Fraction(1), "C": Fraction(1), "B": Fraction(1, 2)}),
        Unit("non_peer_staff", {"A": Fraction(1, 2), "C": Fraction(1, 2), "B": Fraction(1)}),
    ]
    gaps = perception_gaps(ITEMS, groups, DOMAINS)
    assert [g.item_id for g in gaps] == ["A", "B", "C"]  # all ½: domain order, then id
    assert all(g.is_flagged for g in gaps)
    assert gaps[1].high_group == "non_peer_staff"
    assert consensus(gaps, DOMAINS)["distinctiveness"] == 50


def test_domain_scores_skip_statements_nobody_answered():
    cells = {"A": answers(("yes", 1)), "B": answers(("not_relevant", 2))}
    assert domain_scores(ITEMS, cells, DOMAINS) == {
        "distinctiveness": 100.0,
        "shared_expectations": None,
        "strategic_alignment": None,
        "organisational_support": None,
    }


HOW_MANY = strategies.integers(min_value=0, max_value=20_000)


@given(
    strategies.lists(
        strategies.tuples(
            HOW_MANY, HOW_MANY, HOW_MANY, HOW_MANY, strategies.integers(min_value=1, max_value=3)
        ),
        min_size=1,
        max_size=20,
    )
)
def test_domain_scores_are_the_float_nearest_the_exact_weighted_mean(rows):
    """Scores are summed in whole numbers for speed: the result is exactly the float nearest
    100 × Σ(weight × mean) / Σ(weight) worked in fractions, however many people answered."""
    items = [Item(f"I{n}", "distinctiveness", weight) for n, (*_, weight) in enumerate(rows)]
    cells = {
        f"I{n}": Tally(yes=y, partly=p, no=no, dont_know=dk)
        for n, (y, p, no, dk, _) in enumerate(rows)
    }
    weighted, weights = Fraction(0), 0
    for item in items:
        cell = cells[item.id]
        if cell.answered:
            weighted += item.weight * cell.mean
            weights += item.weight
    expected = float(100 * weighted / weights) if weights else None
    assert domain_scores(items, cells, DOMAINS)["distinctiveness"] == expected
