"""CSV cells that no spreadsheet runs and no terminal acts on, as the CSV export writes them (game/records/
export.py's docstring says the rules). The save file keeps each record's fixed cells already written this way
(game/records/flat.py), so CSV_RULES is part of every row's checksum: change what a cell looks like (here, or
game.engine.controls.escape, which writes control characters) and raise it, and rows kept under the old rules
are written afresh from their records (still right, only slower); tests/test_records_rows.py compares the two.
"""

from __future__ import annotations

from game.engine.controls import escape

CSV_RULES = 1
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset("=+-@\t\r")


def cell(value: object) -> object:
    """One cell's value that no spreadsheet runs as a formula and no terminal acts on: text with control
    characters escaped and an apostrophe before a formula's start, yes/no, a number, or ''."""
    kind = type(value)
    if kind is str:
        # the common case in C: printable text (no control or bidi character) not starting like a formula
        if value.isprintable() and (not value or value[0] not in FORMULA_FIRST):
            return value
        text = escape(value)
        return "'" + text if text.startswith(FORMULA_START) else text
    if value is None:
        return ""
    if kind is bool:
        return "yes" if value else "no"
    if kind is int or kind is float:
        return value
    return cell(str(value))


def field(value: object) -> str:
    """cell(value) as csv.writer writes it (the excel dialect: quoted when it holds a comma, a quote or a line
    end, quotes doubled). Done with str methods in C: the csv module looks at every character in turn, and a
    path's words are most of 10 MB (tests check this writes what csv.writer does)."""
    kind = type(value)
    if kind is str:
        if not value.isprintable() or (value and value[0] in FORMULA_FIRST):
            value = cell(value)
        if '"' in value:
            return '"' + value.replace('"', '""') + '"'
        if "," in value or "\n" in value or "\r" in value:
            return '"' + value + '"'
        return value
    if value is None:
        return ""
    if kind is int or kind is float:
        return str(value)  # what csv.writer writes for a number
    return field(cell(value))
