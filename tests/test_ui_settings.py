"""Preferences: a typed table; bad or unknown values fall back to defaults with a log line; atomic writes."""

import json
import logging
import os

import pytest

from game import settings
from game.settings import TABLE, Preferences


def test_defaults_round_trip(tmp_path):
    path = tmp_path / "saves" / "settings.json"
    prefs = Preferences().with_value("text_scale", 150).with_value("theme", "high-contrast")
    settings.save(prefs, path)
    assert settings.load(path) == prefs
    assert json.loads(path.read_text())["text_scale"] == 150


def test_missing_file_gives_defaults(tmp_path):
    assert settings.load(tmp_path / "nope.json") == Preferences()


@pytest.mark.parametrize("key, bad", [
    ("text_scale", 250), ("text_scale", 99), ("text_scale", "150"), ("text_scale", True), ("text_scale", 1.5),
    ("theme", "neon"), ("font", 3), ("profile", None), ("fullscreen", "yes"), ("fullscreen", 1),
    ("feedback", "never"), ("self_voicing", "on"),
])
def test_bad_value_falls_back_to_default_with_a_log_line(tmp_path, caplog, key, bad):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: bad, "text_scale" if key != "text_scale" else "theme":
                                150 if key != "text_scale" else "high-contrast"}))
    with caplog.at_level(logging.WARNING, logger="crossing_paths.settings"):
        prefs = settings.load(path)
    assert getattr(prefs, key) == getattr(Preferences(), key)
    assert any(key in r.getMessage() for r in caplog.records)
    # the good value beside it is kept
    if key != "text_scale":
        assert prefs.text_scale == 150
    else:
        assert prefs.theme == "high-contrast"


def test_unknown_key_and_broken_file_are_logged(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text('{"volume": 11, "theme": "high-contrast"}')
    with caplog.at_level(logging.WARNING, logger="crossing_paths.settings"):
        prefs = settings.load(path)
    assert prefs.theme == "high-contrast"
    assert any("volume" in r.getMessage() for r in caplog.records)
    caplog.clear()
    path.write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="crossing_paths.settings"):
        assert settings.load(path) == Preferences()
    assert caplog.records
    path.write_text("[1, 2]")
    assert settings.load(path) == Preferences()


def test_with_value_refuses_bad_values():
    prefs = Preferences()
    assert prefs.with_value("text_scale", 300) == prefs
    assert prefs.with_value("nonsense", 1) == prefs
    assert prefs.with_value("text_scale", 200).text_scale == 200


def test_every_row_has_a_usable_default():
    for pref in TABLE:
        value, problem = pref.check(pref.default)
        assert problem is None, pref.name
        assert getattr(Preferences(), pref.name) == pref.default


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    settings.save(Preferences(text_scale=120), path)
    before = path.read_text()

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        settings.save(Preferences(text_scale=200), path)
    assert path.read_text() == before  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary file left behind
