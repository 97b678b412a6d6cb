"""`export-org`, `import-org` and `delete-org`: an organisation's data as a whole."""

import json

import click
from flask.cli import with_appcontext

from roledesign.cli.common import InputError


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
    from roledesign.services.org_transfer import export_organisation
    from roledesign.services.transaction import transaction

    with transaction():  # a release falls due on the first read after a closing date
        data = export_organisation(_organisation(organisation_id))
    out.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@click.command("import-org")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@with_appcontext
def import_org(file):
    """Restore an organisation exported with export-org into an empty database."""
    from roledesign.services.org_transfer import TransferError, import_organisation
    from roledesign.services.transaction import transaction

    try:
        with transaction():
            organisation = import_organisation(json.load(file))
    except (json.JSONDecodeError, TransferError) as err:
        raise InputError(f"cannot import: {err}") from err
    except RecursionError as err:
        raise InputError("cannot import: the file nests lists or objects too deeply") from err
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
    from roledesign.services.org_transfer import delete_organisation
    from roledesign.services.transaction import transaction

    organisation = _organisation(organisation_id)
    if not yes:
        raise InputError(
            f"this deletes {organisation.name} and everything it owns; add --yes to confirm"
        )
    name = organisation.name
    with transaction():
        delete_organisation(organisation)
    click.echo(f"Deleted {name}.")
