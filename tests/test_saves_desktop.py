"""Damaged saves in the desktop game: listed as damaged on the Load screen, a clear message when picked
(a deeply nested state included), and Continue still resumes the newest good autosave."""

from __future__ import annotations

import sqlite3

from game.engine.story import Story
from game.ui.intents import ContinueLatest, LoadFrom, Push

from .ui_support import RICH, make_app, start, words


def damage(app, sql: str) -> None:
    db = sqlite3.connect(app.store.path)
    db.execute(sql)
    db.commit()
    db.close()


def saved(app, pilot):
    start(app, pilot, RICH)  # autosaves at the start
    session = app.session
    for name in ("first", "broken", "deep"):
        app.store.save(name, Story(session.scenario), session.loaded)


def test_a_damaged_row_is_listed_and_the_others_still_load(tmp_path):
    app, pilot = make_app(tmp_path)
    saved(app, pilot)
    damage(app, "UPDATE slot SET saved_at = 'yesterday' WHERE name = 'broken'")
    damage(app, "UPDATE slot SET state = '" + "[" * 100_000 + "' WHERE name = 'deep'")
    app.act(Push("load"))
    pilot.step()
    shown = words(pilot)
    assert "first" in shown and "broken" in shown and "damaged (its time is unreadable)" in shown
    slots = {s.name: s for s in app.slots()}
    for name, expected in (("broken", "is damaged (its time is unreadable)"), ("deep", "nested far too deeply")):
        index = [s.name for s in app.slots()].index(name)
        pilot.click(f"slot-{index}")
        assert pilot.names[-1] == "message" and expected in words(pilot), words(pilot)
        pilot.click("ok")
    app.act(LoadFrom(slots["first"]))
    pilot.step()
    assert pilot.names[-1] == "play"
    app.act(ContinueLatest())
    pilot.step()
    assert pilot.names[-1] == "play"
    app.store.close()
