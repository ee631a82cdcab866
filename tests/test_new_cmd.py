"""`python main.py new ID`: a starter scenario that validates strictly, named after its id, never overwriting."""

from __future__ import annotations

from game.engine.checked import check_file
from game.trainer import new_cmd, validate_cmd


def test_the_starter_is_clean_under_strict_and_named_after_its_id(tmp_path, capsys):
    assert new_cmd.main(["home-visit", "--title", 'Day 1: a "visit" # at 9', "--dir", str(tmp_path)]) == 0
    path = tmp_path / "home-visit.yaml"
    checked = check_file(path)
    assert checked.diagnostics == () and checked.scenario.id == "home-visit"
    assert checked.scenario.title == 'Day 1: a "visit" # at 9'
    capsys.readouterr()
    assert validate_cmd.main(["--strict", str(path)]) == 0
    assert capsys.readouterr().out.strip().endswith("1 file, 0 errors, 0 warnings")
    assert path.read_text(encoding="utf-8").count("\n#") + path.read_text(encoding="utf-8").count("  # ") > 5


def test_it_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "mine.yaml"
    path.write_text("my work", encoding="utf-8")
    assert new_cmd.main(["mine", "--dir", str(tmp_path)]) == 1
    assert path.read_text(encoding="utf-8") == "my work"
    assert "already exists" in capsys.readouterr().err


def test_a_bad_id_is_refused_with_the_rule(tmp_path, capsys):
    for bad in ("../escape", ".hidden", "two words", ""):
        assert new_cmd.main([bad, "--dir", str(tmp_path)]) == 2
        assert "letters, digits" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_default_title_comes_from_the_id(tmp_path):
    assert new_cmd.main(["team_chat-2", "--dir", str(tmp_path)]) == 0
    assert check_file(tmp_path / "team_chat-2.yaml").scenario.title == "Team chat 2"
