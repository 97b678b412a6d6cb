"""The one place a change is saved: its audit lines recorded, one commit, and a clash on a unique
constraint turned into `Conflict` with nothing half-written left behind.

Views and commands do their work inside ``with transaction(user) as tx:`` and call services,
which change the database and flush but never commit. On leaving the block the audit lines
(``tx.record(...)``) and the change are committed together, so a log line is saved exactly
when its change is. If the database refuses the change (IntegrityError, at a flush inside the
block or at the commit), everything is rolled back and `Conflict` is raised: the caller says
what a clash means for it (usually "someone saved the same thing a moment ago"). Any other
error leaving the block rolls back too, and propagates: nothing is ever half-saved.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from roledesign.extensions import db
from roledesign.models import User
from roledesign.services import audit


class Conflict(Exception):
    """The change clashed with one saved a moment earlier; nothing of it was saved."""


class Transaction:
    def __init__(self, user: User | None):
        self.user_id = user.id if user is not None and user.is_authenticated else None

    def record(self, organisation_id: int, action: str, subject: str, detail: str = "") -> None:
        """An audit line, saved with the change or not at all."""
        audit.record(organisation_id, action, subject, detail, user_id=self.user_id)


@contextmanager
def transaction(user: User | None = None) -> Iterator[Transaction]:
    """One unit of work, committed once on leaving the block (see the module's docstring).
    ``user`` is who the audit lines name: the signed-in person, or None for a command."""
    try:
        yield Transaction(user)
        db.session.commit()
    except IntegrityError as err:
        db.session.rollback()
        raise Conflict(str(err.orig)) from err
    except BaseException:
        db.session.rollback()
        raise
