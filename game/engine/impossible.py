"""Conditions that can never be true, found from the condition alone (the reasoning behind CP330).

Within one `all` (nested `all`s included, since they are the same conjunction) a flag cannot be both
required (`flag:`) and forbidden (`not_flag:`), and every score test on one score must leave some value
between the highest `at_least` and the lowest `at_most`. A single score test with `at_least` above
`at_most` is the same mistake on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from .model import AllOf, FlagSet, FlagUnset, ScoreTest


def _conjuncts(condition, path: tuple) -> Iterator[tuple[object, tuple]]:
    if type(condition) is AllOf:
        for i, part in enumerate(condition.all):
            yield from _conjuncts(part, (*path, "all", i))
    else:
        yield condition, path


def _score_name(score: str) -> str:
    return "the total score" if score == "total" else f"the score for standard {score}"


def contradiction(condition, path: tuple) -> tuple[str, tuple, str] | None:
    """(why it is never true, the path of the part that contradicts an earlier one, a hint), or None.
    Only looks at `condition` as a conjunction: call it for the `when` and for each `all` that is not
    itself directly inside an `all`."""
    required: set[str] = set()
    forbidden: set[str] = set()
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    for part, at in _conjuncts(condition, path):
        kind = type(part)
        if kind is FlagSet or kind is FlagUnset:
            flag = part.flag if kind is FlagSet else part.not_flag
            mine, other = (required, forbidden) if kind is FlagSet else (forbidden, required)
            if flag in other:
                return (f"flag '{flag}' is both required (flag:) and forbidden (not_flag:), so this "
                        "condition is never true", at,
                        "keep one of the two tests, or put them under 'any:' if either will do")
            mine.add(flag)
        elif kind is ScoreTest:
            score = part.score
            if part.at_least is not None:
                low[score] = max(low.get(score, part.at_least), part.at_least)
            if part.at_most is not None:
                high[score] = min(high.get(score, part.at_most), part.at_most)
            if score in low and score in high and low[score] > high[score]:
                return (f"{_score_name(score)} would have to be at least {low[score]} and at most "
                        f"{high[score]}, so this condition is never true", at,
                        "'at_least' is the lowest score that passes and 'at_most' the highest: "
                        "swap them, or correct one")
    return None


def needs_own_check(path: tuple) -> bool:
    """A sub-condition directly inside an `all` was checked with that `all`."""
    return len(path) < 2 or path[-2] != "all"
