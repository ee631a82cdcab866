"""Evaluate a structured condition against flags and scores. Conditions are data; nothing is ever eval'd."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .model import AllOf, AnyOf, FlagSet, FlagUnset, NotOf, ScoreTest


def holds(condition, flags: set[str] | frozenset[str], scores: Mapping[str, int]) -> bool:
    if condition is None:
        return True
    kind = type(condition)
    if kind is FlagSet:
        return condition.flag in flags
    if kind is FlagUnset:
        return condition.not_flag not in flags
    if kind is ScoreTest:
        # 'total' is the sum of all standards, unless the caller gives it as a value of its own (the
        # validator does, to try every total without trying every standard)
        if condition.score in scores:
            value = scores[condition.score]
        else:
            value = sum(scores.values()) if condition.score == "total" else 0
        if condition.at_least is not None and value < condition.at_least:
            return False
        return condition.at_most is None or value <= condition.at_most
    if kind is AllOf:
        return all(holds(c, flags, scores) for c in condition.all)
    if kind is AnyOf:
        return any(holds(c, flags, scores) for c in condition.any)
    if kind is NotOf:
        return not holds(condition.not_, flags, scores)
    raise TypeError(f"not a condition: {condition!r}")


def walk(condition, path: tuple = ()) -> Iterator[tuple[object, tuple]]:
    """Every sub-condition with its path inside the condition (for the validator to point at)."""
    if condition is None:
        return
    yield condition, path
    kind = type(condition)
    if kind is AllOf:
        for i, c in enumerate(condition.all):
            yield from walk(c, (*path, "all", i))
    elif kind is AnyOf:
        for i, c in enumerate(condition.any):
            yield from walk(c, (*path, "any", i))
    elif kind is NotOf:
        yield from walk(condition.not_, (*path, "not"))
