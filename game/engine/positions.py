"""Where each value of a scenario file stood, kept beside the data and worked out only when asked.

The data itself is plain dicts and lists: the typed readers (shape.py) take exactly those. Positions
are wanted only when something is wrong, and recording one for each of the half a million values of a
large file costs a sixth of reading it. So the reader keeps only its collections, in the order they
closed, and `Positions` reads the text a second time, recording every mark, on the first question."""

from __future__ import annotations

from array import array
from collections.abc import Callable


def pack(ints: list[int]) -> bytes:
    return array("i", ints).tobytes()


Marks = tuple[bytes, bytes]  # (index, marks) as described in Positions


class Positions:
    """Where each mapping and sequence of one document stood, and everything in them.

    Compactly: the collections in the order they closed; `index`, four native ints per collection (line,
    col, where its marks start, how many); and `marks`, four ints per mapping key in key order (key line,
    key col, value line, value col) and two per sequence item (line, col). `index` and `marks` come from
    `record` on the first question (reading the same text again gives the same collections in the same
    order). The lookup by identity is built then too; `collections` keeps every collection alive, so the
    ids stay valid."""

    __slots__ = ("_collections", "_index", "_marks", "_orders", "_record", "_slots")

    def __init__(self, collections: list = (), record: Callable[[], Marks] | None = None):
        self._collections = collections
        self._record = record
        self._index: memoryview | None = None
        self._marks: memoryview | None = None
        self._slots: dict[int, int] | None = None
        self._orders: dict[int, dict] = {}

    def _slot(self, container: object) -> int | None:
        if self._slots is None:
            self._slots = {id(c): i for i, c in enumerate(self._collections)}
            index, marks = self._record() if self._record else (b"", b"")
            self._index, self._marks = memoryview(index).cast("i"), memoryview(marks).cast("i")
            self._record = None  # lets go of the text
        return self._slots.get(id(container))

    def of(self, container: object) -> tuple[int, int, tuple[int, ...]] | None:
        """(line, col, marks) of a collection of this document, or None."""
        i = self._slot(container)
        if i is None:
            return None
        line, col, start, count = self._index[4 * i: 4 * i + 4]
        return line, col, tuple(self._marks[start: start + count])

    def item(self, container: dict | list, key: object) -> tuple[int, ...]:
        """(key line, key col, value line, value col) of a mapping's key, or (line, col) of a list's item."""
        start = self._index[4 * self._slot(container) + 2]
        if type(container) is list:
            return tuple(self._marks[start + 2 * key: start + 2 * key + 2])
        order = self._orders.get(id(container))
        if order is None:  # built on the first look, for mappings with thousands of keys
            order = self._orders[id(container)] = {k: i for i, k in enumerate(container)}
        at = start + 4 * order[key]
        return tuple(self._marks[at: at + 4])

    def locate(self, root: object, path: tuple, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key). Path elements that are not in the data,
        such as pydantic's union tags, are skipped; a missing key resolves to its mapping."""
        where = self.of(root)
        line, col = where[:2] if where else (1, 1)
        node = root
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if type(node) is dict and part in node:
                kl, kc, vl, vc = self.item(node, part)
                line, col = (kl, kc) if last and at_key else (vl, vc)
                node = node[part]
            elif type(node) is list and isinstance(part, int) and 0 <= part < len(node):
                line, col = self.item(node, part)
                node = node[part]
        return line, col


NOWHERE = Positions([])
