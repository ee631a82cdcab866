"""Where the game keeps things on disk. Functions, not constants: tests point them elsewhere with the
environment, and a value read at import time would ignore that."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAVES_ENV = "CROSSING_PATHS_SAVES"
SAVE_FILE_NAME = "crossing-paths.sqlite3"


def saves_dir() -> Path:
    """The saves folder: ROOT/saves, or the folder named by CROSSING_PATHS_SAVES."""
    override = os.environ.get(SAVES_ENV)
    return Path(override).expanduser() if override else ROOT / "saves"


def save_file() -> Path:
    """The one SQLite database that holds every save slot and finished playthrough."""
    return saves_dir() / SAVE_FILE_NAME


def scenarios_dir() -> Path:
    return ROOT / "scenarios"


# What ships with the game: read-only, beside the code.
DATA = ROOT / "game" / "data"  # standards frameworks, the outcome ladder, themes, key map, profiles, card styles
ASSETS = ROOT / "assets"  # fonts and images; no asset path may leave this folder
FONTS = ASSETS / "fonts"
