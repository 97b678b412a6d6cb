"""The organisation's audit log: one line per creation, change, export or deletion."""

from flask_login import current_user
from sqlalchemy import select
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


def record(organisation_id: int, action: str, subject: str, detail: str = "") -> None:
    """Add an event to the current transaction, so it is saved if and only if the change is."""
    user_id = current_user.id if current_user and current_user.is_authenticated else None
    db.session.add(
        AuditEvent(
            organisation_id=organisation_id,
            user_id=user_id,
            action=action,
            subject=subject[:200],
            detail=detail,
        )
    )


def events(organisation_id: int, limit: int = 500) -> list[AuditEvent]:
    return db.session.scalars(
        select(AuditEvent)
        .options(joinedload(AuditEvent.user))  # each line names who: not a query per line
        .where(AuditEvent.organisation_id == organisation_id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .limit(limit)
    ).all()
