"""Notice that a file was saved, cheaply enough to ask every frame: one stat, never a read or a wait.

A file's signature is its inode, size and modification times: an editor that saves by atomic rename changes
the inode, one that truncates and writes changes the size or the times. A change counts once the signature
has held for two polls in a row, so a file caught half-written (empty for a moment, or gone between a
rename's two steps) is not reported until the editor has finished.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.1


def signature(path: Path) -> tuple | None:
    """What identifies this version of the file, or None when it cannot be stat'ed (gone, for now)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a path with a NUL in it
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


class Watcher:
    """`changed()` is True once after each finished save of `path` (the state when made counts as seen)."""

    def __init__(self, path: str | Path, interval: float = POLL_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.path = Path(path)
        self.interval = interval
        self._clock = clock
        self._seen = signature(self.path)  # the version last reported (or the one there at the start)
        self._last = self._seen  # the signature at the last poll
        self._polled = clock()

    def changed(self) -> bool:
        now = self._clock()
        if now - self._polled < self.interval:
            return False
        self._polled = now
        sig = signature(self.path)
        settled = sig == self._last
        self._last = sig
        if settled and sig != self._seen:
            self._seen = sig
            return True
        return False
