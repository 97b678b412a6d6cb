"""The team self-assessment: a survey per plan, anonymous responses, and running tallies.

A response carries nothing that identifies who gave it: no account, name, email address,
internet address or time of day (only the date). Its submission key is a random value the
respondent's browser held, there only to store a double submission once.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roledesign.extensions import db
from roledesign.models.accounts import User
from roledesign.models.base import created_at_column, updated_at_column
from roledesign.models.plans import RolePlan


class TeamSurvey(db.Model):
    """The invitation a manager shares with the team; the token in its link is unguessable."""

    __tablename__ = "team_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    # A plan may be asked again: each round is its own survey, the latest one current.
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("role_plans.id", ondelete="CASCADE"), index=True
    )
    token: Mapped[str] = mapped_column(String(64), unique=True)
    item_ids: Mapped[list[str]] = mapped_column(JSON)  # the statements asked, in catalogue order
    is_open: Mapped[bool] = mapped_column(default=True)
    closes_on: Mapped[date | None] = mapped_column(Date)  # last day answers are accepted
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = created_at_column()
    updated_at: Mapped[datetime] = updated_at_column()

    plan: Mapped[RolePlan] = relationship()
    created_by: Mapped[User | None] = relationship()
    # Read once a request however many parts of a page ask (the database deletes it with the
    # survey: passive_deletes).
    release: Mapped["TeamRelease | None"] = relationship(passive_deletes=True)

    def is_accepting(self, today: date) -> bool:
        return self.is_open and (self.closes_on is None or today <= self.closes_on)


class TeamResponse(db.Model):
    """One person's answers: their stakeholder group, the date and an optional comment."""

    __tablename__ = "team_responses"
    __table_args__ = (
        UniqueConstraint("survey_id", "submission_key"),
        Index("ix_team_responses_survey_group", "survey_id", "stakeholder_group"),
        # Only the responses with a comment: the report counts and lists them without reading
        # the rest (a few per cent of thousands of rows).
        Index(
            "ix_team_responses_survey_commented",
            "survey_id",
            sqlite_where=text("comment IS NOT NULL"),
            postgresql_where=text("comment IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("team_surveys.id", ondelete="CASCADE"))
    stakeholder_group: Mapped[str] = mapped_column(String(24))
    submission_key: Mapped[str] = mapped_column(String(32))
    submitted_on: Mapped[date] = mapped_column(Date)
    comment: Mapped[str | None] = mapped_column(Text)


class TeamAnswer(db.Model):
    """One respondent's answer to one statement (unanswered statements have no row)."""

    __tablename__ = "team_answers"
    __table_args__ = (UniqueConstraint("response_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("team_responses.id", ondelete="CASCADE"), index=True
    )
    item_id: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    importance: Mapped[int | None]


class TeamTally(db.Model):
    """How a stakeholder group answered one statement so far, added to with each response.

    The team report reads these (a few hundred rows at most) instead of every answer, so it takes
    the same time for ten responses or ten thousand. Each submission adds to them in the same
    transaction as the response, with an atomic upsert.
    """

    __tablename__ = "team_tallies"

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("team_surveys.id", ondelete="CASCADE"), primary_key=True
    )
    stakeholder_group: Mapped[str] = mapped_column(String(24), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    yes: Mapped[int] = mapped_column(default=0)
    partly: Mapped[int] = mapped_column(default=0)
    no: Mapped[int] = mapped_column(default=0)
    dont_know: Mapped[int] = mapped_column(default=0)
    not_relevant: Mapped[int] = mapped_column(default=0)
    importance_total: Mapped[int] = mapped_column(default=0)
    importance_given: Mapped[int] = mapped_column(default=0)


class TeamCount(db.Model):
    """How many people in a stakeholder group have responded, and how many of them left a
    comment, added to with each response in the same transaction as the tallies.

    The report, the task list and the survey page read these few rows instead of counting every
    response, so they take the same time at ten responses or ten thousand.
    """

    __tablename__ = "team_counts"

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("team_surveys.id", ondelete="CASCADE"), primary_key=True
    )
    stakeholder_group: Mapped[str] = mapped_column(String(24), primary_key=True)
    responses: Mapped[int] = mapped_column(default=0)
    comments: Mapped[int] = mapped_column(default=0)


class TeamRelease(db.Model):
    """The figures a closed survey may ever show, worked out once when it closed and frozen.

    ``figures`` is what ``roledesign.domain.disclosure.release`` returned: group sizes of shown
    groups, published cells (at least k answers each) and the comments in a random order. Raw
    answers stay in the survey tables and never leave the app except in a database backup.
    """

    __tablename__ = "team_releases"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("team_surveys.id", ondelete="CASCADE"), unique=True
    )
    closed_on: Mapped[date] = mapped_column(Date)
    figures: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = created_at_column()
