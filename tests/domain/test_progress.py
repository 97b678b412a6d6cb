from datetime import UTC, datetime

from roledesign.domain.progress import Move, closed_between, moved_items, weakest_domains
from roledesign.domain.scoring import Answer, DomainScore, Result


def test_moved_items_says_which_way():
    before = {
        "A": Answer("no"),
        "B": Answer("yes"),
        "C": Answer("dont_know"),
        "D": Answer("partly"),
        "F": Answer("yes"),
    }
    after = {
        "A": Answer("partly"),
        "B": Answer("no"),
        "C": Answer("no"),
        "D": Answer("partly"),
        "E": Answer("yes"),
        "F": Answer("not_relevant"),
    }
    assert moved_items(["A", "B", "C", "D", "E", "F"], before, after) == [
        Move("A", "no", "partly", "better"),
        Move("B", "yes", "no", "worse"),
        Move("C", "dont_know", "no", "changed"),  # same value, but now known
        Move("E", None, "yes", "changed"),  # newly answered
        Move("F", "yes", "not_relevant", "changed"),
    ]


def test_closed_between_is_half_open():
    t = [datetime(2026, 1, d, tzinfo=UTC) for d in (1, 10, 20, 30)]
    closed = [(1, t[0]), (2, t[1]), (3, t[2]), (4, None), (5, t[3])]
    assert closed_between(closed, t[0], t[2]) == [1, 2]
    assert closed_between(closed, t[2], None) == [3, 5]


def _result(**scores):
    keys = (
        "distinctiveness",
        "shared_expectations",
        "strategic_alignment",
        "organisational_support",
    )
    return Result(
        domains={k: DomainScore(k, scores.get(k), 1, 1, 1) for k in keys},
        overall=None,
        band="not_yet",
        critical_gaps=(),
        knowledge_gaps=(),
        priorities=(),
    )


def test_weakest_domains_average_over_plans_that_assessed_them():
    rows = weakest_domains(
        [
            _result(distinctiveness=80, shared_expectations=40, organisational_support=50),
            _result(distinctiveness=60, shared_expectations=60),
        ]
    )
    assert [(r.domain, r.mean, r.plans) for r in rows] == [
        ("shared_expectations", 50.0, 2),
        ("organisational_support", 50.0, 1),  # a tie keeps domain order
        ("distinctiveness", 70.0, 2),
    ]
