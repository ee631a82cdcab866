"""A corrupt or foreign save file: the desktop says why saving is off, never overwrites it, and offers to keep
it aside (renamed, never deleted) and start a new one."""

from __future__ import annotations

import pytest

from game import paths
from game.settings import Preferences
from game.ui.app import App
from game.ui.pilot import Pilot
from game.ui.voice import Voice

from .ui_support import words


@pytest.fixture
def corrupt_saves(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path))
    paths.save_file().write_bytes(b"this is not a database" * 100)
    return paths.save_file()


def open_app(tmp_path):
    from game.ui.app import open_store

    store, problem = open_store()
    app = App(Preferences(), store=store, store_problem=problem, voice=Voice(exe=None))
    app.open_display((1280, 720))
    if problem:
        app.saves_unusable(problem)
    return app, Pilot(app)


def test_saving_is_off_and_the_file_is_left_untouched(tmp_path, corrupt_saves):
    before = corrupt_saves.read_bytes()
    app, pilot = open_app(tmp_path)
    assert pilot.names[-1] == "message"
    assert "Saving is off" in words(pilot) and "left untouched" in words(pilot)
    pilot.click("ok")
    assert pilot.names == ["title"]
    assert corrupt_saves.read_bytes() == before


def test_keep_it_aside_and_start_a_new_save_file(tmp_path, corrupt_saves):
    before = corrupt_saves.read_bytes()
    app, pilot = open_app(tmp_path)
    pilot.click("action")
    assert "A new save file was started" in words(pilot)
    kept = [p for p in tmp_path.iterdir() if ".unusable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == before  # renamed, not deleted or changed
    assert app.store is not None and app.store.slots() == []
    app.store.close()
