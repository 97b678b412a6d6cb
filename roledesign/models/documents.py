from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roledesign.extensions import db
from roledesign.models.accounts import User
from roledesign.models.base import created_at_column, updated_at_column, utcnow
from roledesign.models.plans import RolePlan

# What the manager adds to the documents by hand: what the details form edits and an
# organisation export carries.
DETAIL_FIELDS = (
    "base",
    "salary",
    "closing_date",
    "accountable_to",
    "duties",
    "provider",
    "peer_supervision_by",
    "line_frequency",
    "peer_frequency",
    "reflective_frequency",
    "high_cost_area",
)


class DocumentDetails(db.Model):
    """The parts of a plan's documents the app cannot know, typed in by HR or the manager."""

    __tablename__ = "document_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), unique=True
    )
    base: Mapped[str] = mapped_column(String(120), default="")
    salary: Mapped[str] = mapped_column(String(120), default="")
    closing_date: Mapped[date | None] = mapped_column(Date)
    accountable_to: Mapped[str] = mapped_column(String(120), default="")
    duties: Mapped[str] = mapped_column(Text, default="")  # one duty per line
    provider: Mapped[str] = mapped_column(String(160), default="")
    peer_supervision_by: Mapped[str] = mapped_column(String(160), default="")
    line_frequency: Mapped[str] = mapped_column(String(80), default="")
    peer_frequency: Mapped[str] = mapped_column(String(80), default="")
    reflective_frequency: Mapped[str] = mapped_column(String(80), default="")
    # Agenda for Change high cost area supplement (pay.yaml key), or "" for none
    high_cost_area: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # Counts saved changes, so that a second person editing at the same time is told.
    revision: Mapped[int] = mapped_column(default=1)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = updated_at_column()

    plan: Mapped[RolePlan] = relationship()
    updated_by: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": revision}


class DocumentVersion(db.Model):
    """A snapshot of everything one version of a plan's documents is built from.

    A new version is stored whenever the inputs (the post's description, the readiness
    answers, the typed-in details, or the document rules themselves) differ from the latest
    one, so every earlier version can be rebuilt and downloaded as it was.
    """

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    inputs: Mapped[str] = mapped_column(Text)  # canonical JSON of DocumentInputs
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = created_at_column()

    created_by: Mapped[User | None] = relationship()


class ChecklistTick(db.Model):
    """A ticked line of a plan's recruitment checklist: who ticked it, and when."""

    __tablename__ = "checklist_ticks"
    __table_args__ = (UniqueConstraint("plan_id", "line_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    line_key: Mapped[str] = mapped_column(String(32))
    ticked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Kept as well as the id, so the record still says who ticked if the account is deleted.
    ticked_by_name: Mapped[str] = mapped_column(String(120))
    ticked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
