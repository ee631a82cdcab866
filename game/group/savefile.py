"""The group session's autosave: one JSON file in saves/group/, written whole to a temporary file and
moved over the old one (os.replace), so a kill or power cut mid-save leaves the previous save intact.

Read back as typed records (game/engine/shape.py): a damaged, foreign or newer file is a GroupSaveError with a message for
people, never a traceback. The position is kept as the moves made (a choice number, or 0 to continue a
narration-only part) and replayed through the story on resume, as a playthrough would be.
"""

from __future__ import annotations

import json
from dataclasses import field
from pathlib import Path
from typing import Annotated, Literal

from game import atomic
from game.engine import shape
from game.engine.shape import Rule, record
from game.paths import saves_dir

KIND = "crossing-paths group session"
FORMAT = 1
MAX_BYTES = 20_000_000  # far beyond any session; a bigger file is not ours


class GroupSaveError(ValueError):
    """A group session file that cannot be written or resumed; the message is for people."""


@record(frozen=False)
class TallyData:
    options: Annotated[int, Rule(ge=1, le=99)]
    hands: list[int] = field(default_factory=list)
    phones: dict[str, int] = field(default_factory=dict)
    open: bool = True
    frozen: bool = False


@record(frozen=False)
class TimerData:
    length: Annotated[float, Rule(ge=0)]
    left: Annotated[float, Rule(ge=0)]
    started_at: float | None = None


@record(frozen=False)
class DecisionData:
    """One decision: the record's fields, plus what replay and the feedback need."""

    node: str
    question: str
    options: list[str]
    offered: list[int]  # indices in the node's choices, as shown
    votes: list[int]
    chosen: int | None = None
    how: str | None = None
    feedback: str | None = None
    opened: float
    closed: float | None = None
    revealed: bool = False


@record(frozen=False)
class SessionData:
    kind: Literal["crossing-paths group session"]
    format: int
    scenario: str
    scenario_file: str
    content_hash: str
    framework: str
    clock: float  # the last `now` seen: times are shifted by the gap on resume
    started: float
    ended: float | None = None
    moves: list[int] = field(default_factory=list)
    phase: str
    all_feedback: bool = False
    decisions: list[DecisionData] = field(default_factory=list)
    open: DecisionData | None = None  # the decision not yet decided, if any
    tally: TallyData | None = None  # its votes
    timer: TimerData


def default_file(scenario_id: str) -> Path:
    return saves_dir() / "group" / f"{scenario_id}.json"


def write(path: Path, data: dict) -> None:
    """Raises OSError; the caller keeps playing and says so."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic.write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


def read(path: Path) -> SessionData:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise GroupSaveError(f"{path} is too large to be a group session file")
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise GroupSaveError(f"there is no group session file at {path}") from None
    except OSError as exc:
        raise GroupSaveError(f"{path} cannot be read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise GroupSaveError(f"{path} is not a group session file (it is not readable JSON)") from None
    if not isinstance(raw, dict) or raw.get("kind") != KIND:
        raise GroupSaveError(f"{path} is not a group session file")
    if raw.get("format") != FORMAT:
        raise GroupSaveError(f"{path} has format {raw.get('format')!r}; this version of the game reads {FORMAT}")
    try:
        return shape.build(SessionData, raw)
    except shape.Invalid as exc:
        first = exc.errors[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GroupSaveError(f"{path} is damaged ({where}: {first['msg']})") from None
