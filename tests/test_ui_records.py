"""The records screens through real events: My progress from the title (empty and with records), the
reflection screen keyboard-only and mouse-only, autosave on leaving, exports and Clear my records."""

import json

import pygame

from game.records.playthrough import Reflection
from game.ui.embeds import ChartBlock
from game.ui.intents import Push, SaveReflection, ToTitle
from tests.records_support import RecordsStore, playthrough
from tests.ui_support import make_app, start, words


def app_with(tmp_path, monkeypatch, records=()):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    app, pilot = make_app(tmp_path, saves=False)
    app.store = RecordsStore(list(records))
    app.view.to_base()
    pilot.step()
    return app, pilot


def test_my_progress_from_the_title_with_nothing_played(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch)
    pilot.click("progress")
    assert pilot.names == ["title", "progress"]
    assert "Nothing played yet" in words(pilot)
    assert pilot.top.button_ids() == ["scenarios", "back"]
    pilot.press("activate")
    assert pilot.names == ["title", "progress", "scenarios"]


def test_my_progress_lists_latest_and_best_the_time_and_the_chart(tmp_path, monkeypatch):
    records = [playthrough(1, outcome_label="Commended for good practice", severity=0),
               playthrough(2, outcome_label="Struck off", severity=6, scores={"2": -3, "3": -1}),
               playthrough(3, scenario="after-court", title="After court", duration_s=3600.0)]
    app, pilot = app_with(tmp_path, monkeypatch, records)
    pilot.top.set_focus("progress")
    pilot.press("activate")
    text = words(pilot)
    assert "3 playthroughs of 2 scenarios" in text and "time spent: 1 hour 24 minutes" in text
    assert "Latest: Struck off" in text and "Best: Commended for good practice" in text
    assert "Played 2 times" in text
    assert "Scored against" in text and "upheld in 2 and breached in 1 of 3 playthroughs" in text
    charts = [b for b, _, _ in pilot.top._body.walk() if isinstance(b, ChartBlock)]
    assert [c.rows for c in charts] == [[("2", "Communication", -1), ("3", "Limits of knowledge", -5)]]
    assert charts[0]._fallback is None and charts[0].h > 0  # drawn by the debrief's chart


def test_clear_my_records_asks_first_and_no_keeps_them(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("progress"))
    pilot.step()
    pilot.click("clear")
    assert pilot.names[-1] == "confirm" and pilot.top.focus_id == "no"
    assert "deletes 1 finished playthrough" in words(pilot)
    pilot.press("activate")  # the safe answer has the focus
    assert pilot.names == ["title", "progress"] and app.store.records
    pilot.click("clear")
    pilot.click("yes")
    assert app.store.records == {}
    assert pilot.names == ["title", "progress", "message"] and "Records cleared" in words(pilot)
    pilot.click("ok")
    assert "Nothing played yet" in words(pilot)


def test_exports_write_into_the_exports_folder_and_say_where(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1, reflection=Reflection({"learnt": "Ask first."}))])
    app.act(Push("progress"))
    pilot.step()
    pilot.click("cpd")
    assert pilot.names[-1] == "message"
    made = list((tmp_path / "saves" / "exports").glob("cpd-record-*.html"))
    assert len(made) == 1 and str(made[0]) in words(pilot).replace(" ", "")  # a long path breaks over lines
    assert "Ask first." in made[0].read_text(encoding="utf-8")
    pilot.click("ok")
    pilot.click("export-json")
    exported = list((tmp_path / "saves" / "exports").glob("records-*.json"))
    assert len(exported) == 1 and str(exported[0]) in words(pilot).replace(" ", "")
    json.loads(exported[0].read_text(encoding="utf-8"))


def test_cpd_record_without_reflections_says_how_to_write_one(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("progress"))
    pilot.step()
    pilot.click("cpd")
    assert "No reflections yet" in words(pilot)
    assert not (tmp_path / "saves" / "exports").exists()


def test_reflection_keyboard_only_from_my_progress(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("progress"))
    pilot.step()
    pilot.top.set_focus("reflect")
    pilot.press("activate")
    assert pilot.names[-1] == "reflect_pick"
    pilot.press("activate")  # the latest playthrough has the focus
    assert pilot.names[-1] == "reflection"
    pilot.type("I was asked to connect.")
    pilot.press("next")  # Tab: the next prompt
    assert pilot.top.focus_id == "field-learnt"
    pilot.type("Boundaries matter.")
    pilot.press("next")
    pilot.press("next")
    pilot.press("next")  # past the last field: Save
    assert pilot.top.focus_id == "save"
    pilot.press("activate")
    assert pilot.names[-1] == "message" and "Saved" in words(pilot)
    kept = app.store.records[playthrough(1).id].reflection
    assert kept.parts["happened"] == "I was asked to connect." and kept.parts["learnt"] == "Boundaries matter."
    pilot.press("activate")  # OK
    pilot.press("escape")
    assert pilot.names[-1] == "reflect_pick"
    assert "reflection written" in words(pilot)


