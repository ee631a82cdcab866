"""What the room may see now: the one value the audience window (and a phone) draws from.

Built by GroupSession.audience_state(). It holds no facilitator notes and, before the reveal, no split
of the votes: only how many are in. tests/test_group_session.py proves both on every phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from game.engine.model import Card
from game.engine.story import EndingView, Feedback, LineView

Phase = Literal["scene", "decision", "closed", "revealed", "feedback", "ending"]


@dataclass(frozen=True)
class OptionView:
    number: int
    text: str


@dataclass(frozen=True)
class SplitRow:
    """One option in the revealed chart: number, text, count and percentage (never colour alone)."""

    number: int
    text: str
    count: int
    percent: float


@dataclass(frozen=True)
class TimerView:
    length: float
    remaining: float
    running: bool
    finished: bool


@dataclass(frozen=True)
class OptionFeedback:
    """What one option would have meant (shown side by side on demand)."""

    number: int
    text: str
    feedback: Feedback


@dataclass(frozen=True)
class AudienceState:
    phase: Phase
    decision: str | None  # the open decision's key: a phone's vote names it, and a vote for another is refused
    title: str | None
    lines: tuple[LineView, ...]
    card: Card | None
    question: str | None
    options: tuple[OptionView, ...]
    voting_open: bool
    votes_in: int
    timer: TimerView | None
    split: tuple[SplitRow, ...] | None = None  # only once revealed
    majority: int | None = None  # once revealed
    tied: tuple[int, ...] = ()  # once revealed
    chosen: int | None = None
    how: str | None = None
    feedback: Feedback | None = None
    all_feedback: tuple[OptionFeedback, ...] | None = None  # "what every option would have meant"
    ending: EndingView | None = None
