"""Command-line tools for operators and scripted checks: `flask --app roledesign <command>`."""

import json
import random
import secrets
from collections import Counter
from decimal import Decimal
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from roledesign.catalog import DOMAIN_KEYS, Catalog, CatalogError, load_catalog
from roledesign.domain.context import applicable
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_VALUES, Answer, score


class InputError(click.ClickException):
    """Bad input from the user of a command: exit code 2, as for usage errors."""

    exit_code = 2


def _catalog() -> Catalog:
    return current_app.extensions["roledesign.catalog"]


@click.command("check-evidence")
@with_appcontext
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    help="Check another copy of checklists/ instead of the one the app uses.",
)
def check_evidence(directory):
    """Validate checklists/ and print the number of items per domain."""
    try:
        catalog = load_catalog(directory or current_app.config["CHECKLISTS_DIR"])
    except CatalogError as err:
        raise click.ClickException(str(err)) from err
    counts = Counter(item.domain for item in catalog.items)
    for key in DOMAIN_KEYS:
        click.echo(f"{key}: {counts[key]} items")
    click.echo(f"documents: {len(catalog.documents.clauses)} clauses")
    click.echo(f"job description check: {len(catalog.jd_check.rules)} rules")
    click.echo(
        f"total: {len(catalog.items)} items, {len(catalog.sources)} sources — evidence base is valid"
    )


def evidence_as_json(catalog: Catalog) -> dict:
    return {
        "sources": {key: catalog.citation(key) for key in catalog.sources},
        "items": [
            {
                "id": item.id,
                "domain": item.domain,
                "statement": item.statement,
                "why": item.why,
                "weight": item.weight,
                "critical": item.critical,
                "applies_when": {key: list(values) for key, values in item.applies_when},
                "evidence": [
                    {"source": e.source, "finding": e.finding, "kind": e.kind, "where": e.where}
                    for e in item.evidence
                ],
            }
            for item in catalog.items
        ],
    }


@click.command("export-evidence")
@with_appcontext
def export_evidence():
    """Print the evidence base as JSON."""
    click.echo(json.dumps(evidence_as_json(_catalog()), indent=2, ensure_ascii=False))


def parse_answers(raw, catalog: Catalog) -> tuple[dict[str, Answer], dict | None]:
    """Validate a score request; every problem is an InputError naming the item."""
    if not isinstance(raw, dict) or not isinstance(raw.get("answers"), dict):
        raise InputError('expected a JSON object with an "answers" object')
    answers = {}
    for item_id, entry in raw["answers"].items():
        if not catalog.has_item(item_id):
            raise InputError(f"unknown item id {item_id!r}")
        if not isinstance(entry, dict):
            raise InputError(f"{item_id}: expected an object with status and importance")
        status = entry.get("status")
        if status not in STATUS_VALUES:
            raise InputError(
                f"{item_id}: status must be one of {', '.join(STATUS_VALUES)}, not {status!r}"
            )
        importance = entry.get("importance")
        if importance is not None and (
            isinstance(importance, bool) or importance not in IMPORTANCE_LABELS
        ):
            raise InputError(
                f"{item_id}: importance must be a whole number from 1 to 4, not {importance!r}"
            )
        answers[item_id] = Answer(status=status, importance=importance)
    context = raw.get("context")
    if context is not None:
        if not isinstance(context, dict):
            raise InputError('"context" must be an object')
        for key, value in context.items():
            field = catalog.context.get(key)
            if field is None or value not in dict(field.values):
                raise InputError(f"context: unknown {key!r} value {value!r}")
    return answers, context


def _number(value: float | None):
    return None if value is None else round(value, 4)


@click.command("score")
@with_appcontext
@click.argument("file", type=click.File("r", encoding="utf-8"))
def score_command(file):
    """Score answers from a JSON FILE ('-' for standard input) and print the result as JSON.

    FILE holds {"answers": {item_id: {"status": "yes|partly|no|dont_know|not_relevant",
    "importance": 1-4}}} and, optionally, "context" (e.g. {"introduction": "replacement"}) to
    leave out items that do not apply.
    """
    try:
        raw = json.load(file)
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err}") from err
    catalog = _catalog()
    answers, context = parse_answers(raw, catalog)
    result = score(applicable(catalog.items, context), answers)
    click.echo(
        json.dumps(
            {
                "domains": {key: _number(d.score) for key, d in result.domains.items()},
                "overall": _number(result.overall),
                "band": result.band,
                "critical_gaps": list(result.critical_gaps),
                "knowledge_gaps": list(result.knowledge_gaps),
                "priorities": [gap.item_id for gap in result.priorities],
            },
            indent=2,
        )
    )


