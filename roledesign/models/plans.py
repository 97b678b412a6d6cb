from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Numeric, String, Text, UniqueConstraint, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from roledesign.domain.context import plan_context
from roledesign.extensions import db
from roledesign.models.accounts import Organisation, User
from roledesign.models.base import created_at_column, updated_at_column

# The columns that describe the post: what the plan form edits and an organisation export carries.
# Agenda for Change bands a post can be on (the plan form's choices and the import schema's).
BAND_LABELS = {
    "2": "Band 2",
    "3": "Band 3",
    "4": "Band 4",
    "5": "Band 5",
    "6": "Band 6",
    "7": "Band 7",
    "8a": "Band 8a",
    "local": "Local pay scale (not Agenda for Change)",
}

DESCRIPTION_FIELDS = (
    "title",
    "team",
    "setting",
    "introduction",
    "employment",
    "band",
    "hours",
    "peer_workers",
    "line_manager",
)


class RolePlan(db.Model):
    """One peer worker post being planned, and what the manager has said about it."""

    __tablename__ = "role_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    team: Mapped[str] = mapped_column(String(120))
    setting: Mapped[str] = mapped_column(String(32))
    introduction: Mapped[str] = mapped_column(String(32))
    employment: Mapped[str] = mapped_column(String(16))
    band: Mapped[str | None] = mapped_column(String(16))
    hours: Mapped[Decimal] = mapped_column(Numeric(4, 1))
    peer_workers: Mapped[int]
    line_manager: Mapped[str] = mapped_column(String(120))
    # Counts every saved change to the description; used to spot concurrent edits and to
    # version the documents generated from the plan.
    version: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    organisation: Mapped[Organisation] = relationship()
    created_by: Mapped[User | None] = relationship()
    assessments: Mapped[list["Assessment"]] = relationship(
        back_populates="plan", order_by="Assessment.round_no", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def context(self) -> dict:
        return plan_context(
            introduction=self.introduction,
            setting=self.setting,
            employment=self.employment,
            peer_workers=self.peer_workers,
        )


class Assessment(db.Model):
    """One round of the four-domain readiness walkthrough for a plan."""

    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("plan_id", "round_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    round_no: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Set when the next round starts. A closed round is a record of what was true then: its
    # answers can no longer change (see ClosedRoundError).
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    plan: Mapped[RolePlan] = relationship(back_populates="assessments")
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )


class Answer(db.Model):
    """The answer to one catalogue item in one assessment round."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(16))
    status: Mapped[str | None] = mapped_column(String(16))
    importance: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = updated_at_column()

    assessment: Mapped[Assessment] = relationship(back_populates="answers")


class ClosedRoundError(Exception):
    """An attempt to change the answers of a closed assessment round."""


@event.listens_for(Session, "before_flush")
def _refuse_changes_to_closed_rounds(session, flush_context, instances):
    """The last line of defence for closed rounds, whatever code path tries to write.

    Deleting a whole round (and so its answers), e.g. when a plan is deleted, is allowed.
    """
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Answer):
            assessment = obj.assessment
            if assessment is None or assessment.closed_at is None:
                continue
            if obj in session.deleted and assessment in session.deleted:
                continue
            if obj in session.dirty and not session.is_modified(obj):
                continue
            raise ClosedRoundError(f"round {assessment.round_no} is closed")
        if isinstance(obj, Assessment) and obj in session.dirty and session.is_modified(obj):
            history = inspect(obj).attrs.closed_at.history
            before = (history.deleted or history.unchanged or (None,))[0]
            if before is not None:
                raise ClosedRoundError(f"round {obj.round_no} is closed")
