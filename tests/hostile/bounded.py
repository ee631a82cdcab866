"""Run one hostile case under a time limit: `bounded` in a daemon thread (a case that never returns is counted
as a hang and left behind, instead of stalling the whole run), `time_limit` in this thread by SIGALRM."""

from __future__ import annotations

import contextlib
import hashlib
import signal
import threading
import time
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


class Hang(TimeoutError):
    """A case ran past its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """SIGALRM raises Hang inside a stuck Python loop (the layout and printing loops are Python, so this reaches
    them). Off the main thread, or without setitimer, the case runs unbounded. A timer already running
    (pytest-timeout's) gets back what it had left."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(_signum, _frame):
        raise Hang(f"over {seconds:g} s")

    started = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_left, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_left:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, old_left - (time.monotonic() - started)))


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