def _rule_entry(rule, **extra) -> dict:
    return {
        "rule": rule.id,
        "title": rule.title,
        **extra,
        "source": rule.sources[0],
        "sources": list(rule.sources),
    }


def jd_report_as_json(report) -> dict:
    """The job description check as the JSON that `check-jd` prints."""
    return {
        "drift": [
            _rule_entry(m.rule, sentence=m.sentence.text.strip(), phrase=m.phrase)
            for m in report.drift
        ],
        "missing": [_rule_entry(rule) for rule in report.missing],
        "evaluation": [_rule_entry(rule) for rule in report.evaluation_gaps],
        "language": [
            _rule_entry(
                m.rule, sentence=m.sentence.text.strip(), phrase=m.phrase, suggestion=m.rule.action
            )
            for m in report.language
        ],
        "domains": {summary.key: summary.score for summary in report.domains},
    }


@click.command("check-jd")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check_jd(file):
    """Check a job description or advert in FILE (.txt, .docx or .pdf) and print the report
    as JSON: drift, missing, evaluation, language and a score per domain."""
    from roledesign.documents.extract import UnreadableFile
    from roledesign.documents.sandbox import extract_text_bounded
    from roledesign.domain.jd_check import check_text

    try:
        data = file.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read {file}: {err.strerror or err}") from err
    try:
        text, _ = extract_text_bounded(data, file.name)
    except UnreadableFile as err:
        raise InputError(str(err)) from err
    report = check_text(text, _catalog().jd_check, DOMAIN_KEYS)
    click.echo(json.dumps(jd_report_as_json(report), indent=2, ensure_ascii=False))


DEMO_EMAIL = "demo@example.org"


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
    from roledesign.extensions import db
    from roledesign.models import Answer as AnswerRow
    from roledesign.models import User
    from roledesign.models.base import utcnow
    from roledesign.services.auth import create_user
    from roledesign.services.orgs import create_organisation
    from roledesign.services.passwords import hash_password
    from roledesign.services.plans import create_plan

    password = secrets.token_urlsafe(12)
    user = db.session.scalar(select(User).where(User.email == DEMO_EMAIL))
    if user is not None:
        user.password_hash = hash_password(password)
        db.session.commit()
        click.echo("The demo already exists; its password has been reset.")
    else:
        user = create_user(name="Demo Manager", email=DEMO_EMAIL, password=password, confirmed=True)
        organisation = create_organisation(
            name="Northshire Mental Health NHS Foundation Trust (demo)", sector="nhs", creator=user
        )
        plan = create_plan(
            organisation=organisation,
            creator=user,
            data={
                "title": "Peer support worker",
                "team": "North locality community mental health team",
                "setting": "community",
                "introduction": "new_role",
                "employment": "paid",
                "band": "4",
                "hours": Decimal("30"),
                "peer_workers": 2,
                "line_manager": "Team manager",
            },
        )
        rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security
        statuses = ["yes", "yes", "partly", "partly", "no", "dont_know", "not_relevant"]
        for item in applicable(_catalog().items, plan.context):
            db.session.add(
                AnswerRow(
                    assessment=plan.assessments[0],
                    item_id=item.id,
                    status=rng.choice(statuses),
                    importance=rng.randint(2, 4),
                )
            )
        plan.assessments[0].confirmed_at = utcnow()  # a completed, checked assessment
        db.session.commit()
        click.echo(f"Created the demo organisation and plan {plan.id}.")
    if responses:
        _demo_responses(user, responses, seed)
    click.echo(f"Sign in as {DEMO_EMAIL} with password {password}")


def _organisation(organisation_id: int):
    from roledesign.extensions import db
    from roledesign.models import Organisation

    organisation = db.session.get(Organisation, organisation_id)
    if organisation is None:
        raise InputError(f"there is no organisation {organisation_id}")
    return organisation


