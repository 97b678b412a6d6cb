import hashlib
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roledesign.extensions import db
from roledesign.models.base import created_at_column, utcnow


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


SECTORS = {
    "nhs": "NHS",
    "voluntary": "Voluntary or community sector",
    "partnership": "Partnership between NHS and voluntary sector",
}
ROLES = {
    "admin": "Organisation admin",
    "manager": "Manager",
    "hr": "HR",
    "viewer": "Viewer",
}
# How a sentence names someone in a role: "invited to join as an HR officer".
ROLE_AS = {
    "admin": "an organisation admin",
    "manager": "a manager",
    "hr": "an HR officer",
    "viewer": "a viewer",
}


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    # Part of every session's user id: replacing it signs the user out everywhere (after a
    # password change or reset, or when they ask to).
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    # Set when the person opens the link e-mailed at sign-up (or a password reset link, which
    # proves the same); nobody signs in to an account whose address nobody has confirmed.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()

    memberships: Mapped[list["Membership"]] = relationship(back_populates="user")

    # The key of the session being signed in (set by web.auth.sessions.start_session).
    session_key: str = ""

    def __repr__(self) -> str:
        return f"<User {self.id}>"

    def get_id(self) -> str:
        return f"{self.id}.{self.session_token}.{self.session_key}"

    def sign_out_everywhere(self) -> None:
        self.session_token = new_session_token()


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class UserSession(db.Model):
    """One signed-in browser. The cookie holds a random key; only its hash is kept here, and
    signing out deletes the row, so a copy of the cookie stops working at once."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = created_at_column()


class OutboxMail(db.Model):
    """An e-mail waiting to be sent, written in the same transaction as the change it reports;
    `flask send-mail` delivers it, retrying with growing waits."""

    __tablename__ = "outbox_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    last_error: Mapped[str] = mapped_column(Text, default="")
    gave_up_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160))
    sector: Mapped[str] = mapped_column(String(16))
    anonymity_k: Mapped[int] = mapped_column(default=5)
    created_at: Mapped[datetime] = created_at_column()

    memberships: Mapped[list["Membership"]] = relationship(back_populates="organisation")


class Membership(db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = created_at_column()

    user: Mapped[User] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships")


class Invitation(db.Model):
    """A single-use, expiring link that lets someone join an organisation with a given role."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(16))
    # Only a hash of the token is stored, so a copy of the database cannot be used to join.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = created_at_column()

    organisation: Mapped[Organisation] = relationship()
    invited_by: Mapped[User | None] = relationship()


class AuditEvent(db.Model):
    """Who created, changed, exported or deleted what in an organisation, and when."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = created_at_column()

    user: Mapped[User | None] = relationship()
