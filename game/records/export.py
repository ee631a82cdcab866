"""The learner's records as CSV or JSON, for `python main.py results export` and the My progress button.

CSV: one row per playthrough (a training lead's unit; the JSON has every choice), for Excel: UTF-8 with a
byte-order mark, CRLF line ends, and no cell a spreadsheet could run. Text cells have control characters
written as escapes (a tab or CR as `\\x09`, `\\x0d`; newlines kept, inside quotes) and any that then starts
with = + - @ gets an apostrophe in front (OWASP's advice against formula injection). Numbers (scores, severity,
seconds) are written as numbers, so they add up; a number is never a formula. Each standard scored in the
records gets a column of final scores, named by framework, number and short title ("hcpc-2016 2 Confidentiality"),
because a number means a different standard in another framework.

JSON: docs/records.schema.json describes it (docs/records.md says what each field means). It is ASCII: every
other character is a \\u escape, so no control character reaches a terminal it is printed on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from . import codec
from .csv_cells import field
from .flat import COLUMNS, ExportRow, row_of
from .playthrough import REFLECTION_PROMPTS, Playthrough
from .progress import framework_titles

FORMAT = "crossing-paths-records"
VERSION = 1

def _standard_columns(rows: list[ExportRow]) -> list[tuple[str, str, str]]:
    """(framework, standard, header) for every standard scored, in each framework's own order."""
    used: dict[str, set[str]] = {}
    for row in rows:
        used.setdefault(row.framework, set()).update(row.scores)
    columns = []
    for fid in sorted(f for f in used if used[f]):
        _title, order, shorts = framework_titles(fid)
        place = {sid: i for i, sid in enumerate(order)}
        ordered = sorted(used[fid], key=lambda s: (place.get(s, len(place)), s))
        columns.extend((fid, sid, f"{fid} {sid} {shorts.get(sid, '')}".rstrip()) for sid in ordered)
    return columns


def export_csv(playthroughs: Iterable[Playthrough], stream: TextIO) -> int:
    """Write the records, newest first as given, as CSV text (the caller encodes it as UTF-8, opened with
    newline=""). The byte-order mark is written here. Returns the number of rows."""
    with codec.gc_paused():
        return write_csv([row_of(p) for p in playthroughs], stream)


def write_csv(rows: list[ExportRow], stream: TextIO) -> int:
    """export_csv for records as SaveStore.export_rows reads them (the same text)."""
    scored = _standard_columns(rows)
    place = {(fid, sid): i for i, (fid, sid, _h) in enumerate(scored)}
    prompts = [key for key, _prompt in REFLECTION_PROMPTS]
    lines = ["\ufeff" + ",".join(map(field, (*COLUMNS, *(h for _f, _s, h in scored),
                                             *(f"reflection: {prompt}" for _k, prompt in REFLECTION_PROMPTS))))]
    blank_scores, blank_parts = [""] * len(scored), "," * (len(prompts) - 1)
    with codec.gc_paused():
        for cells, framework, scores, reflection, _kept, _p in rows:
            # a cell only for each score the record has (4 or 5 of every standard's column): the rest are blank
            scored_cells = blank_scores.copy()
            for sid, score in scores.items():
                scored_cells[place[framework, sid]] = field(score)
            parts = blank_parts if reflection is None else ",".join(
                [field(reflection.parts.get(key)) for key in prompts])
            lines.append(f"{cells},{','.join(scored_cells)},{parts}" if scored else f"{cells},{parts}")
        lines.append("")
        stream.write("\r\n".join(lines))
    return len(rows)


def _frameworks(rows: list[ExportRow]) -> dict:
    out = {}
    for fid in sorted({row.framework for row in rows if row.framework}):
        title, order, shorts = framework_titles(fid)
        out[fid] = {"title": title, "standards": {sid: shorts[sid] for sid in order if sid in shorts}}
    return out


def _head(rows: list[ExportRow], exported_at: datetime | None) -> dict:
    """The document's members before its records."""
    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": (exported_at or datetime.now(UTC)).astimezone(UTC).isoformat(),
        "frameworks": _frameworks(rows),
        "reflection_prompts": dict(REFLECTION_PROMPTS),
    }


def document(playthroughs: Iterable[Playthrough], exported_at: datetime | None = None) -> dict:
    """The JSON export as data (docs/records.schema.json)."""
    records = list(playthroughs)
    return {**_head([row_of(p) for p in records], exported_at), "playthroughs": [codec.to_dict(p) for p in records]}


def export_json(playthroughs: Iterable[Playthrough], stream: TextIO, exported_at: datetime | None = None) -> int:
    """Write the records as one JSON document (ASCII text: every other character, controls included, is a \\u
    escape). Returns the number of playthroughs."""
    return write_json([row_of(p) for p in playthroughs], stream, exported_at)


def export_json_kept(records: Iterable[tuple[Playthrough, str | None]], stream: TextIO,
                     exported_at: datetime | None = None) -> int:
    """export_json for records read with their JSON as kept (SaveStore.playthroughs_as_kept)."""
    return write_json([row_of(p, kept) for p, kept in records], stream, exported_at)


_ENDS = (b',"legacy":false}', b',"legacy":true}')


def _record_text(row: ExportRow) -> str:
    """The record with its reflection as the JSON export writes it: its JSON as kept (record_json) when that
    is ASCII and ends as record_json ends (older rows may not), followed by the reflection; else encoded."""
    kept = row.kept
    if type(kept) is str:
        kept = kept.encode("utf-8")
    if kept is None or not kept.isascii() or not kept.endswith(_ENDS):
        return json.dumps(codec.to_dict(row.playthrough), separators=(",", ":"))
    reflection = "null" if row.reflection is None else json.dumps(codec.reflection_dict(row.reflection),
                                                                   separators=(",", ":"))
    return f'{kept[:-1].decode("ascii")},"reflection":{reflection}}}'


def write_json(rows: list[ExportRow], stream: TextIO, exported_at: datetime | None = None) -> int:
    """export_json for records as SaveStore.export_rows reads them (the same document), writing each record's
    JSON as kept rather than encoding it again (most of the time of exporting thousands)."""
    with codec.gc_paused():
        head = {**_head(rows, exported_at), "playthroughs": []}
        # Compact and ASCII: json's C encoder serves only documents without indentation, and with ensure_ascii
        # it writes every control, bidi and non-ASCII character as a \u escape itself (the same text to any
        # JSON reader), leaving only DEL, so no pass over a 20 MB document is needed to make it safe to print.
        opening = json.dumps(head, separators=(",", ":"))
        assert opening.endswith('"playthroughs":[]}')  # the list is the document's last member
        text = "".join((opening[:-2], ",".join([_record_text(row) for row in rows]), "]}"))
    stream.write(text.replace("\x7f", "\\u007f") if "\x7f" in text else text)
    stream.write("\n")
    return len(rows)
