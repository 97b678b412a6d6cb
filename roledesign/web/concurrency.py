"""Optimistic locking for pages two people might edit at once.

A form carries a stamp of what the editor saw. If the record has changed by the time they
save, the later writer is told instead of silently overwriting: their input is shown back with
a message, and the stamp is renewed so that saving again (after checking) goes through.
"""

import hashlib

from wtforms import HiddenField

CONFLICT_MESSAGE = (
    "Someone else saved changes to this page while you were editing it. Your changes have not "
    "been saved yet: check them against the latest version and save again."
)


def stamp(*values) -> str:
    return hashlib.sha256(repr(values).encode()).hexdigest()[:32]


def stamp_field() -> HiddenField:
    return HiddenField()


def is_stale(form, current: str) -> bool:
    """True when the form was filled in from an older version; renews the form's stamp and
    adds the conflict message to the error summary."""
    if form.stamp.data == current:
        return False
    form.stamp.data = current
    form.stamp.errors = [CONFLICT_MESSAGE]
    return True
