"""Read the members of a top-level JSON object one by one, so that one bad value costs only its own key.

Why not `json.loads`: it is all or nothing. A value nested 1,000 deep raises RecursionError, and a
5,000-digit number raises ValueError, and either one would throw away every good value beside it. Here
each member's value is decoded on its own; a value that cannot be decoded is skipped to its end (by its
brackets, or as one bare token) and reported, and the members around it are kept. Anything that is not
an object of members at all (a list, text that is not JSON, a missing bracket) raises ValueError.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_BARE = re.compile(r"[^\s,}\]]+")  # a number, true, false or null: up to the next separator


def _space(text: str, i: int) -> int:
    return _SPACE.match(text, i).end()


def _expect(text: str, i: int, char: str, what: str) -> int:
    if text[i:i + 1] != char:
        found = repr(text[i]) if i < len(text) else "the end of the file"
        raise ValueError(f"expected {what} at character {i}, found {found}")
    return i + 1


def _skip(text: str, i: int) -> int:
    """The end of the value starting at i, found without decoding it (no recursion, so no depth limit)."""
    if text[i:i + 1] == '"':
        return scanstring(text, i + 1)[1]
    if text[i:i + 1] not in ("[", "{"):
        bare = _BARE.match(text, i)
        if bare is None:
            raise ValueError(f"expected a value at character {i}")
        return bare.end()
    depth = 0
    while i < len(text):
        char = text[i]
        if char == '"':
            i = scanstring(text, i + 1)[1]
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("a bracket is never closed")


def read_members(text: str) -> tuple[dict[str, object], dict[str, str]]:
    """The object's members that decode, and {key: why} for those that do not. Raises ValueError when
    the text is not one JSON object."""
    try:  # the usual case, at C speed; member by member only when the whole will not decode
        whole = json.loads(text)
        if isinstance(whole, dict):
            return whole, {}
    except (ValueError, RecursionError):
        pass
    i = _space(text, 0)
    if text[i:i + 1] != "{":
        try:
            whole = json.loads(text)
        except (ValueError, RecursionError):
            raise ValueError("it is not a JSON object") from None
        raise ValueError(f"it holds a JSON {type(whole).__name__}, not an object of settings")
    members: dict[str, object] = {}
    broken: dict[str, str] = {}
    i = _space(text, i + 1)
    if text[i:i + 1] == "}":
        i += 1
    else:
        while True:
            start = _expect(text, i, '"', "a key in double quotes")
            key, i = scanstring(text, start)
            i = _space(text, _expect(text, _space(text, i), ":", "':'"))
            try:
                members[key], i = _DECODER.raw_decode(text, i)
                broken.pop(key, None)
            except RecursionError:
                broken[key], i = "nested too deeply", _skip(text, i)
                members.pop(key, None)
            except ValueError as exc:
                broken[key], i = str(exc).split(":")[0], _skip(text, i)
                members.pop(key, None)
            i = _space(text, i)
            if text[i:i + 1] == ",":
                i = _space(text, i + 1)
                continue
            i = _expect(text, i, "}", "',' or '}'")
            break
    if _space(text, i) != len(text):
        raise ValueError(f"there is more after the closing '}}' (character {i})")
    return members, broken
