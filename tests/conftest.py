"""Fixtures in the flaskr style: app, client, runner, and helpers that return factories.

Only fixtures live here; the classes and data they hand out, which tests also import, are in
tests/helpers.py.

Tests run on SQLite by default. With TEST_DATABASE_URL set (as .ci/run does), every test that
touches the database runs against that server instead, e.g. a real PostgreSQL.
"""

import os

import pytest
from flask import got_request_exception
from sqlalchemy import event

from roledesign import create_app
from roledesign.extensions import db
from tests.helpers import PLAN_FORM, Auth, Browser, Outbox


def _database_url(tmp_path) -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path),
            # Cheap hashes keep the suite fast; production uses argon2-cffi's defaults.
            "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
            "MAIL_BACKEND": "memory",
        }
    )
    with app.app_context():
        db.drop_all()
        db.create_all()
    failures = []
    got_request_exception.connect(
        lambda sender, exception, **extra: failures.append(exception), app, weak=False
    )
    yield app
    # No journey in the suite may end in a server error, including in the browser tests'
    # live server, where an exception would otherwise only show as a 500 page.
    assert failures == [], f"server errors during the test: {failures!r}"
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def outbox(app):
    return Outbox(app)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def browser(client):
    return Browser(client)


@pytest.fixture
def auth(browser):
    return Auth(browser)


@pytest.fixture
def make_plan(browser):
    """Create a plan through the form and return its id."""

    def make(**overrides) -> int:
        response = browser.submit("/plans/new", {**PLAN_FORM, **overrides})
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
        return int(response.headers["Location"].rstrip("/").split("/")[-1])

    return make


@pytest.fixture
def count_queries(app):
    """Count the SQL statements run inside a `with count_queries() as n:` block."""
    from contextlib import contextmanager

    @contextmanager
    def counter():
        seen = []

        def before(conn, cursor, statement, *args):
            seen.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before)
        try:
            yield seen
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counter
