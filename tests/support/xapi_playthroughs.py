"""Playthrough values for the xAPI tests, made without playing (the records hook makes the real ones)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from game.records.playthrough import ChoiceMade, Playthrough

START = datetime(2026, 11, 29, 10, 0, 0, tzinfo=UTC)


def playthrough(choices: int = 3, *, pid: str | None = None, severity: int = 1, scenario: str = "friend-request",
                version: str = "1.2", framework: str = "hcpc-2016", start: datetime = START,
                text: str = "Accept the request <b>and</b> say hello") -> Playthrough:
    path = tuple(
        ChoiceMade(node=f"decide_{n}", number=n % 3 + 1, text=f"{text} {n}",
                   feedback=f"That keeps \"confidentiality\" & trust {n}.", scores={"2": -1, "3": n % 2},
                   at=start + timedelta(seconds=30 * (n + 1)), index=n % 3)
        for n in range(choices))
    finished = start + timedelta(seconds=30 * (choices + 1) + 5)
    return Playthrough(
        id=pid or str(uuid.uuid4()), scenario=scenario, title="A friend request", version=version,
        content_hash="sha256:abc123", framework=framework, framework_title="HCPC standards (2016)",
        front_end="terminal", started_at=start, finished_at=finished,
        duration_s=(finished - start).total_seconds(), path=path, ending="quiet_word",
        ending_title="A quiet word", outcome="manager_advice" if severity == 2 else "no_concern",
        outcome_label="No concerns", severity=severity, regulator=None, scores={"2": -choices, "3": 1})
