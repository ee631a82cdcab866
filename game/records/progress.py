"""My progress: what a learner's records add up to. Pure: built from rows the save file has already summed
(SaveStore.progress), so it costs the same with ten records or ten thousand.

Per-standard totals are kept per framework: "2" is confidentiality under the HCPC's 2016 standards but not
under Social Work England's, so totals are only ever added up within one framework.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import NamedTuple


class ScenarioRow(NamedTuple):
    """One scenario as the save file sums it: its latest playthrough's columns, then its best one's."""

    scenario: str
    title: str
    plays: int
    seconds: float
    latest_outcome: str
    latest_label: str
    latest_severity: int
    latest_ending: str
    latest_id: str
    latest_at: str
    best_outcome: str
    best_label: str
    best_severity: int
    best_ending: str
    best_id: str
    best_at: str


class StandardRow(NamedTuple):
    framework: str
    standard: str
    total: int  # the sum of the final scores on it
    plays: int  # playthroughs scored on it
    upheld: int  # of those, how many ended above 0
    breached: int  # and below 0


@dataclass(frozen=True)
class OutcomeReached:
    outcome: str  # the rung's id
    label: str  # the words shown, e.g. "Conditions of practice order — 12 months"
    severity: int  # 0 is the best
    ending: str
    playthrough: str  # the playthrough's id
    finished_at: datetime


@dataclass(frozen=True)
class ScenarioProgress:
    scenario: str
    title: str  # as it was last played
    plays: int
    seconds: float  # time played (legacy records, which have no duration, add nothing)
    latest: OutcomeReached
    best: OutcomeReached  # the lowest severity; the latest of equals


@dataclass(frozen=True)
class StandardTotal:
    standard: str  # its id in the framework
    short: str  # its short title, e.g. "Confidentiality"
    total: int
    plays: int
    upheld: int
    breached: int


@dataclass(frozen=True)
class FrameworkTotals:
    framework: str  # its id
    title: str
    standards: tuple[StandardTotal, ...]  # in the framework's own order


@dataclass(frozen=True)
class Progress:
    scenarios: tuple[ScenarioProgress, ...]  # the latest played first
    frameworks: tuple[FrameworkTotals, ...]  # the most played first

    @property
    def plays(self) -> int:
        return sum(s.plays for s in self.scenarios)

    @property
    def seconds(self) -> float:
        """The total time played."""
        return sum(s.seconds for s in self.scenarios)

    @property
    def empty(self) -> bool:
        return not self.scenarios


Titles = Callable[[str], tuple[str, list[str], dict[str, str]]]
"""framework id -> (its title, its standards' ids in order, {standard id: short title})."""


@cache
def framework_titles(framework_id: str) -> tuple[str, list[str], dict[str, str]]:
    """The framework's title, its standards' ids in order and their short titles, from game/data (its id and
    nothing else where it is unknown or cannot be read: an id from a save file may name no framework)."""
    from game.engine import reference
    from game.engine.datafile import DataFileError

    try:
        framework = reference.framework(framework_id)
    except DataFileError:
        framework = None
    if framework is None:
        return framework_id, [], {}
    return framework.title, framework.ids, {s.id: s.short for s in framework.standards}


def _when(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return datetime.fromtimestamp(0, UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sound_scenario(r: ScenarioRow) -> bool:
    texts = (r.scenario, r.title, r.latest_outcome, r.latest_label, r.latest_ending, r.latest_id, r.best_outcome,
             r.best_label, r.best_ending, r.best_id)
    return all(isinstance(t, str) for t in texts) and all(
        type(n) is int for n in (r.plays, r.latest_severity, r.best_severity))


def _sound_standard(r: StandardRow) -> bool:
    return isinstance(r.framework, str) and isinstance(r.standard, str) and all(
        type(n) is int for n in (r.total, r.plays, r.upheld, r.breached))


def build(scenarios: list[ScenarioRow], standards: list[StandardRow], titles: Titles = framework_titles) -> Progress:
    """Rows with a value of the wrong kind (a damaged save file) are left out rather than shown wrong."""
    scenarios = [r for r in scenarios if _sound_scenario(r)]
    standards = [r for r in standards if _sound_standard(r)]
    shown = tuple(
        ScenarioProgress(r.scenario, r.title, r.plays, float(r.seconds) if isinstance(r.seconds, int | float) else 0.0,
                         OutcomeReached(r.latest_outcome, r.latest_label, r.latest_severity, r.latest_ending,
                                        r.latest_id, _when(r.latest_at)),
                         OutcomeReached(r.best_outcome, r.best_label, r.best_severity, r.best_ending, r.best_id,
                                        _when(r.best_at)))
        for r in scenarios)
    by_framework: dict[str, list[StandardRow]] = {}
    for row in standards:
        if row.framework:  # legacy records have neither framework nor scores
            by_framework.setdefault(row.framework, []).append(row)
    frameworks = []
    for fid, rows in by_framework.items():
        title, order, shorts = titles(fid)
        place = {sid: i for i, sid in enumerate(order)}
        rows.sort(key=lambda r: (place.get(r.standard, len(place)), r.standard))
        frameworks.append(FrameworkTotals(fid, title, tuple(
            StandardTotal(r.standard, shorts.get(r.standard, r.standard), r.total, r.plays, r.upheld, r.breached)
            for r in rows)))
    frameworks.sort(key=lambda f: (-max((s.plays for s in f.standards), default=0), f.framework))
    return Progress(shown, tuple(frameworks))
