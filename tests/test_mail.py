"""The mail outbox: e-mail is saved with the change that causes it, delivered by
`flask send-mail` to a real SMTP server (aiosmtpd on a loopback port), retried with growing
waits when the server refuses or cannot be reached, and never changes a page's answer."""

import logging
import socket
from datetime import UTC, datetime, timedelta

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, update

from roledesign import create_app, mail
from roledesign.extensions import db
from roledesign.mail import send_mail
from roledesign.models import OutboxMail
from tests.helpers import Browser


class Recorder:
    """An SMTP server's message handler: keep every message, or refuse every one with 550."""

    def __init__(self, refuse=False):
        self.refuse, self.messages = refuse, []

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "550 Mailbox unavailable"
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_CONTROLLERS: dict[int, Controller] = {}


def _start(handler) -> int:
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    _CONTROLLERS[controller.port] = controller
    return controller.port


def _stop(port: int) -> None:
    _CONTROLLERS.pop(port).stop()


def _use_smtp(app, port: int) -> None:
    app.config.update(
        MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False
    )
    mail.init_app(app)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _rows(app) -> list[OutboxMail]:
    with app.app_context():
        rows = db.session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()
        db.session.expunge_all()
        return rows


def _ask_for_a_reset(app, auth, browser) -> None:
    auth.manager(email="kim@example.org")
    browser.submit("/sign-out", {}, page="/account")
    page = browser.submit("/forgot-password", {"email": "kim@example.org"})
    assert page.status_code == 200 and "Check your email" in page.get_data(as_text=True)


def test_mail_is_saved_by_the_callers_commit_and_dropped_by_a_rollback(app):
    with app.app_context():
        send_mail("a@example.org", "Rolled back", "Never sent")
        db.session.rollback()
        send_mail("b@example.org", "Committed", "Sent later")
        db.session.commit()
    assert [(row.to, row.subject, row.attempts) for row in _rows(app)] == [
        ("b@example.org", "Committed", 0)
    ]


def test_send_mail_delivers_the_queue_to_an_smtp_server_once(app, auth, browser, runner):
    recorder = Recorder()
    port = _start(recorder)
    try:
        _ask_for_a_reset(app, auth, browser)
        _use_smtp(app, port)
        result = runner.invoke(args=["send-mail"])
        assert result.exit_code == 0 and "sent 2" in result.output, result.output
        subjects = [text.split("Subject: ")[1].splitlines()[0] for _, text in recorder.messages]
        assert subjects == ["Confirm your email address", "Reset your password"]
        assert recorder.messages[1][0] == ["kim@example.org"]
        assert "/reset-password/" in recorder.messages[1][1]
        assert _rows(app) == []  # sent mail (addresses, links) is not kept
        assert "sent 0" in runner.invoke(args=["send-mail"]).output  # nothing is sent twice
        assert len(recorder.messages) == 2
    finally:
        _stop(port)


@pytest.mark.parametrize("server", ["refuses with 550", "is not listening"])
def test_a_failing_server_leaves_mail_queued_and_retries_later(
    app, auth, browser, runner, caplog, server
):
    port = _start(Recorder(refuse=True)) if server == "refuses with 550" else _free_port()
    try:
        _use_smtp(app, port)
        _ask_for_a_reset(app, auth, browser)  # the page's answer is checked in there
        before = datetime.now(UTC)
        result = runner.invoke(args=["send-mail"])
        assert result.exit_code == 0 and "will retry 2" in result.output, result.output
        rows = _rows(app)
        assert len(rows) == 2 and all(row.attempts == 1 for row in rows)  # kept: not sent
        assert all(_aware(row.next_attempt_at) >= before + timedelta(seconds=60) for row in rows)
        error = "550" if server == "refuses with 550" else "ConnectionRefused"
        assert all(error in row.last_error for row in rows), [r.last_error for r in rows]
        # Not due yet: the next run leaves them alone.
        assert "will retry 0" in runner.invoke(args=["send-mail"]).output
        # Each later failure waits twice as long, until the last attempt gives up, logged.
        waits = []
        with caplog.at_level(logging.ERROR):
            for _ in range(app.config["MAIL_MAX_ATTEMPTS"] - 1):
                with app.app_context():
                    db.session.execute(update(OutboxMail).values(next_attempt_at=datetime.now(UTC)))
                    db.session.commit()
                start = datetime.now(UTC)
                runner.invoke(args=["send-mail"])
                row = _rows(app)[0]
                if row.gave_up_at is None:
                    waits.append(round((_aware(row.next_attempt_at) - start).total_seconds()))
        assert waits == [120, 240, 480, 960, 1920, 3840]
        assert all(row.gave_up_at is not None for row in _rows(app))
        assert f"after {app.config['MAIL_MAX_ATTEMPTS']} attempts" in caplog.text
    finally:
        if port in _CONTROLLERS:
            _stop(port)


def _console_app(tmp_path, env_name: str):
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / env_name}.sqlite",
            "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
            "MAIL_BACKEND": "console",
            "ENV_NAME": env_name,
        }
    )


@pytest.mark.parametrize("env_name", ["development", "production"])
def test_without_a_mail_server_the_link_is_logged_and_shown_only_in_development(
    tmp_path, caplog, env_name
):
    app = _console_app(tmp_path, env_name)
    with app.app_context():
        db.create_all()
    person = Browser(app.test_client())
    with caplog.at_level(logging.WARNING):
        response = person.submit(
            "/sign-up",
            {"name": "Alex", "email": "alex@example.org", "password": "lantern orchard velvet",
             "confirm": "lantern orchard velvet"},
            follow=True,
        )  # fmt: skip
    page = response.get_data(as_text=True)
    assert "E-mail to alex@example.org: Confirm your email address" in caplog.text
    link = caplog.text.split("http://localhost")[1].split()[0]
    assert link.startswith("/sign-up/confirm/")
    if env_name == "development":
        assert f'<a href="http://localhost{link}">' in page
        assert "Development only" in page
    else:
        assert link not in page and "Development only" not in page
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_in_development_an_invitation_link_is_logged_but_never_shown_to_the_manager(
    tmp_path, caplog
):
    """The development convenience of showing e-mail on screen must not hand the manager the
    single-use survey links of the people they invite."""
    from tests.helpers import PLAN_FORM, TEST_PASSWORD
    from tests.web.team_helpers import set_up_survey

    app = _console_app(tmp_path, "development")
    with app.app_context():
        db.create_all()
    manager = Browser(app.test_client())
    with caplog.at_level(logging.WARNING):
        manager.submit(
            "/sign-up",
            {"name": "Sam", "email": "sam@example.org", "password": TEST_PASSWORD,
             "confirm": TEST_PASSWORD},
        )  # fmt: skip
    confirm = caplog.text.split("http://localhost")[1].split()[0]
    manager.submit(confirm, {})
    manager.submit("/organisations/new", {"name": "Northshire NHS Trust", "sector": "nhs"})
    plan_id = manager.submit("/plans/new", PLAN_FORM).headers["Location"].rstrip("/").split("/")[-1]
    set_up_survey(manager, plan_id)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        response = manager.submit(
            f"/plans/{plan_id}/team/invite",
            {"addresses": "ana@ward.example", "group": "none"},
            follow=True,
        )
    link = caplog.text.split("http://localhost")[1].split()[0]
    assert link.startswith("/s/") and "Invitations sent to 1 person" in response.get_data(
        as_text=True
    )
    for page in (response, manager.client.get(f"/plans/{plan_id}/team")):
        assert link not in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(OutboxMail)) is None  # delivered to the log: not kept
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
