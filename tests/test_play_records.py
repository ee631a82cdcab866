"""The play session's side of the learner's records (game/play.py): a whole playthrough's id, start and choice
times, kept through a save and resume; the record made at the ending; observers told, and never stopping play."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path

from game.engine.checked import check_file
from game.engine.state import PlayState, StartedAt
from game.play import PlaySession
from game.saves import SaveStore, resume

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"  # a: 1 Accept -> r -> bad (ending); 2 Decline -> b (narration) -> good
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def loaded(path: Path = TINY):
    checked = check_file(path)
    assert checked.ok, checked.diagnostics
    return checked.loaded


class Ticking:
    """A clock that moves on `step` seconds each time it is read."""

    def __init__(self, start: datetime = T0, step: float = 10.0):
        self.now, self.step = start, timedelta(seconds=step)

    def __call__(self) -> datetime:
        now, self.now = self.now, self.now + self.step
        return now


class Listener:
    def __init__(self):
        self.events: list[tuple] = []

    def started(self, session):
        self.events.append(("started", session.story.state.playthrough.id))

    def chose(self, session, feedback, choice):
        self.events.append(("chose", feedback.node, choice.number, choice.text, choice.at, choice.index))

    def finished(self, session, playthrough):
        self.events.append(("finished", playthrough))


class Broken:
    def started(self, session):
        raise RuntimeError("observer broke")

    chose = finished = started


def test_observers_hear_the_start_each_choice_and_the_finish_in_order():
    heard = Listener()
    session = PlaySession.start(loaded(), TINY, None, front_end="terminal", observers=[Broken(), heard],
                                clock=Ticking())
    stamp = session.story.state.playthrough
    assert stamp is not None and stamp.started == T0
    session.choose(2)
    session.proceed()
    kinds = [e[0] for e in heard.events]
    assert kinds == ["started", "chose", "finished"]
    assert heard.events[0][1] == stamp.id
    assert heard.events[1][1:4] == ("a", 2, "Decline") and heard.events[1][5] == 1
    record = heard.events[2][1]
    assert record is session.playthrough
    assert record.id == stamp.id and record.front_end == "terminal" and record.scenario == "tiny"
    assert record.ending == "good" and record.outcome == "commended" and record.severity == 0
    assert record.started_at == T0 and record.finished_at > record.path[0].at > T0
    assert record.duration_s == (record.finished_at - T0).total_seconds()
    assert record.scores["3"] == 1 and record.regulator is None
    session.after_step()  # another save at the ending tells nobody again
    assert len(heard.events) == 3


def test_a_regulator_level_ending_names_the_regulator_of_the_framework_played():
    session = PlaySession.start(loaded(), TINY, None)
    session.choose(1)
    record = session.playthrough
    assert record.ending == "bad" and record.outcome_label.endswith("12 months")
    assert record.regulator and record.framework == session.story.framework.id
    regulator = session.story.framework.regulator  # the full name (a Regulator once frameworks name theirs)
    assert record.regulator == (regulator if isinstance(regulator, str) else regulator.name)


def test_a_playthrough_saved_and_resumed_keeps_its_id_start_and_choice_times(tmp_path):
    with SaveStore.open(tmp_path / "saves.sqlite3") as store:
        first = PlaySession.start(loaded(), TINY, store, clock=Ticking(T0, 60))
        first.choose(2)
        stamp = copy.copy(first.story.state.playthrough)
        chosen_at = first.story.state.steps[0].at
        story, _ = resume(store.autosave_of("tiny") and store.load(store.autosave_of("tiny")), loaded())
        later = Ticking(T0 + timedelta(days=2), 5)  # the days between sittings are not time played
        heard = Listener()
        second = PlaySession(story, loaded(), TINY, store, front_end="desktop", observers=[heard], clock=later)
        assert story.state.playthrough.id == stamp.id and story.state.steps[0].at == chosen_at
        second.proceed()
        record = second.playthrough
    assert [e[0] for e in heard.events] == ["finished"]  # resumed, not started again
    assert record.id == stamp.id and record.started_at == T0
    assert record.path[0].at == chosen_at
    assert record.duration_s == stamp.played_s + 5


def test_a_save_from_before_ids_gets_one_when_resumed():
    data = PlaySession.start(loaded(), TINY, None).story.state.to_dict()
    data.pop("playthrough")
    data["format"] = 2
    state = PlayState.from_dict(data)
    assert state.playthrough is None
    heard = Listener()
    story = PlaySession.start(loaded(), TINY, None).story
    story.state = state
    PlaySession(story, loaded(), TINY, None, observers=[heard])
    assert heard.events and heard.events[0][0] == "started" and story.state.playthrough is not None


def test_a_part_way_run_is_not_stamped_recorded_or_told():
    heard = Listener()
    session = PlaySession.start(loaded(), TINY, None, start=StartedAt(node="a"), observers=[heard])
    session.choose(1)
    assert session.story.is_over
    assert session.story.state.playthrough is None and session.playthrough is None and heard.events == []
