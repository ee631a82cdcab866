"""Damage that costs only itself: a damaged row, a deeply nested state, a file read-only on its own, a save
folder deleted mid-game, a scenario only reformatted since the save, and the terminal player's exit when
saving failed."""

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from game.engine.loader import load_file, load_text
from game.engine.story import Story
from game.saves import SaveError, SaveStore, resume
from tests.conftest import FIXTURES, ROOT
from tests.test_saves_files import _unprivileged

TINY_FILE = FIXTURES / "tiny.yaml"
TINY = TINY_FILE.read_text(encoding="utf-8")


@pytest.fixture
def tiny():
    return load_file(TINY_FILE)


def three_saves(path, tiny):
    with SaveStore.open(path) as store:
        for name in ("first", "broken", "third"):
            store.save(name, Story(tiny.scenario), tiny)
        store.autosave(Story(tiny.scenario), tiny)


def poke(path, sql, *params):
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


@pytest.mark.parametrize("sql, params", [
    ("UPDATE slot SET saved_at = 'yesterday' WHERE name = ?", ()),
    ("UPDATE slot SET steps = 'many' WHERE name = ?", ()),
    ("UPDATE slot SET scenario_title = CAST(x'ff00fe' AS TEXT) WHERE name = ?", ()),
    ("UPDATE slot SET node = x'00ff' WHERE name = ?", ()),
])
def test_one_damaged_row_is_listed_as_damaged_and_the_others_load(tmp_path, tiny, sql, params):
    path = tmp_path / "saves.sqlite3"
    three_saves(path, tiny)
    poke(path, sql, "broken")
    with SaveStore.open(path) as store:
        slots = {s.name: s for s in store.slots()}
        assert set(slots) == {"first", "broken", "third", "tiny"}
        assert slots["broken"].damaged and "unreadable" in slots["broken"].damaged
        assert not any(s.damaged for name, s in slots.items() if name != "broken")
        with pytest.raises(SaveError, match="the save 'broken' is damaged"):
            store.load(slots["broken"])
        with pytest.raises(SaveError, match="the save 'broken' is damaged"):
            store.load("broken")
        for name in ("first", "third"):
            resume(store.load(name), tiny)
        assert store.latest_autosave().name == "tiny"  # Continue still works
        resume(store.load(store.autosave_of("tiny")), tiny)  # and --load autosave


def test_a_damaged_autosave_is_skipped_by_continue_and_named_by_load(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    three_saves(path, tiny)
    poke(path, "UPDATE slot SET saved_at = 'x' WHERE kind = 'autosave'")
    with SaveStore.open(path) as store:
        assert store.latest_autosave() is None
        with pytest.raises(SaveError, match="the autosave of 'tiny' is damaged"):
            store.load(store.autosave_of("tiny"))


def test_a_deeply_nested_state_is_a_clear_save_error(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    three_saves(path, tiny)
    poke(path, "UPDATE slot SET state = ? WHERE name = 'broken'", '{"a":' + "[" * 100_000 + "]" * 100_000 + "}")
    with SaveStore.open(path) as store:
        with pytest.raises(SaveError, match=r"the save 'broken' is damaged .*nested far too deeply"):
            store.load("broken")
        resume(store.load("first"), tiny)


def test_a_deeply_nested_state_through_the_terminal_player(tmp_path, tiny):
    saves = tmp_path / "saves"
    three_saves(saves / "crossing-paths.sqlite3", tiny)
    poke(saves / "crossing-paths.sqlite3", "UPDATE slot SET state = ? WHERE name = 'broken'", "[" * 100_000)
    result = subprocess.run([sys.executable, "main.py", "text", str(TINY_FILE), "--load", "broken"], cwd=ROOT,
                            env={**os.environ, "CROSSING_PATHS_SAVES": str(saves)}, timeout=60,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the save 'broken' is damaged" in result.stderr


def test_deleting_the_saves_folder_mid_game_recovers_on_the_next_save(tmp_path, tiny):
    folder = tmp_path / "saves"
    with SaveStore.open(folder / "saves.sqlite3") as store:
        store.autosave(Story(tiny.scenario), tiny)
        shutil.rmtree(folder)
        store.autosave(Story(tiny.scenario), tiny)
        assert "had gone" in store.notice and "new one was started" in store.notice
        store.save("after", Story(tiny.scenario), tiny)
    with SaveStore.open(folder / "saves.sqlite3") as store:
        assert {s.name for s in store.slots()} == {"tiny", "after"}


def test_a_foreign_file_put_in_place_mid_game_is_not_written(tmp_path, tiny):
    path = tmp_path / "saves.sqlite3"
    with SaveStore.open(path) as store:
        store.autosave(Story(tiny.scenario), tiny)
        path.unlink()
        path.write_bytes(b"not ours" * 100)
        with pytest.raises(SaveError, match="not a Crossing Paths save file"):
            store.autosave(Story(tiny.scenario), tiny)
    assert path.read_bytes() == b"not ours" * 100


@pytest.mark.parametrize("edit", [
    lambda t: "# a comment added at the top\n" + t,
    lambda t: t.replace("  a:\n", "  a:   # the first scene\n"),
    lambda t: t.replace("\n", "\n\n"),
    lambda t: t.replace("title: T", "title: 'T'"),
    lambda t: t.replace("title: T\nsummary: s\n", "summary: s\ntitle: T\n"),
])
def test_a_reformatted_scenario_is_not_a_changed_one(tmp_path, tiny, edit):
    edited = load_text("tests/fixtures/tiny.yaml", edit(TINY))
    assert edited.ok and edited.content_hash == tiny.content_hash
    with SaveStore.open(tmp_path / "saves.sqlite3") as store:
        store.save("mine", Story(tiny.scenario), tiny)
        _, notices = resume(store.load("mine"), edited)
    assert notices == []


def test_a_changed_value_changes_the_hash(tiny):
    assert load_text("t.yaml", TINY.replace("text: Hello", "text: Hello!")).content_hash != tiny.content_hash


# --- permissions ----------------------------------------------------------------------------------------

def run_unprivileged(args, saves):
    return subprocess.run([*_unprivileged(), sys.executable, *args], cwd=ROOT, timeout=60,
                          env={**os.environ, "CROSSING_PATHS_SAVES": str(saves)},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)


def test_a_read_only_file_in_a_writable_folder_says_it_is_the_file(tmp_path, tiny):
    saves = tmp_path / "saves"
    three_saves(saves / "crossing-paths.sqlite3", tiny)
    (saves / "crossing-paths.sqlite3").chmod(0o444)
    result = run_unprivileged(["main.py", "text", str(TINY_FILE), "--choices", "2", "--save", "x"], saves)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "the save file itself is read-only" in result.stderr and f"its folder {saves} is writable" in result.stderr


def test_saving_into_a_read_only_folder_ends_non_zero_and_says_nothing_was_saved(tmp_path, tiny):
    saves = tmp_path / "saves"
    three_saves(saves / "crossing-paths.sqlite3", tiny)
    before = (saves / "crossing-paths.sqlite3").read_bytes()
    saves.chmod(0o555)
    try:
        result = run_unprivileged(["main.py", "text", str(TINY_FILE), "--choices", "2", "--save", "x"], saves)
    finally:
        saves.chmod(0o755)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "saving has stopped" in result.stderr and "folder" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("crossing-paths text: your progress was NOT saved")
    assert (saves / "crossing-paths.sqlite3").read_bytes() == before
