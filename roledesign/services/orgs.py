"""Organisations, their members, roles and invitations."""

import hashlib
import secrets
from datetime import timedelta

from flask import abort
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, joinedload

from roledesign.extensions import db
from roledesign.mail import send_mail
from roledesign.models import Invitation, Membership, Organisation, User
from roledesign.models.accounts import ROLE_AS
from roledesign.models.base import utcnow


def create_organisation(*, name: str, sector: str, creator: User) -> Organisation:
    """A new organisation, with its creator as its first admin."""
    organisation = Organisation(name=name, sector=sector)
    db.session.add(organisation)
    db.session.add(Membership(user=creator, organisation=organisation, role="admin"))
    db.session.flush()
    return organisation


def members(organisation: Organisation) -> list[Membership]:
    return db.session.scalars(
        select(Membership)
        .join(User, User.id == Membership.user_id)
        .options(contains_eager(Membership.user))
        .where(Membership.organisation_id == organisation.id)
        .order_by(User.name)
    ).all()


def membership_or_404(organisation: Organisation, membership_id: int) -> Membership:
    membership = db.session.scalar(
        select(Membership).where(
            Membership.id == membership_id, Membership.organisation_id == organisation.id
        )
    )
    if membership is None:
        abort(404)
    return membership


def admin_count(organisation: Organisation) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.organisation_id == organisation.id, Membership.role == "admin")
    )


def would_leave_no_admin(membership: Membership, new_role: str | None) -> bool:
    """Changing (or removing, new_role None) this member would leave the organisation without
    an admin, and so without anyone who can manage it."""
    return (
        membership.role == "admin"
        and new_role != "admin"
        and admin_count(membership.organisation) == 1
    )


def update_settings(organisation: Organisation, *, name: str, sector: str) -> None:
    organisation.name, organisation.sector = name, sector
    db.session.flush()


def set_role(membership: Membership, role: str) -> None:
    membership.role = role
    db.session.flush()


def remove_member(membership: Membership) -> None:
    db.session.delete(membership)
    db.session.flush()


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(organisation: Organisation, *, email: str, role: str, by: User, days: int) -> str:
    """Create a single-use invitation; returns the token for the link (only its hash is kept)."""
    token = secrets.token_urlsafe(24)
    db.session.add(
        Invitation(
            organisation=organisation,
            email=email.strip().lower(),
            role=role,
            token_hash=_hash(token),
            invited_by=by,
            expires_at=utcnow() + timedelta(days=days),
        )
    )
    db.session.flush()
    return token


def send_invitation(
    organisation: Organisation, *, email: str, role: str, by: User, days: int, link: str
) -> None:
    """Queue the e-mail of an invitation, with its ``link`` (made by the caller)."""
    send_mail(
        email,
        f"Join {organisation.name} on roledesign",
        f"{by.name} has invited you to join {organisation.name} as "
        f"{ROLE_AS[role]}.\n\nOpen this link within {days} days "
        f"to accept (it works once):\n{link}",
    )


def invitation_for(token: str) -> tuple[Invitation | None, str]:
    """The invitation and its state: "ok", "used", "expired" or "unknown"."""
    invitation = db.session.scalar(select(Invitation).where(Invitation.token_hash == _hash(token)))
    if invitation is None:
        return None, "unknown"
    if invitation.used_at is not None:
        return invitation, "used"
    expires = invitation.expires_at
    if expires.tzinfo is None:  # SQLite returns naive datetimes
        expires = expires.replace(tzinfo=utcnow().tzinfo)
    if expires < utcnow():
        return invitation, "expired"
    return invitation, "ok"


def accept(invitation: Invitation, user: User) -> Membership:
    """Join the organisation (or take the invited role if already a member); uses the invitation."""
    invitation.used_at = utcnow()
    membership = db.session.scalar(
        select(Membership).where(
            Membership.user_id == user.id, Membership.organisation_id == invitation.organisation_id
        )
    )
    if membership is None:
        membership = Membership(
            user=user, organisation_id=invitation.organisation_id, role=invitation.role
        )
        db.session.add(membership)
    db.session.flush()
    return membership


def pending_invitations(organisation: Organisation) -> list[Invitation]:
    return db.session.scalars(
        select(Invitation)
        .where(
            Invitation.organisation_id == organisation.id,
            Invitation.used_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
        .options(joinedload(Invitation.invited_by))
        .order_by(Invitation.created_at.desc())
    ).all()
