"""Fixtures in the flaskr style: app, client, runner, and helpers that return factories.

Tests run on SQLite by default. With TEST_DATABASE_URL set (as .ci/run does), every test that
touches the database runs against that server instead, e.g. a real PostgreSQL.
"""

import os
import re
from collections.abc import Sequence
from decimal import Decimal
from html import unescape

import pytest
from flask import got_request_exception
from sqlalchemy import event, select

from roledesign import create_app
from roledesign.extensions import db

TEST_PASSWORD = "correct horse battery staple"


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


class Outbox(Sequence):
    """The e-mails the app has queued (committed to the outbox table), oldest first."""

    def __init__(self, app):
        self.app = app

    def _rows(self) -> list:
        from roledesign.models import OutboxMail

        with self.app.app_context():
            rows = db.session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()
            db.session.expunge_all()
            return rows

    def __getitem__(self, index):
        return self._rows()[index]

    def __len__(self) -> int:
        return len(self._rows())

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def link(self, to: str) -> str:
        """The path of the newest link e-mailed to an address."""
        body = next(mail.body for mail in reversed(self._rows()) if mail.to == to)
        return re.findall(r"https?://[^/\s]+(/\S+)", body)[-1]


@pytest.fixture
def outbox(app):
    return Outbox(app)


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


HIDDEN = re.compile(r'<input(?=[^>]*type="hidden")[^>]*>')
ATTR = re.compile(r'(name|value)="([^"]*)"')


class Browser:
    """Drives forms the way a person's browser does: fetch the page, then post the fields given
    together with the page's hidden inputs (the CSRF token, edit stamps)."""

    def __init__(self, client):
        self.client = client

    def hidden_fields(self, url: str) -> dict:
        page = self.client.get(url)
        html = page.get_data(as_text=True)
        fields = {}
        for tag in HIDDEN.findall(html):
            attrs = dict(ATTR.findall(tag))
            if "name" in attrs:
                fields.setdefault(attrs["name"], unescape(attrs.get("value", "")))
        assert "csrf_token" in fields, f"no CSRF token on {url} (status {page.status_code})"
        return fields

    def csrf(self, url: str) -> str:
        return self.hidden_fields(url)["csrf_token"]

    def submit(self, url: str, data: dict, *, follow=False, page: str | None = None):
        fields = self.hidden_fields(page or url)
        return self.client.post(url, data={**fields, **data}, follow_redirects=follow)


@pytest.fixture
def browser(client):
    return Browser(client)


class Auth:
    def __init__(self, browser):
        self.browser = browser

    def sign_up(
        self, email="manager@example.org", name="Sam Manager", password=TEST_PASSWORD, next=None
    ):
        """Fill in the sign-up form and, when it is accepted, follow the e-mailed link: the
        answer of the link's button (a redirect, signed in) or of the form (with its errors)."""
        response = self.browser.submit(
            "/sign-up" + (f"?next={next}" if next else ""),
            {
                "name": name,
                "email": email,
                "password": password,
                "confirm": password,
            },
        )
        if response.status_code != 302:
            return response
        assert response.headers["Location"] == "/sign-up/check-your-email"
        link = Outbox(self.browser.client.application).link(email.strip().lower())
        return self.browser.submit(link, {})

    def sign_in(self, email="manager@example.org", password=TEST_PASSWORD):
        return self.browser.submit("/sign-in", {"email": email, "password": password})

    def create_organisation(self, name="Northshire NHS Trust", sector="nhs"):
        return self.browser.submit("/organisations/new", {"name": name, "sector": sector})

    def manager(self, email="manager@example.org", organisation="Northshire NHS Trust"):
        """Sign up and set up an organisation: the state a manager is in after onboarding."""
        self.sign_up(email=email)
        self.create_organisation(name=organisation)


@pytest.fixture
def auth(browser):
    return Auth(browser)


PLAN_FORM = {
    "title": "Peer support worker",
    "team": "North community mental health team",
    "setting": "community",
    "introduction": "new_role",
    "employment": "paid",
    "band": "4",
    "hours": "30",
    "peer_workers": "2",
    "line_manager": "Team manager",
}


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


__all__ = ["PLAN_FORM", "TEST_PASSWORD", "Decimal"]
