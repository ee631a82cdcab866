"""Reference data the game ships: standards frameworks and the outcome ladder (YAML under game/data/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from game import paths

from . import datafile
from .wording import plural

DATA = paths.DATA


class _Data(BaseModel):
    # built on first use: most commands read one framework and the ladder, and import time is start-up time
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Standard(_Data):
    id: str
    short: str
    title: str
    paraphrased: bool = False


class Framework(_Data):
    id: str
    title: str
    regulator: str
    in_force: str
    standards: list[Standard]

    def get(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standards if s.id == standard_id), None)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.standards]


class Outcome(_Data):
    id: str
    severity: int = Field(ge=0)
    title: str
    by: str
    summary: str
    min_months: int | None = None
    max_months: int | None = None

    def label(self, months: int | None = None) -> str:
        """'Conditions of practice order — 12 months'."""
        if not months:
            return self.title
        if months >= 24 and months % 12 == 0:  # as the regulator words it: "12-month", "2-year", "3-year"
            years = months // 12
            return f"{self.title} — {plural(years, 'year')}"
        return f"{self.title} — {plural(months, 'month')}"


class Ladder(_Data):
    outcomes: list[Outcome]

    def get(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)


class Mapping(_Data):
    """How scores written against one framework count against another."""

    source: str = Field(alias="from")
    target: str = Field(alias="to")
    basis: str
    standards: dict[str, list[str]]

    def translate(self, scores: dict[str, int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for sid, delta in scores.items():
            for target in self.standards.get(sid, []):
                out[target] = out.get(target, 0) + delta
        return out


class Mappings(_Data):
    mappings: list[Mapping]


def _load(path: Path, model: type[_Data]) -> _Data:
    return datafile.validated(path, model)


@cache
def framework_ids() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in (DATA / "frameworks").glob("*.yaml")))


@cache
def framework(framework_id: str) -> Framework | None:
    if framework_id not in framework_ids():
        return None
    return _load(DATA / "frameworks" / f"{framework_id}.yaml", Framework)


@cache
def mapping(source: str, target: str) -> Mapping | None:
    table = _load(DATA / "framework-mappings.yaml", Mappings)
    return next((m for m in table.mappings if m.source == source and m.target == target), None)


@cache
def ladder() -> Ladder:
    return _load(DATA / "outcomes.yaml", Ladder)
