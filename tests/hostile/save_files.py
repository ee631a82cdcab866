"""Broken or foreign save files: each is opened, listed and loaded through the real save code (and a few
through `python main.py text ... --load` in a subprocess). A file the game refuses must be left exactly
as it was, with nothing added beside it; a damaged save must give a SaveError, never a traceback.

    python -m tests.hostile.save_files      # prints the counts; the last line is key=value
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from game import paths
from game.engine.loader import load_file
from game.engine.story import Story
from game.saves import APPLICATION_ID, SCHEMA_VERSION, SaveError, SaveStore, resume

from .bounded import bounded, fingerprint

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "tests" / "fixtures" / "tiny.yaml"
LIMIT = 20.0  # seconds for one case, subprocesses included
NAME = paths.SAVE_FILE_NAME
# Cases also played by the terminal player, with the slot given to --load.
THROUGH_THE_PLAYER = {"empty-file": "autosave", "empty-sqlite": "autosave", "deep-state": "broken",
                      "damaged-time": "autosave"}


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _foreign(*statements: str) -> Callable[[Path], None]:
    return lambda path: _sql(path, *statements)


def _ours(*statements: str) -> Callable[[Path], None]:
    """Our save file (three named saves, 'broken' among them, and an autosave), then damaged by SQL."""
    def make(path: Path) -> None:
        shutil.copyfile(_good_file(), path)
        if statements:
            _sql(path, *statements)
    return make


_GOOD: list[Path] = []  # run() puts the one good file in its temporary folder here


def _good_file() -> Path:
    folder = _GOOD[0].parent
    if not _GOOD[0].exists():
        folder.mkdir(exist_ok=True)
        loaded = load_file(TINY)
        with SaveStore.open(folder / NAME) as store:
            for name in ("mine", "broken", "third"):
                store.save(name, Story(loaded.scenario), loaded)
            store.autosave(Story(loaded.scenario), loaded)
            story = Story(loaded.scenario)
            story.choose(1)
            while story.scene is not None and story.scene.continues:
                story.proceed()
            store.record_finish(story)
    return _GOOD[0]


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _edit_bytes(edit: Callable[[bytearray], None]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = bytearray(_good_file().read_bytes())
        edit(data)
        path.write_bytes(bytes(data))
    return make


def _cases() -> list[tuple[str, Callable[[Path], None]]]:
    rng = random.Random(20250808)
    magic = b"SQLite format 3\x00"
    deep = "[" * 200_000 + "]" * 200_000
    cases: list[tuple[str, Callable[[Path], None]]] = [
        ("empty-file", _bytes(b"")),
        ("empty-sqlite", _foreign("VACUUM")),
        ("foreign-tables", _foreign("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)",
                                    "INSERT INTO photos (name) VALUES ('holiday.jpg')")),
        ("foreign-app-id", _foreign("PRAGMA application_id = 1234", "CREATE TABLE t (x)")),
        ("foreign-slot-table", _foreign("CREATE TABLE slot (kind, name)", "PRAGMA user_version = 1")),
        ("newer-format", _ours(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")),
        ("our-id-format-0", _foreign(f"PRAGMA application_id = {APPLICATION_ID}", "CREATE TABLE x (y)")),
        ("random-bytes", _bytes(rng.randbytes(8192))),
        ("magic-then-random", _bytes(magic + rng.randbytes(4096))),
        ("magic-only", _bytes(magic)),
        ("text-file", _bytes(b"these are my notes, not a save file\n" * 50)),
        ("json-file", _bytes(b'{"saves": []}')),
        ("truncated-half", _edit_bytes(lambda d: d.__delitem__(slice(len(d) // 2, None)))),
        ("truncated-header", _edit_bytes(lambda d: d.__delitem__(slice(60, None)))),
        ("zeroed-page-one-body", _edit_bytes(lambda d: d.__setitem__(slice(100, 4096), bytes(3996)))),
        ("scrambled-tail", _edit_bytes(lambda d: d.__setitem__(slice(len(d) - 2048, None), rng.randbytes(2048)))),
        ("damaged-time", _ours("UPDATE slot SET saved_at = 'yesterday' WHERE name = 'broken'",
                               "UPDATE slot SET saved_at = 'never' WHERE kind = 'autosave'")),
        ("deep-state", _ours(f"UPDATE slot SET state = '{deep}' WHERE name = 'broken'")),
        ("state-not-json", _ours("UPDATE slot SET state = '{not json' WHERE name = 'broken'")),
        ("state-a-list", _ours("UPDATE slot SET state = '[1, 2]' WHERE name = 'broken'")),
        ("state-wrong-shape", _ours("""UPDATE slot SET state = '{"format": 1, "node": [[]], "scores": "x"}'""")),
        ("state-wrong-format", _ours("""UPDATE slot SET state = json_set(state, '$.format', 99)""")),
        ("state-huge-text", _ours(f"UPDATE slot SET state = '{'x' * 5_000_000}' WHERE name = 'broken'")),
        ("bad-utf8-name", _ours("UPDATE slot SET name = CAST(x'ff00fe' AS TEXT) WHERE name = 'broken'")),
        ("blob-node", _ours("UPDATE slot SET node = x'00ff' WHERE name = 'broken'")),
        ("steps-negative", _ours("UPDATE slot SET steps = -5 WHERE name = 'broken'")),
        ("steps-text", _ours("UPDATE slot SET steps = 'many' WHERE name = 'broken'")),
        ("unknown-scenario", _ours("UPDATE slot SET scenario = 'gone' WHERE name = 'broken'")),
        ("finish-damaged", _ours("UPDATE playthrough SET severity = 'worst', outcome = x'00'")),
        ("record-damaged", _ours("UPDATE playthrough SET record = '{not json', scenario = x'00ff'")),
        ("score-damaged", _ours("UPDATE standard_total SET total = 'lots', framework = x'00'")),
        ("slot-table-dropped", _ours("DROP TABLE slot")),
        ("slot-table-other-shape", _ours("DROP TABLE slot", "CREATE TABLE slot (kind TEXT, name TEXT)")),
        ("garbage-journal", lambda p: (_ours()(p), p.with_name(p.name + "-journal").write_bytes(rng.randbytes(1024)))),
        ("folder-in-place", lambda p: p.mkdir()),
        ("dangling-link", lambda p: p.symlink_to(p.with_name("nowhere.sqlite3"))),
        ("link-to-foreign", lambda p: (_foreign("CREATE TABLE t (x)")(p.with_name("other.db")),
                                       p.symlink_to(p.with_name("other.db")))),
    ]
    if hasattr(os, "mkfifo"):
        cases.append(("fifo", lambda p: os.mkfifo(p)))
    if Path("/dev/null").exists():
        cases.append(("link-to-dev-null", lambda p: p.symlink_to("/dev/null")))
    return cases


def _use(path: Path, loaded) -> bool:
    """Open, list, load and resume everything. True if the store opened; False if it was refused."""
    try:
        store = SaveStore.open(path, timeout=1.0)
    except SaveError:
        return False
    with store:
        for call in (store.slots, store.latest_autosave, store.best_outcomes, lambda: store.autosave_of("tiny"),
                     store.playthroughs, store.export_rows, store.progress, lambda: store.reflection("x")):
            with contextlib.suppress(SaveError):
                call()
        try:
            slots = store.slots()
        except SaveError:
            slots = []
        for slot in slots:
            with contextlib.suppress(SaveError):  # StartAgain included: a clear message is the right answer
                resume(store.load(slot), loaded)
    return True


def _start_player(folder: Path, slot: str) -> subprocess.Popen:
    """The terminal player resuming from `slot` (several run at once: each one spends most of a second
    starting Python)."""
    return subprocess.Popen([sys.executable, "main.py", "text", str(TINY), "--load", slot, "--choices", "2"],
                            cwd=ROOT, env={**os.environ, paths.SAVES_ENV: str(folder)}, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish_player(player: subprocess.Popen) -> tuple[str, str]:
    try:
        _, err = player.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        player.kill()
        player.communicate()
        return "hang", ""
    if "Traceback" in err or player.returncode not in (0, 1):
        return "traceback", f"exit {player.returncode}: {err[-2000:]}"
    return "ok", ""


def run(problems: list[str] | None = None) -> dict:
    """Build every case in a temporary folder and put it through the save code; counts of what went wrong."""
    problems = [] if problems is None else problems
    counts = {"cases": 0, "tracebacks": 0, "hangs": 0, "changed": 0}
    loaded = load_file(TINY)
    with tempfile.TemporaryDirectory(prefix="hostile-saves-") as tmp:
        _GOOD[:] = [Path(tmp) / "good" / NAME]
        results: dict[str, tuple[str, str]] = {}
        refused: dict[str, tuple[Path, dict]] = {}
        players: dict[str, subprocess.Popen] = {}
        for label, make in _cases():
            folder = Path(tmp) / label
            folder.mkdir()
            make(folder / NAME)
            before = fingerprint(folder)
            opened: list[bool] = []
            results[label] = bounded(lambda o=opened, f=folder: o.append(_use(f / NAME, loaded)), LIMIT)
            if results[label][0] == "ok" and not opened[0]:
                refused[label] = (folder, before)
            if label in THROUGH_THE_PLAYER:
                players[label] = _start_player(folder, THROUGH_THE_PLAYER[label])
        for label, player in players.items():
            outcome = _finish_player(player)
            if results[label][0] == "ok":
                results[label] = outcome
        for label, (outcome, trace) in results.items():
            counts["cases"] += 1
            counts["tracebacks"] += outcome == "traceback"
            counts["hangs"] += outcome == "hang"
            if outcome != "ok":
                problems.append(f"{label}: {outcome}\n{trace}")
        for label, (folder, before) in refused.items():
            if fingerprint(folder) != before:
                counts["changed"] += 1
                problems.append(f"{label}: refused, but changed: {before} -> {fingerprint(folder)}")
    return counts


if __name__ == "__main__":
    found: list[str] = []
    result = run(found)
    print("\n".join(found))
    print(" ".join(f"{k}={v}" for k, v in result.items()))
