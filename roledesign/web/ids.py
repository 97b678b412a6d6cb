"""Record ids in URLs and query strings: whole numbers the database can hold.

Every ``<int:...>`` in a route goes through ``DatabaseId`` (create_app puts it in place of
Werkzeug's own), so ``/plans/99999999999999999999`` is an ordinary 404 rather than an overflow
in the database driver. ``query_id`` does the same for ids in a query string.
"""

from flask import request
from werkzeug.routing import IntegerConverter

# PostgreSQL's INTEGER, the narrowest id column we run on (SQLite holds 64 bits).
MAX_ID = 2**31 - 1


class DatabaseId(IntegerConverter):
    """Werkzeug's int converter, with the database's largest id as its default maximum."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def query_id(name: str) -> int | None:
    """The id in the query string's ``name``, or None when it is missing or could not be one."""
    value = request.args.get(name, "")
    if value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID)):
        number = int(value)
        if 0 < number <= MAX_ID:
            return number
    return None
