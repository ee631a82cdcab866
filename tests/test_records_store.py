"""The learner's records in the save file (game/saves/records.py): kept, listed newest first, summed for
My progress, reflections, cleared without touching save slots; and every finished playthrough of the
terminal player and the play session lands there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from game import paths
from game.engine.checked import check_file
from game.engine.story import Story
from game.play import PlaySession
from game.records.playthrough import ChoiceMade, Playthrough, Reflection
from game.saves import SaveError, SaveStore

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny.yaml"  # a: 1 Accept -> r -> bad (ending); 2 Decline -> b (narration) -> good
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def record(n: int = 0, scenario: str = "friend-request", severity: int = 3, framework: str = "hcpc-2016",
           scores: dict | None = None, **changes) -> Playthrough:
    """A made-up record, finished n hours after T0."""
    at = T0 + timedelta(hours=n)
    path = (ChoiceMade("request", 2, "Decline politely", "Good.", {"2": 1}, at - timedelta(minutes=3), 1),)
    made = Playthrough(
        id=f"00000000-0000-4000-8000-{n:012d}", scenario=scenario, title=scenario.title(), version="2",
        content_hash="abc", framework=framework, framework_title="HCPC 2016", front_end="desktop",
        started_at=at - timedelta(minutes=5), finished_at=at, duration_s=300.0, path=path, ending="kept-apart",
        ending_title="Kept apart", outcome=f"rung{severity}", outcome_label=f"Rung {severity}", severity=severity,
        regulator=None, scores=scores if scores is not None else {"2": 1, "3": -1})
    return replace(made, **changes)


@pytest.fixture
def store(tmp_path):
    with SaveStore.open(tmp_path / "saves.sqlite3") as opened:
        yield opened


def test_a_record_kept_reads_back_the_same_and_keeping_it_again_changes_nothing(store):
    kept = record(1, reflection=Reflection({"learnt": "Boundaries matter."}, T0))
    store.record_playthrough(kept)
    store.record_playthrough(kept)
    assert store.playthroughs() == [kept]


def test_records_list_newest_first_and_by_scenario(store):
    for n, scenario in [(2, "a"), (5, "b"), (1, "a"), (4, "a")]:
        store.record_playthrough(record(n, scenario))
    assert [p.finished_at.hour for p in store.playthroughs()] == [14, 13, 11, 10]
    assert [p.finished_at.hour for p in store.playthroughs("a")] == [13, 11, 10]
    assert store.playthroughs("nothing") == []


def test_progress_sums_per_scenario_and_per_standard_within_each_framework(store):
    store.record_playthrough(record(1, "a", severity=6, scores={"2": -2, "3": 1}))
    store.record_playthrough(record(2, "a", severity=0, scores={"2": 1, "3": 1}))
    store.record_playthrough(record(3, "a", severity=4, scores={"2": 0, "3": 2}))
    store.record_playthrough(record(4, "b", severity=2, framework="swe-2019", scores={"3.1": -1}))
    progress = store.progress()
    assert [s.scenario for s in progress.scenarios] == ["b", "a"]  # the latest played first
    a = progress.scenarios[1]
    assert (a.plays, a.seconds, a.title) == (3, 900.0, "A")
    assert (a.latest.severity, a.latest.label, a.best.severity, a.best.outcome) == (4, "Rung 4", 0, "rung0")
    assert a.best.playthrough == record(2).id and a.best.finished_at == T0 + timedelta(hours=2)
    assert progress.plays == 4 and progress.seconds == 1200.0
    hcpc = next(f for f in progress.frameworks if f.framework == "hcpc-2016")
    assert hcpc.title and hcpc.title != "hcpc-2016"  # its title from the framework's data
    totals = {s.standard: (s.total, s.plays, s.upheld, s.breached) for s in hcpc.standards}
    assert totals == {"2": (-1, 3, 1, 1), "3": (4, 3, 3, 0)}
    assert [s.standard for s in hcpc.standards] == ["2", "3"]  # the framework's own order
    assert hcpc.standards[0].short and hcpc.standards[0].short != "2"  # words, not the number
    swe = next(f for f in progress.frameworks if f.framework == "swe-2019")
    assert [(s.standard, s.total) for s in swe.standards] == [("3.1", -1)]


def test_best_of_equal_outcomes_is_the_latest_and_done_marks_follow_records(store):
    assert store.best_outcomes() == {} and store.progress().empty
    store.record_playthrough(record(1, "a", severity=2, ending="first"))
    store.record_playthrough(record(3, "a", severity=2, ending="third"))
    store.record_playthrough(record(2, "a", severity=5, ending="second"))
    assert store.best_outcomes()["a"] == ("third", "rung2", 2)
    assert store.progress().scenarios[0].latest.ending == "third"


def test_reflections_are_kept_replaced_and_removed_when_emptied(store):
    store.record_playthrough(record(1))
    pid = record(1).id
    assert store.reflection(pid) is None
    kept = store.set_reflection(pid, Reflection({"happened": "A request.", "learnt": "Ask first.\n\nThen act."}))
    assert kept.updated_at is not None
    assert store.reflection(pid) == kept
    assert store.playthroughs()[0].reflection == kept
    later = Reflection({"happened": "Changed."}, T0)
    store.set_reflection(pid, later)
    assert store.reflection(pid) == later
    assert store.set_reflection(pid, Reflection({"happened": "  "})) is None
    assert store.reflection(pid) is None
    with pytest.raises(SaveError, match="no playthrough"):
        store.set_reflection("no-such-id", later)


def test_clearing_the_records_leaves_the_save_slots(store):
    loaded = check_file(TINY).loaded
    store.save("mine", Story(loaded.scenario), loaded)
    for n in range(3):
        store.record_playthrough(record(n))
    store.set_reflection(record(0).id, Reflection({"learnt": "x"}))
    assert store.clear_records() == 3
    assert store.playthroughs() == [] and store.progress().empty and store.best_outcomes() == {}
    assert store.reflection(record(0).id) is None
    assert [s.name for s in store.slots()] == ["mine"]


def test_a_damaged_record_is_left_out_and_the_others_still_list(store):
    for n in range(3):
        store.record_playthrough(record(n))
    store._db.execute("UPDATE playthrough SET record = '{\"id\": 5}' WHERE id = ?", (record(1).id,))
    assert [p.id for p in store.playthroughs()] == [record(2).id, record(0).id]


def test_a_play_session_keeps_its_whole_playthrough(store):
    loaded = check_file(TINY).loaded
    session = PlaySession.start(loaded, TINY, store, front_end="desktop")
    session.choose(2)
    session.proceed()
    [kept] = store.playthroughs()
    assert kept == session.playthrough
    assert kept.front_end == "desktop" and kept.content_hash == loaded.content_hash
    assert [(c.node, c.number, c.text) for c in kept.path] == [("a", 2, "Decline")]
    assert store.best_outcomes() == {"tiny": ("good", "commended", 0)}


def _text_player(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, paths.SAVES_ENV: str(tmp_path / "saves")}
    return subprocess.run([sys.executable, "main.py", "text", str(TINY), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_the_terminal_player_keeps_a_whole_playthrough(tmp_path):
    done = _text_player(tmp_path, "--choices", "1", "--save", "mine", "--json")
    assert done.returncode == 0, done.stderr
    with SaveStore.open(tmp_path / "saves" / paths.SAVE_FILE_NAME) as store:
        [kept] = store.playthroughs()
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert kept.front_end == "terminal" and kept.ending == summary["ending"]["id"] == "bad"
    assert [c.number for c in kept.path] == [1] and kept.path[0].at is not None
    assert kept.started_at <= kept.path[0].at <= kept.finished_at and kept.duration_s >= 0


def test_the_terminal_player_keeps_no_part_way_run(tmp_path):
    done = _text_player(tmp_path, "--from", "a", "--choices", "1", "--save", "mine")
    assert done.returncode == 0, done.stderr
    with SaveStore.open(tmp_path / "saves" / paths.SAVE_FILE_NAME) as store:
        assert store.playthroughs() == [] and store.slots()


def test_playing_on_again_from_a_save_made_before_a_recorded_ending_is_a_playthrough_of_its_own(store):
    from game.saves import resume

    loaded = check_file(TINY).loaded
    first = PlaySession.start(loaded, TINY, store)
    first.choose(2)
    first.save("before the end")
    first.proceed()
    again = PlaySession(resume(store.load("before the end"), loaded)[0], loaded, TINY, store)
    again.proceed()
    newer, older = store.playthroughs()
    assert newer.id != older.id and newer.started_at == older.started_at
    assert [c.text for c in newer.path] == [c.text for c in older.path]
    resumed = PlaySession(resume(store.load("before the end"), loaded)[0], loaded, TINY, store)
    assert resumed.story.state.playthrough.id not in (newer.id, older.id)
