"""Where a YAML syntax error was caused, when that is not where libyaml stopped.

An unclosed quote or bracket lets the parser read on, sometimes for dozens of lines, before it gives up.
The trainer needs the line where the quote or bracket opened:
- libyaml names it itself for a quoted scalar or a flow collection that never closes (its context mark);
- a double or single quote left open on its line is closed by the next quote in the file, and the parser
  stops soon after: scanning back from the error for a quote that opens a value, stays open to the end of
  its line and closes on the error's line finds it.
"""

from __future__ import annotations

from dataclasses import dataclass

LOOK_BACK = 60  # lines; the worst case the planted mistakes showed was 29


@dataclass(frozen=True)
class Origin:
    line: int
    col: int
    message: str
    hint: str


_CLOSERS = {"[": "]", "{": "}"}
_QUOTE_HINT = ("close the quote at the end of the text; inside '…' write a ' as '', inside \"…\" write a \" "
               "as \\\"; text over several lines is clearer as a block with '>'")

_ESCAPE_HINT = ("inside \"…\" a backslash starts an escape such as \\n or \\u00e9; write the character itself, "
                "write a backslash as \\\\, or use '…' quotes, where a backslash is just a backslash (\\ud800 to "
                "\\udfff are halves of a pair, not characters)")


def origin(text: str, problem: str, context: str | None, line: int, col: int,
           context_line: int, context_col: int) -> Origin | None:
    if context_line and context and "quoted scalar" in context:
        if "escape" in problem or "hexdecimal" in problem:  # closed; one of its backslash escapes is no character
            return Origin(line, _backslash_before(text, line, col), f"this backslash escape in quoted text is not "
                          f"a character YAML can read ({problem})", _ESCAPE_HINT)
        return Origin(context_line, context_col, "this quote is never closed: the text runs to the end of the file",
                      _QUOTE_HINT)
    if context_line and context and "flow" in context and (context_line, context_col) != (line, col):
        lines = text.split("\n")
        opener = lines[context_line - 1][context_col - 1:context_col] if context_line <= len(lines) else ""
        if opener in _CLOSERS and context_line < line:
            return Origin(context_line, context_col,
                          f"this '{opener}' is not closed on its line: YAML read on to line {line} and stopped "
                          f"there ({problem})",
                          f"close it with '{_CLOSERS[opener]}' on this line; text containing ',', '[', ']', '{{' "
                          "or '}' must be quoted")
    return _open_quote_before(text, line)


def _backslash_before(text: str, line: int, col: int) -> int:
    """The column of the escape's backslash: libyaml stops on it, or a few characters into the escape."""
    lines = text.split("\n")
    row = lines[line - 1] if 0 < line <= len(lines) else ""
    found = row.rfind("\\", 0, col)
    return found + 1 if found >= 0 else col


def _open_quote_before(text: str, line: int) -> Origin | None:
    lines = text.split("\n")
    for number in range(line - 1, max(0, line - 1 - LOOK_BACK), -1):
        found = _unclosed_quote(lines[number - 1])
        if found is None:
            continue
        quote, col = found
        if _closes_on(lines, number, quote) == line:
            return Origin(number, col, f"this quote is not closed on its line, so the text runs on to line {line}, "
                          "where YAML cannot read what follows", _QUOTE_HINT)
        return None  # the nearest open quote closes elsewhere: not the cause
    return None


def _unclosed_quote(line: str) -> tuple[str, int] | None:
    """The quote that opens a value on this line and is still open at its end, with its 1-based column."""
    stripped = line.split(" #", 1)[0] if '"' not in line and "'" not in line else line
    i = 0
    while i < len(stripped):
        ch = stripped[i]
        if ch in "\"'" and _starts_value(stripped, i):
            end = _close(stripped, i + 1, ch)
            if end is None:
                return ch, i + 1
            i = end + 1
            continue
        if ch == "#" and (i == 0 or stripped[i - 1] == " "):
            return None  # a comment
        i += 1
    return None


def _starts_value(line: str, i: int) -> bool:
    before = line[:i].rstrip()
    return not before or before.endswith((":", "-", "[", "{", ","))


def _close(line: str, start: int, quote: str) -> int | None:
    i = start
    while i < len(line):
        ch = line[i]
        if quote == '"' and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if quote == "'" and line[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _closes_on(lines: list[str], number: int, quote: str) -> int | None:
    """The line on which the quote left open on line `number` closes (the next lone quote of its kind)."""
    for later in range(number, min(len(lines), number + LOOK_BACK)):
        if _close(lines[later], 0, quote) is not None:
            return later + 1
    return None
