"""Hostile settings.json files: the game starts with every good value kept and one log line, and a file it
could not read in full is kept aside, never overwritten."""

import json
import logging

import pytest

from game import settings
from game.settings import Preferences


def loaded(path, caplog):
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="crossing_paths.settings"):
        prefs = settings.load(path)
    return prefs, [r.getMessage() for r in caplog.records]


def test_deep_nesting_costs_only_its_own_key(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text('{"text_scale": 150, "junk": ' + "[" * 1000 + "]" * 1000 + ', "theme": "high-contrast"}')
    prefs, lines = loaded(path, caplog)
    assert (prefs.text_scale, prefs.theme) == (150, "high-contrast")
    assert len(lines) == 1 and "'junk': nested too deeply" in lines[0]


def test_a_deeply_nested_file_gives_defaults_and_one_line(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text("[" * 1000 + "]" * 1000)
    prefs, lines = loaded(path, caplog)
    assert prefs == Preferences() and len(lines) == 1 and "using defaults" in lines[0]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_byte_order_mark_is_read(tmp_path, caplog, encoding):
    path = tmp_path / "settings.json"
    path.write_bytes('{"text_scale": 120, "font": "opendyslexic"}'.encode(encoding))
    prefs, lines = loaded(path, caplog)
    assert (prefs.text_scale, prefs.font) == (120, "opendyslexic") and lines == []


def test_ten_thousand_unknown_keys_give_one_short_line(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({**{f"k{i}": i for i in range(10_000)}, "font": "opendyslexic"}))
    prefs, lines = loaded(path, caplog)
    assert prefs.font == "opendyslexic"
    assert len(lines) == 1 and "10,000 unknown preferences" in lines[0] and len(lines[0]) < 300


def test_many_bad_values_and_huge_values_give_one_short_line(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "' + "x" * 100_000 + '", "font": 3, "profile": null, "fullscreen": "yes", '
                    '"text_scale": 1' + "0" * 5000 + ', "self_voicing": true}')
    prefs, lines = loaded(path, caplog)
    assert prefs.self_voicing is True and prefs.theme == "default"
    assert len(lines) == 1 and "more problems" in lines[0] and len(lines[0]) - len(str(path)) < 450


def test_bad_bytes_cost_only_their_value(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"theme": "h\xffgh", "text_scale": 130}')
    prefs, lines = loaded(path, caplog)
    assert prefs.text_scale == 130 and len(lines) == 1


def test_a_fifo_or_folder_does_not_block_the_start(tmp_path, caplog):
    folder = tmp_path / "settings.json"
    folder.mkdir()
    prefs, lines = loaded(folder, caplog)
    assert prefs == Preferences() and len(lines) == 1


def test_an_unreadable_file_is_kept_aside_before_a_new_one_is_written(tmp_path):
    path = tmp_path / "settings.json"
    original = b'{"text_scale": 150, oops}'
    path.write_bytes(original)
    kept = settings.save(Preferences(text_scale=170), path)
    assert kept is not None and kept.read_bytes() == original and kept.name.startswith("settings.json.unreadable-")
    assert settings.load(path).text_scale == 170
    assert settings.save(Preferences(text_scale=180), path) is None  # ours now: replaced in place
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["settings.json", kept.name])


def test_a_readable_file_with_unknown_keys_is_replaced_in_place(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"volume": 11, "theme": "high-contrast"}')
    assert settings.save(settings.load(path), path) is None
    assert json.loads(path.read_text())["theme"] == "high-contrast"
