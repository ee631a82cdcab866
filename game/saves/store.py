"""The save database: named slots, one autosave per scenario, and every finished playthrough.

Why SQLite: one save is one transaction, so a crash or a killed process leaves the previous save or the new
one, never half of each (rollback journal, synchronous=FULL so that even a power cut cannot reorder writes).
The file says whose it is (PRAGMA application_id) and which schema it holds (PRAGMA user_version). A file that
is not ours, is damaged, or comes from a newer game is refused with a message and left exactly as it was:
nothing here overwrites or deletes a file the player did not ask us to. A sound file of ours from an older
game (save format 1) is migrated in place, after a complete copy is kept beside it (game/saves/migrate.py).

Only a file this game created is ever written to. A new save file is built complete under a temporary name
and then linked into place, so the save path never holds a half-made file of ours: anything found there
without our application id is refused, an empty (0-byte) file included. We do not adopt an empty file
because we cannot tell it from another program's placeholder (a lock file, a sync client's stub, a database
another program has just created and not yet written), and writing into it could break that program.

One damaged row costs only itself: `slots()` lists it with `damaged` saying why, and every other save
still lists and loads. If the save file or its folder disappears while the game runs (deleted by the
player or a clean-up tool), the next save starts a new file there and says so in `notice`.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .. import paths, sqlite_file
from ..frozen import Frozen, replace
from .records import RECORDS_SCHEMA, RecordsMixin

if TYPE_CHECKING:
    from ..engine.loader import Loaded
    from ..engine.story import Story

log = logging.getLogger("crossing_paths.saves")

APPLICATION_ID = 0x43507468  # "CPth": marks the file as a Crossing Paths save database
# Schema log:
#   1 - tables slot and finish.
#   2 - the learner's records (game/saves/records.py): playthrough (whole records), standard_total and
#       reflection replace finish, whose rows become legacy records (game/saves/migrate.py).
#   3 - playthrough keeps each record's CSV cells, scores and a checksum (game/records/flat.py), so an export
#       reads rows instead of decoding every record (game/saves/migrate.py fills them in).
SCHEMA_VERSION = 3
AUTOSAVE = "autosave"  # reserved: the player cannot give a named slot this name
MAX_SLOT_NAME = 60
MAX_STATE = 50_000_000  # characters of state JSON: far beyond any playthrough, short of exhausting memory
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATES_FROM = 1  # the oldest save format this version migrates

_SCHEMA = (
    """CREATE TABLE slot (
        kind TEXT NOT NULL CHECK (kind IN ('named', 'autosave')),
        name TEXT NOT NULL,              -- the player's name for it; for an autosave, the scenario id
        scenario TEXT NOT NULL,
        scenario_title TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,      -- of the scenario file when saved: tells us if it changed since
        node TEXT,
        ending TEXT,
        steps INTEGER NOT NULL,          -- choices made so far
        state TEXT NOT NULL,             -- the PlayState as JSON
        saved_at TEXT NOT NULL,          -- UTC, ISO 8601
        seq INTEGER NOT NULL,            -- save order, so 'newest first' survives a clock that jumps back
        PRIMARY KEY (kind, name)
    )""",
    *RECORDS_SCHEMA,
)

_SLOT_COLUMNS = "kind, name, scenario, scenario_title, scenario_version, content_hash, node, ending, steps, saved_at"


class SaveError(Exception):
    """A save that cannot be made, found or used; the message is for the player."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.path = path


# Frozen values, not dataclasses: the store opens before the title's first frame (game/frozen.py).
class SaveSlot(Frozen):
    """What a save picker shows about one save, without reading its state."""

    name: str  # the slot's name; for an autosave, the scenario id
    kind: Literal["named", "autosave"]
    scenario: str
    title: str  # the scenario's title when it was saved
    version: str  # the scenario's version when it was saved
    content_hash: str
    node: str | None
    ending: str | None
    steps: int
    saved_at: datetime  # UTC
    damaged: str | None = None  # why this row cannot be used; the other fields are as much as could be read

    @property
    def is_autosave(self) -> bool:
        return self.kind == "autosave"

    @property
    def finished(self) -> bool:
        return self.ending is not None

    @property
    def label(self) -> str:
        """How messages name it: "the save 'mine'" or "the autosave of 'friend-request'"."""
        return f"the autosave of '{self.scenario}'" if self.is_autosave else f"the save '{self.name}'"


