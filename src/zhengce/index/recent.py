"""A small least-recently-used map that threads can share.

A server hears the same questions again and again (a service window's clerks ask the
same few dozen), and the costly steps are pure functions of the question and the
knowledge base: a query's vector (about 33 ms of the model on one core, most of a
search) and a whole answer. Each is kept here, bounded by count; a reload makes a
new answerer and so drops the answers of the old knowledge base with it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class Recent(Generic[Value]):
    """At most ``size`` values, the least recently used dropped first; size 0 keeps none."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable, make: Callable[[], Value]) -> Value:
        """The value kept for ``key``, or ``make()``'s, kept from now on. ``make`` runs
        outside the lock: two threads asking the same new key may both make it."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                self.hits += 1
                return self._values[key]
            self.misses += 1
        value = make()
        if self.size:
            with self._lock:
                self._values[key] = value
                self._values.move_to_end(key)
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._values)
