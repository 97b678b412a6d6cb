"""`flask --app roledesign documents PLAN_ID --out DIR`: every document of a plan, as files."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from roledesign.cli.common import InputError
from roledesign.documents import FORMATS, render
from roledesign.documents.plan_common import KINDS
from roledesign.documents.plan_documents import build_documents
from roledesign.domain.tailoring import DocumentInputs, tailor
from roledesign.extensions import db
from roledesign.models import RolePlan
from roledesign.services import documents as services
from roledesign.services.transaction import transaction


@click.command("documents")
@with_appcontext
@click.argument("plan_id", type=int)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the files into (created if missing).",
)
def documents_command(plan_id: int, out: Path):
    """Write every document of plan PLAN_ID as PDF and Word into --out.

    Files are named after the document and the format, e.g. job-description.pdf. A new
    document version is stored first if the plan has changed since the last one.
    """
    plan = db.session.get(RolePlan, plan_id)
    if plan is None:
        raise InputError(f"there is no plan with id {plan_id}")
    catalog = current_app.extensions["roledesign.catalog"]
    with transaction():
        version = services.current_version(plan, catalog, None)
    tailored = tailor(catalog, DocumentInputs.from_json(version.inputs))
    done = services.done_notes(services.ticks(plan))
    documents = build_documents(catalog, tailored, services.stamp(version), done)
    out.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        for fmt in FORMATS:
            path = out / f"{kind.slug}.{fmt}"
            path.write_bytes(render(documents[kind.key], fmt))
            click.echo(str(path))
    click.echo(f"Plan {plan_id}, version {version.number}: {len(KINDS) * len(FORMATS)} files.")
