"""services.transaction: a change and its audit lines are committed together, or not at all."""

import pytest
from sqlalchemy import func, select

from roledesign.extensions import db
from roledesign.models import AuditEvent, Membership, Organisation, User
from roledesign.services.auth import create_user
from roledesign.services.orgs import create_organisation
from roledesign.services.transaction import Conflict, transaction


def _rows(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _saved() -> dict[str, int]:
    """What is in the database, read through a fresh session (so nothing pending is counted)."""
    db.session.remove()
    return {model.__name__: _rows(model) for model in (User, Organisation, Membership, AuditEvent)}


@pytest.fixture
def manager(app):
    with app.app_context():
        with transaction():
            user = create_user(name="Ann", email="ann@example.org", password="x" * 12)
        yield db.session.get(User, user.id)


def test_the_change_and_its_audit_line_are_committed_together(app, manager):
    with transaction(manager) as tx:
        organisation = create_organisation(name="Trust", sector="nhs", creator=manager)
        tx.record(organisation.id, "created", "organisation", organisation.name)
    organisation_id, manager_id = organisation.id, manager.id
    assert _saved() == {"User": 1, "Organisation": 1, "Membership": 1, "AuditEvent": 1}
    event = db.session.scalar(select(AuditEvent))
    assert (event.organisation_id, event.user_id, event.action, event.subject) == (
        organisation_id,
        manager_id,
        "created",
        "organisation",
    )


def test_a_command_without_a_user_is_recorded_as_nobody(app, manager):
    with transaction(manager):
        organisation = create_organisation(name="Trust", sector="nhs", creator=manager)
    with transaction() as tx:
        tx.record(organisation.id, "exported", "organisation")
    assert db.session.scalar(select(AuditEvent.user_id)) is None


@pytest.mark.parametrize("clash_at", ["flush", "commit"])
def test_a_clash_rolls_back_everything_and_is_a_conflict(app, manager, clash_at):
    before = _saved()
    manager = db.session.get(User, manager.id)
    with pytest.raises(Conflict), transaction(manager) as tx:
        organisation = create_organisation(name="Trust", sector="nhs", creator=manager)
        tx.record(organisation.id, "created", "organisation", organisation.name)
        manager.name = "Ann Changed"
        db.session.add(User(name="Copy", email="ann@example.org", password_hash="x"))
        if clash_at == "flush":
            db.session.flush()  # the unique address clashes here, inside the block
    # Neither the organisation, its membership, its audit line, the rename nor the copy.
    assert _saved() == before
    assert db.session.scalar(select(User.name)) == "Ann"
    # The session is clean again: the next change commits.
    with transaction():
        create_user(name="Bea", email="bea@example.org", password="x" * 12)
    assert _saved()["User"] == 2


def test_the_audit_line_is_not_saved_when_the_change_fails(app, manager):
    before = _saved()
    manager = db.session.get(User, manager.id)
    with pytest.raises(RuntimeError, match="injected"), transaction(manager) as tx:
        organisation = create_organisation(name="Trust", sector="nhs", creator=manager)
        tx.record(organisation.id, "created", "organisation", organisation.name)
        db.session.flush()
        raise RuntimeError("injected failure after the audit line was flushed")
    # Rolled back on leaving the block, not only when the request ends: this session no
    # longer sees the flushed rows either.
    assert (_rows(Organisation), _rows(AuditEvent)) == (0, 0)
    assert _saved() == before
