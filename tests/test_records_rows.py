"""Exports read from rows (save schema 3, game/records/flat.py): the same CSV and JSON as exporting the records
decoded in full, for sound rows, damaged rows and rows migrated from schema 2; CSV cells written as csv.writer
writes them; the latest records read with a limit."""

from __future__ import annotations

import csv
import io
import json
import logging
import random
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from game.records.csv_cells import cell, field
from game.records.export import export_csv, export_json, write_csv, write_json
from game.records.playthrough import ChoiceMade, Reflection
from game.saves import SCHEMA_VERSION, SaveStore
from tests.test_records_export import HOSTILE, T0, legacy, record


def records() -> list:
    """Records of every kind an export meets: hostile and non-Latin text, reflections or none, another
    framework, a legacy record, no path, times with and without microseconds."""
    return [
        record(9, title="Café, 日本語 and \u202e", reflection=None),
        record(8, title=HOSTILE[0], ending_title='say "no", then\nwrite', outcome_label=HOSTILE[3],
               path=(ChoiceMade("n", 1, HOSTILE[1], HOSTILE[6], {"2": -1}, T0, 0),)),
        record(7, framework="swe-2019", scores={"3": -2, "1": 1}, regulator="Social Work England"),
        legacy(),
        record(6, path=(), scores={}, finished_at=T0 + timedelta(hours=6, microseconds=5)),
        record(5, reflection=Reflection({"happened": "-1", "peer": "=x"}, None)),
    ]


def exports(rows: list, playthroughs: list) -> tuple[tuple[str, str], tuple[str, str]]:
    """(CSV, JSON) written from export rows, and from the records decoded in full (how exports were made)."""
    fast_csv, fast_json, slow_csv, slow_json = (io.StringIO(newline="") for _ in range(4))
    write_csv(rows, fast_csv)
    write_json(rows, fast_json, exported_at=T0)
    export_csv(playthroughs, slow_csv)
    export_json(playthroughs, slow_json, exported_at=T0)
    return (fast_csv.getvalue(), fast_json.getvalue()), (slow_csv.getvalue(), slow_json.getvalue())


@pytest.fixture
def store(tmp_path):
    with SaveStore.open(tmp_path / "s.sqlite3") as opened:
        opened.record_playthroughs(records())
        yield opened


def test_sound_rows_export_the_same_without_decoding_a_record(store):
    rows = store.export_rows()
    assert all(row.playthrough is None for row in rows)  # every row took the fast way
    fast, slow = exports(rows, store.playthroughs())
    assert fast == slow
    newest_first = sorted(records(), key=lambda p: p.finished_at, reverse=True)
    assert [p["id"] for p in json.loads(fast[1])["playthroughs"]] == [p.id for p in newest_first]


DAMAGE = {
    # each edit, and whether the record still reads (then it is exported, decoded in full)
    "record not JSON": ("UPDATE playthrough SET record = '{not json' WHERE n = 2", False),
    "record of the wrong shape": ("""UPDATE playthrough SET record = '{"id": 5}' WHERE n = 3""", False),
    "record not UTF-8": ("UPDATE playthrough SET record = CAST(x'7bff' AS TEXT) WHERE n = 4", False),
    "record edited": ("UPDATE playthrough SET record = json_set(record, '$.title', 'Ünïcode') WHERE n = 1", True),
    "record with a member unknown": ("UPDATE playthrough SET record = json_set(record, '$.extra', 1) WHERE n = 5",
                                     True),
    "cells edited": ("UPDATE playthrough SET csv_cells = '=1+1' WHERE n = 1", True),
    "cells not UTF-8": ("UPDATE playthrough SET csv_cells = CAST(x'ff00' AS TEXT) WHERE n = 6", True),
    "scores edited": ("""UPDATE playthrough SET scores = '{"2": 99}' WHERE n = 3""", True),
    "framework edited": ("UPDATE playthrough SET framework = 'hcpc-2012' WHERE n = 3", True),
    "no checksum": ("UPDATE playthrough SET checksum = NULL, csv_cells = NULL, scores = NULL WHERE n = 2", True),
    "reflection damaged": (f"UPDATE reflection SET parts = '[1]' WHERE playthrough = '{record(7).id}'", False),
}


