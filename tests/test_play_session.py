"""The play session every front end shares (game/play.py): the framework played, whether a choice is
allowed (the story decides), the autosave and named slot after every step, retried after a failure, and the
finish recorded once. No pygame, no terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.engine import reference
from game.engine.checked import check_file
from game.engine.story import ChoiceError
from game.play import CannotPlay, PlaySession, SavingOff, story_for
from game.saves import SaveError, SaveStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"  # a: 1 Accept -> r -> bad (ending); 2 Decline -> b (narration) -> good
RICH = FIXTURES / "ui-rich.yaml"  # scored against hcpc-2012


def loaded(path: Path = TINY):
    checked = check_file(path)
    assert checked.ok, checked.diagnostics
    return checked.loaded


class FlakyStore:
    """A save store whose writes fail while `failing` is set, counting what was written."""

    def __init__(self):
        self.failing = False
        self.autosaves = 0
        self.named: list[str] = []
        self.finishes = 0
        self.notice: str | None = None

    def _check(self):
        if self.failing:
            raise SaveError("the disk is full")

    def autosave(self, story, loaded):
        self._check()
        self.autosaves += 1

    def save(self, slot, story, loaded):
        self._check()
        self.named.append(slot)

    def record_playthrough(self, playthrough):
        self._check()
        self.finishes += 1

    def has_playthrough(self, playthrough_id):
        return False


def test_the_standards_setting_picks_the_framework_played():
    data = loaded(RICH)
    assert story_for(data, None)[0].framework.id == "hcpc-2012"
    assert story_for(data, "as_written")[0].framework.id == "hcpc-2012"
    story, notices = story_for(data, "swe-2019")
    assert story.framework.id == "swe-2019" and notices == []


def test_a_framework_it_cannot_be_carried_to_falls_back_with_a_notice(monkeypatch):
    monkeypatch.setattr(reference, "mapping", lambda own, target: None)
    story, notices = story_for(loaded(RICH), "swe-2019")
    assert story.framework.id == "hcpc-2012"
    assert len(notices) == 1 and "own standards" in notices[0]


def test_a_scenario_whose_own_framework_is_unknown_cannot_be_played(monkeypatch):
    data = loaded(RICH)
    monkeypatch.setattr(reference, "framework", lambda fid: None)
    with pytest.raises(CannotPlay, match="unknown standards framework"):
        story_for(data, None)


def test_the_story_decides_whether_a_choice_is_allowed():
    session = PlaySession(story_for(loaded(), None)[0], loaded(), TINY)
    assert session.can_choose(1) and session.can_choose(2)
    assert not session.can_choose(0) and not session.can_choose(3)
    assert not session.can_proceed
    session.choose(2)
    assert session.story.state.node == "b"
    assert session.can_proceed and not session.can_choose(1)
    with pytest.raises(ChoiceError):
        session.choose(1)
    session.proceed()
    assert session.story.is_over
    assert not session.can_proceed and not session.can_choose(1)
    assert [f.node for f in session.feedback] == ["a"]


def test_start_autosaves_at_once_and_every_step_saves_and_the_finish_is_recorded_once():
    store = FlakyStore()
    session = PlaySession.start(loaded(), TINY, store, slot="mine")
    assert (store.autosaves, store.named, store.finishes) == (1, ["mine"], 0)
    assert session.saved and session.problem is None
    session.choose(2)
    session.proceed()
    assert session.story.is_over
    assert (store.autosaves, store.named, store.finishes) == (3, ["mine"] * 3, 1)
    assert session.after_step().status == "saved"  # another save of the same ending
    assert store.finishes == 1


def test_a_failed_save_never_stops_play_and_is_retried_each_step():
    store = FlakyStore()
    session = PlaySession.start(loaded(), TINY, store)
    store.failing = True
    session.choose(2)
    assert session.story.state.node == "b"  # played on
    assert session.problem == "the disk is full" and not session.saved
    assert session.after_step().status == "still failing"
    store.failing = False
    session.proceed()  # to the ending, and its saves work again
    assert session.problem is None and session.saved
    assert store.finishes == 1  # the finish missed while failing is not lost: recorded once saving works


def test_each_step_reports_failed_then_recovered_once():
    store = FlakyStore()
    session = PlaySession(story_for(loaded(), None)[0], loaded(), TINY, store)
    store.failing = True
    assert session.after_step().status == "failed"
    assert session.after_step().status == "still failing"
    store.failing = False
    assert session.after_step().status == "recovered"
    assert session.after_step().status == "saved"


def test_the_store_notice_is_reported_once():
    store = FlakyStore()
    session = PlaySession(story_for(loaded(), None)[0], loaded(), TINY, store)
    store.notice = "the save file had gone; a new one was started"
    assert session.after_step().notice == "the save file had gone; a new one was started"
    assert session.after_step().notice is None


def test_without_a_save_file_nothing_is_saved_and_a_named_save_says_why():
    session = PlaySession.start(loaded(), TINY, None)
    assert session.after_step().status == "off" and not session.saved and session.problem is None
    with pytest.raises(SavingOff, match="not available"):
        session.save("mine")


def test_a_finished_story_restored_from_a_save_is_not_counted_again(tmp_path):
    store = SaveStore.open(tmp_path / "saves.sqlite3")
    try:
        session = PlaySession.start(loaded(), TINY, store)
        session.choose(1)  # Accept: routed to the bad ending
        assert session.story.is_over
        assert len(store.best_outcomes()) == 1
        again = PlaySession(session.story, session.loaded, TINY, store)
        again.after_step()
        assert len(store.playthroughs()) == 1
        assert store.latest_autosave(include_finished=True).ending == "bad"
    finally:
        store.close()
