"""The organisation's audit log: one line per creation, change, export or deletion."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from roledesign.extensions import db
from roledesign.models import AuditEvent

ACTIONS = {
    "created": "Created",
    "changed": "Changed",
    "exported": "Exported",
    "deleted": "Deleted",
    "invited": "Invited",
    "joined": "Joined",
}


def record(
    organisation_id: int, action: str, subject: str, detail: str = "", *, user_id: int | None
) -> None:
    """Add an event to the current transaction, so it is saved if and only if the change is.
    Call it through `services.transaction` (``tx.record``), which knows who is acting."""
    db.session.add(
        AuditEvent(
            organisation_id=organisation_id,
            user_id=user_id,
            action=action,
            subject=subject[:200],
            detail=detail,
        )
    )


PAGE_SIZE = 100


@dataclass(frozen=True)
class Page:
    events: list[AuditEvent]
    number: int  # 1 is the most recent events
    pages: int
    total: int

    @property
    def first(self) -> int:
        """The position of the page's first event, counting from the most recent."""
        return (self.number - 1) * PAGE_SIZE + 1

    def nearby(self) -> list[int | None]:
        """Page numbers to link to: the first, the last and those next to this one; None where
        some are left out."""
        shown = sorted({1, self.number - 1, self.number, self.number + 1, self.pages})
        numbers: list[int | None] = []
        for n in (n for n in shown if 1 <= n <= self.pages):
            if numbers and n - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(n)
        return numbers


def page_count(organisation_id: int) -> tuple[int, int]:
    """(pages, events): there is always a page 1, empty or not."""
    total = db.session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.organisation_id == organisation_id)
    )
    return max(1, -(-total // PAGE_SIZE)), total


def events_page(organisation_id: int, number: int) -> Page | None:
    """One page of the log, most recent first; None for a page that does not exist. Every event
    stays on some page however many are added, so none can be pushed out of sight."""
    pages, total = page_count(organisation_id)
    if not 1 <= number <= pages:
        return None
    events = db.session.scalars(
        select(AuditEvent)
        .options(joinedload(AuditEvent.user))  # each line names who: not a query per line
        .where(AuditEvent.organisation_id == organisation_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .offset((number - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return Page(events=events, number=number, pages=pages, total=total)
