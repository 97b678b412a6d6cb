"""What tests share besides fixtures: a browser that submits forms with their hidden fields, the
sign-up and onboarding steps, the e-mails queued, and a plan form's answers.

Import from here (``from tests.helpers import Browser``), never from a conftest.py.
"""

import re
from collections.abc import Sequence
from html import unescape

from sqlalchemy import select

from roledesign.extensions import db

TEST_PASSWORD = "correct horse battery staple"


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
