"""What every command module shares: the input error and the catalogue."""

import click
from flask import current_app

from roledesign.catalog import Catalog


class InputError(click.ClickException):
    """Bad input from the user of a command: exit code 2, as for usage errors."""

    exit_code = 2


def catalog() -> Catalog:
    return current_app.extensions["roledesign.catalog"]
