"""Hot reload keeps what was open (issue 12 §6): the pause menu, settings and the story map stay open over
the reloaded scene (the map drawn from the new version); the feedback on a choice stays while the player is
still where they were, and goes when the part they were at was removed."""

from __future__ import annotations

from .test_watch import SCENARIO, game, save_by_rename, settle  # noqa: F401 - game is a fixture
from .ui_support import words


def test_the_pause_menu_and_settings_stay_open_through_a_reload(game):  # noqa: F811
    app, pilot, path = game
    pilot.press("back")
    pilot.click("settings")
    assert app.names()[-2:] == ["pause", "settings"]
    save_by_rename(path, SCENARIO.replace("The first part", "The first part rewritten"))
    settle(pilot)
    assert app.hot_reload.reloads == 1
    assert app.names() == ["title", "play", "pause", "settings"]
    pilot.press("back")
    pilot.press("back")
    assert app.names() == ["title", "play"] and "rewritten" in words(pilot)


def test_the_story_map_is_drawn_again_from_the_new_version(game):  # noqa: F811
    app, pilot, path = game
    app.trainer = True
    pilot.press("back")
    pilot.click("map")
    old = app.top
    assert app.names()[-1] == "map" and "c" in old.world.by_id
    save_by_rename(path, _with_new_part(SCENARIO))
    settle(pilot)
    assert app.hot_reload.reloads == 1
    assert app.names() == ["title", "play", "pause", "map"]
    assert app.top is not old and "d" in app.top.world.by_id


def _with_new_part(text: str) -> str:
    before, after = text.split("endings:\n")
    before = before.replace("    next: good\n", "    next: d\n")
    return before + "  d:\n    lines: [{text: A new part}]\n    next: good\nendings:\n" + after


def test_feedback_stays_while_the_place_stays_and_goes_when_it_is_removed(game):  # noqa: F811
    app, pilot, path = game
    pilot.press("choose_1")
    assert app.names()[-1] == "feedback"
    save_by_rename(path, SCENARIO.replace("The second part", "The second part again"))
    settle(pilot)
    assert app.names() == ["title", "play", "feedback"]
    without_b = SCENARIO.replace("goto: b", "goto: c").split("  b:\n")[0] + "  c:\n" + SCENARIO.split("  c:\n")[1]
    save_by_rename(path, without_b)
    settle(pilot)
    assert app.hot_reload.reloads == 2
    assert app.names() == ["title", "play", "message"]  # moved back to 'a': the feedback on 'a' went


def test_a_map_opened_on_its_own_is_drawn_again_on_each_save(tmp_path):
    from game.ui.hot_reload import HotReload
    from game.ui.intents import Push

    from .test_watch import save_in_place
    from .ui_support import make_app

    app, pilot = make_app(tmp_path, files=())
    path = app.scenarios_dir / "watched.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    app.hot_reload = HotReload(interval=0)
    app.act(Push("map", {"path": path}))  # as `map PATH --window` opens it: no playthrough
    pilot.step(2)
    pilot.press("down")
    focused = app.top.focused_id()
    save_by_rename(path, _with_new_part(SCENARIO))
    settle(pilot)
    assert app.hot_reload.reloads == 1 and app.names() == ["title", "map"]
    assert "d" in app.top.world.by_id and app.top.focused_id() == focused
    save_in_place(path, SCENARIO.replace("start: a", "start: [a"))
    settle(pilot)
    assert app.names() == ["title", "map", "message"] and "watched.yaml:" in words(pilot)
    save_by_rename(path, SCENARIO)
    settle(pilot)
    assert app.names() == ["title", "map"] and "d" not in app.top.world.by_id
