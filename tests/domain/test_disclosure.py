"""The disclosure gate: hand-worked releases, and properties over random response sets."""

from hypothesis import given, settings
from hypothesis import strategies as st

from roledesign.domain import disclosure
from roledesign.domain.anonymity import POOL
from roledesign.domain.team import TEAM, Tally

GROUPS = (
    "peer_worker",
    "non_peer_staff",
    "line_manager",
    "senior_manager",
    "service_user",
    "other",
    "not_said",
)
POOLED_ONLY = ("not_said",)
STATUSES = ("yes", "partly", "no", "dont_know", "not_relevant", None)  # None: skipped


class Item:
    def __init__(self, id, domain, weight=1):
        self.id, self.domain, self.weight, self.critical = id, domain, weight, False


ITEMS = [
    Item("DIS-01", "distinctiveness"),
    Item("DIS-02", "distinctiveness", 2),
    Item("EXP-01", "shared_expectations"),
]


def no_noise(value):
    return value


def release_of(responses, k=5, comments=()):
    """``responses``: (group, {item id: status or None}) per person."""
    counts, tallies = {}, {}
    for group, answers in responses:
        counts[group] = counts.get(group, 0) + 1
        for item_id, status in answers.items():
            if status is not None:
                key = (group, item_id)
                tallies[key] = tallies.get(key, Tally()) + Tally.of(status)
    return disclosure.release(
        ITEMS,
        counts,
        tallies,
        list(comments),
        k=k,
        order=GROUPS,
        pooled_only=POOLED_ONLY,
        shuffle=lambda c: c.reverse(),
        noise=no_noise,
    )


def test_a_thin_statement_is_left_out_of_every_figure():
    # Attack 6: four of five skip DIS-01, one says No.
    people = [
        ("non_peer_staff", {"DIS-01": "no" if n == 0 else None, "EXP-01": "yes"}) for n in range(5)
    ]
    figures = release_of(people)
    assert set(figures["cells"][TEAM]) == {"EXP-01"}
    result = disclosure.result(ITEMS, figures, GROUPS)
    assert result.team.domains["distinctiveness"] is None
    assert result.team.domains["shared_expectations"] == 100


def test_complementary_suppression_at_the_level_of_a_statement():
    # Staff (6) all answer DIS-01; peer workers (5, shown) too, but the pool of 5 (service
    # users and others) has only 2 answers to it: team minus peer workers minus staff would
    # be those 2, so the smallest shown cell (peer workers, 5) is withheld as well.
    people = (
        [("non_peer_staff", {"DIS-01": "yes"})] * 6
        + [("peer_worker", {"DIS-01": "no"})] * 5
        + [("service_user", {"DIS-01": "partly"})] * 2
        + [("other", {"DIS-01": None})] * 3
    )
    figures = release_of(people)
    assert figures["groups"] == {"peer_worker": 5, "non_peer_staff": 6} and figures["pool"] == 5
    assert figures["cells"][TEAM]["DIS-01"] == [6, 2, 5, 0]
    assert "DIS-01" in figures["cells"]["non_peer_staff"]
    assert "DIS-01" not in figures["cells"]["peer_worker"]
    assert "DIS-01" not in figures["cells"][POOL]


def test_prefer_not_to_say_is_never_a_group_of_its_own():
    people = [("not_said", {"DIS-01": "yes"})] * 8 + [("non_peer_staff", {"DIS-01": "no"})] * 8
    figures = release_of(people)
    assert "not_said" not in figures["groups"] and figures["pool"] == 8
    assert disclosure.published(figures, GROUPS).visible_n("not_said") is None


def test_comments_need_k_commenters_and_come_in_the_shuffled_order():
    people = [("non_peer_staff", {})] * 10
    assert release_of(people, comments=["a", "b", "c", "d"])["comments"] == []
    assert release_of(people, comments=["a", "b", "c", "d", "e"])["comments"] == list("edcba")
    assert release_of(people[:9], comments=list("abcdefghi"))["comments"] == []


people_strategy = st.lists(
    st.tuples(
        st.sampled_from(GROUPS),
        st.fixed_dictionaries({item.id: st.sampled_from(STATUSES) for item in ITEMS}),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(people_strategy, st.integers(min_value=3, max_value=8))
def test_every_published_figure_rests_on_at_least_k_people(people, k):
    figures = release_of(people, k=k)
    if figures["total"] < k:
        assert figures["groups"] == {} and figures["cells"] == {} and figures["pool"] is None
        return
    assert all(n >= k for n in figures["groups"].values())
    assert "not_said" not in figures["groups"]
    assert figures["pool"] is None or figures["pool"] >= k
    hidden_people = figures["total"] - sum(figures["groups"].values()) - (figures["pool"] or 0)
    assert hidden_people == 0 or hidden_people >= k
    cells = figures["cells"]
    parts = list(figures["groups"]) + ([POOL] if figures["pool"] is not None else [])
    for item in ITEMS:
        team = cells[TEAM].get(item.id)
        for part in parts:
            cell = cells[part].get(item.id)
            assert cell is None or sum(cell) >= k
            assert cell is None or team is not None
        if team is None:
            assert all(item.id not in cells[p] for p in parts)
            continue
        assert sum(team) >= k
        if parts:
            # What subtraction from the whole team leaves: nobody, or at least k people.
            left = sum(team) - sum(sum(cells[p][item.id]) for p in parts if item.id in cells[p])
            assert left == 0 or left >= k
