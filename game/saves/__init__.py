"""Saves: named slots, one autosave per scenario and the finished playthroughs, in one SQLite file.
Pure Python (the standard library's sqlite3): the terminal player and the desktop game share it."""

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


def __getattr__(name: str):
    # `resume` needs the engine's state and story modules; the title screen opens the store to
    # offer Continue before any of that is needed, so it is imported on first use, not with the package.
    if name in ("resume", "StartAgain"):
        from . import restore

        return getattr(restore, name)
    raise AttributeError(f"module 'game.saves' has no attribute {name!r}")


__all__ = [
    "APPLICATION_ID", "AUTOSAVE", "SCHEMA_VERSION", "BestOutcome", "SaveError", "SaveRecord", "SaveSlot",
    "SaveStore", "StartAgain", "resume", "set_aside", "slot_name",
]
