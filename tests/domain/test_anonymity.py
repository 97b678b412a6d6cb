"""The anonymity rules, by hand-worked example, then proved for every combination of group sizes:
no hidden group's figures can be worked out from the figures shown and the total."""

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roledesign.domain import disclosure
from roledesign.domain.anonymity import (
    POOL,
    check_k,
    comment_threshold,
    disclose,
)
from roledesign.domain.team import TEAM, Tally

GROUPS = (
    "peer_worker",
    "non_peer_staff",
    "line_manager",
    "senior_manager",
    "service_user",
    "other",
)


def test_nothing_is_shown_below_k_respondents_in_total():
    d = disclose({"peer_worker": 2, "non_peer_staff": 2}, 5, GROUPS)
    assert not d.is_reportable and d.shown == () and not d.shows_pool
    assert d.visible_n("non_peer_staff") is None and d.visible_n(POOL) is None


def test_groups_of_k_or_more_are_shown_and_smaller_ones_pooled():
    # k = 5: peer workers 2 and service users 3 are too small; together they make 5.
    d = disclose(
        {"peer_worker": 2, "non_peer_staff": 8, "line_manager": 6, "service_user": 3}, 5, GROUPS
    )
    assert d.shown == ("non_peer_staff", "line_manager")
    assert d.pooled == ("peer_worker", "service_user") and d.pool_n == 5 and d.shows_pool
    assert d.units() == (
        ("non_peer_staff", ("non_peer_staff",)),
        ("line_manager", ("line_manager",)),
        (POOL, ("peer_worker", "service_user")),
    )
    # Nobody and fewer than k look the same.
    assert [d.visible_n(g) for g in GROUPS] == [None, 8, 6, None, None, None]
    assert d.visible_n(POOL) == 5


def test_one_hidden_group_takes_the_next_smallest_with_it():
    # Peer workers (3) alone would be the difference between the total (18) and the shown groups
    # (9 + 6): so line managers, the smallest shown group, are hidden too.
    d = disclose({"peer_worker": 3, "non_peer_staff": 9, "line_manager": 6}, 5, GROUPS)
    assert d.shown == ("non_peer_staff",)
    assert d.pooled == ("peer_worker", "line_manager") and d.pool_n == 9


def test_a_pool_below_k_takes_as_many_groups_as_it_needs():
    # k = 6: peer workers 1 and others 2 make a pool of 3; senior managers (6) join it.
    d = disclose(
        {"peer_worker": 1, "other": 2, "senior_manager": 6, "non_peer_staff": 7}, 6, GROUPS
    )
    assert d.shown == ("non_peer_staff",) and d.pooled == ("peer_worker", "senior_manager", "other")


def test_equal_sizes_hide_the_group_listed_later():
    d = disclose({"peer_worker": 2, "non_peer_staff": 5, "line_manager": 5}, 5, GROUPS)
    assert d.shown == ("non_peer_staff",) and d.pooled == ("peer_worker", "line_manager")


def test_when_every_group_is_small_only_the_whole_team_is_shown():
    d = disclose({"peer_worker": 2, "non_peer_staff": 3}, 5, GROUPS)
    assert d.is_reportable and d.shown == () and not d.shows_pool and d.units() == ()


def test_k_is_never_below_three_and_comments_need_more():
    assert check_k(3) == 3
    for bad in (2, 0, -1, 51, 4.5, True, "5"):
        with pytest.raises(ValueError):
            check_k(bad)
    with pytest.raises(ValueError):
        disclose({"peer_worker": 9}, 2, GROUPS)
    assert comment_threshold(3) == 10 and comment_threshold(5) == 10 and comment_threshold(8) == 16


def test_unknown_or_negative_groups_are_refused():
    with pytest.raises(ValueError):
        disclose({"manager": 5}, 5, GROUPS)
    with pytest.raises(ValueError):
        disclose({"peer_worker": -1, "other": 9}, 5, GROUPS)


def assert_nothing_hidden_can_be_derived(counts, k):
    """The people not in a shown group are nobody, or at least k people from two or more groups.

    Subtracting every shown group from the total yields exactly that remainder, so the most anyone
    can work out is the pool's figures (which are shown anyway, or are the whole team's) — never
    one hidden group's, and never a figure about fewer than k people.
    """
    d = disclose(counts, k, GROUPS)
    present = {g for g, n in counts.items() if n > 0}
    if not d.is_reportable:
        assert d.shown == () and not d.shows_pool
        assert all(d.visible_n(g) is None for g in GROUPS)
        return
    assert all(counts[g] >= k for g in d.shown)
    assert set(d.shown) | set(d.pooled) == present and not set(d.shown) & set(d.pooled)
    remainder = d.total - sum(counts[g] for g in d.shown)
    assert remainder == d.pool_n
    assert remainder == 0 or (remainder >= k and len(d.pooled) >= 2)
    assert all(g in d.pooled for g in present if counts[g] < k)
    # Sizes printed are the shown groups', the pool's, and zeros; never a hidden group's.
    for g in d.pooled:
        assert d.visible_n(g) is None


