"""Save format 1 -> 2 (game/saves/migrate.py): a real format-1 file, built with the old schema's own SQL, opens
migrated in place with a backup beside it; no save slot or finished playthrough is lost; done marks and best
outcomes read the same. A process killed part-way leaves the file as it was (or migrated), and the next open
finishes the job."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.checked import check_file
from game.engine.story import Story
from game.saves import APPLICATION_ID, SCHEMA_VERSION, SaveStore, resume

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).resolve().parent / "fixtures" / "tiny.yaml"

# The format-1 schema exactly as game/saves/store.py wrote it before records (commit 7a62905).
V1_SCHEMA = (
    """CREATE TABLE slot (
        kind TEXT NOT NULL CHECK (kind IN ('named', 'autosave')),
        name TEXT NOT NULL,
        scenario TEXT NOT NULL,
        scenario_title TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        node TEXT,
        ending TEXT,
        steps INTEGER NOT NULL,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
    )""",
    """CREATE TABLE finish (
        id INTEGER PRIMARY KEY,
        scenario TEXT NOT NULL,
        ending TEXT NOT NULL,
        outcome TEXT NOT NULL,
        severity INTEGER NOT NULL,
        finished_at TEXT NOT NULL
    )""",
    "CREATE INDEX finish_by_scenario ON finish (scenario, severity)",
)

# (scenario, ending, outcome, severity, finished_at): as the old game recorded them, best kept per scenario
FINISHES = [
    ("tiny", "bad", "conditions_of_practice_order", 6, "2026-01-05T10:00:00+00:00"),
    ("tiny", "good", "commended", 0, "2026-01-06T10:00:00+00:00"),
    ("friend-request", "kept-apart", "no_further_action", 1, "2026-01-07T09:30:00+00:00"),
]


def make_v1_file(path: Path, finishes: list[tuple] = FINISHES, extra_finishes: int = 0) -> None:
    """A save file as the format-1 game left it: a named save and an autosave (state format 2, before
    playthrough ids) and finish rows."""
    loaded = check_file(TINY).loaded
    story = Story(loaded.scenario)
    story.choose(2)
    state = story.state.to_dict()
    state.pop("playthrough", None)
    state["format"] = 2
    for step in state["steps"]:
        step.pop("at", None)
    db = sqlite3.connect(path, isolation_level=None)
    for statement in V1_SCHEMA:
        db.execute(statement)
    for seq, (kind, name) in enumerate([("named", "mine"), ("autosave", "tiny")], 1):
        db.execute("INSERT INTO slot VALUES (?, ?, 'tiny', 'T', '1', ?, 'b', NULL, 1, ?, ?, ?)",
                   (kind, name, loaded.content_hash, json.dumps(state), "2026-01-04T08:00:00+00:00", seq))
    rows = list(finishes) + [("many", "e", "commended", 0, f"2026-02-01T00:00:{i % 60:02d}+00:00")
                             for i in range(extra_finishes)]
    db.executemany("INSERT INTO finish (scenario, ending, outcome, severity, finished_at) VALUES (?, ?, ?, ?, ?)",
                   rows)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.close()


def dump(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [*db.iterdump(), f"user_version={db.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        db.close()


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".v1-backup-" in p.name and not p.name.startswith("."))


def test_a_format_1_file_is_migrated_in_place_with_a_backup_and_loses_nothing(tmp_path):
    path = tmp_path / "crossing-paths.sqlite3"
    make_v1_file(path)
    original = path.read_bytes()
    loaded = check_file(TINY).loaded
    with SaveStore.open(path) as store:
        assert store.backup is not None and store.backup.read_bytes() == original
        assert store.integrity() == ["ok"]
        assert store.best_outcomes() == {"tiny": ("good", "commended", 0),
                                         "friend-request": ("kept-apart", "no_further_action", 1)}
        records = store.playthroughs()
        assert [(p.scenario, p.ending, p.severity) for p in records] == [
            ("friend-request", "kept-apart", 1), ("tiny", "good", 0), ("tiny", "bad", 6)]
        assert all(p.legacy and p.path == () and p.front_end is None and p.duration_s is None for p in records)
        assert records[1].outcome_label != "commended"  # the rung's words, from the ladder
        assert {s.name for s in store.slots()} == {"mine", "tiny"}
        story, _ = resume(store.load("mine"), loaded)
        assert story.state.node == "b" and story.state.playthrough is None
        progress = store.progress()
        assert {s.scenario: s.plays for s in progress.scenarios} == {"tiny": 2, "friend-request": 1}
        ids = [p.id for p in records]
    assert [p.name for p in backups(tmp_path)] == [store.backup.name]
    with SaveStore.open(path) as again:  # migrated once: opening again changes nothing and makes no backup
        assert again.backup is None and [p.id for p in again.playthroughs()] == ids
    assert len(backups(tmp_path)) == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'finish'").fetchone()[0] == 0


def test_a_resumed_format_1_save_finishes_as_a_whole_record(tmp_path):
    from game.play import PlaySession

    path = tmp_path / "crossing-paths.sqlite3"
    make_v1_file(path)
    loaded = check_file(TINY).loaded
    with SaveStore.open(path) as store:
        story, _ = resume(store.load("mine"), loaded)
        session = PlaySession(story, loaded, TINY, store, front_end="terminal")
        session.proceed()
        newest = store.playthroughs()[0]
    assert not newest.legacy and newest.ending == "good" and newest.front_end == "terminal"
    assert newest.path[0].at is None  # chosen before the game kept times: unknown, not made up


def test_unreadable_finish_rows_are_kept_not_dropped(tmp_path):
    path = tmp_path / "crossing-paths.sqlite3"
    make_v1_file(path, [*FINISHES, ("tiny", "bad", "caution_order", "worst", "2026-01-08T00:00:00+00:00")])
    with SaveStore.open(path) as store:
        assert len(store.playthroughs()) == 3
    db = sqlite3.connect(path)
    assert db.execute("SELECT severity FROM finish_v1").fetchall() == [("worst",)]


_KILLED = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from game.saves import migrate, SaveStore
point = sys.argv[3]
create, move, backup = migrate._create, migrate._move_finishes, migrate._backup

def small_cache_create(db):
    db.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before the commit, as in a big file
    create(db)

def killed_after_backup(path, *version):
    backup(path, *version)
    os._exit(9)

def killed_before_commit(db):
    move(db)
    os._exit(9)

migrate._create = small_cache_create
if point == "after-backup":
    migrate._backup = killed_after_backup
else:
    migrate._move_finishes = killed_before_commit
SaveStore.open(sys.argv[2])
"""


@pytest.mark.parametrize("point", ["after-backup", "before-commit"])
def test_a_migration_killed_part_way_leaves_the_file_as_it_was_and_the_next_open_finishes(tmp_path, point):
    path = tmp_path / "crossing-paths.sqlite3"
    make_v1_file(path, extra_finishes=400)
    before = dump(path)
    original = path.read_bytes()
    killed = subprocess.run([sys.executable, "-c", _KILLED, str(ROOT), str(path), point], capture_output=True,
                            text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    [backup] = backups(tmp_path)
    assert backup.read_bytes() == original
    if point == "before-commit":  # the changes reached the file: only its journal can undo them
        assert path.with_name(path.name + "-journal").exists()
    assert dump(path) == before  # opening it (plain SQLite) rolls the journal back: the file as it was
    with SaveStore.open(path) as store:
        assert store.backup is not None
        assert len(store.playthroughs()) == len(FINISHES) + 400
        assert {s.name for s in store.slots()} == {"mine", "tiny"}
        assert store.integrity() == ["ok"]
