"""Save schema 1 or 2 -> 3, in place: a copy of the old file first, then one transaction.

Schema 1 kept, for each finished playthrough, only a `finish` row (scenario, ending, outcome, severity, time).
Schema 2 keeps whole records (game/saves/records.py); each finish row becomes a legacy record with what it
knew (game/records/playthrough.py says which fields a legacy record lacks), so the done marks and best outcomes
read the same before and after. Save slots are untouched.
Schema 3 adds each record's CSV cells, scores and a checksum (game/records/flat.py): a file of schema 2 gets
them from each record's JSON; a record that cannot be read, or whose JSON differs from what this game would
write for it, gets no checksum, so every export decodes it in full as before.

Why it cannot lose anything: the copy (`<name>.v1-backup-<time>` beside the file, `v2` from schema 2) is complete and on disk
before the first change; the changes and the new schema number are one SQLite transaction, so a process killed
part-way leaves the file as it was (the journal rolls it back when it is next opened, and the migration simply
runs again) or fully migrated, never half. The write lock is held from before the copy to the commit, so no
other copy of the game can change the file in between. A finish row that cannot be read (damage) is not
dropped: it stays in a table `finish_v1` of the migrated file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from game.records import codec
from game.records.playthrough import Playthrough

from .records import ADDED_IN_3, RECORDS_SCHEMA, export_columns, insert

log = logging.getLogger("crossing_paths.saves")

FROM_VERSIONS, TO_VERSION = (1, 2), 3
LEGACY_IDS = uuid.UUID("1f0c3a52-6f1e-4d35-9a55-2e7d6c1b8a90")  # namespace: a legacy record's id is stable


def backup_name(path: Path, now: datetime | None = None, version: int = 1) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-backup-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.v{version}-backup-{stamp}-{n}")
    return target


def _backup(path: Path, version: int = 1) -> Path:
    """A complete copy of the file, on disk, under a name no other file has: written under a temporary name,
    flushed, then renamed, so a backup that exists is whole."""
    target = backup_name(path, version=version)
    tmp = target.with_name(f".{target.name}.tmp")
    with open(path, "rb") as source, open(tmp, "wb") as out:
        while chunk := source.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, target)
    return target


def _labels() -> dict[str, str]:
    """outcome id -> its words, from the ladder as it is now (a legacy record kept only the id)."""
    try:
        from game.engine import reference

        return {o.id: o.title for o in reference.ladder().outcomes}
    except Exception:  # noqa: BLE001 - without the words, the ids will do: the migration must not fail for them
        return {}


def _legacy(row: tuple, labels: dict[str, str]) -> Playthrough | None:
    n, scenario, ending, outcome, severity, finished_at = row
    if not all(isinstance(v, str) for v in (scenario, ending, outcome, finished_at)) or type(severity) is not int:
        return None
    try:
        finished = datetime.fromisoformat(finished_at)
    except ValueError:
        return None
    finished = finished if finished.tzinfo else finished.replace(tzinfo=UTC)
    pid = str(uuid.uuid5(LEGACY_IDS, f"{n}:{scenario}:{ending}:{finished_at}"))
    return Playthrough(
        id=pid, scenario=scenario, title=scenario, version="", content_hash="", framework="", framework_title="",
        front_end=None, started_at=None, finished_at=finished, duration_s=None, path=(), ending=ending,
        ending_title=ending, outcome=outcome, outcome_label=labels.get(outcome, outcome), severity=severity,
        regulator=None, scores={}, legacy=True)


def _create(db: sqlite3.Connection) -> None:
    for statement in RECORDS_SCHEMA:
        db.execute(statement)


def _move_finishes(db: sqlite3.Connection) -> int:
    """Every readable finish row as a legacy record; returns how many could not be read (kept in finish_v1)."""
    labels = _labels()
    unreadable = 0
    for row in db.execute("SELECT id, scenario, ending, outcome, severity, finished_at FROM finish ORDER BY id")\
            .fetchall():
        record = _legacy(row, labels)
        if record is None:
            unreadable += 1
            continue
        insert(db, record)
        db.execute("DELETE FROM finish WHERE id = ?", (row[0],))
    if unreadable:
        db.execute("ALTER TABLE finish RENAME TO finish_v1")
    else:
        db.execute("DROP TABLE finish")
    return unreadable


def _fill_columns(db: sqlite3.Connection) -> int:
    """Schema 2 -> 3: every record's export columns, from its JSON; returns how many got no checksum."""
    for column in ADDED_IN_3:
        db.execute(f"ALTER TABLE playthrough ADD COLUMN {column}")
    unchecked = 0
    for n, framework, raw in db.execute("SELECT n, framework, CAST(record AS BLOB) FROM playthrough").fetchall():
        try:
            data = json.loads(raw)
            p = codec.from_dict(data)
            text = raw.decode("utf-8")
        except (ValueError, RecursionError, TypeError):
            unchecked += 1  # damaged: left as it was, and left out of lists and exports as before
            continue
        cells, scores, check = export_columns(p, text)
        # only a row just as this game writes it may skip decoding (an older build's JSON is encoded afresh)
        if data.keys() != codec.KEPT_KEYS or not text.isascii() or framework != p.framework:
            check = None
            unchecked += 1
        db.execute("UPDATE playthrough SET csv_cells = ?, scores = ?, checksum = ? WHERE n = ?",
                   (cells, scores, check, n))
    return unchecked


def upgrade(db: sqlite3.Connection, path: Path) -> Path | None:
    """Migrate the open file from schema 1 or 2 to 3; returns the backup made (None: another copy of the game
    had migrated it meanwhile). Raises sqlite3.Error or OSError, with the file as it was."""
    db.execute("BEGIN IMMEDIATE")  # the write lock: nobody changes the file between the copy and the commit
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in FROM_VERSIONS:
            db.execute("ROLLBACK")
            return None
        backup = _backup(path, version)
        if version == 1:
            _create(db)
            unreadable = _move_finishes(db)
            what = f" ({unreadable} unreadable finish rows kept in finish_v1)" if unreadable else ""
        else:
            unchecked = _fill_columns(db)
            what = f" ({unchecked} records without a checksum: exports decode them)" if unchecked else ""
        db.execute(f"PRAGMA user_version = {TO_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    log.info("saves: %s migrated to save format %d; the old file is kept as %s%s", path, TO_VERSION, backup, what)
    return backup
