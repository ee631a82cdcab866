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

import csv
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from game.engine.controls import escape

from . import codec
from .playthrough import REFLECTION_PROMPTS, Playthrough
from .progress import framework_titles

FORMAT = "crossing-paths-records"
VERSION = 1
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ("id", "scenario", "title", "version", "content_hash", "framework", "framework_title", "front_end",
           "started_at", "finished_at", "duration_s", "choices", "path", "ending", "ending_title", "outcome",
           "outcome_label", "severity", "regulator", "legacy")


FORMULA_FIRST = frozenset("=+-@\t\r")


def cell(value: object) -> object:
    """One CSV cell that no spreadsheet runs as a formula and no terminal acts on (see the module's docstring)."""
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


def _standard_columns(playthroughs: list[Playthrough]) -> list[tuple[str, str, str]]:
    """(framework, standard, header) for every standard scored, in each framework's own order."""
    used: dict[str, set[str]] = {}
    for p in playthroughs:
        used.setdefault(p.framework, set()).update(p.scores)
    columns = []
    for fid in sorted(f for f in used if used[f]):
        _title, order, shorts = framework_titles(fid)
        place = {sid: i for i, sid in enumerate(order)}
        ordered = sorted(used[fid], key=lambda s: (place.get(s, len(place)), s))
        columns.extend((fid, sid, f"{fid} {sid} {shorts.get(sid, '')}".rstrip()) for sid in ordered)
    return columns


def _path_words(p: Playthrough) -> str:
    return " | ".join(f"{c.node}: {c.number}. {c.text}" for c in p.path)


def export_csv(playthroughs: Iterable[Playthrough], stream: TextIO) -> int:
    """Write the records, newest first as given, as CSV text (the caller encodes it as UTF-8, opened with
    newline=""). The byte-order mark is written here. Returns the number of rows."""
    with codec.gc_paused():
        return _write_csv(list(playthroughs), stream)


def _write_csv(records: list[Playthrough], stream: TextIO) -> int:
    scored = _standard_columns(records)
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([cell(h) for h in (*COLUMNS, *(h for _f, _s, h in scored),
                                       *(f"reflection: {prompt}" for _k, prompt in REFLECTION_PROMPTS))])
    prompts = [key for key, _prompt in REFLECTION_PROMPTS]
    for p in records:
        row = [p.id, p.scenario, p.title, p.version, p.content_hash, p.framework, p.framework_title, p.front_end,
               codec.when(p.started_at), codec.when(p.finished_at), p.duration_s,
               ",".join(str(c.number) for c in p.path), _path_words(p), p.ending, p.ending_title, p.outcome,
               p.outcome_label, p.severity, p.regulator, p.legacy]
        scores = p.scores if p.framework else {}
        row += [scores.get(sid) if p.framework == fid else None for fid, sid, _h in scored]
        parts = p.reflection.parts if p.reflection is not None else {}
        row += [parts.get(key) for key in prompts]
        writer.writerow(map(cell, row))
    return len(records)


def _frameworks(playthroughs: list[Playthrough]) -> dict:
    out = {}
    for fid in sorted({p.framework for p in playthroughs if p.framework}):
        title, order, shorts = framework_titles(fid)
        out[fid] = {"title": title, "standards": {sid: shorts[sid] for sid in order if sid in shorts}}
    return out


def _head(records: list[Playthrough], exported_at: datetime | None) -> dict:
    """The document's members before its records."""
    return {
        "format": FORMAT, "version": VERSION,
        "exported_at": (exported_at or datetime.now(UTC)).astimezone(UTC).isoformat(),
        "frameworks": _frameworks(records),
        "reflection_prompts": dict(REFLECTION_PROMPTS),
    }


def document(playthroughs: Iterable[Playthrough], exported_at: datetime | None = None) -> dict:
    """The JSON export as data (docs/records.schema.json)."""
    records = list(playthroughs)
    return {**_head(records, exported_at), "playthroughs": [codec.to_dict(p) for p in records]}


def export_json(playthroughs: Iterable[Playthrough], stream: TextIO, exported_at: datetime | None = None) -> int:
    """Write the records as one JSON document (ASCII text: every other character, controls included, is a \\u
    escape). Returns the number of playthroughs."""
    return export_json_kept([(p, None) for p in playthroughs], stream, exported_at)


def export_json_kept(records: Iterable[tuple[Playthrough, str | None]], stream: TextIO,
                     exported_at: datetime | None = None) -> int:
    """export_json for records read with their JSON as kept (SaveStore.playthroughs_as_kept): the same document,
    without encoding each record a second time (most of the time of exporting thousands)."""
    with codec.gc_paused():
        pairs = list(records)
        head = {**_head([p for p, _kept in pairs], exported_at), "playthroughs": []}
        # Compact and ASCII: json's C encoder serves only documents without indentation, and with ensure_ascii
        # it writes every control, bidi and non-ASCII character as a \u escape itself (the same text to any
        # JSON reader), leaving only DEL, so no pass over a 20 MB document is needed to make it safe to print.
        opening = json.dumps(head, separators=(",", ":"))
        assert opening.endswith('"playthroughs":[]}')  # the list is the document's last member
        text = "".join((opening[:-2], ",".join(codec.export_json_text(p, kept) for p, kept in pairs), "]}"))
    stream.write(text.replace("\x7f", "\\u007f") if "\x7f" in text else text)
    stream.write("\n")
    return len(pairs)
