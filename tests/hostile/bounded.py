"""Run one hostile case under a time limit, in a daemon thread: a case that never returns is counted as a
hang and left behind (the process exits without waiting for it), instead of stalling the whole run."""

from __future__ import annotations

import hashlib
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Literal

Outcome = Literal["ok", "traceback", "hang"]


def bounded(work: Callable[[], object], seconds: float) -> tuple[Outcome, str]:
    """("ok", ""), ("traceback", the traceback) when `work` raised, or ("hang", "") after `seconds`."""
    found: list[tuple[Outcome, str]] = []

    def target() -> None:
        try:
            work()
            found.append(("ok", ""))
        except BaseException:  # noqa: BLE001 - anything raised is what we are counting
            found.append(("traceback", traceback.format_exc()))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    return found[0] if found else ("hang", "")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every name in `folder` with the sha256 of its bytes (or its kind, for what is not a regular file):
    what a refused file must still be afterwards, with nothing added beside it."""
    out = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink():
            out[entry.name] = "link:" + str(entry.readlink())
        elif entry.is_file():
            out[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()
        else:
            out[entry.name] = "dir" if entry.is_dir() else "special"
    return out
