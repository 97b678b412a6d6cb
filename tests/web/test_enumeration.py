"""Nobody can find out through the web whether an address has an account: sign-up,
forgot-password and sign-in answer the same, and do the same work, either way."""

import re
import socket

import argon2
import pytest
from sqlalchemy import select

from roledesign import mail
from roledesign.extensions import db
from roledesign.models import Membership, User
from roledesign.services import passwords
from tests.helpers import TEST_PASSWORD, Auth, Browser

CSRF = re.compile(r'(name="csrf_token"(?: type="hidden")? value=")[^"]+(")')
NONCE = re.compile(r"nonce-[^' ;]+|nonce=\"[^\"]+\"")


def _normalised(response) -> tuple:
    """Status, headers and body with the parts that differ between any two requests (CSRF
    tokens, CSP nonces, cookie values and the rate limit's reset time) blanked out."""
    headers = []
    for name, value in response.headers.items():
        if name == "Set-Cookie":
            value = re.sub(r"^([^=]+)=[^;]*", r"\1=…", value)
        elif name == "X-RateLimit-Reset":
            value = "…"
        headers.append((name, NONCE.sub("nonce", value)))
    body = NONCE.sub("nonce", CSRF.sub(r"\1…\2", response.get_data(as_text=True)))
    return response.status_code, sorted(headers), body


def _sign_up_journey(app, address: str, email: str) -> list[tuple]:
    """A stranger's browser asks for an account and follows every redirect, recording each
    answer on the way."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    person = Browser(client)
    answers = []
    response = person.submit(
        "/sign-up",
        {"name": "Alex Stranger", "email": email, "password": TEST_PASSWORD,
         "confirm": TEST_PASSWORD},
    )  # fmt: skip
    answers.append(_normalised(response))
    while response.status_code in (301, 302, 303):
        response = client.get(response.headers["Location"])
        answers.append(_normalised(response))
    return answers


def test_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(app, auth, outbox):
    auth.manager(email="taken@example.org")
    taken = _sign_up_journey(app, "192.0.2.1", "taken@example.org")
    new = _sign_up_journey(app, "192.0.2.2", "new@example.org")
    assert taken == new
    assert len(taken) == 2 and taken[0][0] == 302 and taken[-1][0] == 200
    # Only the address's owner learns which it was, by e-mail.
    assert outbox[-2].to == "taken@example.org"
    assert outbox[-2].subject == "Someone tried to create an account with your address"
    assert "/forgot-password" in outbox[-2].body
    assert (outbox[-1].to, outbox[-1].subject) == ("new@example.org", "Confirm your email address")


def test_sign_up_of_an_existing_address_changes_nothing_about_the_account(app, auth, client):
    auth.manager(email="taken@example.org")
    person = Browser(app.test_client())
    person.submit(
        "/sign-up",
        {"name": "Mallory", "email": "taken@example.org", "password": "another strong passphrase",
         "confirm": "another strong passphrase"},
    )  # fmt: skip
    # The owner's password still works, the stranger's does not.
    owner = Auth(Browser(app.test_client())).sign_in(email="taken@example.org")
    assert owner.headers["Location"] == "/dashboard"
    stranger = Auth(Browser(app.test_client())).sign_in(
        email="taken@example.org", password="another strong passphrase"
    )
    assert stranger.status_code == 200


def test_nobody_signs_in_before_confirming_the_address(app, outbox):
    person = Browser(app.test_client())
    person.submit(
        "/sign-up",
        {"name": "Alex", "email": "alex@example.org", "password": TEST_PASSWORD,
         "confirm": TEST_PASSWORD},
    )  # fmt: skip
    assert person.client.get("/dashboard").status_code == 302  # not signed in
    # Signing in with the right password only sends the link again.
    response = Auth(person).sign_in(email="alex@example.org")
    assert response.headers["Location"] == "/sign-up/check-your-email"
    assert person.client.get("/organisations/new").status_code == 302
    link = outbox.link("alex@example.org")
    response = person.submit(link, {})
    assert response.headers["Location"] == "/organisations/new"
    assert person.client.get("/organisations/new").status_code == 200
    assert person.client.get(link).status_code == 400  # the link worked once


def test_sign_up_is_rate_limited(app):
    person = Browser(app.test_client())
    token = person.csrf("/sign-up")
    statuses = [
        person.client.post(
            "/sign-up",
            data={"csrf_token": token, "name": "Bot", "email": f"bot{n}@example.org",
                  "password": TEST_PASSWORD, "confirm": TEST_PASSWORD},
        ).status_code
        for n in range(12)
    ]  # fmt: skip
    assert statuses[:10] == [302] * 10 and statuses[10:] == [429, 429]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket closes


def test_forgot_password_answers_the_same_with_the_mail_server_unreachable(app, auth, runner):
    auth.manager(email="kim@example.org")
    app.config.update(
        MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=_closed_port(), MAIL_USE_TLS=False
    )
    mail.init_app(app)
    answers = []
    for n, email in enumerate(("kim@example.org", "pat@example.org")):  # known, unknown
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{n + 1}"
        response = Browser(client).submit("/forgot-password", {"email": email})
        page = _normalised(response)
        answers.append((page[0], page[1], page[2].replace(email, "ADDRESS")))
    assert answers[0] == answers[1]
    assert answers[0][0] == 200


class CountingHasher:
    """The app's Argon2 hasher, counting the work asked of it."""

    def __init__(self, hasher):
        self.hasher, self.calls = hasher, []

    def hash(self, *args, **kwargs):
        self.calls.append("hash")
        return self.hasher.hash(*args, **kwargs)

    def verify(self, *args, **kwargs):
        self.calls.append("verify")
        return self.hasher.verify(*args, **kwargs)


