"""`python main.py` without a display prints one clear line and exits 1; the snapshot command renders a
playthrough to numbered PNGs through the real screens."""

import os
import subprocess
import sys

import pygame
import pytest

from tests.conftest import ROOT
from tests.support.in_process import run_main

FIXTURE = ROOT / "tests" / "fixtures" / "ui-rich.yaml"


def run(args, **env):
    environ = {k: v for k, v in os.environ.items() if k != "CROSSING_PATHS_ALLOW_DUMMY"}
    environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1", **env)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=environ, timeout=120, cwd=ROOT)


@pytest.mark.parametrize("args", [[], ["play"], ["play", "--projector"]])
def test_no_display_is_one_clear_line_and_exit_1(args):
    result = run(args)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "python main.py text scenarios/" in lines[0]
    assert "Traceback" not in result.stderr


def test_no_display_server_at_all():
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=environ,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_snapshot_renders_every_screen_of_the_playthrough(tmp_path):
    out = tmp_path / "shots"
    result = run(["snapshot", str(FIXTURE), "--choices", "1,1,2,2", "--out", str(out), "--size", "960x600"])
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names[:7] == ["01-node-opening.png", "02-feedback-opening.png", "03-node-accepted.png",
                         "04-feedback-accepted.png", "05-node-told.png", "06-node-advice.png",
                         "07-ending-manager.png"]
    assert names[7] == "08-debrief-1.png" and len([n for n in names if "debrief" in n]) >= 2
    assert "ignored" in result.stderr and "2,2" in result.stderr  # choices after the ending
    pygame.init()
    assert pygame.image.load(out / names[0]).get_size() == (960, 600)


def test_snapshot_by_id_with_options(tmp_path, monkeypatch):
    out = tmp_path / "shots"
    scenarios = ROOT / "scenarios"
    target = next((p for p in sorted(scenarios.glob("*.yaml"))), None) if scenarios.is_dir() else None
    if target is None:
        pytest.skip("no scenarios yet")
    from game.engine.loader import load_file

    scenario = load_file(target).scenario
    if scenario is None:
        pytest.skip("the first scenario does not load")
    result = run(["snapshot", scenario.id, "--choices", "1", "--out", str(out), "--profile", "projector",
                  "--theme", "high-contrast", "--text-scale", "1.5", "--size", "1920x1080"])
    assert result.returncode == 0, result.stderr
    assert (out / "01-node-" f"{scenario.start}.png").exists() or any(out.iterdir())


def test_snapshot_refuses_a_choice_not_offered(tmp_path):
    result = run(["snapshot", str(FIXTURE), "--choices", "7", "--out", str(tmp_path / "x")])
    assert result.returncode == 1
    assert "choice 7 is not offered at 'opening'" in result.stderr
    assert "Traceback" not in result.stderr


def test_snapshot_unknown_scenario_is_a_clear_error(tmp_path):
    # refused before pygame is imported: in this process (the tests above run snapshot end to end)
    result = run_main(["snapshot", "no-such-scenario", "--choices", "1", "--out", str(tmp_path / "x")])
    assert result.returncode == 1
    assert "no-such-scenario" in result.stderr and "Traceback" not in result.stderr


def test_play_opens_a_scenario_file_from_anywhere(tmp_path):
    draft = tmp_path / "drafts" / "my-draft.yaml"
    draft.parent.mkdir()
    draft.write_bytes(FIXTURE.read_bytes())
    result = run(["play", str(draft)], CROSSING_PATHS_ALLOW_DUMMY="1", CROSSING_PATHS_FIRST_FRAME="1",
                 CROSSING_PATHS_SAVES=str(tmp_path / "saves"))
    assert result.returncode == 0, result.stderr
    assert "first frame: title > play" in result.stdout


def test_play_with_a_misspelt_name_suggests_the_right_one_before_any_window(tmp_path, monkeypatch):
    # refused before any window: in this process (the test above runs play end to end)
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path))
    result = run_main(["play", "frend-request"])
    assert result.returncode == 1
    assert "did you mean" in result.stderr and "friend-request" in result.stderr
    assert "Traceback" not in result.stderr
