"""Results already worked out, kept per app object (so per worker process).

Another worker's change never reaches this process's memo, so a key must change whenever an
input of the computation does, in the same transaction as the change: it holds explicit
revisions that are renewed with any change (an assessment round's ``answers_revision``), or
identities of records that never change once stored (a team survey's release), or the input
values themselves when the page has them anyway. Never bare ids: SQLite can give a deleted
row's id to a new one. An entry that no key reaches any more simply ages out.
"""

import threading
from collections import OrderedDict

from flask import current_app

_MISSING = object()


class Memo:
    """A small least-recently-used map, safe to share between threads."""

    def __init__(self, size: int = 256):
        self.size = size
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key, default=None):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        return default

    def put(self, key, value):
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value

    def get_or_compute(self, key, compute):
        value = self.get(key, _MISSING)
        return self.put(key, compute()) if value is _MISSING else value


def app_memo(name: str, size: int = 256) -> Memo:
    """The current app's memo called ``name``: each app object keeps its own."""
    memos = current_app.extensions.setdefault("roledesign.memos", {})
    memo = memos.get(name)
    return memo if memo is not None else memos.setdefault(name, Memo(size))


class Same:
    """An object in a key by identity, for objects that cannot be hashed (such as the catalog).

    Unlike id() alone, it holds the object, so while the entry lives no other object can take
    the same id and match it.
    """

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __hash__(self):
        return id(self.obj)

    def __eq__(self, other):
        return isinstance(other, Same) and other.obj is self.obj
