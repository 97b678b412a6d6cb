from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.orm import mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def created_at_column():
    return mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


def updated_at_column():
    return mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow, nullable=False)
