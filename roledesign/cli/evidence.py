"""`check-evidence` and `export-evidence`: the evidence base in checklists/."""

import json
from collections import Counter
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from roledesign.catalog import DOMAIN_KEYS, Catalog, CatalogError, load_catalog
from roledesign.cli.common import catalog as _catalog


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
