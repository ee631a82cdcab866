"""The play state: everything a playthrough has done, as one serialisable value with a format version.

It holds ids and numbers only, plus the text of each choice and its feedback as they were shown (so a
history can still be read if the scenario file later changes).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from . import shape
from .shape import Rule, key, record

# Version log:
#   1 - first format.
#   2 - optional `started_at`: a run started part-way (at a node with flags and scores); version 1 saves load.
#   3 - optional `playthrough` (id, start, time played) and each step's `at`, set by the play session for the
#       learner's records; versions 1 and 2 load (their playthrough gets an id when it is next played).
STATE_FORMAT = 3
MIN_COMPATIBLE_STATE_FORMAT = 1


@record(frozen=False)
class Step:
    """One decision: where it was made, which choice, what it was worth and what the player was told."""

    node: str
    choice: Annotated[int, Rule(ge=0)] = key(description="Index into the node's full list of choices.")
    number: Annotated[int, Rule(ge=1)] = key(description="The 1-based number the player saw (among visible choices).")
    offered: list[int] = key(default_factory=list, description="Indices of the choices that were visible.")
    text: str
    feedback: str
    scores: dict[str, int] = key(default_factory=dict)
    at: datetime | None = key(default=None, description="When it was chosen (UTC); None in older saves.")


@record(frozen=False)
class Stamp:
    """A playthrough's identity and clock for the learner's records. The engine keeps no clock: the play session
    (game/play.py) sets this, so a playthrough saved and resumed keeps its id and start."""

    id: str = key(description="A random UUID, as text: the playthrough's id in records, exports and xAPI.")
    started: datetime = key(description="When the playthrough started (UTC).")
    played_s: Annotated[float, Rule(ge=0)] = key(default=0.0, description="Seconds played so far, over every sitting.")


@record(frozen=False)
class StartedAt:
    """Where a part-way run began (`--from NODE --flags … --scores …`): kept so that its debrief, and a save of it,
    never pass its scores and outcome off as a whole playthrough's."""

    node: str
    flags: list[str] = key(default_factory=list)
    scores: dict[str, int] = key(default_factory=dict)


@record(frozen=False)
class PlayState:
    format: int = STATE_FORMAT
    scenario: str
    framework: str | None = key(default=None, description="The framework scored against; None = the scenario's own.")
    node: str | None = key(description="The node being shown; None once an ending is reached.")
    ending: str | None = None
    flags: list[str] = key(default_factory=list)
    scores: dict[str, int] = key(default_factory=dict)
    visited: list[str] = key(default_factory=list, description="Every node shown, in order.")
    steps: list[Step] = key(default_factory=list)
    started_at: StartedAt | None = key(default=None, description="Set when the run started part-way.")
    playthrough: Stamp | None = key(default=None, description="Set by the play session (format 3).")

    def to_dict(self) -> dict:
        return shape.to_data(self)  # type: ignore[return-value]

    @classmethod
    def from_dict(cls, data: object) -> PlayState:
        """Raise StateError (never a pydantic traceback) for anything that is not a valid state."""
        if not isinstance(data, dict):
            raise StateError("the saved state is not a mapping")
        version = data.get("format")
        if not isinstance(version, int) or not MIN_COMPATIBLE_STATE_FORMAT <= version <= STATE_FORMAT:
            raise StateError(f"the saved state has format {version!r}; this version of the game reads "
                             f"{MIN_COMPATIBLE_STATE_FORMAT} to {STATE_FORMAT}")
        try:
            return shape.build(cls, data)
        except shape.Invalid as exc:
            first = exc.errors[0]
            where = ".".join(str(p) for p in first["loc"])
            raise StateError(f"the saved state is damaged ({where}: {first['msg']})") from None


class StateError(ValueError):
    """A saved state that cannot be used; the message is for people."""
