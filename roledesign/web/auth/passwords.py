"""Argon2id password hashing; tests may lower the cost through ARGON2_PARAMETERS."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app

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
