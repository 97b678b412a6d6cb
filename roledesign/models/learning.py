"""Action plans and check-ins: what the organisation does with its readiness findings."""

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roledesign.extensions import db
from roledesign.models.accounts import User
from roledesign.models.base import created_at_column, updated_at_column
from roledesign.models.plans import RolePlan

ACTION_STATUSES = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
CLOSED_STATUSES = ("done", "dropped")

# A check-in: when, from whose side, and the answers each question takes.
CHECKIN_MONTHS = {3: "About 3 months in", 6: "About 6 months in", 12: "About 12 months in"}
PERSPECTIVES = {"peer_worker": "The peer worker", "line_manager": "The line manager"}
CHECKIN_ANSWERS = {"yes": "Yes", "partly": "Partly", "no": "No", "dont_know": "Don't know"}


class Action(db.Model):
    """One thing the organisation will do to close a readiness gap."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    # Either a member of the organisation or someone named in free text.
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    owner_name: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    drop_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    plan: Mapped[RolePlan] = relationship()
    owner_user: Mapped[User | None] = relationship()
    items: Mapped[list["ActionItem"]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionItem.item_id"
    )

    @property
    def owner(self) -> str:
        return self.owner_user.name if self.owner_user else self.owner_name

    @property
    def item_ids(self) -> list[str]:
        return [link.item_id for link in self.items]

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def is_overdue(self, today: date) -> bool:
        return not self.is_closed and self.due_on < today


class ActionItem(db.Model):
    """Links an action to a catalogue item it addresses."""

    __tablename__ = "action_items"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(16), primary_key=True)

    action: Mapped[Action] = relationship(back_populates="items")


class CheckIn(db.Model):
    """How the role is going at about 3, 6 or 12 months, from one point of view."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("plan_id", "month", "perspective"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    month: Mapped[int]
    perspective: Mapped[str] = mapped_column(String(16))
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = updated_at_column()

    plan: Mapped[RolePlan] = relationship()
