"""`validate` remembers its answer for unchanged files: the same output, never a stale one, never an error."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from game.trainer import validate_cache, validate_cmd
from tests.conftest import ROOT, SCENARIOS


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    return tmp_path / "saves"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "friend-request.yaml"
    shutil.copy(SCENARIOS / "friend-request.yaml", path)
    return path


def run(capsys, *args):
    code = validate_cmd.main([*args])
    return code, capsys.readouterr().out


def test_a_second_run_answers_from_the_cache_with_the_same_output(saves, draft, capsys):
    first = run(capsys, str(draft), "--format", "json")
    assert validate_cache.cache_file().exists()
    [key] = validate_cache.keys_for([draft])
    assert validate_cache.lookup([draft], [key]) != [None]
    assert run(capsys, str(draft), "--format", "json") == first


def test_a_changed_file_is_checked_afresh(saves, draft, capsys):
    run(capsys, str(draft))
    text = re.sub(r"^start: .*$", "start: nowhere-at-all", draft.read_text(encoding="utf-8"), count=1, flags=re.M)
    draft.write_text(text, encoding="utf-8")
    code, out = run(capsys, str(draft))
    assert code == 1 and "nowhere-at-all" in out


def test_a_cached_answer_is_the_fresh_answer_for_a_broken_file(saves, tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nnodes: [\n", encoding="utf-8")
    fresh = run(capsys, str(broken), "--no-cache")
    assert not validate_cache.cache_file().exists()  # --no-cache neither reads nor writes
    assert run(capsys, str(broken)) == fresh
    assert run(capsys, str(broken)) == fresh  # now from the cache
    assert fresh[0] == 1 and "CP105" in fresh[1]


@pytest.mark.parametrize("content", [
    "not json", "[]", '{"format": 1, "entries": []}', "{" * 5000,
    None,  # a well-formed cache whose entry has been tampered with: see below
])
def test_a_damaged_or_tampered_cache_is_a_miss_never_an_error(saves, draft, capsys, content):
    expected = run(capsys, str(draft), "--no-cache")
    cache = validate_cache.cache_file()
    cache.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        [key] = validate_cache.keys_for([draft])
        content = json.dumps({"format": validate_cache.FORMAT, "entries": {key: {"diagnostics": [
            {"code": "CP999", "message": "made up", "file": "x", "line": 1, "col": 1, "hint": None}],
            "declared": None}}})
    cache.write_text(content, encoding="utf-8")
    assert run(capsys, str(draft)) == expected


def test_a_cache_folder_that_cannot_be_written_costs_nothing(saves, draft, capsys):
    saves.mkdir()
    (saves / "cache").write_text("a file where the folder should be", encoding="utf-8")
    expected = run(capsys, str(draft), "--no-cache")
    assert run(capsys, str(draft)) == expected


def test_the_key_follows_the_checker_and_the_data(saves, draft, monkeypatch, tmp_path):
    before = validate_cache.keys_for([draft])
    data = tmp_path / "data"
    shutil.copytree(ROOT / "game" / "data", data)
    monkeypatch.setattr(validate_cache.paths, "DATA", data)
    assert validate_cache.keys_for([draft]) == before
    outcomes = data / "outcomes.yaml"
    outcomes.write_text(outcomes.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert validate_cache.keys_for([draft]) != before


def test_a_hit_does_not_import_the_scenario_model(saves, draft):
    env = {**os.environ, "CROSSING_PATHS_SAVES": str(saves)}
    script = ("import sys, main; code = main.main(['validate', sys.argv[1]]); "
              "print('MODEL' if 'game.engine.model' in sys.modules else 'LIGHT'); sys.exit(code)")
    runs = [subprocess.run([sys.executable, "-c", script, str(draft)], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=60) for _ in range(2)]
    assert runs[0].stdout.strip().endswith("MODEL")
    assert runs[1].stdout.strip().endswith("LIGHT")
    assert runs[0].stdout.replace("MODEL", "") == runs[1].stdout.replace("LIGHT", "")


def test_editing_one_file_checks_that_file_alone(saves, tmp_path, capsys, monkeypatch):
    files = []
    for name in ("friend-request", "going-dark", "team-chat"):
        files.append(tmp_path / f"{name}.yaml")
        shutil.copy(SCENARIOS / f"{name}.yaml", files[-1])
    first = run(capsys, *map(str, files))
    checked: list = []
    real = validate_cmd._check_one
    monkeypatch.setattr(validate_cmd, "_check_one", lambda path: checked.append(path.name) or real(path))
    assert run(capsys, *map(str, files)) == first and checked == []
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert run(capsys, *map(str, files)) == first and checked == ["going-dark.yaml"]


def test_the_checks_across_files_run_on_remembered_answers_too(saves, tmp_path, capsys):
    one, two = tmp_path / "a" / "friend-request.yaml", tmp_path / "b" / "friend-request.yaml"
    for path in (one, two):
        path.parent.mkdir()
        shutil.copy(SCENARIOS / "friend-request.yaml", path)
    fresh = run(capsys, str(one), str(two))
    assert "CP320" in fresh[1] and str(one) in fresh[1]
    assert run(capsys, str(one), str(two)) == fresh  # both answered from the cache: the clash is still found
    code, alone = run(capsys, str(two))
    assert code == 0 and "CP320" not in alone
