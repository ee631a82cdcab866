"""The in-game story map (issue 12 §1): reached from the pause menu with trainer tools on, or opened on its
own; the way taken with markers; pan and zoom by keys and by mouse; play from a node (keys or a click),
with the flags a passed node had; and drawn at 200 % in high contrast."""

from __future__ import annotations

import pygame

from game.engine import storymap
from game.engine.checked import check_file
from game.engine.maptrail import trail
from game.engine.story import Story
from game.settings import Preferences
from game.ui.intents import Push
from tests.ui_support import FIXTURES, RICH, make_app, start, words


def _to_map(app, pilot):
    app.trainer = True
    pilot.press("back")  # the pause menu
    assert app.names()[-1] == "pause"
    pilot.click("map")
    assert app.names()[-1] == "map"
    return app.top


def _centre(screen, node_id):
    box = screen.world.by_id[node_id]
    return screen.cam.rect(screen.map_area, box.rect).center


def test_the_trail_follows_the_choices_made():
    scenario = check_file(FIXTURES / RICH).scenario
    story = Story(scenario)
    story.choose(1)  # opening -> accepted
    story.choose(1)  # accepted -> told
    story_map = storymap.build(scenario)
    way = trail(story_map, story.state)
    assert list(way.order)[:3] == ["opening", "accepted", "told"]
    assert way.here == story.state.node or way.here == story.state.ending
    taken = [story_map.edges[i] for i in way.edges]
    keys = {n.id: n.key for n in story_map.nodes}
    assert any(e.source == keys["opening"] and e.target == keys["accepted"] and e.number == 1 for e in taken)
    assert not any(e.source == keys["opening"] and e.number == 2 for e in taken)


