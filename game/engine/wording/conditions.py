"""A condition in words, the one way every front end says it: the terminal, the story map and later the UI.

    condition({"all": [{"flag": "kept_quiet"}, {"not_flag": "came_clean"}]})   (as models)
    # 'flag kept_quiet is set and flag came_clean is not set'

Scores are named as the game names a standard ('Standard 2 · Confidentiality') when the caller passes the
short titles, else 'Standard 2'; 'total' is 'the total score'. Nested all/any are bracketed, so the words
group exactly as the condition does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..model import AllOf, AnyOf, FlagSet, FlagUnset, NotOf, ScoreTest
from .vocabulary import MINUS, standard

OTHERWISE = "otherwise"  # a route with no condition: the default


def _number(n: int) -> str:
    return f"{MINUS}{-n}" if n < 0 else str(n)


def _score_name(score_id: str, shorts: Mapping[str, str] | None) -> str:
    if score_id == "total":
        return "the total score"
    return f"{standard(score_id, (shorts or {}).get(score_id))} score"


def _score(test: ScoreTest, shorts: Mapping[str, str] | None) -> str:
    name = _score_name(test.score, shorts)
    low, high = test.at_least, test.at_most
    if low is not None and high is not None:
        return f"{name} is {_number(low)}" if low == high else f"{name} is between {_number(low)} and {_number(high)}"
    if low is not None:
        return f"{name} is at least {_number(low)}"
    return f"{name} is at most {_number(high)}"


def condition(cond, shorts: Mapping[str, str] | None = None) -> str:
    """'flag posts_down is set', 'Standard 13 score is at least 2', 'not (a or b)'. None (no condition) is
    'always'. `shorts` maps a standard's id to its short title."""
    if cond is None:
        return "always"
    return _words(cond, shorts, top=True)


def _words(cond, shorts: Mapping[str, str] | None, top: bool = False) -> str:
    kind = type(cond)
    if kind is FlagSet:
        return f"flag {cond.flag} is set"
    if kind is FlagUnset:
        return f"flag {cond.not_flag} is not set"
    if kind is ScoreTest:
        return _score(cond, shorts)
    if kind is AllOf or kind is AnyOf:
        parts = cond.all if kind is AllOf else cond.any
        if len(parts) == 1:
            return _words(parts[0], shorts, top)
        joined = (" and " if kind is AllOf else " or ").join(_words(p, shorts) for p in parts)
        return joined if top else f"({joined})"
    if kind is NotOf:
        inner = cond.not_
        if type(inner) is FlagSet:  # 'not flag x is set' reads badly; it means the same as not_flag
            return f"flag {inner.flag} is not set"
        if type(inner) is FlagUnset:
            return f"flag {inner.not_flag} is set"
        return f"not {_words(inner, shorts)}" if type(inner) in (AllOf, AnyOf) else f"not ({_words(inner, shorts)})"
    raise TypeError(f"not a condition: {cond!r}")


def when_route(cond, shorts: Mapping[str, str] | None = None) -> str:
    """A route's condition as the map and a trace say it: 'if flag x is set', or 'otherwise'."""
    return OTHERWISE if cond is None else f"if {condition(cond, shorts)}"


def when_choice(cond, shorts: Mapping[str, str] | None = None) -> str | None:
    """A choice's condition: 'shown only if …', or None for a choice that is always shown."""
    return None if cond is None else f"shown only if {condition(cond, shorts)}"


def flags_tested(cond) -> list[str]:
    """The flags a condition reads, in the order written, each once."""
    return list(dict.fromkeys(_flags(cond)))


def _flags(cond) -> Iterator[str]:
    kind = type(cond)
    if kind is FlagSet:
        yield cond.flag
    elif kind is FlagUnset:
        yield cond.not_flag
    elif kind is AllOf or kind is AnyOf:
        for part in cond.all if kind is AllOf else cond.any:
            yield from _flags(part)
    elif kind is NotOf:
        yield from _flags(cond.not_)
