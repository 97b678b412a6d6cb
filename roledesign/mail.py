"""Sending e-mail behind one small interface: logged to the console by default, SMTP when
MAIL_SERVER is configured, kept in memory for tests (MAIL_BACKEND = "memory")."""

import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage

from flask import Flask, current_app


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
    outbox: list[Message] = field(default_factory=list)

    def send(self, message: Message) -> None:
        self.outbox.append(message)


class SmtpMailer:
    def __init__(self, app: Flask):
        self.config = app.config

    def send(self, message: Message) -> None:
        email = EmailMessage()
        email["From"] = self.config["MAIL_SENDER"]
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


def init_app(app: Flask) -> None:
    backend = app.config.get("MAIL_BACKEND") or (
        "smtp" if app.config.get("MAIL_SERVER") else "console"
    )
    mailers = {"console": ConsoleMailer, "smtp": SmtpMailer}
    app.extensions["roledesign.mail"] = (
        MemoryMailer() if backend == "memory" else mailers[backend](app)
    )


def send_mail(to: str, subject: str, body: str) -> None:
    current_app.extensions["roledesign.mail"].send(Message(to=to, subject=subject, body=body))
