"""`team-report`: a plan's team survey release, as JSON."""

import json

import click
from flask.cli import with_appcontext

from roledesign.cli.common import InputError
from roledesign.cli.common import catalog as _catalog


@click.command("team-report")
@with_appcontext
@click.argument("plan_id", type=int)
def team_report(plan_id):
    """Print a plan's team report as JSON: the current survey's release, as the screen shows it.

    While the survey is open: {"status": "open", "total"} and nothing else. Once closed:
    {"status": "released", "k", "total", "groups": [{"group", "n" (null when not shown),
    "shown", "domains"}], "consensus": {domain: value or null},
    "gaps": [{"item", "gap", "high_group", "low_group"}]}
    """
    from roledesign.extensions import db
    from roledesign.models import RolePlan
    from roledesign.services import team as services
    from roledesign.services.team_export import report_as_json
    from roledesign.services.transaction import transaction

    plan = db.session.get(RolePlan, plan_id)
    if plan is None:
        raise InputError(f"no plan with id {plan_id}")
    survey = services.survey_for(plan)
    if survey is None:
        raise InputError(f"plan {plan_id} has no team self-assessment yet")
    with transaction():  # a release falls due on the first read after the closing date
        result = services.team_report(_catalog(), survey)
    if result is None:
        report = {"status": "open", "total": services.response_count(survey)}
    else:
        report = report_as_json(result)
    click.echo(json.dumps(report, indent=2))
