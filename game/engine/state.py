"""The play state: everything a playthrough has done, as one serialisable value with a format version.

It holds ids and numbers only, plus the text of each choice and its feedback as they were shown (so a
history can still be read if the scenario file later changes).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

# Version log:
#   1 - first format.
#   2 - optional `started_at`: a run started part-way (at a node with flags and scores); version 1 saves load.
#   3 - optional `playthrough` (id, start, time played) and each step's `at`, set by the play session for the
#       learner's records; versions 1 and 2 load (their playthrough gets an id when it is next played).
STATE_FORMAT = 3
MIN_COMPATIBLE_STATE_FORMAT = 1


class Step(BaseModel):
    """One decision: where it was made, which choice, what it was worth and what the player was told."""

    model_config = ConfigDict(extra="forbid")

    node: str
    choice: int = Field(ge=0, description="Index into the node's full list of choices.")
    number: int = Field(ge=1, description="The 1-based number the player saw (among visible choices).")
    offered: list[int] = Field(default_factory=list, description="Indices of the choices that were visible.")
    text: str
    feedback: str
    scores: dict[str, int] = Field(default_factory=dict)
    at: datetime | None = Field(default=None, description="When it was chosen (UTC); None in older saves.")


class Stamp(BaseModel):
    """A playthrough's identity and clock for the learner's records. The engine keeps no clock: the play session
    (game/play.py) sets this, so a playthrough saved and resumed keeps its id and start."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="A random UUID, as text: the playthrough's id in records, exports and xAPI.")
    started: datetime = Field(description="When the playthrough started (UTC).")
    played_s: float = Field(default=0.0, ge=0, description="Seconds played so far, over every sitting.")


class StartedAt(BaseModel):
    """Where a part-way run began (`--from NODE --flags … --scores …`): kept so that its debrief, and a save of it,
    never pass its scores and outcome off as a whole playthrough's."""

    model_config = ConfigDict(extra="forbid")

    node: str
    flags: list[str] = Field(default_factory=list)
    scores: dict[str, int] = Field(default_factory=dict)


class PlayState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: int = STATE_FORMAT
    scenario: str
    framework: str | None = Field(default=None, description="The framework scored against; None = the scenario's own.")
    node: str | None = Field(description="The node being shown; None once an ending is reached.")
    ending: str | None = None
    flags: list[str] = Field(default_factory=list)
    scores: dict[str, int] = Field(default_factory=dict)
    visited: list[str] = Field(default_factory=list, description="Every node shown, in order.")
    steps: list[Step] = Field(default_factory=list)
    started_at: StartedAt | None = Field(default=None, description="Set when the run started part-way.")
    playthrough: Stamp | None = Field(default=None, description="Set by the play session (format 3).")

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

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
            return cls.model_validate(data)
        except ValueError as exc:
            first = exc.errors()[0] if hasattr(exc, "errors") else {"loc": (), "msg": str(exc)}
            where = ".".join(str(p) for p in first["loc"])
            raise StateError(f"the saved state is damaged ({where}: {first['msg']})") from None


class StateError(ValueError):
    """A saved state that cannot be used; the message is for people."""
