"""Starting a run part-way: at any node, with the flags and scores it would have had there (a trainer trying
one branch without replaying the way to it). Reads `--flags a,b` and `--scores 2=-1,3=1` and checks them
against the scenario and the framework played, with "did you mean" for a near miss. Pure Python."""

from __future__ import annotations

import difflib
import re

from .model import Scenario
from .reference import Framework
from .state import StartedAt
from .wording import MINUS

_ID = re.compile(r"[A-Za-z0-9_.-]+")
_SCORE = re.compile(r"([A-Za-z0-9_.-]+)=([+-]?\d{1,6})")


class StartError(ValueError):
    """A start point that cannot be used; the message is for people."""


def parse_flags(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    bad = [p for p in parts if not _ID.fullmatch(p)]
    if not parts or bad:
        raise StartError(f"'{text}' is not a list of flags such as met-before,posted")
    return list(dict.fromkeys(parts))


def parse_scores(text: str) -> dict[str, int]:
    scores: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",")):
        found = _SCORE.fullmatch(part.replace(MINUS, "-"))  # a typographic minus counts as one
        if not found:
            raise StartError(f"'{part}' in '{text}' is not a score such as 2=-1 (standard=number)")
        scores[found[1]] = scores.get(found[1], 0) + int(found[2])
    return scores


def _near(word: str, known: list[str]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def flags_set(scenario: Scenario) -> list[str]:
    """Every flag some choice of the scenario sets: the only ones a run could have."""
    found = {f for node in scenario.nodes.values() for c in node.choices or () for f in c.set_flags}
    return sorted(found)


def check(scenario: Scenario, framework: Framework, start: StartedAt) -> None:
    """Raise StartError naming the first unknown node, flag or standard."""
    places = [*scenario.nodes, *scenario.endings]
    if start.node not in places:
        raise StartError(f"scenario '{scenario.id}' has no node '{start.node}'{_near(start.node, places)}")
    known = flags_set(scenario)
    for flag in start.flags:
        if flag not in known:
            listed = f" (it sets: {', '.join(known)})" if known else " (it sets none)"
            raise StartError(f"no choice in '{scenario.id}' sets the flag '{flag}'{_near(flag, known) or listed}")
    ids = list(framework.ids)
    for sid in start.scores:
        if sid not in ids:
            raise StartError(f"the {framework.title} has no standard '{sid}'{_near(sid, ids)} "
                             f"(its standards: {', '.join(ids)})")
