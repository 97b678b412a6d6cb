"""The team report from aggregated figures: group scores, perception gaps, consensus, knowledge gaps.

Pure functions over counts that the database has already added up (one ``Tally`` per group and
statement), so the work here does not grow with the number of responses. The rules are those of
docs/team-survey.md; anonymity is decided first, by roledesign.domain.anonymity.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.anonymity import Disclosure
from roledesign.domain.scoring import ScoredItem

TEAM = "team"
GAP_FLAG = Fraction(1, 2)  # a perception gap of half a point or more is flagged
KNOWLEDGE_GAP_SHARE = Fraction(1, 4)  # a quarter or more answered Don't know
STATUS_FIELDS = ("yes", "partly", "no", "dont_know", "not_relevant")


@dataclass(frozen=True)
class Tally:
    """How many people answered one statement each way (and the importance they gave)."""

    yes: int = 0
    partly: int = 0
    no: int = 0
    dont_know: int = 0
    not_relevant: int = 0
    importance_total: int = 0
    importance_given: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        # Spelled out: a report adds up hundreds of these, and fields() on each was the cost.
        return Tally(
            self.yes + other.yes,
            self.partly + other.partly,
            self.no + other.no,
            self.dont_know + other.dont_know,
            self.not_relevant + other.not_relevant,
            self.importance_total + other.importance_total,
            self.importance_given + other.importance_given,
        )

    @classmethod
    def of(cls, status: str, importance: int | None = None, count: int = 1) -> "Tally":
        """``count`` people who answered ``status`` (and, if given, ``importance``)."""
        if status not in STATUS_FIELDS:
            raise ValueError(f"unknown answer {status!r}")
        given = count if importance is not None else 0
        return cls(
            **{status: count}, importance_total=(importance or 0) * given, importance_given=given
        )

    @property
    def answered(self) -> int:
        """Answers that count towards a score (Not relevant is left out)."""
        return self.yes + self.partly + self.no + self.dont_know

    @property
    def mean(self) -> Fraction | None:
        """Yes 1, Partly ½, No and Don't know 0, averaged; None when nobody's answer counts."""
        if not self.answered:
            return None
        return Fraction(2 * self.yes + self.partly, 2 * self.answered)


def combine(tallies: Iterable[Tally]) -> Tally:
    total = None
    for tally in tallies:
        total = tally if total is None else total + tally
    return Tally() if total is None else total


@dataclass(frozen=True)
class UnitScores:
    """The figures for one row of the report: the whole team, a shown group or the pool."""

    key: str
    n: int
    domains: dict[str, float | None]  # 0–100, None when nothing in the domain was answered
    means: dict[str, Fraction | None]  # per statement, None when fewer than k answers


@dataclass(frozen=True)
class PerceptionGap:
    item_id: str
    domain: str
    difference: Fraction
    high_group: str
    high_mean: Fraction
    low_group: str
    low_mean: Fraction

    @property
    def gap(self) -> float:
        return float(self.difference)

    @property
    def is_flagged(self) -> bool:
        return self.difference >= GAP_FLAG


@dataclass(frozen=True)
class KnowledgeGap:
    item_id: str
    domain: str
    dont_know: int
    answered: int

    @property
    def share(self) -> float:
        return self.dont_know / self.answered


@dataclass(frozen=True)
class TeamResult:
    disclosure: Disclosure  # a stored release's disclosure.Published (same questions)
    team: UnitScores | None  # None until k people have responded
    units: tuple[UnitScores, ...]  # shown groups in order, then the pool if shown
    consensus: dict[str, float | None]
    gaps: tuple[PerceptionGap, ...]  # every statement two shown groups answered, largest first
    knowledge_gaps: tuple[KnowledgeGap, ...]

    @property
    def flagged_gaps(self) -> tuple[PerceptionGap, ...]:
        return tuple(g for g in self.gaps if g.is_flagged)

    def unit(self, key: str) -> UnitScores | None:
        return next((u for u in self.units if u.key == key), None)


def domain_scores(
    items: Sequence[ScoredItem], cells: Mapping[str, Tally], domain_order: Sequence[str]
) -> dict[str, float | None]:
    """100 × Σ(weight × group mean) / Σ(weight) over the statements someone answered.

    Worked exactly, in whole numbers: each mean is (2 × yes + partly) / (2 × answered), and the
    sum is kept as one numerator over one denominator, divided once at the end (Python's integer
    division rounds correctly, so this is the float nearest the exact score, as with Fraction).
    """
    scores = {}
    for key in domain_order:
        numerator, denominator, weights = 0, 1, 0
        for item in items:
            if item.domain != key:
                continue
            cell = cells.get(item.id)
            if cell is None or not cell.answered:
                continue
            top, bottom = 2 * cell.yes + cell.partly, 2 * cell.answered
            numerator = numerator * bottom + item.weight * top * denominator
            denominator *= bottom
            weights += item.weight
        scores[key] = 100 * numerator / (denominator * weights) if weights else None
    return scores


def perception_gaps(
    items: Sequence[ScoredItem],
    groups: Sequence[UnitScores],
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> tuple[PerceptionGap, ...]:
    """The largest difference between group means on each statement, largest first.

    Only statements with a mean for at least two groups get a gap. Ties between groups go to the
    group listed first; ties between statements to domain order, then statement id.
    """
    rank = {key: n for n, key in enumerate(domain_order)}
    found = []
    for item in items:
        means = [(g.key, g.means[item.id]) for g in groups if g.means.get(item.id) is not None]
        if len(means) < 2:
            continue
        high = max(means, key=lambda m: m[1])  # max() and min() keep the first of equals
        low = min(means, key=lambda m: m[1])
        found.append(
            PerceptionGap(
                item_id=item.id,
                domain=item.domain,
                difference=high[1] - low[1],
                high_group=high[0],
                high_mean=high[1],
                low_group=low[0],
                low_mean=low[1],
            )
        )
    found.sort(key=lambda g: (-g.difference, rank[g.domain], g.item_id))
    return tuple(found)


def consensus(
    gaps: Iterable[PerceptionGap], domain_order: Sequence[str] = DOMAIN_KEYS
) -> dict[str, float | None]:
    """100 × (1 − the mean perception gap of the domain's statements); None without any gap."""
    by_domain: dict[str, list[Fraction]] = {key: [] for key in domain_order}
    for gap in gaps:
        by_domain[gap.domain].append(gap.difference)
    return {
        key: (float(100 * (1 - sum(values) / len(values))) if values else None)
        for key, values in by_domain.items()
    }


def knowledge_gaps(
    items: Sequence[ScoredItem],
    team_cells: Mapping[str, Tally],
    k: int,
    domain_order: Sequence[str] = DOMAIN_KEYS,
) -> tuple[KnowledgeGap, ...]:
    """Statements at least a quarter of the team answered Don't know (with k answers or more)."""
    rank = {key: n for n, key in enumerate(domain_order)}
    found = [
        KnowledgeGap(item.id, item.domain, cell.dont_know, cell.answered)
        for item in items
        if (cell := team_cells.get(item.id)) is not None
        and cell.answered >= k
        and Fraction(cell.dont_know, cell.answered) >= KNOWLEDGE_GAP_SHARE
    ]
    found.sort(key=lambda g: (-Fraction(g.dont_know, g.answered), rank[g.domain], g.item_id))
    return tuple(found)
