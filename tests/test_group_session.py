"""Group sessions below the UI (game/group): phases, votes, reveal and decide, the timer, the audience's
view, the autosave and resume, and the summary files. Pure Python and fast."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from game.engine.loader import load_file, load_text
from game.group import GroupSaveError, GroupSession, StepRefused, Timer, VoteRefused, notes_for
from game.group.summary import cell, csv_text, handout_html, write_summary

from .conftest import FIXTURES

GROUP = FIXTURES / "group.yaml"
# intro (narration, notes) -> request: 1 Accept -> accepted (2 choices) | 2 Decline, 3 Ignore -> reflect
# (narration) -> share (no lines: straight to its vote): 1 -> good (ending, notes) | 2 -> bad
NOTE_MARK = "NOTE-"


@pytest.fixture
def loaded():
    return load_file(GROUP)


@pytest.fixture
def session(loaded, tmp_path):
    return GroupSession.start(loaded, GROUP, now=0.0, file=tmp_path / "group" / "s.json")


def to_request(session: GroupSession) -> None:
    assert session.phase == "scene" and session.scene.node == "intro"
    session.next(1.0)  # on past the narration-only intro
    assert session.phase == "scene" and session.scene.node == "request"
    session.next(2.0)  # the decision: voting opens
    assert session.phase == "decision"


def strings_and_ints(value, out_s: list, out_i: list) -> None:
    """Every string and whole number in an audience state, however deeply nested."""
    if isinstance(value, str):
        out_s.append(value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        out_i.append(value)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            strings_and_ints(getattr(value, f.name), out_s, out_i)
    elif isinstance(value, dict):
        for k, v in value.items():
            strings_and_ints(k, out_s, out_i)
            strings_and_ints(v, out_s, out_i)
    elif isinstance(value, list | tuple):
        for v in value:
            strings_and_ints(v, out_s, out_i)


def audience_text(state) -> tuple[str, list[int]]:
    s: list[str] = []
    i: list[int] = []
    strings_and_ints(state, s, i)
    return "\n".join(s), i


def test_a_whole_session_majority_feedback_ending_and_summary(session, tmp_path):
    to_request(session)
    session.set_count(1, 2)
    session.set_count(2, 6)
    session.add(3)
    session.add(3)
    session.add(3, -1)
    assert session.counts == (2, 6, 1) and session.votes_in == 9
    session.close_voting(92.0)
    result = session.reveal(now=95.0)
    assert result.majority == 2 and not result.is_tie and result.counts == (2, 6, 1)
    state = session.audience_state(95.0)
    assert [(r.number, r.count, r.percent) for r in state.split] == [(1, 2, 22.2), (2, 6, 66.7), (3, 1, 11.1)]
    feedback = session.decide(2, now=100.0)
    assert feedback.text == "A clear boundary, recorded." and session.phase == "feedback"
    assert session.audience_state(100.0).feedback.text == feedback.text
    assert session.next(110.0) == "scene" and session.scene.node == "reflect"
    assert session.next(120.0) == "decision" and session.scene.node == "share"  # no lines: straight to the vote
    session.set_count(1, 4)
    assert session.reveal(now=200.0).majority == 1
    session.decide(1, "majority", now=210.0)
    assert session.next(230.0) == "ending"
    assert session.audience_state(230.0).ending.id == "good"
    record = session.record()
    first, second = record["decisions"]
    assert first == {"node": "request", "question": "What do you do about Sam's request?",
                     "options": ["Accept it", "Decline and tell your manager", "Ignore it"], "votes": [2, 6, 1],
                     "chosen": 2, "how": "majority", "feedback": "A clear boundary, recorded.",
                     "seconds_open": 90.0, "notes": first["notes"]}
    assert first["notes"]["model_answer"] == "NOTE-MODEL-ANSWER"
    assert second["question"] == "Share the training online?" and second["seconds_open"] == 80.0
    assert record["ending"]["id"] == "good" and record["timings"]["total_seconds"] == 230.0
    assert {s["standard"]: s["score"] for s in record["scores"]} == {"1": 1, "2": 0, "3": 1, "13": 0}

    paths = write_summary(record, tmp_path / "out")
    assert [p.name for p in paths] == ["session.json", "session.csv", "handout.html"]
    data = json.loads(paths[0].read_text(encoding="utf-8"))
    assert data["decisions"][0]["votes"] == [2, 6, 1] and "notes" not in data["decisions"][0]
    assert NOTE_MARK not in "".join(p.read_text(encoding="utf-8-sig") for p in paths)
    rows = list(csv.reader(io.StringIO(paths[1].read_text(encoding="utf-8-sig"))))
    assert paths[1].read_bytes().startswith(b"\xef\xbb\xbf") and len(rows) == 3
    assert rows[1][:7] == ["1", "request", "What do you do about Sam's request?", "2",
                           "Decline and tell your manager", "majority", "9"]
    handout = paths[2].read_text(encoding="utf-8")
    assert "<td class=\"n\">6</td><td class=\"n\">67 %</td>" in handout and "by majority vote" in handout
    fac = write_summary(record, tmp_path / "out", facilitator=True)
    assert [p.name for p in fac] == ["session-facilitator.json", "session-facilitator.csv",
                                     "handout-facilitator.html"]
    for p in fac:
        text = p.read_text(encoding="utf-8-sig")
        assert "NOTE-MODEL-ANSWER" in text and "NOTE-POINT-BOUNDARIES" in text
    assert "NOTE-ENDING-POINT" in fac[2].read_text(encoding="utf-8")
    assert paths[0].exists() and "notes" not in paths[0].read_text(encoding="utf-8")  # not overwritten


def test_a_tie_then_tie_break(session):
    to_request(session)
    session.set_count(1, 3)
    session.set_count(3, 3)
    result = session.reveal(now=10.0)
    assert result.majority is None and result.tied == (1, 3) and result.is_tie
    with pytest.raises(StepRefused, match="tie-break"):
        session.decide(3, "majority", now=11.0)
    assert session.how_for(1) == "tie-break" and session.how_for(2) == "override"
    session.decide(3, now=12.0)
    assert session.record()["decisions"][0]["how"] == "tie-break"
    assert session.scene.node == "reflect"  # the play session chose option 3


def test_an_override_is_recorded_as_such(session):
    to_request(session)
    session.set_count(1, 9)
    session.set_count(2, 1)
    session.reveal(now=5.0)
    session.decide(2, "override", now=6.0)
    decision = session.record()["decisions"][0]
    assert decision["how"] == "override" and decision["chosen"] == 2 and decision["votes"] == [9, 1, 0]
    assert "overruling the majority" in handout_html(session.record())


def test_facilitator_pick_without_votes(session):
    to_request(session)
    with pytest.raises(StepRefused):
        session.decide(1, "majority", now=3.0)  # nothing was revealed
    session.decide(1, "facilitator", now=40.0)
    decision = session.record()["decisions"][0]
    assert decision["how"] == "facilitator" and decision["votes"] == [0, 0, 0] and decision["seconds_open"] == 38.0
    assert session.next(41.0) == "scene" and session.scene.node == "accepted"


def test_phone_votes_change_until_close_and_are_refused_after(session):
    to_request(session)
    key = session.decision_key
    session.cast("phone-a", 1, key)
    session.cast("phone-b", 1)
    session.cast("phone-a", 3, key)  # changed its mind: still one vote
    session.set_count(2, 4)  # hands counted beside the phones
    assert session.vote_of("phone-a") == 3 and session.counts == (1, 4, 1) and session.votes_in == 6
    with pytest.raises(VoteRefused, match="not the one open"):
        session.cast("phone-c", 1, "9-elsewhere")
    with pytest.raises(VoteRefused, match="from 1 to 3"):
        session.cast("phone-c", 4)
    assert session.withdraw("phone-b") and session.votes_in == 5
    session.close_voting(60.0)
    with pytest.raises(VoteRefused, match="closed"):
        session.cast("phone-a", 2, key)
    assert session.vote_of("phone-a") == 3
    session.reveal(now=61.0)
    with pytest.raises(VoteRefused):
        session.set_count(1, 50)  # revealed: the tally is final
    session.decide(2, now=62.0)
    record_text = json.dumps(session.record())
    saved = session.file.read_text(encoding="utf-8")
    assert "phone-a" not in record_text and "phone-a" not in saved  # tokens are never stored


def test_counts_are_never_negative_and_must_be_whole(session):
    to_request(session)
    assert session.add(1, -5) == 0
    for bad in (-1, 2.5, True, "3"):
        with pytest.raises(VoteRefused):
            session.set_count(1, bad)
    with pytest.raises(VoteRefused):
        session.add(0)


def test_autosave_and_resume_after_a_crash_keep_votes_and_position(session, loaded):
    to_request(session)
    session.set_count(1, 2)
    session.cast("phone-a", 3)
    session.start_timer(10.0)
    file = session.file
    del session  # the crash: only the file is left
    again = GroupSession.resume(file, now=5000.0)
    assert again.phase == "decision" and again.scene.node == "request"
    assert again.counts == (2, 0, 1) and again.vote_of("phone-a") == 3
    again.cast("phone-a", 1)  # the same phone, its vote changed, not added
    assert again.counts == (3, 0, 0)
    assert again.timer.running and again.timer.remaining(5000.0) == 180.0  # the time crashed counts for nothing
    again.reveal(now=5010.0)
    again.decide(1, now=5011.0)
    assert again.next(5012.0) == "scene" and again.scene.node == "accepted"
    third = GroupSession.resume(file, now=0.0, loaded=loaded)
    assert third.scene.node == "accepted" and third.record()["decisions"] == again.record()["decisions"]
    assert third.record()["decisions"][0]["seconds_open"] == 18.0  # 8 s before the crash, 10 after


def test_resume_in_the_feedback_phase_shows_the_feedback(session):
    to_request(session)
    session.decide(3, now=3.0)
    session.show_all_feedback()
    again = GroupSession.resume(session.file, now=10.0)
    state = again.audience_state(10.0)
    assert state.phase == "feedback" and state.feedback.text == "It leaves Sam guessing."
    assert next(f.feedback.text for f in state.all_feedback) == "Accepting blurs boundaries."


def test_the_audience_never_sees_notes_or_the_split_before_the_reveal(session):
    states = [session.audience_state(0.0)]
    session.next(1.0)
    states.append(session.audience_state(1.0))
    session.next(2.0)
    session.set_count(1, 37)
    session.set_count(2, 5)
    session.cast("phone", 3)
    states.append(session.audience_state(3.0))
    session.close_voting(4.0)
    states.append(session.audience_state(4.0))
    assert notes_for(session.story.scenario, "request").model_answer == "NOTE-MODEL-ANSWER"
    assert session.notes.timing == "NOTE-TIMING"  # the console has them
    for state in states:
        text, ints = audience_text(state)
        assert NOTE_MARK not in text
        assert state.split is None and 37 not in ints and 5 not in ints
    assert states[-1].votes_in == 43 and 43 in audience_text(states[-1])[1]
    session.reveal(now=5.0)
    revealed = session.audience_state(5.0)
    assert 37 in audience_text(revealed)[1] and NOTE_MARK not in audience_text(revealed)[0]
    session.decide(1, now=6.0)
    session.show_all_feedback()
    session.next(7.0)
    for _ in range(3):
        state = session.audience_state(8.0)
        assert NOTE_MARK not in audience_text(state)[0]
        if state.phase == "ending":
            break
        if session.phase == "scene":
            session.next(8.0)
        else:
            session.decide(1, now=8.0)
            session.next(8.0)


HOSTILE = "=HYPERLINK(\"http://evil\")<script>alert(1)</script>&"


def test_hostile_option_text_is_escaped_and_guarded(tmp_path):
    text = GROUP.read_text(encoding="utf-8").replace("text: Accept it,", "text: '=1+2<b>x</b>',")
    text = text.replace("What do you do about Sam's request?", "'@SUM(A1) <img src=x onerror=alert(1)>'")
    loaded = load_text(str(tmp_path / "hostile.yaml"), text)
    assert loaded.ok, loaded.diagnostics
    session = GroupSession.start(loaded, tmp_path / "hostile.yaml", now=0.0, file=None)
    session.next(1.0)
    session.next(2.0)
    session.set_count(1, 1)
    session.reveal(now=3.0)
    session.decide(1, now=4.0)
    record = session.record()
    record["decisions"][0]["feedback"] = HOSTILE
    rows = list(csv.reader(io.StringIO(csv_text(record))))
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert "'=1+2<b>x</b>" in rows[1] and "'@SUM(A1) <img src=x onerror=alert(1)>" in rows[1]
    page = handout_html(record, facilitator=True)
    assert "<script>" not in page and "<img" not in page and "<b>x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert cell("-2") == "'-2" and cell(-2) == -2 and cell("\tx") == "'\tx" and cell("plain") == "plain"


@pytest.mark.parametrize("content, message", [
    (b"", "not a group session file"),
    (b"\xff\xfe garbage", "not a group session file"),
    (b"[1, 2]", "not a group session file"),
    (b'{"kind": "something else"}', "not a group session file"),
    (b'{"kind": "crossing-paths group session", "format": 99}', "format 99"),
    (b'{"kind": "crossing-paths group session", "format": 1, "scenario": 3}', "damaged"),
])
def test_corrupt_or_foreign_files_give_a_clear_error(tmp_path, content, message):
    file = tmp_path / "s.json"
    file.write_bytes(content)
    with pytest.raises(GroupSaveError, match=message):
        GroupSession.resume(file, now=0.0)


def test_a_file_that_does_not_fit_the_scenario_gives_a_clear_error(session):
    to_request(session)
    data = json.loads(session.file.read_text(encoding="utf-8"))
    data["moves"] = [0, 7]
    session.file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GroupSaveError, match="cannot be resumed"):
        GroupSession.resume(session.file, now=0.0)
    data["moves"], data["tally"]["hands"] = [0], [1, 2]
    session.file.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GroupSaveError, match="does not match"):
        GroupSession.resume(session.file, now=0.0)
    with pytest.raises(GroupSaveError, match="no group session file"):
        GroupSession.resume(session.file.with_name("missing.json"), now=0.0)


def test_a_save_that_fails_never_stops_the_session(loaded, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    session = GroupSession.start(loaded, GROUP, now=0.0, file=blocker / "s.json")
    session.next(1.0)
    assert session.save_problem and session.phase == "scene"


def test_steps_out_of_order_are_refused(session):
    with pytest.raises(StepRefused):
        session.reveal(now=0.0)
    with pytest.raises(VoteRefused):
        session.cast("phone", 1)
    to_request(session)
    with pytest.raises(StepRefused):
        session.next(3.0)  # decide first
    with pytest.raises(StepRefused):
        session.show_all_feedback()


def test_the_timer_counts_pauses_extends_and_never_moves_the_story():
    timer = Timer(180.0, 180.0)
    timer.start(10.0)
    assert timer.remaining(70.0) == 120.0
    timer.pause(70.0)
    assert timer.remaining(500.0) == 120.0 and not timer.running
    timer.add()
    timer.start(500.0)
    assert timer.remaining(600.0) == 80.0 and not timer.finished(600.0)
    assert timer.finished(680.0) and timer.remaining(10_000.0) == 0.0


def test_the_session_timer_is_in_the_audience_state_and_resets_per_decision(session):
    to_request(session)
    session.start_timer(10.0)
    session.extend_timer()
    assert session.audience_state(70.0).timer.remaining == 180.0
    session.decide(1, now=71.0)
    assert session.phase == "feedback" and session.scene.node == "accepted"  # the timer never moved it
    session.next(72.0)
    session.next(73.0)
    assert session.audience_state(73.0).timer.remaining == 180.0 and not session.timer.running


def test_notes_load_and_are_optional(loaded):
    scenario = loaded.scenario
    assert notes_for(scenario, "intro").timing == "NOTE-INTRO-TIMING"  # a narration node may have notes
    assert notes_for(scenario, "share") is None and notes_for(scenario, "nowhere") is None
    assert notes_for(scenario, "good").points == ["NOTE-ENDING-POINT"]
    text = GROUP.read_text(encoding="utf-8").replace("notes: {timing: NOTE-INTRO-TIMING}", "notes: {}")
    bad = load_text("empty-notes.yaml", text)
    assert not bad.ok and "at least one of points, model_answer or timing" in bad.diagnostics[0].message


def test_batched_phone_votes_are_saved_at_the_next_flush(session):
    to_request(session)
    session.batch_votes = True
    before = session.file.read_text(encoding="utf-8")
    for n in range(50):
        session.cast(f"phone-{n}", 1 + n % 3)
    assert session.file.read_text(encoding="utf-8") == before and session.unsaved
    assert session.flush() and not session.unsaved and not session.flush()
    assert GroupSession.resume(session.file, now=9.0).counts == (17, 17, 16)


def test_a_new_session_is_saved_at_once(session):
    again = GroupSession.resume(session.file, now=3.0)
    assert again.phase == "scene" and again.scene.node == "intro"
