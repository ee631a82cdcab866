"""A record's CSV cells kept beside it in the save file (schema 3), so that an export of thousands of records
reads rows instead of decoding every record's JSON (most of the time it took).

Each row keeps its fixed CSV cells already written (`csv_cells`: the COLUMNS, joined, game/records/
csv_cells.py), its final scores as JSON, and a checksum (CRC-32) of those, its framework, its record JSON and
CSV_RULES. The checksum is set only when the game wrote the row from a record that reads back whole. An export
takes the fast way (the cells and the JSON as kept) only for a row whose checksum still matches; any other row
(damaged, edited, migrated from a record the game would write differently, or kept under other CSV rules) is
decoded in full as before, and left out and logged if it cannot be read. Both ways give the same export (the
fast way's cells are made by the same function, `cells_of`). A CRC finds damage, not a forgery: someone who
edits their own save file and recomputes it gets their edit exported.
"""

from __future__ import annotations

import json
import zlib
from typing import NamedTuple

from .codec import when
from .csv_cells import CSV_RULES, field
from .playthrough import Playthrough, Reflection

COLUMNS = ("id", "scenario", "title", "version", "content_hash", "framework", "framework_title", "front_end",
           "started_at", "finished_at", "duration_s", "choices", "path", "ending", "ending_title", "outcome",
           "outcome_label", "severity", "regulator", "legacy")
"""The CSV's fixed columns, in order (the per-standard and reflection columns follow them)."""


class ExportRow(NamedTuple):
    """One record as an export writes it. `cells`: its COLUMNS as CSV text; `scores`: its final scores ({} for a
    legacy record); `kept`: its JSON as kept (without its reflection), reused by the JSON export when it is
    ASCII, else None and `playthrough` is encoded."""

    cells: str
    framework: str
    scores: dict[str, int]
    reflection: Reflection | None
    kept: bytes | str | None = None
    playthrough: Playthrough | None = None


def cells_of(p: Playthrough) -> str:
    """The record's COLUMNS as one CSV line's text (without the line end)."""
    return ",".join(map(field, (
        p.id, p.scenario, p.title, p.version, p.content_hash, p.framework, p.framework_title, p.front_end,
        when(p.started_at), when(p.finished_at), p.duration_s, ",".join(str(c.number) for c in p.path),
        " | ".join(f"{c.node}: {c.number}. {c.text}" for c in p.path), p.ending, p.ending_title, p.outcome,
        p.outcome_label, p.severity, p.regulator, p.legacy)))


def row_of(p: Playthrough, kept: str | None = None) -> ExportRow:
    return ExportRow(cells_of(p), p.framework, p.scores if p.framework else {}, p.reflection, kept, p)


def scores_text(p: Playthrough) -> str:
    return json.dumps(p.scores if p.framework else {}, separators=(",", ":"))


def checksum(record: bytes, framework: object, cells: object, scores: object) -> int:
    """CRC-32 of what the fast way relies on, as SQLite gives it back (text of another kind, such as bytes that
    are not UTF-8, never matches)."""
    if type(framework) is not str or type(cells) is not str or type(scores) is not str:
        return -1
    return zlib.crc32(f"{CSV_RULES}\x1f{framework}\x1f{scores}\x1f{cells}".encode("utf-8", "surrogatepass"),
                      zlib.crc32(record))
