"""CP325 and CP326: control characters in a scenario's text (checked by the loader, which has the text).

A YAML escape can put any character in a value: `title: "a\\0b"` reads as a NUL, which the desktop game
cannot draw, and `"\\e[2J"` as an ANSI sequence that would clear the terminal it is printed on. Every
string in the file is checked, whether or not the rest of it is valid, so one run reports them all. Keys
need no check here: every key is a field name or an id, and ids already allow only letters, digits and
`_.-` (CP202).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .controls import BIDI, CONTROL, describe
from .diagnostics import Diagnostic
from .yamlsafe import Positions

_EITHER = re.compile(f"{CONTROL.pattern}|{BIDI.pattern}")
_CONTROL_HINT = ("remove it: a scenario's text may hold line breaks and tabs but no other control "
                 "characters (check the escapes in double quotes, such as \\0 or \\e)")
_BIDI_HINT = ("remove it: the game lays out right-to-left text without it, and in a terminal it makes the "
              "rest of the line read in a different order")


def _strings(raw: object) -> Iterator[tuple[tuple, str]]:
    """Every string value in the data as read, with its path (iterative: nesting is bounded by the
    reader, but a deep stack of generators would still be slow)."""
    stack: list[tuple[tuple, object]] = [((), raw)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, dict):
            stack.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(((*path, i), v) for i, v in enumerate(value))


# The only ways such a character gets into a value: a backslash escape in double quotes, or written as it
# is (libyaml refuses raw C0, DEL and C1 but for NEL, and accepts the bidirectional controls).
_ONLY_WAYS_IN = ("\\", "\x85", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)))


def may_hold_controls(source: str) -> bool:
    """A few plain substring scans of the file (about 2 ms for 7 MB), where walking every value of a large
    scenario would add a tenth to loading it."""
    if source.isascii():
        return "\\" in source
    return any(s in source for s in _ONLY_WAYS_IN)


def check_controls(file: str, raw: object, positions: Positions) -> list[Diagnostic]:
    found = []
    for path, text in _strings(raw):
        if not _EITHER.search(text):
            continue
        line, col = positions.locate(raw, path, False)
        if m := CONTROL.search(text):
            found.append(Diagnostic("CP325", f"control character {describe(m.group())} at character "
                                    f"{m.start() + 1} of this text", file, line, col, _CONTROL_HINT))
        if m := BIDI.search(text):
            found.append(Diagnostic("CP326", f"bidirectional control character {describe(m.group())} at "
                                    f"character {m.start() + 1} of this text", file, line, col,
                                    _BIDI_HINT))
    return found