@pytest.mark.parametrize("case", DAMAGE)
def test_a_damaged_or_edited_row_costs_only_itself_and_exports_as_before(store, case, caplog):
    sql, reads = DAMAGE[case]
    store._db.execute(sql)
    with caplog.at_level(logging.WARNING, "crossing_paths.saves"):
        rows = store.export_rows()
    playthroughs = store.playthroughs()
    assert len(rows) == len(playthroughs) == len(records()) - (not reads)
    assert ("damaged and left out" in caplog.text) is not reads  # said, as when every record was decoded
    fast, slow = exports(rows, playthroughs)
    assert fast == slow


def test_cells_are_written_as_csv_writer_writes_them():
    rng = random.Random(13)
    alphabet = ['a', ' ', ',', '"', '\n', '\r', '\t', '=', '-', '+', '@', "'", '\x00', '\x1b', 'é', '日', '\u202e',
                '\ufeff', '|', ':', '0', '.']
    values = [*HOSTILE, "", None, True, False, 0, -3, 2.5, 1e-7, float("inf"), "a,b", 'say "hi"', "x\ny"]
    values += ["".join(rng.choices(alphabet, k=rng.randint(1, 12))) for _ in range(3000)]
    for start in range(0, len(values), 7):
        chunk = values[start:start + 7]
        written = io.StringIO(newline="")
        csv.writer(written, lineterminator="\r\n").writerow(map(cell, chunk))
        assert ",".join(map(field, chunk)) + "\r\n" == written.getvalue(), chunk


def test_the_latest_records_are_read_with_a_limit(store):
    newest = store.playthroughs()
    assert store.playthroughs(limit=2) == newest[:2]
    assert store.playthroughs(limit=0) == [] and store.playthroughs(limit=50) == newest
    assert [p.id for p in store.playthroughs("friend-request", limit=1)] == [records()[0].id]
    assert store.count_playthroughs() == len(records())


def make_v2_file(path, source) -> None:
    """A format-2 save file holding the rows of the file `source`, made with format 2's own table."""
    from game.saves.records import RECORDS_SCHEMA
    from game.saves.store import _SCHEMA, APPLICATION_ID

    table = RECORDS_SCHEMA[0]
    table = table[:table.index("csv_cells")].replace("record TEXT NOT NULL,", "record TEXT NOT NULL") + ")"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    for statement in (_SCHEMA[0], table, *RECORDS_SCHEMA[1:]):
        db.execute(statement)
    db.execute("ATTACH ? AS v3", (str(source),))
    db.execute("INSERT INTO slot SELECT * FROM v3.slot")
    db.execute("""INSERT INTO playthrough SELECT n, id, scenario, title, framework, finished_at, duration_s, ending,
                  outcome, outcome_label, severity, record FROM v3.playthrough""")
    db.execute("INSERT INTO standard_total SELECT * FROM v3.standard_total")
    db.execute("INSERT INTO reflection SELECT * FROM v3.reflection")
    db.execute("DETACH v3")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.close()