class SaveRecord(Frozen):
    slot: SaveSlot
    state: dict  # PlayState.to_dict(); `resume` turns it back into a Story


class BestOutcome(NamedTuple):
    ending: str
    outcome: str
    severity: int


def _shown(value: object, missing: str | None = "?") -> str | None:
    """A column of a damaged row as text a message can show."""
    if value is None:
        return missing
    if isinstance(value, str):
        return value
    text = value.decode("utf-8", errors="replace") if isinstance(value, bytes) else repr(value)
    return text[:MAX_SLOT_NAME]


def slot_name(name: str) -> str:
    """The name, tidied, if a player may give it to a save slot; otherwise SaveError saying why."""
    if not isinstance(name, str):
        raise SaveError("a save slot's name must be text")
    name = name.strip()
    if not name:
        raise SaveError("a save slot needs a name")
    if len(name) > MAX_SLOT_NAME:
        raise SaveError(f"a save slot's name can be at most {MAX_SLOT_NAME} characters long")
    if any(not ch.isprintable() for ch in name):
        raise SaveError("a save slot's name cannot contain control characters")
    if name.casefold() == AUTOSAVE:
        raise SaveError(f"'{AUTOSAVE}' is kept for automatic saves; choose another name")
    return name


def _not_ours(path: Path, why: str) -> SaveError:
    return SaveError(f"{path} is not a Crossing Paths save file ({why}). It has been left untouched: move it "
                     "aside (or set CROSSING_PATHS_SAVES to another folder) to start a new save file.", path)


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    if not path.exists():
        return
    if not path.is_file():
        raise SaveError(f"{path} is a folder or a device, not a save file", path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise SaveError(f"cannot read the save file {path}: {exc.strerror or exc}", path) from None
    if not head:
        raise _not_ours(path, "it is empty, and this game did not make it")
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise _not_ours(path, "it is not an SQLite database, or it is damaged")
    # The header holds both numbers (SQLite file format, offsets 60 and 68): read here, a file that is not
    # ours is refused before SQLite opens it, so not even a journal beside it is ever rolled back into it.
    version = int.from_bytes(head[60:64], "big", signed=True)
    app_id = int.from_bytes(head[68:72], "big", signed=True)
    if app_id != APPLICATION_ID:
        raise _not_ours(path, "it is an SQLite database that belongs to another program")
    if version > SCHEMA_VERSION:
        raise _newer(path, version)


def _newer(path: Path, version: int) -> SaveError:
    return SaveError(f"{path} was written by a newer version of Crossing Paths (save format {version}; this "
                     f"version reads format {SCHEMA_VERSION}). It has been left untouched: update the game to "
                     "use it.", path)


def _create_file(path: Path, timeout: float) -> None:
    """A new, empty save file (sqlite_file.create); if another copy of the game got there first, theirs is kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError(f"cannot create the saves folder {path.parent}: {exc.strerror or exc}. Saving "
                        "needs a folder you can write to: set CROSSING_PATHS_SAVES to one.", path) from None
    try:
        sqlite_file.create(path, _SCHEMA, APPLICATION_ID, SCHEMA_VERSION, timeout)
    except (sqlite3.Error, OSError) as exc:
        raise SaveError(SaveStore._why_not_writable(path, exc, "cannot create the save file"), path) from None


class SaveStore(RecordsMixin):
    """One open save database. Open with `SaveStore.open(path)`; close with `.close()` or `with`.
    The learner's records (record_playthrough, playthroughs, progress, reflections) are in records.py."""

    def __init__(self, connection: sqlite3.Connection, path: Path, timeout: float = 5.0):
        self._db = connection
        self.path = path
        self.timeout = timeout
        self.notice: str | None = None  # set when the file had gone and a new one was started
        self.backup: Path | None = None  # the copy of an older save file kept when it was migrated on opening
        self._file_id = self._stat_id()

    # --- opening ------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path | None = None, *, timeout: float = 5.0) -> SaveStore:
        """Open (or create) the save database. Raises SaveError for a file that is not ours, is damaged,
        comes from a newer version of the game, or cannot be created."""
        path = Path(path) if path is not None else paths.save_file()
        db = cls._open_connection(path, timeout)
        try:
            store = cls(db, path, timeout)
            store._identify()
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def _open_connection(cls, path: Path, timeout: float) -> sqlite3.Connection:
        if not os.path.lexists(path):
            _create_file(path, timeout)
        _check_header(path)
        try:
            return sqlite_file.connect(path, "rw", timeout)  # never "rwc": a file gone meanwhile is not silently re-made
        except sqlite3.Error as exc:
            raise SaveError(cls._why_not_writable(path, exc, "cannot open the save file"), path) from None

    def _stat_id(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _check_still_there(self) -> None:
        """Before a write: if the file we opened is gone (its folder deleted while the game ran) or another
        file stands in its place, open what is there now, or start a new file, and say so in `notice`."""
        now = self._stat_id()
        if now is not None and now == self._file_id:
            return
        self._db.close()
        gone = now is None
        self._db = self._open_connection(self.path, self.timeout)
        self._file_id = self._stat_id()
        self._identify()
        if gone:
            self.notice = (f"the save file {self.path} had gone (deleted, or its folder removed, while the game "
                           "ran), so a new one was started there; saves made before are not in it")
        else:
            self.notice = f"the save file {self.path} was replaced while the game ran; saving went on in the new file"
        log.warning("saves: %s", self.notice)

    def _identify(self) -> None:
        try:
            app_id, version, _objects = self._identity()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise _not_ours(self.path, str(exc)) from None
            raise SaveError(self._why_not_writable(self.path, exc, "cannot open the save file"), self.path) from None
        except sqlite3.DatabaseError as exc:
            raise _not_ours(self.path, str(exc)) from None
        if app_id != APPLICATION_ID:
            raise _not_ours(self.path, "it is an SQLite database that belongs to another program")
        elif version > SCHEMA_VERSION:
            raise _newer(self.path, version)
        elif version < MIGRATES_FROM:
            raise _not_ours(self.path, f"it has an unknown save format {version}")
        try:
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check")]
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.DatabaseError as exc:
            raise SaveError(f"the save file {self.path} is damaged ({exc}). It has been left untouched: move "
                            "it aside to start a new save file.", self.path) from None
        if problems != ["ok"]:
            raise SaveError(f"the save file {self.path} is damaged ({problems[0]}). It has been left untouched: "
                            "move it aside to start a new save file.", self.path)
        if version < SCHEMA_VERSION:  # only a sound file is migrated: a damaged one was refused above
            self._migrate()

    def _migrate(self) -> None:
        from . import migrate

        try:
            self.backup = migrate.upgrade(self._db, self.path)
        except (sqlite3.Error, OSError) as exc:
            raise SaveError(self._why_not_writable(self.path, exc, "cannot update the save file") + " It is "
                            "unchanged; this version of the game needs it updated to save.", self.path) from None

    def _identity(self) -> tuple[int, int, int]:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        objects = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return app_id, version, objects

    @staticmethod
    def _why_not_writable(path: Path, exc: Exception, doing: str) -> str:
        folder = path.parent
        folder_ro = folder.is_dir() and not os.access(folder, os.W_OK)
        file_ro = path.is_file() and not os.access(path, os.W_OK)
        if file_ro:
            both = f", and so is its folder {folder}" if folder_ro else f" (its folder {folder} is writable)"
            return (f"{doing} {path}: the save file itself is read-only{both}. Make the file writable (check its "
                    "permissions), or set CROSSING_PATHS_SAVES to another folder.")
        if folder_ro:
            return (f"{doing} {path}: the folder {folder} is read-only. Saving needs a folder you can write to: "
                    "check its permissions, or set CROSSING_PATHS_SAVES to another folder.")
        if "readonly" in str(exc) or "read-only" in str(exc):
            return (f"{doing} {path}: the save file or its folder is read-only. Check their permissions, or set "
                    "CROSSING_PATHS_SAVES to another folder.")
        if "locked" in str(exc) or "busy" in str(exc):
            return f"{doing} {path}: another copy of the game is using it; try again in a moment."
        if "full" in str(exc):
            return f"{doing} {path}: the disk is full."
        return f"{doing} {path}: {exc}"

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SaveStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at once, so two stores saving together queue instead of failing.
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _write(self, doing: str, sql: str, params: tuple) -> int:
        return self._write_with(doing, lambda db: db.execute(sql, params).rowcount)

    def _write_with(self, doing: str, write: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run `write(connection)` as one transaction; SaveError (for people) if the file cannot take it."""
        self._check_still_there()
        try:
            with self._transaction():
                return write(self._db)
        except sqlite3.Error as exc:
            raise SaveError(self._why_not_writable(self.path, exc, doing), self.path) from None

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise SaveError(f"cannot read the save file {self.path}: {exc}", self.path) from None

    def _read_utf8(self, sql: str, params: tuple = ()) -> list[tuple]:
        """As _read, with text decoded by SQLite's own C code: several times quicker over thousands of rows
        than sqlite_file.text, a Python call per value. Text that is not UTF-8 fails the whole query that way,
        so then it is read again as _read does, and damages only its own row."""
        self._db.text_factory = str
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):
                raise SaveError(f"cannot read the save file {self.path}: {exc}", self.path) from None
        except sqlite3.Error as exc:
            raise SaveError(f"cannot read the save file {self.path}: {exc}", self.path) from None
        finally:
            self._db.text_factory = sqlite_file.text
        return self._read(sql, params)

    # --- saving -------------------------------------------------------------------------------------------

    def save(self, slot: str, story: Story, loaded: Loaded) -> SaveSlot:
        """Save the story in the named slot, replacing what was there."""
        return self._put("named", slot_name(slot), story, loaded)

    def autosave(self, story: Story, loaded: Loaded) -> SaveSlot:
        """Save the story in its scenario's autosave (one per scenario), replacing the previous one."""
        return self._put("autosave", story.scenario.id, story, loaded)

    def _put(self, kind: str, name: str, story: Story, loaded: Loaded) -> SaveSlot:
        scenario = story.scenario
        if loaded.scenario is not None and loaded.scenario.id != scenario.id:
            raise ValueError(f"the story plays '{scenario.id}' but the file loaded is '{loaded.scenario.id}'")
        state = story.state
        text = json.dumps(state.to_dict(), ensure_ascii=False, separators=(",", ":"))
        slot = SaveSlot(name, kind, scenario.id, scenario.title, scenario.version, loaded.content_hash,
                        state.node, state.ending, len(state.steps), datetime.now(UTC).replace(microsecond=0))
        self._write(
            f"cannot write {slot.label} to",
            f"""INSERT INTO slot ({_SLOT_COLUMNS}, state, seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM slot))
                ON CONFLICT (kind, name) DO UPDATE SET
                    scenario = excluded.scenario, scenario_title = excluded.scenario_title,
                    scenario_version = excluded.scenario_version, content_hash = excluded.content_hash,
                    node = excluded.node, ending = excluded.ending, steps = excluded.steps,
                    state = excluded.state, saved_at = excluded.saved_at, seq = excluded.seq""",
            (kind, name, slot.scenario, slot.title, slot.version, slot.content_hash, slot.node, slot.ending,
             slot.steps, slot.saved_at.isoformat(), text),
        )
        return slot

    def delete(self, slot: str | SaveSlot) -> bool:
        """Delete a save slot (the slot, never the file). Returns whether there was one."""
        kind, name = self._key(slot)
        return self._write("cannot delete a save in", "DELETE FROM slot WHERE kind = ? AND name = ?", (kind, name)) > 0

    def record_finish(self, story: Story, content_hash: str = "") -> None:
        """Keep a story that reached its ending as a record, for a caller without a play session (PlaySession
        records its own, with its front end). A story the session never stamped gets an id and starts now."""
        from ..engine.state import Stamp
        from ..records.from_story import playthrough_of

        if story.ending is None:
            raise ValueError("the story has not reached an ending")
        now = datetime.now(UTC)
        stamp = story.state.playthrough or Stamp(id=str(uuid.uuid4()), started=now)
        self.record_playthrough(playthrough_of(story, content_hash, None, now, stamp))

    # --- reading ------------------------------------------------------------------------------------------

    @staticmethod
    def _key(slot: str | SaveSlot) -> tuple[str, str]:
        if isinstance(slot, SaveSlot):
            return slot.kind, slot.name
        return "named", slot_name(slot)

    @staticmethod
    def _slot(row: tuple) -> SaveSlot:
        """The row as a SaveSlot; a row that cannot be used still gives one, with `damaged` saying why."""
        kind, name, scenario, title, version, content_hash, node, ending, steps, saved_at = row
        texts = {"name": name, "scenario": scenario, "title": title, "version": version, "hash": content_hash}
        wrong = [what for what, value in texts.items() if not isinstance(value, str)]
        wrong += [what for what, value in (("place", node), ("ending", ending))
                  if value is not None and not isinstance(value, str)]
        if kind not in ("named", "autosave"):
            wrong.append("kind")
        if type(steps) is not int or steps < 0:
            wrong.append("number of choices")
        try:
            when = datetime.fromisoformat(saved_at)
            when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
            when.astimezone()  # a year the player's local time cannot show is as unreadable as no time
        except (TypeError, ValueError, OverflowError):
            wrong.append("time")
            when = datetime.fromtimestamp(0, UTC)
        slot = SaveSlot(_shown(name), "autosave" if kind == "autosave" else "named", _shown(scenario),
                        _shown(title), _shown(version), _shown(content_hash), _shown(node, None),
                        _shown(ending, None), steps if type(steps) is int and steps >= 0 else 0, when)
        if wrong:
            return replace(slot, damaged=f"its {', '.join(wrong)} {'is' if len(wrong) == 1 else 'are'} unreadable")
        return slot

    def slots(self, scenario_id: str | None = None) -> list[SaveSlot]:
        """Every save, autosaves included, newest first; only one scenario's if `scenario_id` is given."""
        where, params = ("WHERE scenario = ?", (scenario_id,)) if scenario_id is not None else ("", ())
        rows = self._read(f"SELECT {_SLOT_COLUMNS} FROM slot {where} ORDER BY seq DESC", params)
        return [self._slot(row) for row in rows]

    def latest_autosave(self, scenario_id: str | None = None, include_finished: bool = False) -> SaveSlot | None:
        """The newest autosave (of one scenario, if given); a finished playthrough only if asked for."""
        return next((s for s in self.slots(scenario_id)
                     if s.is_autosave and not s.damaged and (include_finished or not s.finished)), None)

    def autosave_of(self, scenario_id: str) -> SaveSlot | None:
        return next((s for s in self.slots(scenario_id) if s.is_autosave), None)

    def load(self, slot: str | SaveSlot) -> SaveRecord:
        """Read one save. Raises SaveError if there is none by that name or it is damaged."""
        if isinstance(slot, SaveSlot) and slot.damaged:
            raise SaveError(f"{slot.label} is damaged ({slot.damaged}) and cannot be opened", self.path)
        kind, name = self._key(slot)
        rows = self._read(f"SELECT {_SLOT_COLUMNS}, state FROM slot WHERE kind = ? AND name = ?", (kind, name))
        if not rows:
            what = f"autosave of '{name}'" if kind == "autosave" else f"save called '{name}'"
            raise SaveError(f"there is no {what} in {self.path}", self.path)
        *columns, text = rows[0]
        found = self._slot(tuple(columns))
        if found.damaged:
            raise SaveError(f"{found.label} is damaged ({found.damaged}) and cannot be opened", self.path)
        why = "its state is unreadable"
        try:
            state = json.loads(text) if isinstance(text, str) and len(text) <= MAX_STATE else None
        except RecursionError:  # the engine never writes more than a few levels: this is damage, not a save
            state, why = None, "its state is nested far too deeply"
        except (TypeError, ValueError):
            state = None
        if not isinstance(state, dict):
            raise SaveError(f"{found.label} is damaged ({why})", self.path)
        return SaveRecord(found, state)

    def integrity(self) -> list[str]:
        """SQLite's full integrity check: ['ok'] when the file is sound."""
        return [row[0] for row in self._read("PRAGMA integrity_check")]


def set_aside(path: str | Path) -> Path:
    """Rename an unusable save file (and any journal beside it) so a new one can be started, keeping the old
    one for the player to recover or delete themselves. Returns the new name."""
    path = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.unusable-{stamp}-{n}")
    try:
        path.rename(target)
        # A journal left beside the old file would be replayed into the new one: move it along with it.
        for suffix in ("-journal", "-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise SaveError(f"cannot move {path} aside: {exc.strerror or exc}", path) from None
    return target
