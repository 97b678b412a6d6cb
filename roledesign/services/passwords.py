"""Argon2id password hashing; tests may lower the cost through ARGON2_PARAMETERS."""

import secrets
from base64 import b64encode

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import ARGON2_VERSION
from flask import Flask, current_app

MIN_LENGTH = 10
MAX_LENGTH = 256


def init_app(app: Flask) -> None:
    hasher = PasswordHasher(**app.config.get("ARGON2_PARAMETERS", {}))
    app.extensions["roledesign.passwords"] = hasher
    app.extensions["roledesign.dummy_hash"] = dummy_hash(hasher)


def dummy_hash(hasher: PasswordHasher) -> str:
    """A well-formed hash with the same parameters as real accounts' but random salt and digest:
    checking a password against it costs exactly what checking a real one does (Argon2 works
    out the digest in full before comparing), and no password matches it. Written out rather
    than hashed, so that start-up does not spend an Argon2 hash (over 100 ms) on it."""

    def b64(size: int) -> str:
        return b64encode(secrets.token_bytes(size)).decode().rstrip("=")

    return (
        f"$argon2{hasher.type.name.lower()}$v={ARGON2_VERSION}"
        f"$m={hasher.memory_cost},t={hasher.time_cost},p={hasher.parallelism}"
        f"${b64(hasher.salt_len)}${b64(hasher.hash_len)}"
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
    # Imported on first use: its frequency lists take tens of milliseconds to load, which
    # start-up need not pay.
    from zxcvbn import zxcvbn

    # zxcvbn's work grows with length; judging the first 64 characters is plenty.
    result = zxcvbn(password[:64], user_inputs=[email, email.split("@")[0], *name.split()])
    if result["score"] < 3:
        return (
            "Choose a less common password: a few unrelated words work well, and avoid "
            "names, dates and keyboard patterns"
        )
    return None
