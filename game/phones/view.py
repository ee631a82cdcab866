"""What a phone may see: built by the game thread from the GroupSession, read by the server thread.

A PhoneView is frozen and replaced whole (one reference swap), so the server never reads a half-made
one. Before the reveal it holds no split: `result` is None until the session says revealed, and the
server builds every reply from this value alone, so no tally can leak to a phone early.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

PhonePhase = Literal["waiting", "open", "closed", "revealed", "ended"]

_EMPTY: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True)
class ResultRow:
    number: int
    count: int
    percent: float


@dataclass(frozen=True)
class PhoneView:
    phase: PhonePhase = "waiting"
    decision: str | None = None  # the open (or just closed) decision's key; a vote must name it
    question: str | None = None
    options: tuple[tuple[int, str], ...] = ()
    result: tuple[ResultRow, ...] | None = None  # only once revealed (and shared)
    chosen: int | None = None
    numbers_only: bool = False  # show the option numbers only: eyes stay on the projector
    # Phone votes as the tally holds them (key: game.group.tally.device_key of the device id). Never sent
    # to a phone: the server looks up the asking device's own vote only, so a rejoin shows it again.
    votes: Mapping[str, int] = field(default_factory=lambda: _EMPTY)

    @property
    def voting_open(self) -> bool:
        return self.phase == "open"


def phone_view(session: Any, *, share_result: bool = True, numbers_only: bool = False) -> PhoneView:
    """The view of a GroupSession (duck-typed: this package imports nothing of the game's)."""
    if session is None:
        return PhoneView(numbers_only=numbers_only)
    phase = session.phase
    if phase == "ending":
        return PhoneView("ended", numbers_only=numbers_only)
    current = session.current
    if current is None or phase == "scene":
        return PhoneView(numbers_only=numbers_only)
    options = tuple(enumerate(current.options, 1))
    tally = current.tally
    votes = MappingProxyType(dict(tally.phones)) if tally.phones else _EMPTY
    if phase == "decision" or (phase == "closed" and not current.revealed):
        return PhoneView("open" if phase == "decision" else "closed", session.decision_key, current.question,
                         options, numbers_only=numbers_only, votes=votes)
    if not current.revealed:  # decided without a vote: nothing to reveal
        return PhoneView("closed", None, current.question, options, chosen=current.chosen,
                         numbers_only=numbers_only, votes=votes)
    result = None
    if share_result:
        got = tally.result()
        result = tuple(ResultRow(n, got.counts[n - 1], round(got.percent(n), 1)) for n in range(1, len(options) + 1))
    return PhoneView("revealed", session.decision_key, current.question, options, result, current.chosen,
                     numbers_only, votes)