def test_sign_in_does_one_argon2_verify_for_unknown_and_known_addresses(app, auth, browser):
    auth.manager(email="known@example.org")
    browser.submit("/sign-out", {}, page="/account")
    counting = CountingHasher(app.extensions["roledesign.passwords"])
    app.extensions["roledesign.passwords"] = counting
    work = {}
    for email in ("unknown@example.org", "known@example.org"):
        counting.calls.clear()
        page = Auth(browser).sign_in(email=email, password="not the right password")
        assert "Enter a correct email address and password" in page.get_data(as_text=True)
        work[email] = list(counting.calls)
    assert work == {"unknown@example.org": ["verify"], "known@example.org": ["verify"]}


def test_the_unknown_address_verify_costs_what_a_real_one_does(app, auth):
    """The hash an unknown address is checked against is written out, not computed at start-up:
    it must carry the very parameters a real account's hash has (so Argon2 does the same work
    for it) and match no password."""
    auth.manager(email="known@example.org")
    with app.app_context():
        real = db.session.scalar(select(User.password_hash))
    for hasher in (app.extensions["roledesign.passwords"], argon2.PasswordHasher()):
        dummy = passwords.dummy_hash(hasher)
        assert argon2.extract_parameters(dummy) == argon2.extract_parameters(hasher.hash("x"))
        assert not hasher.check_needs_rehash(dummy)
        for password in ("", TEST_PASSWORD, "x"):
            with pytest.raises(argon2.exceptions.VerifyMismatchError):
                hasher.verify(dummy, password)
    dummy = app.extensions["roledesign.dummy_hash"]
    assert argon2.extract_parameters(dummy) == argon2.extract_parameters(real)


def test_an_unconfirmed_sign_up_is_replaced_but_an_imported_member_is_not(app, auth, outbox):
    """Signing up again for an address nobody has confirmed replaces the earlier attempt (only
    the newest link works); an account import-org made for an organisation's member (not yet
    confirmed: its owner resets the password) is never replaced by a stranger's sign-up."""
    auth.manager(email="admin@example.org")
    with app.app_context():
        organisation_id = db.session.scalar(select(Membership.organisation_id))
        member = User(name="Imported", email="member@example.org", password_hash="x")
        db.session.add(member)
        db.session.flush()
        db.session.add(Membership(user=member, organisation_id=organisation_id, role="viewer"))
        db.session.commit()
    for email in ("member@example.org", "fresh@example.org", "fresh@example.org"):
        Browser(app.test_client()).submit(
            "/sign-up",
            {"name": "Stranger", "email": email, "password": TEST_PASSWORD,
             "confirm": TEST_PASSWORD},
        )  # fmt: skip
    assert outbox[-3].subject == "Someone tried to create an account with your address"
    with app.app_context():
        member = db.session.scalar(select(User).where(User.email == "member@example.org"))
        assert (member.name, member.password_hash) == ("Imported", "x")
    first, newest = (re.findall(r"(/sign-up/confirm/\S+)", sent.body)[0] for sent in outbox[-2:])
    person = Browser(app.test_client())
    assert person.client.get(first).status_code == 400
    assert person.submit(newest, {}).headers["Location"] == "/organisations/new"
