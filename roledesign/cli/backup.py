"""`backup-db`: a copy of the SQLite database while the app runs."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from roledesign.cli.common import InputError


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