def test_a_format_2_file_gets_the_columns_and_exports_the_same(tmp_path, caplog):
    path = tmp_path / "crossing-paths.sqlite3"
    kept = records()
    # a format-2 file, as that game left it: these rows without the export columns, one record damaged, one as
    # an older build kept it (not ASCII), and one whose framework column says other than its record
    with SaveStore.open(tmp_path / "v3") as store:
        store.record_playthroughs(kept)
        store._db.execute("UPDATE playthrough SET record = '{not json' WHERE n = 2")
        store._db.execute("UPDATE playthrough SET record = ? WHERE n = 1",
                          (json.dumps(json.loads(store._db.execute("SELECT record FROM playthrough WHERE n = 1")
                                                 .fetchone()[0]), ensure_ascii=False, separators=(",", ":")),))
        store._db.execute("UPDATE playthrough SET framework = 'hcpc-2012' WHERE n = 3")
        playthroughs = store.playthroughs()
        assert len(playthroughs) == len(kept) - 1
        before = exports([], playthroughs)[1]
    make_v2_file(path, tmp_path / "v3")
    original = path.read_bytes()
    with caplog.at_level(logging.INFO, "crossing_paths.saves"), SaveStore.open(path) as store:
        assert store.backup is not None and ".v2-backup-" in store.backup.name
        assert store.backup.read_bytes() == original
        assert "3 records without a checksum" in caplog.text
        rows = store.export_rows()
        assert [row.playthrough is None for row in rows] == [False, False, True, True, True]
        assert exports(rows, store.playthroughs()) == (before, before)
        assert store.integrity() == ["ok"]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    # what the migration filled in is what keeping the record now writes
    fresh = tmp_path / "fresh.sqlite3"
    with SaveStore.open(fresh) as store:
        store.record_playthroughs(replace(p, reflection=None) for p in kept)
    want = dict(sqlite3.connect(fresh).execute("SELECT id, csv_cells || scores || checksum FROM playthrough"))
    got = dict(db.execute("SELECT id, csv_cells || scores || checksum FROM playthrough WHERE checksum IS NOT NULL"))
    assert got and all(want[pid] == value for pid, value in got.items())


_KILLED = r"""
import os, sys
sys.path.insert(0, sys.argv[1])
from game.saves import migrate, SaveStore
fill = migrate._fill_columns

def killed_before_commit(db):
    db.execute("PRAGMA cache_size = 1")  # changed pages spill into the file before the commit, as in a big file
    fill(db)
    os._exit(9)

migrate._fill_columns = killed_before_commit
SaveStore.open(sys.argv[2])
"""


def test_a_format_2_migration_killed_before_its_commit_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "crossing-paths.sqlite3"
    with SaveStore.open(tmp_path / "v3") as store:
        store.record_playthroughs(records())
    make_v2_file(path, tmp_path / "v3")
    original = path.read_bytes()
    root = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", _KILLED, str(root), str(path)], capture_output=True, text=True,
                            timeout=60)
    assert killed.returncode == 9, killed.stderr
    assert path.with_name(path.name + "-journal").exists()  # only the journal can undo what reached the file
    db = sqlite3.connect(path)  # plain SQLite rolls it back: format 2, as it was
    assert db.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "checksum" not in db.execute("SELECT sql FROM sqlite_master WHERE name = 'playthrough'").fetchone()[0]
    db.close()
    with SaveStore.open(path) as store:  # and the next start migrates it
        assert store.backup is not None and store.backup.read_bytes() == original
        assert all(row.playthrough is None for row in store.export_rows())
        assert len(store.playthroughs()) == len(records())


def test_cells_kept_in_save_files_are_still_written_so():
    # Save files keep each record's CSV cells already written (flat.py): when this changes, raise CSV_RULES
    # (game/records/csv_cells.py) so that cells kept under the old rules are written afresh.
    from game.records.csv_cells import CSV_RULES
    from game.records.flat import cells_of

    hostile = record(1, title="".join(HOSTILE), ending_title='a, "b"\nc',
                     path=(ChoiceMade("n", 1, HOSTILE[6], "f", {}, T0, 0),))
    assert CSV_RULES == 1 and cells_of(hostile) == (
        '00000000-0000-4000-8000-000000000001,friend-request,"\'=HYPERLINK(""http://x"",""y"")+1+1-2+3@SUM(A1)'
        '\\x09=1\\x0d=1bell\\x07 and \\x1b[2J",2,' + "ab" * 32 + ',hcpc-2016,HCPC 2016,terminal,'
        '2026-03-01T09:56:00+00:00,2026-03-01T10:00:00+00:00,240.5,1,n: 1. bell\\x07 and \\x1b[2J,kept-apart,'
        '"a, ""b""\nc",commended,Commended,0,,no')
