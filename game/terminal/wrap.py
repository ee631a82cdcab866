"""Wrap logical lines to the terminal: never inside a word or a URL, with list items hanging."""

from __future__ import annotations

import re
import shutil
import textwrap

from ..engine.controls import escape

MAX_WIDTH = 100  # past this, lines get hard to follow even on a wide terminal
MIN_WIDTH = 20

_ITEM = re.compile(r"^(\s*)(\d+\.\s+)?")


def terminal_width() -> int:
    # One column spare: some terminals wrap a line that exactly fills the width, leaving a blank line.
    return max(MIN_WIDTH, min(MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns - 1))


def clean(text: str) -> str:
    """Control characters shown escaped, as everywhere the game prints (see engine.controls): an escape
    sequence in a scenario must not recolour or clear the terminal. A tab is a space here."""
    return escape(text.replace("\t", " ").replace("\r\n", "\n"))


def wrap(line: str, width: int | None) -> list[str]:
    """One logical line as printed lines. A numbered item ('2. …') hangs under its text; an indented line
    keeps its indent on every printed line."""
    line = clean(line).rstrip()
    if not line.strip() or width is None:
        return [line]
    match = _ITEM.match(line)
    indent = match.group(1)
    number = match.group(2) or ""
    hang = indent + " " * len(number)
    wrapper = textwrap.TextWrapper(width=max(width, MIN_WIDTH), subsequent_indent=hang,
                                   break_long_words=False, break_on_hyphens=False)
    return wrapper.wrap(line) or [line]
