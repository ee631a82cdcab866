"""Diagnostics are values: a stable code, a severity, a location, a message and a hint.

One printer formats them for people (the compiler convention `PATH:LINE:COL: error CODE: message`), one
as JSON. Every code is defined once, in CODES, with a one-line meaning that the docs list.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

from .controls import escape

Severity = Literal["error", "warning"]

# code -> (severity, meaning). Stable: never reuse or renumber a code.
CODES: dict[str, tuple[Severity, str]] = {
    # reading the file
    "CP100": ("error", "file cannot be read"),
    "CP101": ("error", "file is larger than the size limit"),
    "CP102": ("error", "file is not UTF-8 text"),
    "CP103": ("error", "tab character in indentation"),
    "CP104": ("error", "file is empty"),
    "CP105": ("error", "YAML syntax error"),
    "CP106": ("error", "duplicate key"),
    "CP107": ("error", "YAML tag not allowed"),
    "CP108": ("error", "anchors and aliases are not allowed"),
    "CP109": ("error", "nesting too deep"),
    "CP110": ("error", "top level is not a mapping"),
    "CP111": ("error", "too many values in one file"),
    "CP112": ("error", "mapping key is not a plain value"),
    # the schema
    "CP200": ("error", "missing required key"),
    "CP201": ("error", "unknown key"),
    "CP202": ("error", "value has the wrong type or form"),
    # the story graph and its references
    "CP300": ("error", "unknown standards framework"),
    "CP301": ("error", "start names no node"),
    "CP302": ("error", "target names no node or ending"),
    "CP303": ("warning", "node can never be reached"),
    "CP304": ("error", "node has no way on"),
    "CP305": ("error", "no ending can be reached from this node"),
    "CP306": ("warning", "ending can never be reached"),
    "CP307": ("error", "standard not in the scenario's framework"),
    "CP308": ("error", "flag is tested but never set"),
    "CP309": ("warning", "flag is set but never tested"),
    "CP310": ("error", "conditions can hide every choice"),
    "CP311": ("error", "unknown outcome"),
    "CP312": ("error", "unknown character"),
    "CP313": ("error", "asset file is missing"),
    "CP314": ("error", "asset path leaves assets/"),
    "CP315": ("error", "id used for both a node and an ending"),
    "CP316": ("error", "routes have no default"),
    "CP317": ("error", "order length out of range"),
    "CP318": ("warning", "node has more than one way on"),
    "CP319": ("warning", "more than nine visible choices"),
    "CP320": ("error", "scenario id is used by another file"),
    "CP321": ("warning", "lines, card or prompt on a routing node are never shown"),
    "CP322": ("warning", "reason given for a standard the choice does not score"),
    "CP323": ("warning", "flag is cleared but never set"),
    "CP324": ("warning", "route after the default is never taken"),
    "CP325": ("error", "control character in text"),
    "CP326": ("warning", "bidirectional control character in text"),
    "CP327": ("warning", "a better-scoring way ends on a worse outcome"),
    # CP328-CP329 are left for the outcome checks of issue 12
    "CP330": ("error", "condition can never be true"),
    "CP331": ("error", "flag is tested before any way here sets it"),
    "CP332": ("warning", "the same choice is listed twice"),
    "CP333": ("warning", "scenario id differs from the file name"),
    "CP334": ("warning", "ending at manager_advice or above has no real_case"),
    "CP335": ("error", "image file is not an image"),
    "CP336": ("error", "unknown text token"),
    "CP337": ("warning", "prose names a regulator"),
    "CP338": ("warning", "prose names a standard by its number"),
    "CP339": ("warning", "outcome differs under the scenario's own framework"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    file: str = "<string>"
    line: int = 0  # 1-based; 0 = the whole file
    col: int = 0  # 1-based; 0 = the whole line
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def format_text(d: Diagnostic) -> str:
    """For people: control characters in a file name, id or key are shown escaped, never sent raw (see
    controls.escape); JSON escapes them already."""
    where = d.file
    if d.line:
        where += f":{d.line}"
        if d.col:
            where += f":{d.col}"
    text = f"{where}: {d.severity} {d.code}: {d.message}"
    if d.hint:
        text += f"\n    hint: {d.hint}"
    return escape(text)


def to_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([{**asdict(d), "severity": d.severity} for d in diagnostics], ensure_ascii=False)


def sort_key(d: Diagnostic) -> tuple:
    return (d.file, d.line, d.col, d.code)


class ScenarioError(Exception):
    """Raised by conveniences that load or play one scenario and cannot go on; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(format_text(d) for d in diagnostics))
