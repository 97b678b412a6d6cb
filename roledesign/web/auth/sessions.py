"""Signed-in browsers: Flask-Login's user loader and the session cookie, over the accounts
service's `UserSession` rows."""

import secrets
from datetime import timedelta
from functools import cache

from flask import session
from flask_login import current_user, login_user, logout_user
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import contains_eager

from roledesign.extensions import db, login_manager
from roledesign.models import Membership, User, UserSession
from roledesign.models.accounts import hash_key
from roledesign.models.base import utcnow
from roledesign.services.auth import SESSION_DAYS
from roledesign.web.access import remember_memberships


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """Sessions carry "<id>.<account's session token>.<this browser's key>": a rotated token
    ends every session of the account, a deleted key ends this one."""
    user_id, token, key = (session_id.split(".") + ["", ""])[:3]
    if not user_id.isdigit() or not token or not key:
        return None
    rows = db.session.execute(
        _signed_in_query(),
        {
            "user_id": int(user_id),
            "key_hash": hash_key(key),
            "since": utcnow() - timedelta(days=SESSION_DAYS),
        },
    ).all()
    if not rows or not secrets.compare_digest(rows[0].User.session_token, token):
        return None
    user = rows[0].User
    user.session_key = key
    remember_memberships(user, [row.Membership for row in rows if row.Membership is not None])
    return user


@cache
def _signed_in_query():
    """The user, if this browser's session is live, and their memberships, in one query: every
    signed-in page needs both. Built once (with bound parameters): building it took as long as
    running it."""
    live = (
        select(UserSession.id)
        .where(
            UserSession.user_id == User.id,
            UserSession.key_hash == bindparam("key_hash"),
            UserSession.created_at > bindparam("since"),
        )
        .exists()
    )
    return (
        select(User, Membership)
        .outerjoin(Membership, Membership.user_id == User.id)
        .outerjoin(Membership.organisation)
        .options(contains_eager(Membership.organisation))
        .where(User.id == bindparam("user_id"), live)
        .order_by(Membership.id)
    )


def start_session(user: User) -> None:
    """Record a new signed-in browser and sign it in (the caller commits)."""
    db.session.execute(
        delete(UserSession).where(
            UserSession.user_id == user.id,
            UserSession.created_at <= utcnow() - timedelta(days=SESSION_DAYS),
        )
    )
    user.session_key = secrets.token_urlsafe(32)
    db.session.add(UserSession(user_id=user.id, key_hash=hash_key(user.session_key)))
    db.session.flush()
    session.clear()
    login_user(user)


def end_session() -> None:
    """Forget this browser's session on the server too, so a copied cookie stops working."""
    if current_user.is_authenticated:
        db.session.execute(
            delete(UserSession).where(UserSession.key_hash == hash_key(current_user.session_key))
        )
    logout_user()
    session.clear()