@click.command("export-org")
@click.argument("organisation_id", type=int)
@click.option(
    "--out",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write to this file instead of standard output.",
)
@with_appcontext
def export_org(organisation_id, out):
    """Write everything an organisation owns as JSON (no password hashes)."""
    from roledesign.extensions import db
    from roledesign.services.org_transfer import export_organisation

    data = export_organisation(_organisation(organisation_id))
    db.session.commit()  # a release falls due on the first read after a closing date
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@click.command("import-org")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@with_appcontext
def import_org(file):
    """Restore an organisation exported with export-org into an empty database."""
    from roledesign.extensions import db
    from roledesign.services.org_transfer import TransferError, import_organisation

    try:
        organisation = import_organisation(json.load(file))
    except (json.JSONDecodeError, TransferError) as err:
        raise InputError(f"cannot import: {err}") from err
    except RecursionError as err:
        raise InputError("cannot import: the file nests lists or objects too deeply") from err
    db.session.commit()
    click.echo(
        f"Restored {organisation.name} as organisation {organisation.id}. Members set "
        "their passwords with 'Forgotten your password?'."
    )


@click.command("delete-org")
@click.argument("organisation_id", type=int)
@click.option("--yes", is_flag=True, help="Confirm: this cannot be undone.")
@with_appcontext
def delete_org(organisation_id, yes):
    """Delete an organisation and everything it owns."""
    from roledesign.extensions import db
    from roledesign.services.org_transfer import delete_organisation

    organisation = _organisation(organisation_id)
    if not yes:
        raise InputError(
            f"this deletes {organisation.name} and everything it owns; add --yes to confirm"
        )
    name = organisation.name
    delete_organisation(organisation)
    db.session.commit()
    click.echo(f"Deleted {name}.")


@click.command("backup-db")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_db(out):
    """Copy the SQLite database to OUT while the app keeps running (SQLite's online backup).

    For PostgreSQL use pg_dump instead (see docs/operations.md).
    """
    import sqlite3

    from roledesign.extensions import db

    if db.engine.dialect.name != "sqlite":
        raise InputError(
            "backup-db copies the embedded SQLite database; for PostgreSQL use "
            "pg_dump (see docs/operations.md)"
        )
    if out.exists():
        raise InputError(f"{out} already exists; choose a new file name")
    source = sqlite3.connect(db.engine.url.database)
    target = sqlite3.connect(out)
    with target:
        source.backup(target)
    source.close()
    target.close()
    click.echo(f"Backed up the database to {out}")


def _demo_responses(user, count: int, seed: int) -> None:
    from roledesign.extensions import db
    from roledesign.models import Membership, RolePlan
    from roledesign.services.team_demo import add_demo_responses

    plan = db.session.scalar(
        select(RolePlan)
        .join(Membership, Membership.organisation_id == RolePlan.organisation_id)
        .where(Membership.user_id == user.id)
        .order_by(RolePlan.id)
    )
    survey = add_demo_responses(_catalog(), plan, user, count, seed)
    db.session.commit()
    click.echo(
        f"Added {count} team survey responses to plan {plan.id} (survey link /s/{survey.token})."
    )


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

    plan = db.session.get(RolePlan, plan_id)
    if plan is None:
        raise InputError(f"no plan with id {plan_id}")
    survey = services.survey_for(plan)
    if survey is None:
        raise InputError(f"plan {plan_id} has no team self-assessment yet")
    result = services.team_report(_catalog(), survey)
    db.session.commit()  # a release falls due on the first read after the closing date
    if result is None:
        report = {"status": "open", "total": services.response_count(survey)}
    else:
        report = report_as_json(result)
    click.echo(json.dumps(report, indent=2))


@click.command("send-mail")
@click.option("--limit", default=100, show_default=True, help="Send at most this many e-mails.")
@with_appcontext
def send_mail_command(limit):
    """Deliver the e-mails waiting in the outbox (run every minute by cron or a timer)."""
    from roledesign.mail import deliver_due

    done = deliver_due(limit)
    click.echo(f"sent {done['sent']}, will retry {done['failed']}, gave up on {done['gave_up']}")


def register(app: Flask) -> None:
    from roledesign.web.documents.cli import documents_command

    for command in (
        check_evidence,
        export_evidence,
        score_command,
        demo,
        documents_command,
        team_report,
        check_jd,
        export_org,
        import_org,
        delete_org,
        backup_db,
        send_mail_command,
    ):
        app.cli.add_command(command)
