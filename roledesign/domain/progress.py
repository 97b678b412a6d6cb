"""Organisational learning over time: scores per round, what moved, where an organisation is
weakest across its plans. Pure functions over plain values."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from roledesign.catalog.model import DOMAIN_KEYS
from roledesign.domain.scoring import STATUS_VALUES, Answer, Result

# Check-ins: when they happen, whose view they record, and the answers to each question.
CHECKIN_MONTHS = {3: "About 3 months in", 6: "About 6 months in", 12: "About 12 months in"}
PERSPECTIVES = {"peer_worker": "The peer worker", "line_manager": "The line manager"}
CHECKIN_ANSWERS = {"yes": "Yes", "partly": "Partly", "no": "No", "dont_know": "Don't know"}


@dataclass(frozen=True)
class Move:
    item_id: str
    before: str | None  # status in the earlier round (None: not answered)
    after: str | None
    direction: str  # "better", "worse" or "changed" (e.g. to or from Not relevant)


def _value(status: str | None) -> float | None:
    return None if status is None else STATUS_VALUES[status]


def moved_items(
    item_ids: Sequence[str], before: Mapping[str, Answer], after: Mapping[str, Answer]
) -> list[Move]:
    """Items whose answer changed between two rounds, in the order of ``item_ids``."""
    moves = []
    for item_id in item_ids:
        old = before.get(item_id, Answer()).status
        new = after.get(item_id, Answer()).status
        if old == new:
            continue
        old_value, new_value = _value(old), _value(new)
        if old_value is None or new_value is None or old_value == new_value:
            direction = "changed"  # e.g. Don't know -> No, or to Not relevant
        else:
            direction = "better" if new_value > old_value else "worse"
        moves.append(Move(item_id=item_id, before=old, after=new, direction=direction))
    return moves


def closed_between(
    closed_at: Sequence[tuple[int, datetime | None]], start: datetime, end: datetime | None
) -> list[int]:
    """Ids of actions closed in [start, end): between one round starting and the next."""
    return [
        action_id
        for action_id, when in closed_at
        if when is not None and when >= start and (end is None or when < end)
    ]


@dataclass(frozen=True)
class DomainAcrossPlans:
    domain: str
    mean: float  # mean of the plans' domain scores
    plans: int  # how many plans have this domain assessed


def weakest_domains(results: Sequence[Result]) -> list[DomainAcrossPlans]:
    """The four domains from weakest to strongest, averaged over the plans that assessed them.

    Ties keep the domain order; domains no plan has assessed are left out.
    """
    rows = []
    for key in DOMAIN_KEYS:
        scores = [r.domains[key].score for r in results if r.domains[key].score is not None]
        if scores:
            rows.append(DomainAcrossPlans(key, sum(scores) / len(scores), len(scores)))
    return sorted(rows, key=lambda row: row.mean)
