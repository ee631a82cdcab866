"""The discussion timer: a countdown the facilitator starts, pauses and extends. It only counts: it never
moves the story on. No clock of its own: every call is given `now` (seconds, any steady origin)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SECONDS = 180.0
EXTRA_SECONDS = 60.0


@dataclass
class Timer:
    length: float = DEFAULT_SECONDS  # the session's discussion length; each decision starts from it
    left: float = DEFAULT_SECONDS  # seconds left when last paused (or when it started running)
    started_at: float | None = None  # `now` when it was started; None while paused or not started

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def reset(self) -> None:
        self.left, self.started_at = self.length, None

    def start(self, now: float) -> None:
        if self.started_at is None:
            self.started_at = now

    def pause(self, now: float) -> None:
        if self.started_at is not None:
            self.left, self.started_at = self.remaining(now), None

    def add(self, seconds: float = EXTRA_SECONDS) -> None:
        self.left = max(0.0, self.left + seconds)

    def remaining(self, now: float) -> float:
        if self.started_at is None:
            return max(0.0, self.left)
        return max(0.0, self.left - max(0.0, now - self.started_at))

    def finished(self, now: float) -> bool:
        return self.remaining(now) <= 0.0

    def shifted(self, by: float) -> None:
        """Move its start by `by` seconds: after a resume, whose `now` has another origin."""
        if self.started_at is not None:
            self.started_at += by

    def to_dict(self) -> dict:
        return {"length": self.length, "left": self.left, "started_at": self.started_at}
