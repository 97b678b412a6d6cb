"""Argon2id password hashing; tests may lower the cost through ARGON2_PARAMETERS."""

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 256


def init_app(app: Flask) -> None:
    hasher = PasswordHasher(**app.config.get("ARGON2_PARAMETERS", {}))
    app.extensions["roledesign.passwords"] = hasher
    # Hashed once, at start-up, with the same parameters as real accounts: checking a password
    # against it costs exactly what checking a real one does.
    app.extensions["roledesign.dummy_hash"] = hasher.hash(secrets.token_urlsafe(16))


def _hasher() -> PasswordHasher:
    return current_app.extensions["roledesign.passwords"]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Do the same work for an unknown e-mail address as for a wrong password (one Argon2 verify),
# so response times do not reveal which addresses have accounts.
def dummy_verify(password: str) -> None:
    verify_password(current_app.extensions["roledesign.dummy_hash"], password)


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Why a new password is not acceptable, in plain English, or None if it is.

    Long enough, and not a common password or an easy variation of one (zxcvbn's frequency
    lists and pattern checks), nor built from the person's own name or e-mail address.
    """
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    # zxcvbn's work grows with length; judging the first 64 characters is plenty.
    result = zxcvbn(password[:64], user_inputs=[email, email.split("@")[0], *name.split()])
    if result["score"] < 3:
        return (
            "Choose a less common password: a few unrelated words work well, and avoid "
            "names, dates and keyboard patterns"
        )
    return None
