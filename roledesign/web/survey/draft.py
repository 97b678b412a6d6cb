"""A respondent's unfinished answers, kept in a signed cookie on their own device.

Why a cookie and not the database: nothing is stored on the server until the respondent sends
their answers, so an abandoned draft leaves no trace; the app stays stateless between requests;
and "finish later on the same device" works after the tab or the browser is closed, because the
cookie lasts DRAFT_DAYS. The cookie is signed with the app's secret and a salt naming the survey,
so it cannot be edited, and a draft from one survey is not accepted by another. It is sent only
to that survey's pages (its path is the survey link).

The draft also holds a random submission key, created when the respondent starts. The database
accepts one response per key, so pressing Send twice, going back and sending again, or replaying
the request stores one response.
"""

import secrets
from dataclasses import dataclass, field

from flask import current_app, request, url_for
from itsdangerous import BadSignature, URLSafeSerializer

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


def _serializer(survey) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=f"team-draft-{survey.id}")


def _encode(draft: Draft) -> dict:
    return {
        "k": draft.key,
        "g": draft.group,
        "a": {i: CODES[s] + (str(imp) if imp else "") for i, (s, imp) in draft.answers.items()},
        "s": draft.is_sent,
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
    return Draft(key=raw["k"], group=group, answers=answers, is_sent=raw.get("s") is True)


def read(survey, group_keys) -> Draft | None:
    """The draft this device holds for ``survey``, if any (a tampered cookie counts as none)."""
    value = request.cookies.get(COOKIE)
    if not value:
        return None
    try:
        raw = _serializer(survey).loads(value)
    except BadSignature:
        return None
    return _decode(raw, set(survey.item_ids), set(group_keys))


def write(response, survey, draft: Draft):
    """Keep the draft on this device for DRAFT_DAYS, sent only to this survey's pages."""
    response.set_cookie(
        COOKIE,
        _serializer(survey).dumps(_encode(draft)),
        max_age=DRAFT_DAYS * 24 * 3600,
        path=url_for("survey.start", token=survey.token),
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )
    return response
