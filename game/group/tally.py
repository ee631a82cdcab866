"""The votes on one decision, from any source: hand counts typed in, clicker presses one at a time, and
one vote per phone. Options are 1-based among the choices the room is shown.

Phones are known by a hash of their device token, never the token itself: the autosave keeps the open
votes (so a crash loses none) without keeping anything that would let someone act as that phone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

MAX_COUNT = 100_000  # a typed count beyond this is a slip of the keyboard, not a room


class VoteRefused(ValueError):
    """A vote or count that cannot be taken now; the message is for people (or a phone)."""


def device_key(token: str) -> str:
    if not isinstance(token, str) or not 1 <= len(token) <= 200:
        raise VoteRefused("this device has no valid token")
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Result:
    """What a reveal shows: the counts, and the majority option or the tied options (none without votes)."""

    counts: tuple[int, ...]
    majority: int | None
    tied: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def is_tie(self) -> bool:
        return len(self.tied) > 1

    def percent(self, option: int) -> float:
        return 100.0 * self.counts[option - 1] / self.total if self.total else 0.0


@dataclass
class Tally:
    options: int
    hands: list[int] = field(default_factory=list)  # typed or clicked counts, one per option
    phones: dict[str, int] = field(default_factory=dict)  # device key -> option
    open: bool = True  # phones may vote (and change their vote)
    frozen: bool = False  # revealed or decided: no count changes any more

    def __post_init__(self) -> None:
        if len(self.hands) != self.options:
            self.hands = [0] * self.options

    def _option(self, option: object) -> int:
        if isinstance(option, bool) or not isinstance(option, int) or not 1 <= option <= self.options:
            raise VoteRefused(f"choose an option from 1 to {self.options}")
        return option

    def _counting(self) -> None:
        if self.frozen:
            raise VoteRefused("the votes have been revealed: they can no longer change")

    def set_count(self, option: int, n: int) -> None:
        self._counting()
        option = self._option(option)
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_COUNT:
            raise VoteRefused(f"a count is a whole number from 0 to {MAX_COUNT}")
        self.hands[option - 1] = n

    def add(self, option: int, delta: int = 1) -> int:
        """A clicker press (+1) or a correction (-1); never below zero. Returns the new hand count."""
        self._counting()
        option = self._option(option)
        self.hands[option - 1] = min(MAX_COUNT, max(0, self.hands[option - 1] + int(delta)))
        return self.hands[option - 1]

    def cast(self, token: str, option: int) -> None:
        """One vote per device; a second vote replaces the first while voting is open."""
        key = device_key(token)
        if not self.open or self.frozen:
            raise VoteRefused("voting has closed for this decision")
        self.phones[key] = self._option(option)

    def withdraw(self, token: str) -> bool:
        """Take a device's vote out (the facilitator removed the device). Returns whether it had one."""
        self._counting()
        return self.phones.pop(device_key(token), None) is not None

    def vote_of(self, token: str) -> int | None:
        return self.phones.get(device_key(token))

    @property
    def counts(self) -> tuple[int, ...]:
        out = list(self.hands)
        for option in self.phones.values():
            out[option - 1] += 1
        return tuple(out)

    @property
    def votes_in(self) -> int:
        return sum(self.hands) + len(self.phones)

    def result(self) -> Result:
        counts = self.counts
        top = max(counts, default=0)
        if top == 0:
            return Result(counts, None, ())
        tied = tuple(n for n, c in enumerate(counts, 1) if c == top)
        return Result(counts, tied[0] if len(tied) == 1 else None, tied if len(tied) > 1 else ())

    def to_dict(self) -> dict:
        return {"options": self.options, "hands": list(self.hands), "phones": dict(self.phones),
                "open": self.open, "frozen": self.frozen}