def test_the_pause_menu_offers_the_map_only_with_trainer_tools(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("back")
    assert "map" not in app.top.button_ids()
    pilot.press("back")
    screen = _to_map(app, pilot)
    assert screen.focus_id == "map" and screen.world is not None
    assert screen.node == screen.world.by_id["opening"].node.key  # where the playthrough is
    text = words(pilot)
    assert "You are here" in text and "Tuesday, 9.40 pm" in text
    pilot.press("back")
    assert app.names()[-1] == "pause"


def test_keys_move_between_nodes_pan_zoom_and_fit(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    screen = _to_map(app, pilot)
    first = screen.node
    pilot.press("down")
    assert screen.node != first
    assert screen.world.boxes[screen.node].rect.top > screen.world.boxes[first].rect.top
    pilot.press("up")
    assert screen.node == first
    zoom = screen.cam.zoom
    pilot.press("zoom_in")
    assert screen.cam.zoom > zoom
    pilot.press("zoom_out", times=2)
    assert screen.cam.zoom < zoom
    x, y = screen.cam.x, screen.cam.y
    pilot.press("right", mod=pygame.KMOD_SHIFT)
    assert screen.cam.x > x and screen.node == first  # Shift+arrow pans, the focus stays
    pilot.press("page_down")
    assert screen.cam.y > y
    pilot.press("fit")
    w, h = screen.world.size
    seen = screen._seen(screen.map_area)
    assert w * screen.cam.zoom <= seen.w + 1 and h * screen.cam.zoom <= seen.h + 1
    pilot.press("next")  # Tab: on to the buttons, and back round to the map
    assert screen.focus_id == "play"
    pilot.press("next", mod=pygame.KMOD_SHIFT)
    assert screen.focus_id == "map"


def test_enter_on_a_passed_node_plays_from_it_with_the_flags_it_had(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("choose_1")  # opening -> accepted
    if app.names()[-1] == "feedback":
        pilot.press("activate")
    screen = _to_map(app, pilot)
    assert screen.world.by_id[screen.trail.here].node.id == "accepted"
    pilot.press("home")  # the start
    assert screen.world.boxes[screen.node].node.id == "opening"
    pilot.press("activate")
    assert app.names()[-1] == "confirm"
    assert "Play from" in words(pilot)
    pilot.click("yes")
    assert app.names() == ["title", "play"]
    state = app.session.story.state
    assert state.node == "opening" and state.started_at.node == "opening"
    assert state.steps == []


def test_the_mouse_drags_zooms_and_clicks_a_node_to_play_from_it(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    screen = _to_map(app, pilot)
    pilot.click("details")  # the panel out of the way
    assert not screen.details_on
    pilot.click("fit")
    area = screen._seen(screen.map_area)
    empty = (area.left + 3, area.top + 3)
    assert screen.world.node_at(screen.cam.to_world(screen.map_area, empty)) is None
    x = screen.cam.x
    pilot.drag(empty, (empty[0] + 60, empty[1]))
    assert screen.cam.x < x  # dragged right: the map follows the pointer
    assert app.names()[-1] == "map"  # a drag is not a click
    zoom = screen.cam.zoom
    pilot.wheel(1)
    assert screen.cam.zoom > zoom
    pilot.click("fit")
    target = screen.world.by_id["ignored"]
    pilot.click(_centre(screen, "ignored"))
    assert app.names()[-1] == "confirm"
    assert screen.node == target.node.key
    pilot.click("yes")
    assert app.names() == ["title", "play"]
    assert app.session.story.state.started_at.node == "ignored"


def test_the_map_opens_without_a_playthrough(tmp_path):
    app, pilot = make_app(tmp_path)
    app.act(Push("map", {"path": app.scenarios_dir / RICH}))
    pilot.step()
    screen = app.top
    assert app.names() == ["title", "map"] and screen.world is not None
    assert not screen.trail.order
    pilot.press("activate")  # the start is focused
    pilot.click("yes")
    assert app.names() == ["title", "play"] and app.session.story.state.node == "opening"


def test_a_broken_file_says_why_it_cannot_be_drawn(tmp_path):
    app, pilot = make_app(tmp_path)
    bad = app.scenarios_dir / "broken.yaml"
    bad.write_text("format: 1\nid: broken\nnodes: [\n", encoding="utf-8")
    app.act(Push("map", {"path": bad}))
    pilot.step()
    assert "cannot be drawn" in words(pilot)
    pilot.press("down")
    pilot.press("back")
    assert app.names() == ["title"]


def test_drawn_at_200_percent_in_high_contrast(tmp_path):
    prefs = Preferences(text_scale=200, theme="high-contrast")
    app, pilot = make_app(tmp_path, prefs=prefs)
    start(app, pilot)
    screen = _to_map(app, pilot)
    frame = pilot.frame()
    assert frame.get_size() == (1280, 720)
    drawn = " ".join(b.text for b in pilot.texts())
    assert "Tuesday, 9.40 pm" in drawn and "here" in drawn
    assert screen.cam.zoom >= 0.6 or screen.world.by_id["opening"].rect  # readable, or centred full size
    for key in ("play", "zoom-in", "zoom-out", "fit", "details"):
        rect = screen.screen_rect(screen.target(key))
        assert pygame.Rect(0, 0, 1280, 720).contains(rect), key


def test_map_window_opens_the_map_from_the_command_line(tmp_path):
    import os
    import subprocess
    import sys

    from tests.ui_support import FIXTURES as _fixtures

    root = _fixtures.parent.parent
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", CROSSING_PATHS_ALLOW_DUMMY="1",
               CROSSING_PATHS_FIRST_FRAME="1", CROSSING_PATHS_SAVES=str(tmp_path))
    run = subprocess.run([sys.executable, "main.py", "map", str(_fixtures / RICH), "--window"], cwd=root, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "first frame: title > map" in run.stdout
    both = subprocess.run([sys.executable, "main.py", "map", str(_fixtures / RICH), "--window", "--out", "x.svg"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert both.returncode == 2 and "leave out --format and --out" in both.stderr


def test_hostile_titles_and_window_sizes_never_break_the_map(tmp_path):
    import time

    from game.ui.intents import ChangeSetting
    from tests.hostile.layout import HOSTILE_TEXT
    from tests.hostile.scenario_files import playthrough

    app, pilot = make_app(tmp_path, files=())
    path = app.scenarios_dir / "hostile.yaml"
    path.write_text(playthrough([HOSTILE_TEXT, "short", HOSTILE_TEXT[:400]]), encoding="utf-8")
    app.act(Push("map", {"path": path}))
    pilot.step()
    screen = app.top
    assert screen.world is not None, getattr(screen, "problem", "")
    for size, scale, profile in (((480, 360), 200, "desktop"), ((2560, 480), 100, "projector"),
                                 ((3840, 2160), 200, "desktop"), ((800, 600), 150, "projector")):
        app.act(ChangeSetting("text_scale", scale))
        app.act(ChangeSetting("profile", profile))
        pilot.resize(*size)
        started = time.perf_counter()
        for key in ("down", "zoom_in", "zoom_in", "fit", "zoom_out"):
            pilot.press(key)
        assert time.perf_counter() - started < 20, size  # bounded: labels wrap at most a few lines
        pilot.frame()
        box = screen.world.boxes[screen.node]
        assert box.rect.w <= screen.world.look.em(15) + 1  # a 12,000-letter title does not widen a node


def test_resizing_the_window_keeps_the_middle_of_the_map_in_view(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    screen = _to_map(app, pilot)
    pilot.press("zoom_in")
    pilot.press("down")
    zoom, node = screen.cam.zoom, screen.node
    pilot.resize(1600, 900)  # a new size is a new look (type scales with the window): laid out again
    assert screen.cam.zoom == zoom and screen.node == node
    box = screen.cam.rect(screen.map_area, screen.world.boxes[node].rect)
    assert screen._seen(screen.map_area).contains(box)  # the focused node is still in view
    pilot.resize(1600, 700)
    assert screen._seen(screen.map_area).contains(screen.cam.rect(screen.map_area, screen.world.boxes[node].rect))


def test_playing_from_a_passed_node_carries_the_scores_it_had_on_arrival(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    for _ in range(2):  # opening -> accepted -> told
        pilot.press("choose_1")
        if app.names()[-1] == "feedback":
            pilot.press("activate")
    assert app.session.story.state.node == "told"
    screen = _to_map(app, pilot)
    screen.focus_node(screen.world.by_id["accepted"].node.key)
    pilot.press("activate")
    assert "scores your playthrough had" in words(pilot)
    pilot.click("yes")
    state = app.session.story.state
    assert state.node == "accepted" and state.started_at.node == "accepted"
    assert state.started_at.scores == {"1": -1, "3": -2}  # what the choice at 'opening' scored
    assert state.scores["1"] == -1 and state.scores["3"] == -2


def test_the_trainer_tools_setting_puts_the_map_in_the_pause_menu(tmp_path):
    from game.ui.intents import ChangeSetting

    app, pilot = make_app(tmp_path)
    start(app, pilot)
    app.act(ChangeSetting("trainer_tools", True))
    pilot.press("back")
    assert "map" in app.top.button_ids()
    pilot.click("map")
    assert app.names()[-1] == "map"
