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
    out: list[ExportRow | None] = []
    fast: list[tuple] = []  # (place in out, id, cells, framework, reflection, record): their scores decoded at once
    scores_texts: list[str] = []
    for pid, framework, cells, scores, check, raw, parts, updated in rows:
        if check is not None and type(raw) is bytes and checksum(raw, framework, cells, scores) == check:
            reflection = None
            if parts is not None:
                try:
                    reflection = codec.reflection_from({"parts": json.loads(parts), "updated_at": updated})
                except (ValueError, RecursionError, TypeError) as exc:
                    log.warning("saves: the record %s is damaged and left out: %s", codec_safe(pid), exc)
                    continue
            fast.append((len(out), pid, cells, framework, reflection, raw))
            scores_texts.append(scores)
            out.append(None)
        else:
            decoded = decode(pid, raw, parts, updated)
            if decoded is not None:
                out.append(row_of(*decoded))
    for (place, pid, cells, framework, reflection, raw), scores in zip(fast, _all_scores(scores_texts), strict=True):
        if scores is None:
            log.warning("saves: the record %s is damaged and left out: its scores are unreadable", codec_safe(pid))
        else:
            out[place] = ExportRow(cells, framework, scores, reflection, raw)
    return [row for row in out if row is not None]


def _all_scores(texts: list[str]) -> list[dict | None]:
    """Each text's scores (None where it is not a mapping): one json.loads for them all, five times quicker than
    one each; each on its own if they do not read as one list of that many mappings (only a forged checksum)."""
    try:
        every = json.loads(f"[{','.join(texts)}]")
        if len(every) == len(texts) and all(type(s) is dict for s in every):
            return every
    except (ValueError, RecursionError):
        pass
    out: list[dict | None] = []
    for text in texts:
        try:
            scores = json.loads(text)
        except (ValueError, RecursionError):
            scores = None
        out.append(scores if type(scores) is dict else None)
    return out
