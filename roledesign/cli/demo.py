"""`demo`: a demo organisation, user, plan and completed assessment to look around with."""

import secrets

import click
from flask.cli import with_appcontext

from roledesign.cli.common import catalog


@click.command("demo")
@with_appcontext
@click.option("--seed", default=2013, show_default=True, help="Seed for the demo answers.")
@click.option(
    "--responses",
    type=click.IntRange(0, 100_000),
    default=0,
    help="Also add this many synthetic team survey responses to the demo plan.",
)
def demo(seed, responses):
    """Create a demo organisation, user, plan and completed assessment."""
    from roledesign.services import demo as services
    from roledesign.services.team_demo import add_demo_responses
    from roledesign.services.transaction import transaction

    password = secrets.token_urlsafe(12)
    with transaction():
        user = services.demo_user()
        created = user is None
        if created:
            user, plan = services.create_demo(catalog(), password=password, seed=seed)
        else:
            services.reset_password(user, password)
    if created:
        click.echo(f"Created the demo organisation and plan {plan.id}.")
    else:
        click.echo("The demo already exists; its password has been reset.")
    if responses:
        with transaction():
            plan = services.first_plan(user)
            survey = add_demo_responses(catalog(), plan, user, responses, seed)
        click.echo(
            f"Added {responses} team survey responses to plan {plan.id} "
            f"(survey link /s/{survey.token})."
        )
    click.echo(f"Sign in as {services.DEMO_EMAIL} with password {password}")
