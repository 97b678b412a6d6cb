import secrets
from datetime import timedelta
from functools import cache

from flask import current_app, session, url_for
from flask_login import current_user, login_user, logout_user
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import contains_eager

from roledesign.extensions import db, login_manager
from roledesign.mail import send_mail
from roledesign.models import Membership, User, UserSession
from roledesign.models.accounts import hash_key
from roledesign.models.base import utcnow
from roledesign.web.access import remember_memberships
from roledesign.web.auth.passwords import dummy_verify, hash_password, verify_password


def normalise_email(email: str) -> str:
    return email.strip().lower()


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


# A signed-in browser stays signed in for at most this long.
SESSION_DAYS = 30


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


def end_every_session(user: User) -> None:
    user.sign_out_everywhere()
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    db.session.flush()


def create_user(*, name: str, email: str, password: str, confirmed: bool = False) -> User:
    user = User(
        name=name,
        email=normalise_email(email),
        password_hash=hash_password(password),
        email_confirmed_at=utcnow() if confirmed else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def sign_up(*, name: str, email: str, password: str, next_url: str | None) -> None:
    """Queue the e-mail a sign-up sends, doing the same work whether or not the address has an
    account, so that the page (and its timing) cannot tell anyone which addresses do."""
    password_hash = hash_password(password)
    user = user_by_email(email)
    # An account someone has confirmed, or that already belongs to an organisation (made by
    # import-org, waiting for its owner to reset the password), is never replaced.
    if user is not None and (user.email_confirmed_at is not None or user.memberships):
        send_mail(
            user.email,
            "Someone tried to create an account with your address",
            "Someone (perhaps you) tried to create a roledesign account with this e-mail "
            "address, which already has one.\n\n"
            f"To sign in: {url_for('auth.sign_in', _external=True)}\n"
            f"Forgotten your password? {url_for('auth.forgot_password', _external=True)}\n\n"
            "If it was not you, you can ignore this e-mail: nothing has changed.",
        )
        return
    if user is None:
        user = User(email=normalise_email(email))
        db.session.add(user)
    # A new sign-up for an address nobody has confirmed replaces the earlier one (and its link).
    user.name, user.password_hash = name, password_hash
    user.sign_out_everywhere()
    db.session.flush()
    link = url_for("auth.confirm", token=_confirm_token(user, next_url), _external=True)
    send_mail(
        user.email,
        "Confirm your email address",
        f"To finish creating your roledesign account, open this link within two days:\n"
        f"{link}\n\nIf you did not ask for an account, you can ignore this e-mail.",
    )


def _confirm_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="confirm-address")


def _confirm_token(user: User, next_url: str | None) -> str:
    return _confirm_serializer().dumps(
        {"user": user.id, "session": user.session_token, "next": next_url or ""}
    )


def user_for_confirm_token(token: str) -> tuple[User | None, str]:
    """The unconfirmed account a sign-up link is for (and where to go next), or None."""
    try:
        data = _confirm_serializer().loads(token, max_age=current_app.config["SIGN_UP_MAX_AGE"])
    except BadSignature:
        return None, ""
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if (
        user is None
        or user.email_confirmed_at is not None
        or not secrets.compare_digest(user.session_token, str(data.get("session")))
    ):
        return None, ""
    return user, str(data.get("next") or "")


def confirm(user: User) -> None:
    user.email_confirmed_at = utcnow()
    db.session.flush()


def authenticate(email: str, password: str) -> User | None:
    """The account, if the password is right; exactly one Argon2 verify either way."""
    user = user_by_email(email)
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
    # The reset link came to the address, which proves it as the sign-up link would.
    user.email_confirmed_at = user.email_confirmed_at or utcnow()
    end_every_session(user)


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))
