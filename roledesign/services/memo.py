"""Results already worked out, kept per process and looked up by everything they depend on.

A key must hold every input of the computation (ids alone are not enough), so an entry can never
be stale: when anything changes, the key changes and the old entry simply ages out.
"""

import threading
from collections import OrderedDict


class Memo:
    """A small least-recently-used map, safe to share between threads."""

    def __init__(self, size: int = 256):
        self.size = size
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get_or_compute(self, key, compute):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = compute()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)
        return value


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
