"""Saves: named slots, one autosave per scenario and the finished playthroughs, in one SQLite file.
Pure Python (the standard library's sqlite3): the terminal player and the desktop game share it."""

from .resume import StartAgain, resume
from .store import (
    APPLICATION_ID,
    AUTOSAVE,
    SCHEMA_VERSION,
    BestOutcome,
    SaveError,
    SaveRecord,
    SaveSlot,
    SaveStore,
    set_aside,
    slot_name,
)

__all__ = [
    "APPLICATION_ID", "AUTOSAVE", "SCHEMA_VERSION", "BestOutcome", "SaveError", "SaveRecord", "SaveSlot",
    "SaveStore", "StartAgain", "resume", "set_aside", "slot_name",
]
