"""One finished solo playthrough, as kept in saves/ and exported: the record every other records module reads.

A value, not a view of the engine: once made it no longer depends on the scenario file, which may change or
go. Times are timezone-aware UTC. `id` is a random UUID made when the playthrough starts; exports, the CPD
record and xAPI (as the registration and the seed of statement ids) all use it, so a record keeps one
identity wherever it goes.

A `legacy` record was migrated from a save file of before records (save schema 1), which kept only the scenario,
ending, outcome rung and finish time of each finished playthrough: its `front_end`, `started_at` and
`duration_s` are None, `version`, `content_hash` and `framework` are "", `path` and `scores` are empty, and
`title`, `ending_title` and `outcome_label` are the best words known when it was migrated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FrontEnd = Literal["desktop", "terminal"]

REFLECTION_PROMPTS = (
    ("happened", "What happened"),
    ("learnt", "What I learnt"),
    ("practice", "How it will change my practice"),
    ("peer", "A note from peer discussion"),
)
"""The CPD reflection's parts, in order: (key, the prompt shown to the learner)."""


@dataclass(frozen=True)
class ChoiceMade:
    """One decision on the way: what was offered there, what the learner picked and what it scored."""

    node: str
    number: int  # the 1-based number the learner saw
    text: str  # the option's words
    feedback: str
    scores: dict[str, int]  # per-standard changes, in the framework played
    at: datetime | None  # when the choice was made; None for a choice made before the game kept times
    index: int | None = None  # the option's place in the node's full list (0-based): stable whatever was shown


@dataclass(frozen=True)
class Reflection:
    """The learner's CPD reflection on one playthrough: text per prompt key (see REFLECTION_PROMPTS)."""

    parts: dict[str, str] = field(default_factory=dict)
    updated_at: datetime | None = None

    @property
    def empty(self) -> bool:
        return not any(text.strip() for text in self.parts.values())


@dataclass(frozen=True)
class Playthrough:
    id: str  # uuid4, as text
    scenario: str  # the scenario's id
    title: str
    version: str
    content_hash: str
    framework: str  # the framework played (its id)
    framework_title: str
    front_end: FrontEnd | None  # None: a legacy record
    started_at: datetime | None  # None: a legacy record
    finished_at: datetime
    duration_s: float | None  # time played from start to the ending, over every sitting (the time between a
    # save and its resuming is not counted); None: a legacy record
    path: tuple[ChoiceMade, ...]
    ending: str  # the ending's id
    ending_title: str
    outcome: str  # the outcome rung's id
    outcome_label: str  # the words shown, e.g. "Conditions of practice order — 12 months"
    severity: int  # the rung's place on the ladder: 0 is the best
    regulator: str | None  # the regulator's name, for a regulator-level outcome
    scores: dict[str, int]  # final per-standard totals, in the framework played
    reflection: Reflection | None = None
    legacy: bool = False  # migrated from a save file of before records: see the module's docstring
