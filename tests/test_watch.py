"""Hot reload (`play PATH --watch`): a saved edit shows in the next frames, the player keeps their place or
goes back to the nearest earlier part still there, errors show while the last good version stays playable,
and no way of saving (atomic rename, truncate-then-write, an empty file for a moment) crashes the game."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.watch import Watcher

from .ui_support import make_app, start, words

SCENARIO = """\
format: 1
id: watched
title: Watched
summary: s
minutes: 5
audience: [x]
version: "1"
author: me
objectives: [o]
start: a
nodes:
  a:
    lines: [{text: The first part}]
    choices:
      - {text: Accept, goto: b, feedback: bad, scores: {2: -2}, set_flags: [accepted]}
      - {text: Decline, goto: b, feedback: good, scores: {3: 1}}
  b:
    lines: [{text: The second part}]
    choices:
      - {text: Carry on, goto: c, feedback: fine, scores: {3: 1}}
  c:
    lines: [{text: The third part}]
    next: good
endings:
  good: {title: G, text: t, outcome: commended, debrief: {what_happened: x, reflection: [q]}}
"""


def save_by_rename(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def save_in_place(path: Path, text: str) -> None:
    with open(path, "r+", encoding="utf-8") as f:
        f.truncate(0)
        f.write(text)


@pytest.fixture
def game(tmp_path):
    from game.ui.hot_reload import HotReload

    app, pilot = make_app(tmp_path, files=())
    path = app.scenarios_dir / "watched.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    app.hot_reload = HotReload(interval=0)  # poll every frame: the test steps frames, not seconds
    start(app, pilot, "watched.yaml")
    pilot.step(2)  # the watcher starts on the session's file
    return app, pilot, path


def settle(pilot) -> None:
    pilot.step(3)  # a change counts once it has held for two polls


@pytest.mark.parametrize("save", [save_by_rename, save_in_place])
def test_an_edit_shows_in_place(game, save):
    app, pilot, path = game
    pilot.press("choose_1")
    pilot.step()
    if app.names()[-1] == "feedback":
        pilot.press("activate")  # Continue (Esc would open the pause menu, which a reload keeps open)
    assert app.session.story.state.node == "b"
    save(path, SCENARIO.replace("The second part", "The second part rewritten at length"))
    settle(pilot)
    assert app.hot_reload.reloads == 1
    assert app.session.story.state.node == "b"
    assert app.session.story.state.flags == ["accepted"]  # the place and what was done there are kept
    assert "rewritten at length" in words(pilot)


def test_a_removed_node_goes_back_to_the_nearest_earlier_one(game):
    app, pilot, path = game
    pilot.press("choose_1")
    pilot.step()
    assert app.session.story.state.node == "b"
    without_b = SCENARIO.replace("goto: b", "goto: c").split("  b:\n")[0] + "  c:\n" + SCENARIO.split("  c:\n")[1]
    save_by_rename(path, without_b)
    settle(pilot)
    story = app.session.story
    assert story.state.node == "a" and story.state.steps == [] and story.state.flags == []
    assert all(v == 0 for v in story.state.scores.values())  # the choice made after 'a' is undone
    assert app.names()[-1] == "message"
    assert "no longer in the scenario" in words(pilot) and "'a'" in words(pilot)
    pilot.press("escape")
    assert app.names()[-1] == "play" and "The first part" in words(pilot)


def test_broken_yaml_shows_where_and_the_old_version_stays_playable(game):
    app, pilot, path = game
    save_in_place(path, SCENARIO.replace("title: Watched", "title: [Watched\x1b"))
    settle(pilot)
    assert app.hot_reload.rejected == 1 and app.names()[-1] == "message"
    shown = words(pilot)
    assert "watched.yaml:" in shown and "errors" in shown
    assert "\x1b" not in shown
    import re
    assert re.search(r"watched\.yaml:\d+:\d+", shown)
    pilot.press("escape")
    pilot.press("choose_2")
    pilot.step()
    assert app.session.story.state.node == "b"  # the last good version plays on
    if app.names()[-1] == "feedback":
        pilot.press("activate")  # a reload keeps the feedback open while the player is still at 'b'
    save_by_rename(path, SCENARIO.replace("The second part", "Fixed again"))
    settle(pilot)
    assert app.hot_reload.reloads == 1 and app.names()[-1] == "play" and "Fixed again" in words(pilot)


def test_an_empty_or_missing_file_mid_save_never_crashes(game):
    app, pilot, path = game
    path.write_bytes(b"")
    pilot.step()  # caught half-way: empty for one frame
    path.unlink()
    pilot.step()
    path.write_bytes(b"\x00\xff{{{: [")
    settle(pilot)
    assert app.running and app.session.story.state.node == "a"
    path.write_text(SCENARIO.replace("The first part", "Back in one piece"), encoding="utf-8")
    settle(pilot)
    assert app.names()[-1] == "play" and "Back in one piece" in words(pilot)


def test_the_watcher_reports_a_finished_save_once(tmp_path):
    now = [0.0]
    path = tmp_path / "f.yaml"
    path.write_text("one")
    w = Watcher(path, interval=0.1, clock=lambda: now[0])
    assert not w.changed()
    path.write_text("three")
    now[0] += 0.05
    assert not w.changed()  # too soon to poll again
    now[0] += 0.2
    assert not w.changed()  # seen once: maybe half-written
    now[0] += 0.2
    assert w.changed()
    now[0] += 0.2
    assert not w.changed()


def test_watch_needs_a_scenario(capsys):
    from game.ui.app import main

    with pytest.raises(SystemExit) as exited:
        main(["--watch"])
    assert exited.value.code == 2 and "--watch needs a SCENARIO" in capsys.readouterr().err
