"""Readiness scoring for one respondent, exactly as docs/scoring.md describes.

Pure functions over plain values: no Flask, no database. Scores stay unrounded for every
decision (bands, gates, priorities); ``rounded`` is for display only.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from roledesign.catalog.model import DOMAIN_KEYS

# "Is this in place here?" -> value; None means the item is left out of the score.
STATUS_VALUES: dict[str, float | None] = {
    "yes": 1.0,
    "partly": 0.5,
    "no": 0.0,
    "dont_know": 0.0,
    "not_relevant": None,
}
STATUS_LABELS = {
    "yes": "Yes",
    "partly": "Partly",
    "no": "No",
    "dont_know": "Don't know",
    "not_relevant": "Not relevant",
}
IMPORTANCE_LABELS = {
    1: "Not at all important",
    2: "Not very important",
    3: "Quite important",
    4: "Extremely important",
}
DEFAULT_IMPORTANCE = 3

READY_OVERALL = 75.0
READY_EVERY_DOMAIN = 60.0
NEARLY_OVERALL = 50.0
BANDS = ("ready", "nearly", "not_yet")


class ScoredItem(Protocol):
    id: str
    domain: str
    weight: int
    critical: bool


@dataclass(frozen=True)
class Answer:
    status: str | None = None  # None: not answered yet
    importance: int | None = None  # None: not given, counts as DEFAULT_IMPORTANCE

    def __post_init__(self):
        if self.status is not None and self.status not in STATUS_VALUES:
            raise ValueError(f"unknown answer {self.status!r}")
        if self.importance is not None and self.importance not in IMPORTANCE_LABELS:
            raise ValueError(f"importance must be 1 to 4, not {self.importance!r}")

    @property
    def value(self) -> float | None:
        return None if self.status is None else STATUS_VALUES[self.status]


@dataclass(frozen=True)
class DomainScore:
    key: str
    score: float | None  # None: not assessed (nothing answered that counts)
    items: int  # items that apply to this plan
    answered: int  # of those, how many have an answer (Not relevant included)
    scored: int  # of those, how many count towards the score

    @property
    def is_complete(self) -> bool:
        return self.answered == self.items


@dataclass(frozen=True)
class Gap:
    item_id: str
    domain: str
    value: float
    importance: int
    is_critical: bool
    priority: float


@dataclass(frozen=True)
class Result:
    domains: dict[str, DomainScore]
    overall: float | None
    band: str
    critical_gaps: tuple[str, ...]
    knowledge_gaps: tuple[str, ...]
    priorities: tuple[Gap, ...]

    @property
    def is_complete(self) -> bool:
        return all(d.is_complete for d in self.domains.values())


def rounded(score: float | None) -> int | None:
    """Round half up for display (Python's round() would turn 62.5 into 62)."""
    return None if score is None else math.floor(score + 0.5)


def domain_score(
    items: Iterable[ScoredItem], answers: Mapping[str, Answer], key: str
) -> DomainScore:
    """100 × Σ(weight × value) / Σ(weight) over the answered items that count."""
    total = answered = scored = 0
    weighted = weights = 0.0
    for item in items:
        total += 1
        answer = answers.get(item.id)
        if answer is None or answer.status is None:
            continue
        answered += 1
        if answer.value is None:
            continue
        scored += 1
        weighted += item.weight * answer.value
        weights += item.weight
    score = 100.0 * weighted / weights if weights else None
    return DomainScore(key=key, score=score, items=total, answered=answered, scored=scored)


def overall_score(domains: Iterable[DomainScore]) -> float | None:
    """The mean of the assessed domains: each domain counts equally, whatever its size."""
    scores = [d.score for d in domains if d.score is not None]
    return sum(scores) / len(scores) if scores else None


def band(
    overall: float | None, domains: Iterable[DomainScore], critical_gaps: Sequence[str]
) -> str:
    """'ready' needs overall ≥ 75, every domain assessed and ≥ 60, and no critical gap."""
    if overall is None:
        return "not_yet"
    every_domain_ok = all(d.score is not None and d.score >= READY_EVERY_DOMAIN for d in domains)
    if overall >= READY_OVERALL and every_domain_ok and not critical_gaps:
        return "ready"
    if overall >= NEARLY_OVERALL:
        return "nearly"
    return "not_yet"


def priority(item: ScoredItem, answer: Answer) -> float:
    """weight × (1 − value) × importance, doubled for critical items."""
    importance = answer.importance or DEFAULT_IMPORTANCE
    raw = item.weight * (1.0 - answer.value) * importance
    return raw * 2 if item.critical else raw


def score(
    items: Sequence[ScoredItem],
    answers: Mapping[str, Answer],
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> Result:
    """Score one respondent's answers over the items that apply to the plan.

    Answers for items not in ``items`` are ignored, so the caller decides applicability.
    """
    rank = {key: n for n, key in enumerate(domain_order)}
    by_domain = {key: [i for i in items if i.domain == key] for key in domain_order}
    domains = {key: domain_score(by_domain[key], answers, key) for key in domain_order}
    overall = overall_score(domains.values())

    critical_gaps, knowledge_gaps, gaps = [], [], []
    for item in sorted(items, key=lambda i: (rank[i.domain], i.id)):
        answer = answers.get(item.id)
        if answer is None or answer.value is None:
            continue
        if answer.status == "dont_know":
            knowledge_gaps.append(item.id)
        if item.critical and answer.status in ("no", "dont_know"):
            critical_gaps.append(item.id)
        if answer.value < 1.0:
            gaps.append(
                Gap(
                    item_id=item.id,
                    domain=item.domain,
                    value=answer.value,
                    importance=answer.importance or DEFAULT_IMPORTANCE,
                    is_critical=item.critical,
                    priority=priority(item, answer),
                )
            )
    # Highest priority first; ties by domain order, then item id (gaps are already in that order
    # and sorted() is stable).
    gaps.sort(key=lambda g: -g.priority)
    return Result(
        domains=domains,
        overall=overall,
        band=band(overall, domains.values(), critical_gaps),
        critical_gaps=tuple(critical_gaps),
        knowledge_gaps=tuple(knowledge_gaps),
        priorities=tuple(gaps),
    )
