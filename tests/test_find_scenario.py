"""Finding a scenario from what a person types, and the one load -> validate -> report path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.engine.checked import check_file, load_scenario
from game.engine.diagnostics import Diagnostic, ScenarioError
from game.engine.library import find, open_scenario

from .conftest import FIXTURES, SCENARIOS

FRIEND = SCENARIOS / "friend-request.yaml"


@pytest.mark.parametrize("name", ["friend-request", "friend-request.yaml", "Friend-Request", str(FRIEND)])
def test_a_path_a_file_name_or_an_id_finds_the_file(name):
    assert Path(find(name, SCENARIOS)).resolve() == FRIEND.resolve()


def test_an_id_that_differs_from_the_file_name(tmp_path):
    shutil.copy(FIXTURES / "tiny.yaml", tmp_path / "draft-3.yaml")
    scenario_id = load_scenario(tmp_path / "draft-3.yaml").id
    assert scenario_id != "draft-3"
    assert find(scenario_id, tmp_path) == tmp_path / "draft-3.yaml"


def test_a_misspelt_name_suggests_the_close_one():
    found = find("frend-request", SCENARIOS)
    assert isinstance(found, Diagnostic) and found.code == "CP100" and found.is_error
    assert "'frend-request'" in found.message
    assert found.hint == "did you mean 'friend-request'?"


def test_a_name_close_to_nothing_lists_what_there_is(tmp_path):
    found = find("zzzz", SCENARIOS)
    assert found.hint.startswith("scenarios available: after-court, ")
    assert find("zzzz", tmp_path).hint.endswith("has none")


def test_a_missing_path_says_so_and_suggests_a_neighbour():
    found = find(str(SCENARIOS / "frend-request.yaml"), SCENARIOS)
    assert found.message == "cannot read the file: No such file or directory"
    assert found.hint == f"did you mean '{FRIEND}'?"


def test_a_draft_outside_the_folder_is_found_by_its_path(tmp_path):
    draft = tmp_path / "mine.yaml"
    shutil.copy(FIXTURES / "tiny.yaml", draft)
    assert find(str(draft), SCENARIOS) == draft


def test_open_scenario_gives_the_scenario_or_the_diagnostics(tmp_path):
    good = open_scenario("friend-request", SCENARIOS)
    assert good.ok and good.scenario.id == "friend-request" and not good.errors
    missing = open_scenario("frend-request", SCENARIOS)
    assert missing.unreadable and missing.scenario is None and missing.file == "frend-request"
    broken = tmp_path / "broken.yaml"
    broken.write_text(FRIEND.read_text(encoding="utf-8").replace("start: ", "start: zz", 1), encoding="utf-8")
    checked = check_file(broken)
    assert checked.loaded.scenario is not None and checked.scenario is None and not checked.unreadable
    assert [d.code for d in checked.errors] == ["CP301"]
    with pytest.raises(ScenarioError, match="CP301"):
        load_scenario(broken)


def test_the_terminal_player_suggests_a_name(capsys):
    from game.textplayer import main

    assert main(["frend-request", "--choices", "1"]) == 1
    err = capsys.readouterr().err
    assert "error CP100" in err and "did you mean 'friend-request'?" in err


def test_the_loader_imports_nothing_that_imports_it():
    """No cycle: the validator and the load path build on the loader, never the other way round."""
    import ast

    from .conftest import ROOT

    tree = ast.parse((ROOT / "game" / "engine" / "loader.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported.isdisjoint({"validate", "checked", "library", "graph"}), imported
