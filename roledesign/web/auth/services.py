import secrets

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from roledesign.extensions import db, login_manager
from roledesign.models import Membership, User
from roledesign.web.access import remember_memberships
from roledesign.web.auth.passwords import dummy_verify, hash_password, verify_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """Sessions carry "<id>.<session token>": a rotated token ends every older session."""
    user_id, _, token = session_id.partition(".")
    if not user_id.isdigit() or not token:
        return None
    # The user and their memberships in one query: every signed-in page needs both.
    rows = db.session.execute(
        select(User, Membership)
        .outerjoin(Membership, Membership.user_id == User.id)
        .outerjoin(Membership.organisation)
        .options(contains_eager(Membership.organisation))
        .where(User.id == int(user_id))
        .order_by(Membership.id)
    ).all()
    if not rows or not secrets.compare_digest(rows[0].User.session_token, token):
        return None
    user = rows[0].User
    remember_memberships(user, [row.Membership for row in rows if row.Membership is not None])
    return user


def email_taken(email: str) -> bool:
    return (
        db.session.scalar(
            select(func.count()).select_from(User).where(User.email == normalise_email(email))
        )
        > 0
    )


def create_user(*, name: str, email: str, password: str) -> User:
    user = User(name=name, email=normalise_email(email), password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        dummy_verify(password)
        return None
    return user if verify_password(user.password_hash, password) else None


def _reset_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def reset_token(user: User) -> str:
    """A token for one password reset. It names the user's current session token, which the
    reset replaces: so the link works once, and stops working if the password changes."""
    return _reset_serializer().dumps({"user": user.id, "session": user.session_token})


def user_for_reset_token(token: str) -> User | None:
    try:
        data = _reset_serializer().loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except BadSignature:  # also raised for expired tokens (SignatureExpired is a subclass)
        return None
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or not secrets.compare_digest(user.session_token, str(data.get("session"))):
        return None
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.sign_out_everywhere()
    db.session.flush()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))
