"""The readiness report as plain data: scores joined with the items and evidence behind them."""

from collections.abc import Mapping
from dataclasses import dataclass

from roledesign.catalog import Band, Catalog, Domain, Item
from roledesign.domain.context import applicable
from roledesign.domain.scoring import Answer, DomainScore, Gap, Result, score

TOP_PRIORITIES = 5


@dataclass(frozen=True)
class ItemRow:
    item: Item
    answer: Answer | None
    note: str = ""


@dataclass(frozen=True)
class DomainRow:
    domain: Domain
    score: DomainScore
    rows: tuple[ItemRow, ...]

    @property
    def status(self) -> str:
        """Task-list status: 'not_started', 'in_progress' or 'completed'."""
        if self.score.answered == 0:
            return "not_started"
        return "completed" if self.score.is_complete else "in_progress"


@dataclass(frozen=True)
class Priority:
    gap: Gap
    item: Item
    status: str = ""  # the answer given: "no", "partly" or "dont_know"

    @property
    def is_critical(self) -> bool:
        return self.gap.is_critical


@dataclass(frozen=True)
class Report:
    result: Result
    domains: tuple[DomainRow, ...]
    band: Band
    critical_gaps: tuple[Item, ...]
    knowledge_gaps: tuple[Item, ...]
    priorities: tuple[Priority, ...]  # every gap, highest priority first

    @property
    def top_priorities(self) -> tuple[Priority, ...]:
        return self.priorities[:TOP_PRIORITIES]

    @property
    def key_priorities(self) -> tuple[Priority, ...]:
        """The one list the report leads with: the top priorities and every critical gap, in
        priority order, so no critical gap is left out and none is listed twice."""
        chosen = {p.item.id for p in self.top_priorities} | {i.id for i in self.critical_gaps}
        return tuple(p for p in self.priorities if p.item.id in chosen)

    @property
    def other_gaps(self) -> int:
        """How many gaps the report lists only under their domains."""
        return len(self.priorities) - len(self.key_priorities)

    @property
    def answered(self) -> int:
        return sum(d.score.answered for d in self.domains)

    @property
    def is_complete(self) -> bool:
        return self.result.is_complete


def build_report(
    catalog: Catalog,
    context: Mapping | None,
    answers: Mapping[str, Answer],
    notes: Mapping[str, str] | None = None,
) -> Report:
    """Score the answers for the items that apply in ``context`` and attach the evidence."""
    notes = notes or {}
    items = applicable(catalog.items, context)
    result = score(items, answers)
    domains = tuple(
        DomainRow(
            domain=domain,
            score=result.domains[domain.key],
            rows=tuple(
                ItemRow(item=item, answer=answers.get(item.id), note=notes.get(item.id, ""))
                for item in items
                if item.domain == domain.key
            ),
        )
        for domain in catalog.domains
    )
    return Report(
        result=result,
        domains=domains,
        band=catalog.bands[result.band],
        critical_gaps=tuple(catalog.item(i) for i in result.critical_gaps),
        knowledge_gaps=tuple(catalog.item(i) for i in result.knowledge_gaps),
        priorities=tuple(
            Priority(gap=g, item=catalog.item(g.item_id), status=answers[g.item_id].status)
            for g in result.priorities
        ),
    )
