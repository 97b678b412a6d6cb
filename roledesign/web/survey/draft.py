"""A respondent's unfinished answers, kept in an encrypted cookie on their own device.

Why a cookie and not the database: nothing is stored on the server until the respondent sends
their answers, so an abandoned draft leaves no trace; the app stays stateless between requests;
and "finish later on the same device" works after the tab or the browser is closed.

The cookie is encrypted and authenticated (AES-GCM, from the well-kept `cryptography` package)
with a key derived from the app's secret, and the survey's id as associated data: it cannot be
read or edited without the secret (someone who copies it, or the next person on a shared device
looking at the browser's cookies, sees random bytes), and a draft from one survey is not accepted
by another. It is sent only to that link's pages (its path is the link). It lasts until the
browser is closed, unless the respondent chooses "save and finish later": then DRAFT_DAYS.

The draft also holds a random submission key, created when the respondent starts. The database
accepts one response per key, so pressing Send twice, going back and sending again, or replaying
the request stores one response.
"""

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field

from flask import current_app, request, url_for

from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_VALUES

COOKIE = "team_draft"
DRAFT_DAYS = 30
CODES = {"yes": "y", "partly": "p", "no": "n", "dont_know": "d", "not_relevant": "r"}
STATUSES = {code: status for status, code in CODES.items()}


@dataclass
class Draft:
    key: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    group: str | None = None
    answers: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    is_sent: bool = False
    is_kept: bool = False  # the respondent chose to finish later: the cookie outlives the browser


NONCE = 12  # bytes, random for every cookie written (AES-GCM's standard nonce size)


def _cipher():
    # cryptography is imported when a draft is first sealed or opened, not at start-up.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    secret = current_app.secret_key
    secret = secret.encode() if isinstance(secret, str) else secret
    return AESGCM(hmac.new(secret, b"roledesign team draft", hashlib.sha256).digest())


def _seal(survey, payload: dict) -> str:
    nonce = secrets.token_bytes(NONCE)
    data = json.dumps(payload, separators=(",", ":")).encode()
    sealed = nonce + _cipher().encrypt(nonce, data, f"survey:{survey.id}".encode())
    return base64.urlsafe_b64encode(sealed).decode().rstrip("=")


def _open(survey, value: str):
    """The payload, or None when the cookie was not written by this app for this survey."""
    from cryptography.exceptions import InvalidTag  # on first use, as in _cipher()

    try:
        sealed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        data = _cipher().decrypt(sealed[:NONCE], sealed[NONCE:], f"survey:{survey.id}".encode())
        return json.loads(data)
    except (ValueError, binascii.Error, InvalidTag):
        return None


def _encode(draft: Draft) -> dict:
    return {
        "k": draft.key,
        "g": draft.group,
        "a": {i: CODES[s] + (str(imp) if imp else "") for i, (s, imp) in draft.answers.items()},
        "s": draft.is_sent,
        "l": draft.is_kept,
    }


def _decode(raw, item_ids, group_keys) -> Draft | None:
    """Only what still fits the survey: statements it no longer asks are dropped."""
    if not isinstance(raw, dict) or not isinstance(raw.get("k"), str) or len(raw["k"]) > 32:
        return None
    group = raw.get("g") if raw.get("g") in group_keys else None
    answers = {}
    for item_id, code in (raw.get("a") or {}).items():
        if item_id not in item_ids or not isinstance(code, str) or not code:
            continue
        status = STATUSES.get(code[0])
        importance = int(code[1:]) if code[1:].isdigit() else None
        if status in STATUS_VALUES and (importance is None or importance in IMPORTANCE_LABELS):
            answers[item_id] = (status, importance)
    return Draft(
        key=raw["k"],
        group=group,
        answers=answers,
        is_sent=raw.get("s") is True,
        is_kept=raw.get("l") is True,
    )


def read(survey, group_keys) -> Draft | None:
    """The draft this device holds for ``survey``, if any (a tampered cookie counts as none)."""
    value = request.cookies.get(COOKIE)
    if not value or len(value) > 8192:
        return None
    return _decode(_open(survey, value), set(survey.item_ids), set(group_keys))


def write(response, survey, draft: Draft, token: str):
    """Keep the draft on this device, sent only to the pages of the link ``token``: until the
    browser closes, or for DRAFT_DAYS once the respondent has chosen to finish later."""
    response.set_cookie(
        COOKIE,
        _seal(survey, _encode(draft)),
        max_age=DRAFT_DAYS * 24 * 3600 if draft.is_kept else None,
        path=url_for("survey.start", token=token),
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )
    return response
