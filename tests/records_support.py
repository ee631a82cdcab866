"""A stand-in for the save file's records API (store.reflection / set_reflection / playthroughs / progress /
clear_records) for the records screens' tests, and a Playthrough maker."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from game.records.playthrough import Playthrough, Reflection

WHEN = datetime(2026, 11, 3, 14, 30, tzinfo=UTC)


def playthrough(n: int = 1, **changes) -> Playthrough:
    values = dict(
        id=f"00000000-0000-4000-8000-{n:012d}", scenario="friend-request", title="The friend request",
        version="3", content_hash="abc", framework="hcpc-2016", framework_title="HCPC standards (2016)",
        front_end="desktop", started_at=WHEN - timedelta(minutes=12), finished_at=WHEN + timedelta(hours=n),
        duration_s=720.0, path=(), ending="declined", ending_title="Declined", outcome="commended",
        outcome_label="Commended for good practice", severity=0, regulator=None, scores={"2": 1, "3": -2})
    values.update(changes)
    return Playthrough(**values)


@pytest.fixture(name="saves")
def saves_fixture(tmp_path, monkeypatch):
    """A real save file in a folder of the test's own, open for the test."""
    from game.saves import SaveStore

    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path))
    store = SaveStore.open()
    yield store
    store.close()


class RecordsStore:
    """Only what the records screens call, in memory."""

    def __init__(self, records: list[Playthrough] | None = None):
        self.records = {p.id: p for p in records or []}
        self.fail = False

    def latest_autosave(self):
        return None

    def slots(self):
        return []

    def best_outcomes(self):
        return {}

    def close(self):
        pass

    def reflection(self, pid: str) -> Reflection | None:
        return self.records[pid].reflection if pid in self.records else None

    def set_reflection(self, pid: str, reflection: Reflection) -> None:
        if self.fail:
            raise OSError("the disk is full")
        self.records[pid] = replace(self.records[pid], reflection=reflection)

    def playthroughs(self, scenario: str | None = None, limit: int | None = None):
        newest = sorted((p for p in self.records.values() if scenario in (None, p.scenario)),
                        key=lambda p: p.finished_at, reverse=True)
        return newest[:limit] if limit is not None else newest

    def count_playthroughs(self) -> int:
        return len(self.records)

    def export_rows(self):
        from game.records.flat import row_of

        return [row_of(p) for p in self.playthroughs()]

    def clear_records(self) -> None:
        self.records.clear()

    def progress(self):
        return progress_of(list(self.records.values()))


def progress_of(records: list[Playthrough]):
    """What SaveStore.progress sums, worked out here from the records (for the screens' tests)."""
    from game.records import progress

    by_scenario: dict[str, list[Playthrough]] = {}
    for p in records:
        by_scenario.setdefault(p.scenario, []).append(p)
    rows = []
    for sid, plays in by_scenario.items():
        latest = max(plays, key=lambda p: p.finished_at)
        best = min(plays, key=lambda p: (p.severity, -p.finished_at.timestamp()))
        rows.append(progress.ScenarioRow(
            sid, latest.title, len(plays), sum(p.duration_s for p in plays),
            latest.outcome, latest.outcome_label, latest.severity, latest.ending, latest.id,
            latest.finished_at.isoformat(), best.outcome, best.outcome_label, best.severity, best.ending, best.id,
            best.finished_at.isoformat()))
    sums: dict[tuple[str, str], list[int]] = {}
    for p in records:
        for std, v in p.scores.items():
            row = sums.setdefault((p.framework, std), [0, 0, 0, 0])
            row[0] += v
            row[1] += 1
            row[2] += v > 0
            row[3] += v < 0
    standards = [progress.StandardRow(f, s, *v) for (f, s), v in sums.items()]
    return progress.build(rows, standards)
