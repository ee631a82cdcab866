"""Reference data the game ships: standards frameworks and the outcome ladder (YAML under game/data/)."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Annotated, TypeVar

from game import paths

from . import datafile
from .regulator import Regulator, Sanction, Sanctions, rendered
from .shape import Rule, key, record
from .wording import plural

DATA = paths.DATA
T = TypeVar("T")


@record
class Standard:
    id: str
    short: str
    title: str
    paraphrased: bool = False


@record
class Framework:
    id: str
    title: str
    regulator: Regulator
    sanctions: Sanctions
    in_force: str
    standards: list[Standard]

    def get(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standards if s.id == standard_id), None)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.standards]


@record
class Outcome:
    id: str
    severity: Annotated[int, Rule(ge=0)]
    title: str
    by: str
    summary: str
    min_months: int | None = None
    max_months: int | None = None
    regulator: bool = False  # a regulator decides it: each framework names it and words it (its sanctions)
    in_years: bool = False  # its regulator sets it in years: 12 months reads "1 year" (Sanction.in_years)

    def label(self, months: int | None = None) -> str:
        """'Conditions of practice order — 12 months', 'Warning — 1 year'."""
        if not months:
            return self.title
        # as the regulator words it: "12-month", "2-year", "3-year"; "1 year" where it sets the sanction in years
        if months % 12 == 0 and (months >= 24 or self.in_years):
            return f"{self.title} — {plural(months // 12, 'year')}"
        return f"{self.title} — {plural(months, 'month')}"


@record
class Ladder:
    outcomes: list[Outcome]

    def get(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)

    def played(self, framework: Framework) -> Ladder:
        """The ladder as a player of `framework` sees it: its regulator's sanctions in its words, without the
        rungs it does not have (see regulator.py)."""
        rungs = framework.sanctions.rungs
        return Ladder(outcomes=[self._as(o, rungs[o.id], framework) if o.id in rungs else o
                                for o in self.outcomes if not o.regulator or o.id in rungs])

    def played_rung(self, outcome_id: str, framework: Framework) -> tuple[Outcome, Sanction | None] | None:
        """The rung `outcome_id` becomes under `framework` (rules 1 and 2 in regulator.py), with the
        framework's sanction where it is one; None for an id not on the ladder."""
        written = self.get(outcome_id)
        if written is None:
            return None
        if not written.regulator:
            return written, None
        rungs = framework.sanctions.rungs
        milder = [o for o in self.outcomes[: self.outcomes.index(written) + 1] if o.regulator and o.id in rungs]
        if not milder:  # _check_sanctions makes sure the mildest regulator rung is always there
            return written, None
        rung = milder[-1]
        return self._as(rung, rungs[rung.id], framework), rungs[rung.id]

    @staticmethod
    def _as(rung: Outcome, sanction: Sanction, framework: Framework) -> Outcome:
        low = sanction.min_months or min(sanction.allowed_months, default=None)
        high = sanction.max_months or max(sanction.allowed_months, default=None)
        return dataclasses.replace(rung, title=rendered(sanction.title, framework.regulator),
                                   summary=rendered(sanction.summary, framework.regulator),
                                   by=framework.regulator.sentence_name,
                                   min_months=low, max_months=high, in_years=sanction.in_years)


@record
class Mapping:
    """How scores written against one framework count against another."""

    source: str = key(alias="from")
    target: str = key(alias="to")
    basis: str
    standards: dict[str, list[str]]

    def translate(self, scores: dict[str, int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for sid, delta in scores.items():
            for target in self.standards.get(sid, []):
                out[target] = out.get(target, 0) + delta
        return out


@record
class Mappings:
    mappings: list[Mapping]


def _load(path: Path, model: type[T]) -> T:
    return datafile.validated(path, model)


@cache
def framework_ids() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (DATA / "frameworks").glob("*.yaml")))


@cache
def framework(framework_id: str) -> Framework | None:
    if framework_id not in framework_ids():
        return None
    return datafile.validated(DATA / "frameworks" / f"{framework_id}.yaml", Framework, _check_sanctions)


def _check_sanctions(fw: Framework) -> tuple[tuple, str] | None:
    """A framework's sanctions must be regulator-level rungs of the ladder, with sensible lengths, and
    include the mildest one (what any regulator-level rung it lacks can fall back to)."""
    rungs = ladder()
    regulator_rungs = [o.id for o in rungs.outcomes if o.regulator]
    for rung_id, sanction in fw.sanctions.rungs.items():
        where = ("sanctions", "rungs", rung_id)
        if rung_id not in regulator_rungs:
            return where, (f"'{rung_id}' is not a regulator-level rung of game/data/outcomes.yaml "
                           f"(those are: {', '.join(regulator_rungs)})")
        if sanction.min_months and sanction.max_months and sanction.min_months > sanction.max_months:
            return where, f"'{rung_id}' has min_months above max_months"
        if sanction.allowed_months and (sanction.min_months or sanction.max_months):
            return where, f"'{rung_id}' gives allowed_months and a range: give one or the other"
        ladder_rung = rungs.get(rung_id)
        if sanction.in_years and any(m % 12 for m in (*sanction.allowed_months, sanction.min_months or 12,
                                                       sanction.max_months or 12)):
            return where, (f"'{rung_id}' is set in years (in_years): give its lengths as whole years "
                           "(multiples of 12 months)")
        widest = (ladder_rung.min_months or 1, ladder_rung.max_months or 0)
        for months in (*sanction.allowed_months, sanction.min_months, sanction.max_months):
            if months and not widest[0] <= months <= widest[1]:
                return where, (f"'{rung_id}' allows {months} months, outside the ladder's {widest[0]} to "
                               f"{widest[1]} for this rung: widen the rung in outcomes.yaml first")
    if regulator_rungs and regulator_rungs[0] not in fw.sanctions.rungs:
        return ("sanctions", "rungs"), (f"needs '{regulator_rungs[0]}', the mildest regulator-level rung: a rung "
                                        "this framework lacks is played as the nearest milder one it has")
    return None


@cache
def mapping(source: str, target: str) -> Mapping | None:
    table = _load(DATA / "framework-mappings.yaml", Mappings)
    return next((m for m in table.mappings if m.source == source and m.target == target), None)


@cache
def ladder() -> Ladder:
    return _load(DATA / "outcomes.yaml", Ladder)
