"""`send-mail`: deliver the outbox."""

import click
from flask.cli import with_appcontext


@click.command("send-mail")
@click.option("--limit", default=100, show_default=True, help="Send at most this many e-mails.")
@with_appcontext
def send_mail_command(limit):
    """Deliver the e-mails waiting in the outbox (run every minute by cron or a timer)."""
    from roledesign.mail import deliver_due

    done = deliver_due(limit)
    click.echo(f"sent {done['sent']}, will retry {done['failed']}, gave up on {done['gave_up']}")
