"""Outgoing e-mail through an outbox.

`send_mail` only adds a row to the outbox table, in the caller's transaction: the caller's
commit saves it together with the change it reports, a rollback drops it, and nothing a mail
server does can change the web page's answer. `flask --app roledesign send-mail` (run by cron or
a systemd timer, see docs/operations.md) delivers what is due, retrying with growing waits.

Delivery backends: SMTP when MAIL_SERVER is configured; otherwise the log ("console"), where
the mail is written at once, and in development also shown on the next page, so that sign-up
and password-reset links can be followed without a mail server. Tests may choose "memory".
"""

import smtplib
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage

from flask import Flask, current_app, flash, has_request_context
from sqlalchemy import delete, select

from roledesign.extensions import db
from roledesign.models import OutboxMail
from roledesign.models.base import utcnow


@dataclass
class Message:
    to: str
    subject: str
    body: str


class ConsoleMailer:
    def __init__(self, app: Flask):
        self.logger = app.logger

    def send(self, message: Message) -> None:
        self.logger.warning("E-mail to %s: %s\n%s", message.to, message.subject, message.body)


@dataclass
class MemoryMailer:
    sent: list[Message] = field(default_factory=list)

    def send(self, message: Message) -> None:
        self.sent.append(message)


class SmtpMailer:
    def __init__(self, app: Flask):
        self.config = app.config

    def send(self, message: Message) -> None:
        email = EmailMessage()
        email["From"] = self.config.get("MAIL_SENDER", "roledesign <no-reply@localhost>")
        email["To"] = message.to
        email["Subject"] = message.subject
        email.set_content(message.body)
        with smtplib.SMTP(
            self.config["MAIL_SERVER"], int(self.config.get("MAIL_PORT", 587)), timeout=10
        ) as smtp:
            if self.config.get("MAIL_USE_TLS", True):
                smtp.starttls()
            if self.config.get("MAIL_USERNAME"):
                smtp.login(self.config["MAIL_USERNAME"], self.config["MAIL_PASSWORD"])
            smtp.send_message(email)


def backend_name(app: Flask) -> str:
    return app.config.get("MAIL_BACKEND") or (
        "smtp" if app.config.get("MAIL_SERVER") else "console"
    )


def init_app(app: Flask) -> None:
    backend = backend_name(app)
    mailers = {"console": ConsoleMailer, "smtp": SmtpMailer}
    app.extensions["roledesign.mail"] = (
        MemoryMailer() if backend == "memory" else mailers[backend](app)
    )


def send_mail(to: str, subject: str, body: str, *, on_screen: bool = True) -> None:
    """Queue an e-mail in the current transaction (it is saved by the caller's commit).

    ``on_screen=False`` for a message whose reader must be the only one to see it (a survey
    invitation's single-use link is never shown to the manager who sent it, even in
    development).
    """
    if backend_name(current_app) == "console":
        # No mail server: the log is the delivery, and in development the page shows it too.
        current_app.extensions["roledesign.mail"].send(Message(to, subject, body))
        shown = on_screen and current_app.config.get("ENV_NAME") == "development"
        if shown and has_request_context():
            flash({"to": to, "subject": subject, "body": body}, "mail")
        return  # delivered: nothing to keep
    db.session.add(OutboxMail(to=to, subject=subject, body=body, next_attempt_at=utcnow()))


def retry_delay(attempts: int) -> timedelta:
    """Wait 1, 2, 4, 8 … minutes after each failed attempt, at most 6 hours."""
    base = current_app.config["MAIL_RETRY_SECONDS"]
    return timedelta(seconds=min(base * 2 ** (attempts - 1), 6 * 3600))


def deliver_due(limit: int = 100) -> dict[str, int]:
    """Send the queued e-mails that are due, committing after each; return what happened.

    The outbox's own worker, and the one writer that commits by itself rather than through
    `services.transaction`: it commits once per e-mail (not once per run) so that each row's
    lock is released, and its outcome kept, the moment it is sent; and it sits below the
    services, which queue mail through `send_mail`."""
    mailer = current_app.extensions["roledesign.mail"]
    most = current_app.config["MAIL_MAX_ATTEMPTS"]
    done = {"sent": 0, "failed": 0, "gave_up": 0}
    for _ in range(limit):
        # One at a time, locked until its commit: two runs at once never send the same e-mail.
        mail = db.session.scalar(
            select(OutboxMail)
            .where(
                OutboxMail.gave_up_at.is_(None),
                OutboxMail.next_attempt_at <= utcnow(),
            )
            .order_by(OutboxMail.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if mail is None:
            break
        mail.attempts += 1
        try:
            mailer.send(Message(mail.to, mail.subject, mail.body))
        except (OSError, smtplib.SMTPException) as err:
            mail.last_error = f"{type(err).__name__}: {err}"[:2000]
            if mail.attempts >= most:
                mail.gave_up_at = utcnow()
                done["gave_up"] += 1
                current_app.logger.error(
                    "Gave up on e-mail %s to %s after %s attempts: %s",
                    mail.id,
                    mail.to,
                    mail.attempts,
                    mail.last_error,
                )
            else:
                mail.next_attempt_at = utcnow() + retry_delay(mail.attempts)
                done["failed"] += 1
                current_app.logger.warning(
                    "E-mail %s to %s not sent (attempt %s): %s",
                    mail.id,
                    mail.to,
                    mail.attempts,
                    mail.last_error,
                )
        else:
            # Sent: the address and its link (a reset, a confirmation, a survey invitation whose
            # tie to an address must not outlive its delivery) are deleted at once.
            db.session.delete(mail)
            done["sent"] += 1
        db.session.commit()
    # Mail given up on is kept a week, with its error, for the operator to look into.
    week_ago = utcnow() - timedelta(days=7)
    db.session.execute(delete(OutboxMail).where(OutboxMail.gave_up_at < week_ago))
    db.session.commit()
    return done
