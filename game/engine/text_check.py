"""CP325 and CP326: control characters in a scenario's text (checked by the loader, which has the text);
CP336-CP338: text tokens, and prose that names a regulator or a standard's number (see the end).

A YAML escape can put any character in a value: `title: "a\\0b"` reads as a NUL, which the desktop game
cannot draw, and `"\\e[2J"` as an ANSI sequence that would clear the terminal it is printed on. Every
string in the file is checked, whether or not the rest of it is valid, so one run reports them all. Keys
need no check here: every key is a field name or an id, and ids already allow only letters, digits and
`_.-` (CP202).
"""

from __future__ import annotations

import difflib
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


# --- CP336-CP338: the prose a player reads, in whichever framework is played ---------------------------------
# Only the regulator's own words are found: "the regulator" is what neutral prose should say.
_REGULATOR_NAMES = re.compile(r"\bHCPC\b|(?i:\bHealth and Care Professions Council\b|\bSocial Work England\b)")
_STANDARD_NUMBER = re.compile(r"\b(standards?)\s+(\d+)", re.IGNORECASE)
_NOT_PROSE_KEYS = frozenset({"url", "portrait", "avatar", "asset"})
_DOLLAR = re.compile(r"\$(?!schema=)")  # the editor's "# yaml-language-server: $schema=…" line is no token
_TOKEN_HINT = "the tokens are $regulator and $Regulator (at the start of a sentence); $$ writes a dollar sign"


# The gate's own patterns: they start with a literal, which Python's re finds with a fast substring search;
# the checks' patterns (a word boundary first, or ignoring case) step through the text character by
# character: a second for a 5 MB file.
_STANDARD_GATE = re.compile(r"standards?\s+\d")
_NAMES_LOWER = ("health and care professions council", "social work england")


def may_hold_prose_issues(source: str) -> bool:
    """Plain scans of the file first, as for control characters: most files need no walk at all. A file
    that passes the gate is checked text by text with the real patterns."""
    if _DOLLAR.search(source) is not None or "HCPC" in source:
        return True
    lower = source.lower()
    return any(name in lower for name in _NAMES_LOWER) or _STANDARD_GATE.search(lower) is not None


def _text(path: tuple) -> bool:
    """Words someone reads, not an address or a file name (the engine renders tokens in these)."""
    return bool(path) and not (isinstance(path[-1], str) and path[-1] in _NOT_PROSE_KEYS)


def _story(path: tuple) -> bool:
    """The game's own story: not a real case from the record or a published reference, which name the
    regulator and the standards as they were."""
    return path[0] != "references" and "real_case" not in path


def strings_where(raw: object, wanted) -> Iterator[tuple[tuple, str]]:
    """(path, text) of each string value for which wanted(text) is true. Quicker than `_strings` for a scan
    that finds little: a path is built only for a string found (from links to its parents), and a string is
    tested where its container is read rather than pushed on the stack."""
    stack: list[tuple[tuple | None, object]] = [(None, raw)]
    while stack:
        link, value = stack.pop()
        kind = type(value)
        if kind is dict:
            for key, item in value.items():
                if type(item) is str:
                    if wanted(item):
                        yield _path((link, key)), item
                elif type(item) in (dict, list):
                    stack.append(((link, key), item))
        elif kind is list:
            for index, item in enumerate(value):
                if type(item) is str:
                    if wanted(item):
                        yield _path((link, index)), item
                elif type(item) in (dict, list):
                    stack.append(((link, index), item))
        elif kind is str and wanted(value):
            yield (), value


def _path(link: tuple | None) -> tuple:
    keys = []
    while link is not None:
        link, key = link
        keys.append(key)
    return tuple(reversed(keys))


_CLUES = ("$", "HCPC", "tandard", "TANDARD", "ngland", "NGLAND", "rofessions", "ROFESSIONS")


def _may_be_at_fault(text: str) -> bool:
    """A few substring tests (in C) rule out nearly every text; a regular expression on each of a large
    scenario's 100,000 texts took five times as long as walking them."""
    return any(clue in text for clue in _CLUES)


def check_prose(file: str, raw: object, positions: Positions) -> list[Diagnostic]:
    from . import reference, tokens  # the frameworks are read only for a file that needs a hint from them

    framework_id = raw.get("framework", "hcpc-2012") if isinstance(raw, dict) else "hcpc-2012"
    framework = reference.framework(framework_id) if isinstance(framework_id, str) else None
    found = []
    for path, text in strings_where(raw, _may_be_at_fault):  # candidates; the exact tests below decide
        if not _text(path):
            continue
        story = _story(path)
        unknown = tokens.unknown(text)
        named = _REGULATOR_NAMES.search(text) if story else None
        numbered = _STANDARD_NUMBER.search(text) if story else None
        if not (unknown or named or numbered):
            continue  # nearly every text: found in a few scans, and never located
        line, col = positions.locate(raw, path, False)
        for offset, name in unknown:
            close = difflib.get_close_matches(name, tokens.NAMES, n=1, cutoff=0.5)
            hint = f"did you mean '${close[0]}'? ({_TOKEN_HINT})" if close else _TOKEN_HINT.capitalize()
            found.append(Diagnostic("CP336", f"unknown text token '${name}' at character {offset + 1} of this "
                                    "text", file, line, col, hint))
        if m := named:
            found.append(Diagnostic("CP337", f"'{m.group()}' names a regulator at character {m.start() + 1}: "
                                    "played under another framework, the regulator is another one", file,
                                    line, col, "write $regulator ($Regulator at the start of a sentence), or "
                                    "'the regulator'; only a debrief's real_case and references name one as "
                                    "it was"))
        if m := numbered:
            found.append(Diagnostic("CP338", f"'{m.group()}' names a standard by its number, which differs "
                                    "between frameworks", file, line, col, _standard_hint(m.group(2), framework)))
    return found


def _standard_hint(number: str, framework) -> str:
    standard = framework.get(number) if framework is not None else None
    if standard is None:
        return "use the standard's words (e.g. 'confidentiality', 'personal conduct') rather than its number"
    return (f"use its words, e.g. '{standard.short.lower()}' ({framework.id}'s standard {number}): the feedback "
            "panel shows each standard's number in the framework played")
