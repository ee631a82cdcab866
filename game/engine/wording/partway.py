"""How a part-way run is described (terminal and desktop debriefs): where it began, with what."""

from __future__ import annotations

from .vocabulary import signed


def started_partway(node: str, flags: list[str], scores: dict[str, int]) -> str:
    flag_words = ", ".join(flags) if flags else "no flags"
    score_words = ", ".join(f"{sid} {signed(v)}" for sid, v in scores.items()) if scores else "no scores"
    return (f"This run started part-way, at '{node}' with flags {flag_words} and scores {score_words}: "
            "its scores and outcome are not a whole playthrough's.")
