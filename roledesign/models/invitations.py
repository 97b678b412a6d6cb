"""Individual invitations to the team self-assessment, sent by e-mail.

An invitation row holds no address and nothing that ties it to a response: the hash of its
single-use token, the stakeholder group the manager chose for its batch (or none), and whether it
has been used. The addresses already invited to a survey are kept apart, as keyed hashes in a
table with no link to the invitations, only so that the same person is not sent a second link.
"""

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from roledesign.extensions import db


class TeamInvitation(db.Model):
    """One person's single-use link to a survey (the link itself is never stored)."""

    __tablename__ = "team_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        ForeignKey("team_surveys.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    stakeholder_group: Mapped[str | None] = mapped_column(String(24))
    is_used: Mapped[bool] = mapped_column(default=False)


class TeamInvitedAddress(db.Model):
    """An address already invited to a survey, as an HMAC keyed with the app's secret and the
    survey: enough to recognise the same address pasted again, not to read it back."""

    __tablename__ = "team_invited_addresses"

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("team_surveys.id", ondelete="CASCADE"), primary_key=True
    )
    address_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