def test_proof_for_every_combination_of_six_groups_with_k_3():
    for combo in itertools.product(range(6), repeat=len(GROUPS)):
        assert_nothing_hidden_can_be_derived(dict(zip(GROUPS, combo, strict=True)), 3)


@settings(max_examples=1500, deadline=None)
@given(
    k=st.integers(3, 12),
    combo=st.lists(st.integers(0, 40), min_size=len(GROUPS), max_size=len(GROUPS)),
)
def test_proof_for_any_k_and_group_sizes(k, combo):
    assert_nothing_hidden_can_be_derived(dict(zip(GROUPS, combo, strict=True)), k)


class Item:
    def __init__(self, id, domain, weight=1, critical=False):
        self.id, self.domain, self.weight, self.critical = id, domain, weight, critical


ITEMS = [Item("A", "distinctiveness", 3), Item("B", "shared_expectations", 2)]


def report(tallies, counts, k=5):
    """The report the app shows: the release stored when the survey closes, read back."""
    figures = disclosure.release(
        ITEMS, counts, tallies, [], k=k, order=GROUPS, noise=lambda value: value
    )
    return disclosure.result(ITEMS, figures, GROUPS)


def visible(result):
    """Everything the report lets anyone see."""
    d = result.disclosure
    return (
        [d.visible_n(g) for g in (*GROUPS, POOL)],
        result.team,
        result.units,
        result.consensus,
        result.gaps,
        result.knowledge_gaps,
    )


def test_moving_answers_between_hidden_groups_changes_nothing_shown():
    """Two teams whose hidden groups answered differently produce the same report.

    Peer workers (3) and line managers (6) are pooled; staff (9) are shown. In the first team
    the peer workers said No to statement A and three line managers said Yes; in the second the
    peer workers said Yes and those line managers No. Peer workers' own figure for A is 0 in one
    and 1 in the other, yet nothing on the report differs: it cannot be worked out.
    """
    counts = {"peer_worker": 3, "non_peer_staff": 9, "line_manager": 6}
    staff = {
        ("non_peer_staff", "A"): Tally.of("yes", 4, 5) + Tally.of("no", 2, 4),
        ("non_peer_staff", "B"): Tally.of("partly", 3, 9),
    }
    first = {
        **staff,
        ("peer_worker", "A"): Tally.of("no", 4, 3),
        ("line_manager", "A"): Tally.of("yes", 4, 3) + Tally.of("partly", 3, 3),
        ("peer_worker", "B"): Tally.of("dont_know", None, 3),
        ("line_manager", "B"): Tally.of("yes", 2, 6),
    }
    second = {
        **first,
        ("peer_worker", "A"): Tally.of("yes", 4, 3),
        ("line_manager", "A"): Tally.of("no", 4, 3) + Tally.of("partly", 3, 3),
    }
    assert first[("peer_worker", "A")].mean == 0 and second[("peer_worker", "A")].mean == 1
    a, b = report(first, counts), report(second, counts)
    assert visible(a) == visible(b)
    assert [u.key for u in a.units] == ["non_peer_staff", POOL]


def test_without_complementary_suppression_the_hidden_group_would_be_exposed():
    """Why line managers are hidden above: were they shown, subtraction gives the peer workers.

    Team mean on A = 9/18; staff 5/9 and line managers 4/6 shown would leave the 3 peer workers
    with (9 − 5 − 4) / 3 = 0, their exact answer. With the rule, the shown figures are staff and
    the pool (peer workers + line managers, 4/9), which is all subtraction gives back.
    """
    counts = {"peer_worker": 3, "non_peer_staff": 9, "line_manager": 6}
    tallies = {
        ("non_peer_staff", "A"): Tally.of("yes", 3, 5) + Tally.of("no", 3, 4),
        ("line_manager", "A"): Tally.of("yes", 3, 4) + Tally.of("no", 3, 2),
        ("peer_worker", "A"): Tally.of("no", 3, 3),
    }
    result = report(tallies, counts)
    team_a = result.team.means["A"]
    shown = {u.key: u for u in result.units}
    assert set(shown) == {"non_peer_staff", POOL}
    derived = (team_a * 18 - shown["non_peer_staff"].means["A"] * 9) / 9
    assert derived == shown[POOL].means["A"]  # the pool, not any one group
    assert result.team.key == TEAM


def test_a_shown_group_can_report_the_same_as_the_team():
    counts = {"non_peer_staff": 5}
    tallies = {("non_peer_staff", "A"): Tally.of("yes", 3, 5)}
    result = report(tallies, counts)
    assert [u.key for u in result.units] == ["non_peer_staff"]
    assert replace(result.units[0], key=TEAM) == result.team
