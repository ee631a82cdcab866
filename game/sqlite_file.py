"""The SQLite files the game keeps (the save file, the xAPI outbox): opened one way, created one way.

A new file is built whole under a temporary name, marked as ours (PRAGMA application_id) with its schema
version (PRAGMA user_version), then linked into place. The path therefore only ever holds a complete file of
ours, and a file that appeared there meanwhile (another copy of the game got there first) is never replaced.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path


def text(raw: bytes) -> str | bytes:
    """SQLite's text as str; bytes that are not UTF-8 stay bytes, so that one damaged value marks its own
    row as damaged instead of failing the whole query."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


def connect(path: Path, mode: str, timeout: float, *, any_thread: bool = False) -> sqlite3.Connection:
    """`mode` "rw" never makes a file ("rwc" does). isolation_level=None: the callers write BEGIN and COMMIT
    themselves, so each save is exactly one transaction. `any_thread`: the caller locks around every use."""
    db = sqlite3.connect(path.resolve().as_uri() + f"?mode={mode}", uri=True, timeout=timeout,
                         isolation_level=None, check_same_thread=not any_thread)
    db.text_factory = text
    return db


def create(path: Path, schema: Iterable[str], application_id: int, version: int, timeout: float) -> None:
    """Make a new file of ours at `path` (its folder must exist), or leave the one another copy of the game
    made meanwhile. Raises sqlite3.Error or OSError: the caller says what could not be created."""
    tmp = path.with_name(f".{path.name}.new-{uuid.uuid4().hex[:12]}")
    try:
        db = connect(tmp, "rwc", timeout)
        try:
            db.execute("BEGIN IMMEDIATE")
            for statement in schema:
                db.execute(statement)
            db.execute(f"PRAGMA application_id = {int(application_id)}")
            db.execute(f"PRAGMA user_version = {int(version)}")
            db.execute("COMMIT")
        finally:
            db.close()
        try:
            os.link(tmp, path)  # fails if the path exists: never replaces a file that appeared meanwhile
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: a plain rename, after a last look
            if not path.exists():
                os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with suppress(OSError):
                leftover.unlink(missing_ok=True)
