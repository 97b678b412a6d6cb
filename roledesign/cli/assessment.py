"""`score`: the readiness score of answers given as JSON, without the database."""

import json

import click
from flask.cli import with_appcontext

from roledesign.catalog import Catalog
from roledesign.cli.common import InputError
from roledesign.cli.common import catalog as _catalog
from roledesign.domain.context import applicable
from roledesign.domain.scoring import IMPORTANCE_LABELS, STATUS_VALUES, Answer, score


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
