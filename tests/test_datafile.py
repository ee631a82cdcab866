"""The game's own data files are read one way, typed, and a mistake names its file, line and column."""

from __future__ import annotations

import re

import pytest

from game import paths
from game.engine import datafile, reference
from game.ui.profiles import load_profiles
from game.ui.theme import load_themes


def copy_with(tmp_path, name, old, new):
    text = (paths.DATA / name).read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / name
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_shipped_files_read_cleanly():
    assert {"default", "high-contrast"} <= set(load_themes())
    assert {"desktop", "projector"} <= set(load_profiles())
    assert reference.ladder() is not None


def test_a_bad_colour_names_the_line_and_the_value(tmp_path):
    text = (paths.DATA / "themes.yaml").read_text(encoding="utf-8")
    first = re.search(r'(\w+): "?(#[0-9A-Fa-f]{6})"?', text)
    path = copy_with(tmp_path, "themes.yaml", first.group(2), "#12345")
    with pytest.raises(datafile.DataFileError) as caught:
        load_themes.__wrapped__(path)
    err = caught.value
    assert err.file == str(path) and err.line == line_of(path, "#12345") and err.col > 0
    assert first.group(1) in str(err) and "#12345" in str(err)


def test_a_missing_or_misspelt_profile_setting_is_named(tmp_path):
    path = copy_with(tmp_path, "profiles.yaml", "line_height:", "line_hieght:")
    with pytest.raises(datafile.DataFileError) as caught:
        load_profiles.__wrapped__(path)
    assert "line_height" in str(caught.value)
    assert caught.value.line > 0


def test_a_wrong_type_is_said_plainly(tmp_path):
    text = (paths.DATA / "profiles.yaml").read_text(encoding="utf-8")
    value = re.search(r"min_body_px: (\S+)", text).group(1)
    path = copy_with(tmp_path, "profiles.yaml", f"min_body_px: {value}", "min_body_px: big")
    with pytest.raises(datafile.DataFileError, match=r"min_body_px should be a whole number, not 'big'") as caught:
        load_profiles.__wrapped__(path)
    assert caught.value.line == line_of(path, "min_body_px: big")


def test_a_pydantic_shaped_file_reports_its_first_error_with_a_position(tmp_path):
    path = tmp_path / "ladder.yaml"
    path.write_text("outcomes:\n  - id: 3\n", encoding="utf-8")
    with pytest.raises(datafile.DataFileError) as caught:
        datafile.validated(path, reference.Ladder)
    assert caught.value.line >= 1 and str(path) in str(caught.value)


def test_broken_yaml_is_a_data_file_error_not_a_traceback(tmp_path):
    path = tmp_path / "themes.yaml"
    path.write_text("themes: [\n", encoding="utf-8")
    with pytest.raises(datafile.DataFileError) as caught:
        load_themes.__wrapped__(path)
    assert caught.value.line >= 1
