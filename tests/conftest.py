"""Test set-up: headless SDL before anything can import pygame, and paths every test shares."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# The tests' saves (autosaves, records, the validate cache, settings) go to a folder of their own, never a
# developer's real saves/ beside the code; a test that needs its own folder still sets CROSSING_PATHS_SAVES.
# Under pytest-xdist each worker gets its own (the controller's setting would otherwise be shared by all).
if "CROSSING_PATHS_SAVES" not in os.environ or os.environ.get("PYTEST_XDIST_WORKER"):
    import atexit
    import shutil
    import tempfile

    _SAVES = tempfile.mkdtemp(prefix="crossing-paths-test-saves-")
    os.environ["CROSSING_PATHS_SAVES"] = _SAVES
    atexit.register(shutil.rmtree, _SAVES, ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
