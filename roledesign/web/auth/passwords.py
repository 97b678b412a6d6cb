"""Argon2id password hashing; tests may lower the cost through ARGON2_PARAMETERS."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 256


def init_app(app: Flask) -> None:
    app.extensions["roledesign.passwords"] = PasswordHasher(
        **app.config.get("ARGON2_PARAMETERS", {})
    )


def _hasher() -> PasswordHasher:
    return current_app.extensions["roledesign.passwords"]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Spend the same time on an unknown e-mail address as on a wrong password, so response times
# do not reveal which addresses have accounts.
def dummy_verify(password: str) -> None:
    verify_password(_hasher().hash("not-a-real-password"), password)


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
