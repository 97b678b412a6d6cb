"""Check-in questions (checklists/checkins.yaml): asked about 3, 6 and 12 months after the
peer worker starts."""

from pathlib import Path

from roledesign.catalog.model import DOMAIN_KEYS, CheckinQuestion
from roledesign.catalog.parsing import (
    Problems,
    evidence_links,
    read_list,
    text_field,
    unknown_fields,
)

CHECKIN_ANSWERS = ("yes", "partly", "no", "dont_know")
QUESTION_FIELDS = {"key", "question", "hint", "domain", "good", "evidence"}


def load_checkins(root: Path, sources, problems: Problems):
    """Validated questions; problems are reported through the shared collector."""
    path = root / "checkins.yaml"
    raw = read_list(path, problems, "questions")
    if raw is None:
        return ()
    questions, seen = [], set()
    for n, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            problems.add(path, f"question {n}", "must be a mapping")
            continue
        key = text_field(entry.get("key"), path, f"question {n}", "key", problems)
        where = f"question {key or n}"
        if key in seen:
            problems.add(path, where, "duplicate key")
        seen.add(key)
        unknown_fields(entry, QUESTION_FIELDS, path, where, problems)
        domain = entry.get("domain")
        if domain not in DOMAIN_KEYS:
            problems.add(path, where, f"domain must be one of {', '.join(DOMAIN_KEYS)}")
        good = entry.get("good")
        if good not in ("yes", "no"):
            problems.add(path, where, '\'good\' must be "yes" or "no"')
        questions.append(
            CheckinQuestion(
                key=key,
                question=text_field(entry.get("question"), path, where, "question", problems),
                hint=text_field(entry.get("hint"), path, where, "hint", problems, required=False),
                domain=domain if domain in DOMAIN_KEYS else DOMAIN_KEYS[0],
                good=good if good in ("yes", "no") else "yes",
                evidence=evidence_links(entry.get("evidence"), path, where, sources, problems),
            )
        )
    return tuple(questions)
