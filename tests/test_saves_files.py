"""Save files that are not ours, damaged, newer, or in a folder we cannot write: refused with a clear
message, and never changed, migrated or deleted."""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.loader import load_file
from game.engine.story import Story
from game.saves import APPLICATION_ID, SCHEMA_VERSION, SaveError, SaveStore
from tests.conftest import FIXTURES, ROOT


@pytest.fixture
def tiny():
    return load_file(FIXTURES / "tiny.yaml")


def refused(path: Path, match: str) -> str:
    """Opening `path` fails with `match`, and the file is byte-for-byte what it was."""
    before = path.read_bytes()
    with pytest.raises(SaveError, match=match) as caught:
        SaveStore.open(path)
    assert path.read_bytes() == before
    assert caught.value.path == path
    assert {p.name for p in path.parent.iterdir()} == {path.name}  # no journal or other file left beside it
    return str(caught.value)


def test_random_bytes_are_not_a_save_file(tmp_path):
    path = tmp_path / "saves.sqlite3"
    path.write_bytes(random.Random(1).randbytes(4096))
    message = refused(path, "is not a Crossing Paths save file")
    assert "not an SQLite database" in message and "left untouched" in message


def test_a_short_file_is_not_a_save_file(tmp_path):
    path = tmp_path / "saves.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")  # the right start, but no more
    refused(path, "is not a Crossing Paths save file")


def test_a_truncated_save_file_is_refused(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        for i in range(60):  # enough saves for the file to span many pages
            store.save(f"slot {i}", Story(tiny.scenario), tiny)
    size = path.stat().st_size
    assert size > 8 * 4096
    with open(path, "r+b") as handle:
        handle.truncate(size // 2)
    message = refused(path, "damaged|not a Crossing Paths save file")
    assert "left untouched" in message


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "saves.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    db.commit()
    db.close()
    refused(path, "belongs to another program")


def test_a_database_with_another_application_id_is_refused(tmp_path):
    path = tmp_path / "saves.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.commit()
    db.close()
    refused(path, "belongs to another program")


def test_a_save_file_from_a_newer_game_is_refused(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        store.save("mine", Story(tiny.scenario), tiny)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    message = refused(path, "written by a newer version of Crossing Paths")
    assert f"save format {SCHEMA_VERSION + 1}" in message and "update the game" in message


def test_our_id_with_an_unknown_older_format_is_refused(tmp_path):
    path = tmp_path / "saves.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE slot (x)")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.commit()
    db.close()
    refused(path, "unknown save format 0")


def test_a_folder_in_place_of_the_file_is_refused(tmp_path):
    (tmp_path / "saves.sqlite3").mkdir()
    with pytest.raises(SaveError, match="is a folder"):
        SaveStore.open(tmp_path / "saves.sqlite3")


def test_an_empty_file_is_not_taken_over(tmp_path):
    path = tmp_path / "saves.sqlite3"
    path.touch()
    assert "it is empty" in refused(path, "is not a Crossing Paths save file")


def test_an_empty_database_made_by_another_program_is_not_taken_over(tmp_path):
    path = tmp_path / "saves.sqlite3"
    db = sqlite3.connect(path)
    db.execute("VACUUM")  # a valid SQLite file with no tables and no application id
    db.close()
    assert path.stat().st_size > 0
    refused(path, "belongs to another program")


def test_a_new_save_file_never_appears_half_made(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        assert path.read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")
        store.save("mine", Story(tiny.scenario), tiny)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["saves.sqlite3"]  # no temporary file left


# --- a folder we cannot write ---------------------------------------------------------------------------

_READ_ONLY_CHECK = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from game.engine.loader import load_file
from game.engine.story import Story
from game.saves import SaveError, SaveStore
folder, fixture = sys.argv[2], sys.argv[3]
loaded = load_file(fixture)
found = {}
try:
    SaveStore.open(folder + "/new.sqlite3")
    found["create"] = None
except SaveError as exc:
    found["create"] = str(exc)
store = SaveStore.open(folder + "/saves.sqlite3")
found["load"] = store.load("mine").slot.node
try:
    store.save("another", Story(loaded.scenario), loaded)
    found["save"] = None
except SaveError as exc:
    found["save"] = str(exc)
print(json.dumps(found))
"""


def _unprivileged() -> list[str]:
    """A command prefix under which the permission bits bind: root ignores them unless it drops the
    capability to override them."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made to bind")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_a_read_only_folder_gives_a_clear_message(tmp_path, tiny):
    folder = tmp_path / "read-only"
    folder.mkdir()
    with SaveStore.open(folder / "saves.sqlite3") as store:
        store.save("mine", Story(tiny.scenario), tiny)
    before = (folder / "saves.sqlite3").read_bytes()
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [*_unprivileged(), sys.executable, "-c", _READ_ONLY_CHECK, str(ROOT), str(folder),
             str(FIXTURES / "tiny.yaml")],
            capture_output=True, text=True, timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["load"] == "a"  # reading still works
    for key in ("create", "save"):
        assert found[key] is not None and "is read-only" in found[key], found
        assert "CROSSING_PATHS_SAVES" in found[key]
    assert (folder / "saves.sqlite3").read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["saves.sqlite3"]
