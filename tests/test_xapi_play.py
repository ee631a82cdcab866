"""The recorder as a PlaySession observer: real scenarios played, statements kept as play goes, and the ones
kept live are exactly those the finished Playthrough gives (so nothing is ever sent twice in two shapes)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest

from game.engine.checked import check_file
from game.play import PlaySession
from game.records import recorder, xapi
from game.records.outbox import Outbox

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = [ROOT / "scenarios" / "friend-request.yaml", ROOT / "scenarios" / "after-court.yaml",
             ROOT / "tests" / "fixtures" / "ui-rich.yaml"]


def ticking(start=datetime(2026, 11, 29, 9, 0, tzinfo=UTC), step=timedelta(seconds=17, milliseconds=250)):
    now = [start]

    def clock():
        now[0] += step
        return now[0]
    return clock


@cache
def _checked(path: Path):
    checked = check_file(path)
    assert checked.ok, checked.diagnostics
    return checked


def play(path: Path, observers: list, seed: int) -> PlaySession:
    """Random choices until an ending, as a learner would make them."""
    checked = _checked(path)
    rng = random.Random(seed)
    session = PlaySession.start(checked.loaded, path, None, front_end="terminal", observers=observers,
                                clock=ticking())
    for _ in range(500):
        scene = session.story.scene
        if scene is None:
            break
        if scene.continues:
            session.proceed()
        else:
            session.choose(rng.randint(1, len(scene.choices)))
    assert session.story.is_over and session.playthrough is not None
    return session


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_statements_kept_as_play_goes_are_those_of_the_finished_playthrough(tmp_path, path):
    with Outbox.open(tmp_path / "box.sqlite") as box:
        live: list[int] = []
        session = play(path, [recorder.XapiRecorder(box, on_new=lambda: live.append(box.counts().queued))], 3)
        pt = session.playthrough
        expected = recorder.statements_of(pt)
        assert box.statements() == expected  # same ids, same bodies, same order
        assert live[0] == 1  # `attempted` was kept at the start, before any choice
        assert len(live) == len(pt.path) + 2  # one nudge per statement, the ending's only for `completed`
        kinds = [s["verb"]["id"] for s in expected]
        assert kinds.count(xapi.VERB_ANSWERED) == len(pt.path) >= 1


def test_a_part_way_run_sends_nothing(tmp_path):
    from game.engine.state import StartedAt

    checked = check_file(SCENARIOS[2])
    with Outbox.open(tmp_path / "box.sqlite") as box:
        start = StartedAt(node=checked.loaded.scenario.start)
        session = PlaySession.start(checked.loaded, SCENARIOS[2], None, start=start,
                                    observers=[recorder.XapiRecorder(box)])
        scene = session.story.scene
        session.choose(1) if not scene.continues else session.proceed()
        assert box.counts().total == 0
