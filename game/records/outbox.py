"""The xAPI outbox: every statement the game makes, kept in saves/xapi-outbox.sqlite, sent or not.

Statements are always written here, whether sending is on or off: the learner's own copy. Each row knows
whether it has gone (and how the LRS took it), how many tries it took and when the next one is due.

Robust in the same ways as the save file (game/saves/store.py): one write is one transaction (rollback
journal, synchronous=FULL); a new file is built under a temporary name and linked into place, so the path
only ever holds a whole file of ours; a file that is not ours (another program's database, an empty file,
text), is damaged or comes from a newer game is refused and left exactly as it was; one damaged row costs
only itself (`pending` skips it and `counts` says how many there are).
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from game import paths, sqlite_file

log = logging.getLogger("crossing_paths.xapi")

OUTBOX_FILE = "xapi-outbox.sqlite"
APPLICATION_ID = 0x4350786F  # "CPxo": a Crossing Paths xAPI outbox
SCHEMA_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_BODY = 1_000_000  # characters of one statement: ours are about 2,000

_SCHEMA = (
    """CREATE TABLE statement (
        id TEXT PRIMARY KEY,             -- the statement's own id (a stable uuid5)
        playthrough TEXT NOT NULL,       -- the playthrough's id (the statement's registration)
        seq INTEGER NOT NULL,            -- order made, so statements go in the order they happened
        body TEXT NOT NULL,              -- the statement as JSON, without its actor (added when sending)
        made_at TEXT NOT NULL,           -- UTC, ISO 8601
        sent_at TEXT,                    -- NULL until the LRS has it
        sent_as TEXT,                    -- 'stored' (new to the LRS), 'already there', or 'rejected'
        attempts INTEGER NOT NULL DEFAULT 0,
        next_try REAL NOT NULL DEFAULT 0, -- Unix time before which it is not tried again
        last_error TEXT
    )""",
    "CREATE INDEX statement_due ON statement (sent_at, next_try, seq)",
)


class OutboxError(Exception):
    """The outbox cannot be opened or written; the message is for people."""


@dataclass(frozen=True)
class Pending:
    id: str
    body: dict
    attempts: int


@dataclass(frozen=True)
class Counts:
    sent: int  # the LRS has them (stored, or already there)
    queued: int  # not sent yet (due now or later)
    rejected: int  # the LRS refused them as invalid: kept, not tried again
    damaged: int  # rows that cannot be read: kept, never sent

    @property
    def total(self) -> int:
        return self.sent + self.queued + self.rejected + self.damaged


def default_path() -> Path:
    return paths.saves_dir() / OUTBOX_FILE


def _refuse(path: Path, why: str) -> OutboxError:
    return OutboxError(f"{path} is not a Crossing Paths xAPI outbox ({why}). It has been left untouched: move it "
                       "aside to start a new outbox.")


def _check_header(path: Path) -> None:
    """Refuse what is not ours before SQLite touches it (not even a journal beside it is rolled back into it)."""
    if not path.is_file():
        raise OutboxError(f"{path} is a folder or a device, not an outbox")
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise OutboxError(f"cannot read the outbox {path}: {exc.strerror or exc}") from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise _refuse(path, "it is not an SQLite database, or it is empty or damaged")
    if int.from_bytes(head[68:72], "big", signed=True) != APPLICATION_ID:
        raise _refuse(path, "it is an SQLite database that belongs to another program")
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        raise OutboxError(f"{path} was written by a newer version of Crossing Paths (outbox format {version}). "
                          "It has been left untouched: update the game to use it.")
    if version < SCHEMA_VERSION:
        raise _refuse(path, f"unknown outbox format {version}")


def _create(path: Path, timeout: float) -> None:
    """A new outbox (sqlite_file.create); if another copy of the game made it first, theirs is used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutboxError(f"cannot create the folder {path.parent}: {exc.strerror or exc}") from None
    try:
        sqlite_file.create(path, _SCHEMA, APPLICATION_ID, SCHEMA_VERSION, timeout)
    except (sqlite3.Error, OSError) as exc:
        raise OutboxError(f"cannot create the outbox {path}: {exc}") from None


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Outbox:
    """One open outbox. Safe to share between the game's thread and the sender's (one lock, one connection)."""

    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self._lock = threading.Lock()
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None = None, *, timeout: float = 5.0) -> Outbox:
        path = Path(path) if path is not None else default_path()
        if not os.path.lexists(path):
            _create(path, timeout)
        _check_header(path)
        try:
            db = sqlite_file.connect(path, "rw", timeout, any_thread=True)
        except sqlite3.Error as exc:
            raise OutboxError(f"cannot open the outbox {path}: {exc}") from None
        try:
            problems = [row[0] for row in db.execute("PRAGMA quick_check")]
            db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.DatabaseError as exc:
            db.close()
            raise OutboxError(f"the outbox {path} is damaged ({exc}). It has been left untouched: move it aside "
                              "to start a new one.") from None
        if problems != ["ok"]:
            db.close()
            raise OutboxError(f"the outbox {path} is damaged ({problems[0]}). It has been left untouched: move it "
                              "aside to start a new one.")
        return cls(db, path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, sql: str, rows: list[tuple] | Callable[[int], list[tuple]]) -> int:
        """One transaction for all the rows; returns how many rows changed. `rows` may be a function of the
        highest `seq` so far, read inside the same transaction (another copy of the game may be writing)."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                if callable(rows):
                    rows = rows(self._db.execute("SELECT coalesce(max(seq), 0) FROM statement").fetchone()[0])
                before = self._db.total_changes
                self._db.executemany(sql, rows)
                changed = self._db.total_changes - before
                self._db.execute("COMMIT")
                return changed
            except sqlite3.Error as exc:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise OutboxError(f"cannot write to the outbox {self.path}: {exc}") from None

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise OutboxError(f"cannot read the outbox {self.path}: {exc}") from None

    # --- writing ----------------------------------------------------------------------------------------------

    def add(self, statements: list[dict]) -> int:
        """Keep statements (each with an 'id' and a context registration). A statement already kept is left as
        it is, sent or not: ids are stable, so recording again never duplicates. Returns how many were new."""
        made = _now_iso()
        bodies = [(s["id"], s.get("context", {}).get("registration", ""),
                   json.dumps(s, ensure_ascii=False, sort_keys=True)) for s in statements]

        def rows(seq: int) -> list[tuple]:
            return [(sid, reg, seq + n, body, made) for n, (sid, reg, body) in enumerate(bodies, start=1)]
        return self._write("INSERT OR IGNORE INTO statement (id, playthrough, seq, body, made_at) "
                           "VALUES (?, ?, ?, ?, ?)", rows)

    def mark_sent(self, ids: list[str], how: str) -> None:
        """`how`: 'stored' or 'already there' (the LRS has them either way), or 'rejected' (it never will)."""
        self.settle({how: ids})

    def settle(self, outcomes: dict[str, list[str]]) -> None:
        """Mark what the LRS made of a batch, in one transaction: {'stored': ids, 'already there': ids, ...}."""
        now = _now_iso()
        rows = [(now, how, sid) for how, ids in outcomes.items() for sid in ids]
        if rows:
            self._write("UPDATE statement SET sent_at = ?, sent_as = ?, last_error = NULL WHERE id = ? "
                        "AND sent_at IS NULL", rows)

    def mark_failed(self, ids: list[str], error: str, next_try: float) -> None:
        """One more try that did not get through; not before `next_try` (Unix time) again."""
        self._write("UPDATE statement SET attempts = attempts + 1, next_try = ?, last_error = ? WHERE id = ? "
                    "AND sent_at IS NULL", [(next_try, error[:500], sid) for sid in ids])

    def retry_now(self) -> None:
        """Everything queued is due at once (the learner asked to send now)."""
        self._write("UPDATE statement SET next_try = 0 WHERE sent_at IS NULL", [()])

    # --- reading ----------------------------------------------------------------------------------------------

    def pending(self, limit: int, now: float | None = None) -> list[Pending]:
        """The oldest statements due for sending, at most `limit`. Damaged rows are passed over (never sent),
        however many there are."""
        now = time.time() if now is None else now
        out: list[Pending] = []
        after = -1
        while len(out) < limit:
            rows = self._read("SELECT id, body, attempts, seq FROM statement WHERE sent_at IS NULL AND "
                              "next_try <= ? AND seq > ? ORDER BY seq LIMIT ?", (now, after, limit + 10))
            for sid, body, attempts, seq in rows:
                statement = _readable(sid, body)
                if statement is not None and len(out) < limit:
                    out.append(Pending(sid, statement, attempts if isinstance(attempts, int) else 0))
                after = seq if isinstance(seq, int) else after
            if len(rows) < limit + 10:
                break
        return out

    def next_due(self) -> float | None:
        """When the earliest queued statement is due (Unix time), or None when nothing is queued."""
        rows = self._read("SELECT min(next_try) FROM statement WHERE sent_at IS NULL")
        value = rows[0][0] if rows else None
        return float(value) if isinstance(value, (int, float)) else None

    def queued(self) -> int:
        """How many statements wait to be sent (damaged rows included: cheap, without reading them)."""
        return int(self._read("SELECT count(*) FROM statement WHERE sent_at IS NULL")[0][0])

    def counts(self) -> Counts:
        rows = self._read("SELECT id, body, sent_at, sent_as FROM statement")
        sent = queued = rejected = damaged = 0
        for sid, body, sent_at, sent_as in rows:
            if _readable(sid, body) is None:
                damaged += 1
            elif sent_at is None:
                queued += 1
            elif sent_as == "rejected":
                rejected += 1
            else:
                sent += 1
        return Counts(sent, queued, rejected, damaged)

    def statements(self) -> list[dict]:
        """Every readable statement kept, oldest first (the learner's local copy)."""
        rows = self._read("SELECT id, body FROM statement ORDER BY seq")
        return [s for s in (_readable(sid, body) for sid, body in rows) if s is not None]


_said: set[str] = set()  # damaged rows already logged: the sender reads the outbox every pass


def _damaged(sid: object, why: str) -> None:
    key = sid if isinstance(sid, str) else repr(sid)[:80]
    if key not in _said:
        _said.add(key)
        log.warning("xapi outbox: the row %s %s; it is kept and never sent", key, why)


def _readable(sid: object, body: object) -> dict | None:
    """A row's statement, or None (logged once) if the row is damaged: one bad row costs only itself."""
    if not isinstance(sid, str) or not isinstance(body, str) or len(body) > MAX_BODY:
        _damaged(sid, "is damaged (not text, or too long)")
        return None
    try:
        statement = json.loads(body)
    except (ValueError, RecursionError):
        _damaged(sid, "is not JSON")
        return None
    if not isinstance(statement, dict) or statement.get("id") != sid:
        _damaged(sid, "is not one of our statements")
        return None
    return statement