def test_reflection_mouse_only_and_back_keeps_what_was_typed(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("reflection", {"playthrough": playthrough(1).id, "title": "The friend request"}))
    pilot.step()
    pilot.click("field-peer")
    assert pilot.top.focus_id == "field-peer"
    pilot.type("Talked it through with my supervisor.")
    pilot.click("back")
    assert pilot.names == ["title"]  # no question: what was typed is kept
    assert app.store.records[playthrough(1).id].reflection.parts["peer"] == "Talked it through with my supervisor."


def test_escape_with_nothing_typed_just_goes_back(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("reflection", {"playthrough": playthrough(1).id}))
    pilot.step()
    pilot.press("escape")
    assert pilot.names == ["title"] and app.store.records[playthrough(1).id].reflection is None


def test_an_earlier_reflection_is_shown_to_edit(tmp_path, monkeypatch):
    earlier = Reflection({"happened": "Before.", "peer": "Peer words."})
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1, reflection=earlier)])
    app.act(Push("reflection", {"playthrough": playthrough(1).id}))
    pilot.step()
    assert pilot.top.target("field-happened").button.value == "Before."
    assert "Peer words." in words(pilot)


def test_a_failed_save_keeps_the_text_on_screen_and_says_so(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.store.fail = True
    app.act(Push("reflection", {"playthrough": playthrough(1).id}))
    pilot.step()
    pilot.type("Keep me")
    pilot.press("escape")
    assert pilot.names == ["title", "reflection", "message"] and "the disk is full" in words(pilot)
    pilot.press("activate")
    assert pilot.top.target("field-happened").button.value == "Keep me"


def test_closing_the_game_keeps_an_unsaved_reflection(tmp_path, monkeypatch):
    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("reflection", {"playthrough": playthrough(1).id}))
    pilot.step()
    pilot.type("Typed just before closing")
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.run(max_seconds=2)
    assert app.store.records[playthrough(1).id].reflection.parts["happened"] == "Typed just before closing"


def test_save_reflection_is_a_plain_value():
    intent = SaveReflection("id", (("happened", "x"),), close=True)
    assert intent == SaveReflection("id", (("happened", "x"),), close=True) and hash(intent)


def test_from_the_debrief_reflect_then_my_progress_with_the_real_save_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    app, pilot = make_app(tmp_path)  # a real SaveStore
    start(app, pilot)
    for key in ("choose_2", "activate", "activate", "activate", "choose_1", "activate", "activate"):
        pilot.press(key)
    assert pilot.names == ["title", "ending", "debrief"]
    record = app.session.playthrough
    assert record is not None and "reflect" in pilot.top.button_ids()
    pilot.click("reflect")
    assert pilot.names[-1] == "reflection"
    pilot.type("Zoë 社会福祉: I declined.")
    pilot.press("escape")  # back to the debrief, the reflection kept
    assert pilot.names[-1] == "debrief"
    assert app.store.reflection(record.id).parts["happened"] == "Zoë 社会福祉: I declined."
    app.act(ToTitle())
    pilot.click("progress")
    text = words(pilot)
    assert "1 playthrough of 1 scenario" in text and "Latest: Commended for good practice" in text
    pilot.click("cpd")
    made = list((tmp_path / "saves" / "exports").glob("cpd-record-*.html"))
    assert len(made) == 1 and "Zoë 社会福祉: I declined." in made[0].read_text(encoding="utf-8")


def test_a_pause_in_typing_saves_quietly(tmp_path, monkeypatch):
    from game.ui.screens import reflection

    app, pilot = app_with(tmp_path, monkeypatch, [playthrough(1)])
    app.act(Push("reflection", {"playthrough": playthrough(1).id}))
    pilot.step()
    clock = [1000.0]
    monkeypatch.setattr(reflection.time, "monotonic", lambda: clock[0])
    pilot.type("first words")
    assert app.store.records[playthrough(1).id].reflection is None  # not yet: typing goes on
    clock[0] += reflection.AUTOSAVE_AFTER + 1
    pilot.type(".")
    assert app.store.records[playthrough(1).id].reflection.parts["happened"] == "first words."
    assert pilot.names == ["title", "reflection"]  # quiet: no message, still writing


def test_clear_my_records_in_the_real_save_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    app, pilot = make_app(tmp_path)
    app.store.record_playthrough(playthrough(1, reflection=Reflection({"learnt": "x"})))
    app.act(Push("progress"))
    pilot.step()
    assert "1 playthrough of 1 scenario" in words(pilot)
    pilot.click("clear")
    pilot.click("yes")
    pilot.click("ok")
    assert "Nothing played yet" in words(pilot)
    assert app.store.playthroughs() == [] and app.store.reflection(playthrough(1).id) is None
