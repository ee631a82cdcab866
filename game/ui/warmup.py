"""After the title's first frame, load on a thread of its own what the first open of My progress (and of any
scene with a card, the debrief's chart) would otherwise load while the player waits: the card and chart
toolkit, the scenario model, the records summary, and the frameworks' and card styles' data files.

Half a second of imports and file reading moves out of the first open of My progress (bench/progress.py) and
out of the first frame as well: the thread starts only once the title is on the screen (App.run), and
`python main.py`'s first frame (bench/startup.py) never waits on it. It is a daemon thread that only
imports and fills caches (functools.cache); it changes nothing on screen. Imports take Python's per-module
locks, so a screen that needs a module the thread is importing simply waits for that one import, as it would
have imported it itself. Anything that fails here is left for the screen that needs it to meet and report.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time

log = logging.getLogger("crossing_paths.ui")

# parents before children, each a module the title does not import; the order is the order of need
MODULES = (
    "game.engine.model",
    "game.engine.story",
    "game.ui.parts",
    "game.ui.cards",
    "game.ui.chart",
    "game.records.progress",
    "game.ui.screens.progress",
)
AFTER = 0.3  # seconds after the first frame: the window's first events (focus, exposure) are handled first


def _data() -> None:
    """The data files the first open reads: every shipped framework (My progress's titles and order of the
    standards, a chart's words) and the card styles."""
    from game import paths
    from game.engine import reference
    from game.ui.cards.style import styles

    for path in sorted((paths.DATA / "frameworks").glob("*.yaml")):
        reference.framework(path.stem)
    styles()


def warm(modules: tuple[str, ...] = MODULES, data: bool = True) -> list[str]:
    """Import `modules` and read the data files; returns what could not be warmed (left for later)."""
    missed = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - the screen that needs it will say what is wrong
            log.debug("warm-up: %s not loaded: %s", name, exc)
            missed.append(name)
    if data:
        try:
            _data()
        except Exception as exc:  # noqa: BLE001
            log.debug("warm-up: data files not read: %s", exc)
            missed.append("data")
    return missed


def start(after: float = AFTER) -> threading.Thread:
    """Warm in the background, starting `after` seconds from now."""
    def run() -> None:
        time.sleep(after)
        warm()

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread
