"""Reading every record for an export in one pass over SQL rows (SaveStore.export_rows): the fast way for a row
whose checksum matches (its columns and its JSON as kept, no record decoded), the full decoding otherwise.
game/records/flat.py says why that gives the same export."""

from __future__ import annotations

import json

from game.records import codec
from game.records.flat import ExportRow, checksum, row_of

from .records import codec_safe, decode, log


def export_rows(rows: list[tuple]) -> list[ExportRow]:
    """Rows of (id, framework, csv_cells, scores, checksum, record as bytes, reflection parts, reflection time),
    newest first."""
    out = []
    for pid, framework, cells, scores, check, raw, parts, updated in rows:
        if check is not None and type(raw) is bytes and checksum(raw, framework, cells, scores) == check:
            reflection = None
            try:
                if parts is not None:
                    reflection = codec.reflection_from({"parts": json.loads(parts), "updated_at": updated})
                out.append(ExportRow(cells, framework, json.loads(scores), reflection, raw))
            except (ValueError, RecursionError, TypeError) as exc:
                log.warning("saves: the record %s is damaged and left out: %s", codec_safe(pid), exc)
        else:
            decoded = decode(pid, raw, parts, updated)
            if decoded is not None:
                out.append(row_of(*decoded))
    return out
