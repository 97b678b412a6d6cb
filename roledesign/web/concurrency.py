"""Optimistic locking for pages two people might edit at once: the one way to notice it.

Every record such a form edits has an integer version column mapped as SQLAlchemy's
``version_id_col``, which counts its saved changes. The form carries the version the editor saw
in one hidden field, ``stamp``. ``is_stale`` compares it with the record's version now; when they
differ the save is refused (409): the input is shown back, the conflict message is in the error
summary, and the field is renewed, so that saving again (after checking) goes through.
Someone else's save that lands between that check and our flush makes the database refuse the
update (``StaleDataError``, or the transaction's ``Conflict`` for two first saves of a new
record); ``saving``, wrapped round the ``transaction``, turns that into exactly the same answer.
"""

from contextlib import contextmanager

from sqlalchemy import inspect
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField

from roledesign.services.transaction import Conflict

CONFLICT_MESSAGE = (
    "Someone else saved changes to this page while you were editing it. Your changes have not "
    "been saved yet: check them against the latest version and save again."
)


def stamp_field() -> HiddenField:
    return HiddenField()


def version_of(*records) -> str:
    """The versions of the records a page edits, as the form carries them: "0" for a record not
    saved yet, and "3.1" for a page that shows one record (3) and edits another (1)."""
    versions = []
    for record in records:
        if record is None:
            versions.append(0)
            continue
        mapper = inspect(type(record))
        versions.append(getattr(record, mapper.get_property_by_column(mapper.version_id_col).key))
    return ".".join(map(str, versions))


def start(form, *records) -> None:
    """Give a form being opened the versions it is filled in from."""
    if not form.is_submitted():
        form.stamp.data = version_of(*records)


def _refuse(form, current: str) -> None:
    form.stamp.data = current
    form.stamp.errors = [CONFLICT_MESSAGE]


def is_stale(form, *records) -> bool:
    """True when the form was filled in from older versions of the records; then the save is
    refused: the form's stamp is renewed and the conflict message added to its error summary."""
    current = version_of(*records)
    if form.stamp.data == current:
        return False
    _refuse(form, current)
    return True


@contextmanager
def saving(form, reload):
    """Run a save; when another save got in between ``is_stale`` and the flush, refuse as
    ``is_stale`` does, with the versions ``reload()`` returns the records at now. The
    ``transaction`` inside has already rolled the change back.

        with saving(form, lambda: (plan,)):
            with transaction(current_user) as tx:
                ...change, tx.record(...)
            return a redirect
        return render_template(...), status(form)
    """
    try:
        yield
    except (StaleDataError, Conflict):
        _refuse(form, version_of(*reload()))


def status(form) -> int:
    """The status of a form page: 409 when its save was refused as stale."""
    return 409 if form.stamp.errors else 200
