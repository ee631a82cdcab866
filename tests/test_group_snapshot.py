"""`python main.py snapshot SCENARIO --group --votes ...`: a scripted group session, run as a user would
(a subprocess), at a small size to stay quick. tests/fixtures/group.yaml: intro -> request (3 options:
1 -> accepted (2 options), 2 or 3 -> reflect -> share (2 options)) -> an ending."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.in_process import run_main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "group.yaml"


def snapshot(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CROSSING_PATHS_SAVES=str(tmp_path / "saves"), PYGAME_HIDE_SUPPORT_PROMPT="1")
    return subprocess.run([sys.executable, "main.py", "snapshot", str(FIXTURE), "--group", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def snapshot_here(tmp_path: Path, monkeypatch, *args: str) -> subprocess.CompletedProcess:
    """The same command in this process: a second less than a fresh interpreter. The majority session
    and the bad votes run as a user runs them, in a real process."""
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    return run_main(["snapshot", str(FIXTURE), "--group", *args])


def test_majority_session_writes_every_slide_the_console_and_the_summary(tmp_path):
    out = tmp_path / "slides"
    done = snapshot(tmp_path, "--votes", "5,1,2/1,7", "--out", str(out), "--size", "640x360")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "warning" not in done.stderr
    names = sorted(p.name for p in out.iterdir())
    audience = [n for n in names if n.startswith("audience-")]
    console = [n for n in names if n.startswith("console-")]
    assert audience[:6] == ["audience-01-scene-intro.png", "audience-02-scene-request.png",
                            "audience-03-votes-request.png", "audience-04-result-request.png",
                            "audience-05-feedback-request.png", "audience-06-every-option-request.png"]
    assert any(n.endswith("-ending.png") for n in audience) and any(n.endswith("-debrief.png") for n in audience)
    assert any("-path-" in n for n in audience)
    assert [n.replace("console-", "audience-") for n in console] == audience  # the console at every step
    assert {"session.json", "session.csv", "handout.html", "session-facilitator.json"} <= set(names)
    data = json.loads((out / "session.json").read_text(encoding="utf-8"))
    assert [(d["node"], d["votes"], d["chosen"], d["how"]) for d in data["decisions"]] == [
        ("request", [5, 1, 2], 1, "majority"), ("accepted", [1, 7], 2, "majority")]
    assert data["ending"]["id"] == "bad"
    assert "NOTE-" not in (out / "session.json").read_text(encoding="utf-8")  # the room's copy has no notes
    assert "lowest-numbered" in data["note"] and "lowest-numbered" in (out / "handout.html").read_text("utf-8")
    rows = (out / "session.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and rows[1].startswith("1,request,")


def test_a_tie_goes_to_the_lowest_option_extras_and_leftovers_are_ignored(tmp_path, monkeypatch):
    out = tmp_path / "tie"
    done = snapshot_here(tmp_path, monkeypatch, "--votes", "1,4,4,9,9/3,3,5/2,2", "--out", str(out), "--size", "640x360",
                    "--theme", "high-contrast")
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "session.json").read_text(encoding="utf-8"))
    assert [(d["node"], d["votes"], d["chosen"], d["how"]) for d in data["decisions"]] == [
        ("request", [1, 4, 4], 2, "tie-break"), ("share", [3, 3], 1, "tie-break")]
    assert data["ending"]["id"] == "good"
    err = done.stderr
    assert "warning: decision 1 ('request') offers 3 options: the extra 2 numbers (9,9) ignored" in err
    assert "warning: decision 2 ('share') offers 2 options: the extra 1 number (5) ignored" in err
    assert "ended before the last 1 vote group (2,2); ignored" in err
    assert "Traceback" not in err


def test_vote_groups_running_out_stop_with_a_note_and_the_summary_so_far(tmp_path, monkeypatch):
    out = tmp_path / "short"
    done = snapshot_here(tmp_path, monkeypatch, "--votes", "0,3,1", "--out", str(out), "--size", "640x360")
    assert done.returncode == 0, done.stderr
    assert "the vote groups ran out at 'share'" in done.stderr
    data = json.loads((out / "session.json").read_text(encoding="utf-8"))
    assert [(d["votes"], d["chosen"]) for d in data["decisions"]] == [([0, 3, 1], 2)]
    assert data["ending"] is None


def test_bad_votes_get_a_clear_message_and_exit_2(tmp_path, capsys):
    done = snapshot(tmp_path, "--votes", "1,x", "--out", str(tmp_path / "bad"))  # as a user meets it
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "argument --votes: '1,x': group 1 ('1,x') is not a list of counts" in done.stderr
    from game.ui.snapshot import main  # the other cases in process: argparse refuses them before any window

    for args in (["--votes", "1,2//3"], ["--votes", ""], ["--votes", "1,-2"], ["--votes", "1,\u00b2"],
                 ["--votes", "1,200000"], [], ["--votes", "1", "--choices", "1"]):
        with pytest.raises(SystemExit) as exit_:
            main([str(FIXTURE), "--group", *args, "--out", str(tmp_path / "bad")])
        err = capsys.readouterr().err
        assert exit_.value.code == 2 and "--votes" in err, (args, err)
    assert not (tmp_path / "bad").exists()
