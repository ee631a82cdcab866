"""A timer tick and a vote redraw only their own part of the audience slide (game/ui/inplace.py): the slide
is not rebuilt, the changed rectangles are small, the pixels equal a whole redraw, and a tick happens only
when the second shown changes. Speed itself is measured by bench/render.py, not here."""

from __future__ import annotations

import pygame

from game.ui.intents import GroupVote
from tests.test_group_ui import group_app, room_words, run, saves  # noqa: F401 - saves is a fixture


def at_decision(tmp_path):
    app, pilot, clock = group_app(tmp_path)
    room = run(app, pilot)
    pilot.press("n")  # the intro scene -> the request's scene
    pilot.press("n")  # -> its decision, voting open
    assert app.group.session.phase == "decision"
    room.step()
    return app, pilot, room, clock


def redraw_whole(view) -> bytes:
    view.top.refresh()
    view.draw()
    return pygame.image.tobytes(view.surface, "RGB")


def test_a_timer_tick_repaints_only_the_timer_and_only_when_the_second_changes(tmp_path, saves):  # noqa: F811
    app, pilot, room, clock = at_decision(tmp_path)
    pilot.press("t")  # the timer starts: it appears, so the slide is rebuilt once
    room.step()
    audience, screen = app.group.audience, room.top
    page, frames = screen._page, audience.frames_drawn
    clock.t += 0.4  # 180 s -> 179.6 s: still "3:00" shown
    room.step(3)
    assert audience.frames_drawn == frames
    clock.t += 0.7  # 178.9 s: "2:59"
    screen.update(0.1)
    rects = audience.draw()
    assert screen._page is page  # not rebuilt
    w, h = audience.surface.get_size()
    assert rects and sum(r.w * r.h for r in rects) < 0.15 * w * h
    assert "2:59" in room_words(room) and "3:00" not in room_words(room)
    ticked = pygame.image.tobytes(audience.surface, "RGB")
    assert ticked == redraw_whole(audience)  # the repaint is exactly what a whole redraw shows


def test_a_vote_repaints_only_the_turnout_with_no_split(tmp_path, saves):  # noqa: F811
    app, pilot, room, clock = at_decision(tmp_path)
    audience, screen = app.group.audience, room.top
    page = screen._page
    app.act(GroupVote(2))  # two clicker presses (acted on, not yet drawn)
    app.act(GroupVote(2))
    screen.update(0.1)
    rects = audience.draw()
    assert screen._page is page
    w, h = audience.surface.get_size()
    assert rects and sum(r.w * r.h for r in rects) < 0.15 * w * h
    words = room_words(room)
    assert "Votes in: 2" in words and "2 votes" not in words and "%" not in words
    assert pygame.image.tobytes(audience.surface, "RGB") == redraw_whole(audience)
    pilot.press("r")  # the reveal is a new slide: rebuilt whole
    room.step()
    assert screen._page is not page and "2 votes" in room_words(room)
