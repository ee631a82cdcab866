"""Intents and windows: one typed union with a handler for each, intents posted from another thread and
applied by the next frame, the story (not the screen showing) deciding whether a choice counts, and events
routed to the view whose window they carry."""

from __future__ import annotations

import inspect
import threading
import typing

from game.frozen import Frozen
from game.ui import intents
from game.ui.app import GROUP_INTENTS, HANDLERS, POSTED_PER_FRAME
from game.ui.intents import Choose, Intent, Pop, Push
from game.ui.pilot import Pilot
from game.ui.screens import BY_NAME, screen_class
from game.ui.view import View
from tests.ui_support import make_app, start


def test_every_intent_is_in_the_union_and_has_a_handler():
    defined = {cls for _, cls in inspect.getmembers(intents, inspect.isclass)
               if cls.__module__ == intents.__name__ and issubclass(cls, Frozen)}
    union = set(typing.get_args(Intent))
    assert defined == union
    assert set(HANDLERS) == union
    from game.ui.group_run import GROUP_HANDLERS  # the group's handlers, imported with the first group intent

    assert set(GROUP_HANDLERS) == set(GROUP_INTENTS)


def test_every_screen_name_finds_its_class():
    for name in BY_NAME:
        assert screen_class(name).name == name


def test_a_thread_posts_an_intent_and_the_next_frame_applies_it(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    node = app.session.story.state.node
    poster = threading.Thread(target=app.post, args=(Choose(2),))
    poster.start()
    poster.join()
    assert app.session.story.state.node == node  # posted, not yet applied: nothing happens between frames
    pilot.step()
    assert app.session.story.state.node != node
    assert pilot.names == ["title", "play", "feedback"]


def test_a_flood_of_posted_intents_is_spread_over_frames(tmp_path):
    app, pilot = make_app(tmp_path)
    for _ in range(POSTED_PER_FRAME * 2 + 1):
        app.post(Pop())  # harmless: the title stays
    assert app.step() is True
    assert app._posted.qsize() == POSTED_PER_FRAME + 1
    app.step()
    app.step()
    assert app._posted.empty() and app.step() is False  # an empty queue: the frame does not wait


def test_the_story_decides_whether_a_choice_counts_not_the_screen_showing(tmp_path):
    app, pilot = make_app(tmp_path)
    start(app, pilot)
    pilot.press("back")
    assert pilot.names == ["title", "play", "pause"]
    node = app.session.story.state.node
    app.post(Choose(99))  # not offered: ignored wherever it comes from
    pilot.step()
    assert app.session.story.state.node == node and pilot.names == ["title", "play", "pause"]
    app.post(Choose(1))  # offered (a vote from the room, say): made, and the game shows where it led
    pilot.step()
    assert app.session.story.state.node != node
    assert pilot.names == ["title", "play", "feedback"]


def test_without_a_playthrough_choices_are_ignored(tmp_path):
    app, pilot = make_app(tmp_path)
    app.post(Choose(1))
    pilot.step()
    assert app.session is None and pilot.names == ["title"]


def test_a_second_view_has_its_own_stack_look_and_events(tmp_path):
    app, pilot = make_app(tmp_path)
    audience = View(app, "Audience", profile_id="projector", speaks=False)
    app.views.append(audience)
    audience.open((1920, 1080))
    audience.push(audience.make("title"))
    room = Pilot(app, audience)
    room.click("help")
    assert room.names == ["title", "help"]
    assert pilot.names == ["title"]  # the game window did not see the click
    pilot.press("back")  # Esc on the game window's title asks whether to quit, there only
    assert pilot.names == ["title", "confirm"] and room.names == ["title", "help"]
    room.press("back")
    assert room.names == ["title"] and pilot.names == ["title", "confirm"]
    assert audience.look((1920, 1080)).metrics.body_px > app.view.look((1920, 1080)).metrics.body_px
    assert room.frame().get_size() == (1920, 1080) and pilot.frame().get_size() == (1280, 720)
    app.act(Push("settings"), audience)
    assert room.names == ["title", "settings"] and pilot.names == ["title", "confirm"]
