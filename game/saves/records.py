"""The learner's records in the save file (schema 2): every finished whole playthrough, and CPD reflections.

A record is kept as its JSON (game/records/codec.py) beside the columns that lists, the done marks, the best
outcomes and My progress are worked out from in SQL (indexed by scenario, finish time and severity), and the
per-standard totals are kept summed as records come in (standard_total), so My progress stays quick with
thousands of records and never parses them.
Reflections are kept apart, as the learner edits them after the record is made. Save slots are not records:
clearing the records leaves them alone.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

# The record's classes and its JSON (game/records: codec, flat, playthrough) are imported where a record is
# read or written: the save store opens before the title's first frame, which needs only the save slots.
if TYPE_CHECKING:
    from game.records.flat import ExportRow
    from game.records.playthrough import Playthrough, Reflection
    from game.records.progress import Progress

log = logging.getLogger("crossing_paths.saves")

ADDED_IN_3 = (
    # What an export reads instead of decoding the record (game/records/flat.py); NULL only in a row migrated
    # from a record that cannot be read. Schema 3 added them, so they follow the columns of schema 2 everywhere.
    "csv_cells TEXT",                    # the CSV's fixed cells, written
    "scores TEXT",                       # the final scores as JSON ({} for a legacy record)
    "checksum INTEGER",                  # flat.checksum; NULL: an export decodes the record in full
)

RECORDS_SCHEMA = (
    """CREATE TABLE playthrough (
        n INTEGER PRIMARY KEY,           -- the order kept in: breaks ties between equal finish times
        id TEXT NOT NULL UNIQUE,         -- the playthrough's UUID
        scenario TEXT NOT NULL,
        title TEXT NOT NULL,             -- the scenario's title when played
        framework TEXT NOT NULL,         -- '' for a legacy record
        finished_at TEXT NOT NULL,       -- UTC, ISO 8601 with microseconds: sorts as time
        duration_s REAL,                 -- NULL for a legacy record
        ending TEXT NOT NULL,
        outcome TEXT NOT NULL,
        outcome_label TEXT NOT NULL,
        severity INTEGER NOT NULL,       -- the outcome's place on the ladder: 0 is the best
        record TEXT NOT NULL,            -- the whole Playthrough as JSON, without its reflection
        """ + ",\n        ".join(ADDED_IN_3) + """
    )""",
    # Covering what My progress reads (plays, time, the latest and the best per scenario), so it never reads
    # the records themselves, which are most of the file.
    "CREATE INDEX playthrough_by_scenario ON playthrough (scenario, finished_at, duration_s)",
    "CREATE INDEX playthrough_by_severity ON playthrough (scenario, severity, finished_at)",
    "CREATE INDEX playthrough_by_finish ON playthrough (finished_at)",
    """CREATE TABLE standard_total (   -- per-standard totals over every record, kept up to date as records are kept
        framework TEXT NOT NULL,
        standard TEXT NOT NULL,
        total INTEGER NOT NULL,          -- the sum of the final scores on it
        plays INTEGER NOT NULL,          -- records scored on it
        upheld INTEGER NOT NULL,         -- of those, ended above 0
        breached INTEGER NOT NULL,       -- and below 0
        PRIMARY KEY (framework, standard)
    ) WITHOUT ROWID""",
    """CREATE TABLE reflection (
        playthrough TEXT PRIMARY KEY,    -- playthrough.id
        parts TEXT NOT NULL,             -- JSON: {prompt key: text}
        updated_at TEXT NOT NULL
    )""",
)

_COLUMNS = ("id, scenario, title, framework, finished_at, duration_s, ending, outcome, outcome_label, severity, record, "
            "csv_cells, scores, checksum")


def stored_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def export_columns(p: Playthrough, text: str) -> tuple[str, str, int | None]:
    """(csv_cells, scores, checksum) for a record kept as `text` (its JSON), worked out from the record as it
    reads back from that text, so they hold what decoding the row gives. A record that does not read back whole
    gets no checksum: every export decodes it, and leaves it out, as it would without them."""
    from game.records import codec, flat

    try:
        back = codec.from_dict(json.loads(text))
    except (ValueError, RecursionError):
        return flat.cells_of(p), flat.scores_text(p), None
    cells, scores = flat.cells_of(back), flat.scores_text(back)
    return cells, scores, flat.checksum(text.encode("utf-8"), back.framework, cells, scores)


def insert(db: sqlite3.Connection, p: Playthrough) -> None:
    """Add one record (inside the caller's transaction); a record already kept (same id) is left as it was."""
    from game.records import codec

    text = codec.record_json(p)
    cursor = db.execute(
        f"INSERT OR IGNORE INTO playthrough ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (p.id, p.scenario, p.title, p.framework, stored_time(p.finished_at), p.duration_s, p.ending, p.outcome,
         p.outcome_label, p.severity, text, *export_columns(p, text)))
    if cursor.rowcount and p.scores:
        db.executemany("""INSERT INTO standard_total VALUES (?, ?, ?, 1, ?, ?)
                          ON CONFLICT (framework, standard) DO UPDATE SET total = total + excluded.total,
                              plays = plays + 1, upheld = upheld + excluded.upheld,
                              breached = breached + excluded.breached""",
                       [(p.framework, sid, score, int(score > 0), int(score < 0)) for sid, score in p.scores.items()])


class RecordsMixin:
    """SaveStore's records methods (it provides _read, _write_with, path)."""

    _read: Callable[..., list[tuple]]
    _read_utf8: Callable[..., list[tuple]]
    _write_with: Callable[..., Any]

    def record_playthrough(self, p: Playthrough) -> None:
        """Keep a finished playthrough (its reflection, if any, too). Keeping the same one again changes nothing."""
        def write(db: sqlite3.Connection) -> None:
            insert(db, p)
            if p.reflection is not None:
                _put_reflection(db, p.id, p.reflection)

        self._write_with("cannot keep the finished playthrough in", write)

    def record_playthroughs(self, records: Iterable[Playthrough]) -> None:
        """Keep many records in one transaction (an import, a benchmark): all or none."""
        def write(db: sqlite3.Connection) -> None:
            for p in records:
                insert(db, p)
                if p.reflection is not None:
                    _put_reflection(db, p.id, p.reflection)

        self._write_with("cannot keep the finished playthroughs in", write)

    def has_playthrough(self, playthrough_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM playthrough WHERE id = ?", (playthrough_id,)))

    def playthroughs(self, scenario: str | None = None, limit: int | None = None) -> list[Playthrough]:
        """Every record (of one scenario, if given; the latest `limit`, if given), newest first, each with its
        reflection. A damaged record is left out (and logged) rather than hiding the others."""
        return [p for p, _text in self._decoded(scenario, limit)]

    def playthroughs_as_kept(self, scenario: str | None = None) -> list[tuple[Playthrough, str | None]]:
        """As playthroughs(), each with its JSON as kept (without its reflection; None where it cannot be
        reused)."""
        return self._decoded(scenario)

    def count_playthroughs(self) -> int:
        """How many records there are (damaged ones included): counted in SQL, none decoded."""
        return self._read("SELECT count(*) FROM playthrough")[0][0]

    def export_rows(self) -> list[ExportRow]:
        """Every record as the exports write it, newest first (game/records/flat.py): from its columns and its
        JSON as kept when its checksum matches, else decoded in full; a damaged record is left out and logged,
        as playthroughs() does."""
        from game.records.codec import gc_paused

        from .export_read import export_rows

        with gc_paused():
            rows = self._read_utf8("""SELECT p.id, p.framework, p.csv_cells, p.scores, p.checksum,
                                         CAST(p.record AS BLOB), r.parts, r.updated_at
                                  FROM playthrough p LEFT JOIN reflection r ON r.playthrough = p.id
                                  ORDER BY p.finished_at DESC, p.n DESC""")
            return export_rows(rows)

    def _decoded(self, scenario: str | None, limit: int | None = None) -> list[tuple[Playthrough, str | None]]:
        where, params = ("WHERE p.scenario = ?", (scenario,)) if scenario is not None else ("", ())
        if limit is not None:  # in SQL: the Reflect picker's latest 50 decode 50 records, not every one
            params = (*params, max(0, int(limit)))
        out = []
        from game.records.codec import gc_paused

        with gc_paused():
            # the record as bytes: json.loads reads UTF-8 itself, without a Python text factory call per row
            rows = self._read(f"""SELECT p.id, CAST(p.record AS BLOB), r.parts, r.updated_at FROM playthrough p
                                  LEFT JOIN reflection r ON r.playthrough = p.id {where}
                                  ORDER BY p.finished_at DESC, p.n DESC {"LIMIT ?" if limit is not None else ""}""",
                              params)
            for pid, raw, parts, updated in rows:
                decoded = decode(pid, raw, parts, updated)
                if decoded is not None:
                    out.append(decoded)
        return out

    def progress(self) -> Progress:
        """My progress, worked out in SQL: per scenario, the time played and per-standard totals."""
        from game.records.progress import ScenarioRow, StandardRow, build

        # One row per scenario: its totals from the covering index, then its latest and its best record,
        # each found by one index lookup.
        scenarios = self._read("""
            SELECT t.scenario, l.title, t.plays, t.seconds,
                   l.outcome, l.outcome_label, l.severity, l.ending, l.id, l.finished_at,
                   b.outcome, b.outcome_label, b.severity, b.ending, b.id, b.finished_at
            FROM (SELECT scenario, count(*) AS plays, total(duration_s) AS seconds FROM playthrough
                  GROUP BY scenario) t
            JOIN playthrough l ON l.n = (SELECT n FROM playthrough WHERE scenario = t.scenario
                                         ORDER BY finished_at DESC, n DESC LIMIT 1)
            JOIN playthrough b ON b.n = (SELECT n FROM playthrough WHERE scenario = t.scenario
                                         ORDER BY severity ASC, finished_at DESC, n DESC LIMIT 1)
            ORDER BY l.finished_at DESC, l.n DESC""")
        standards = self._read("SELECT framework, standard, total, plays, upheld, breached FROM standard_total")
        return build([ScenarioRow(*row) for row in scenarios], [StandardRow(*row) for row in standards])

    def best_outcomes(self) -> dict:
        """For each scenario finished at least once: its best outcome so far (lowest severity; the latest
        of equals), as a BestOutcome (ending, outcome, severity)."""
        from .store import BestOutcome

        rows = self._read("""
            SELECT b.scenario, b.ending, b.outcome, b.severity
            FROM (SELECT DISTINCT scenario FROM playthrough) s
            JOIN playthrough b ON b.n = (SELECT n FROM playthrough WHERE scenario = s.scenario
                                         ORDER BY severity ASC, finished_at DESC, n DESC LIMIT 1)""")
        return {scenario: BestOutcome(ending, outcome, severity) for scenario, ending, outcome, severity in rows
                if all(isinstance(v, str) for v in (scenario, ending, outcome)) and type(severity) is int}

    def set_reflection(self, playthrough_id: str, reflection: Reflection) -> Reflection | None:
        """Keep the learner's reflection on a playthrough, replacing the one before; an empty reflection removes
        it. Returns what is kept now (its time set to now when it had none). SaveError if there is no such
        playthrough."""
        from game.records.playthrough import Reflection

        from .store import SaveError

        if reflection.updated_at is None:
            reflection = Reflection(dict(reflection.parts), datetime.now(UTC))
        kept: list[Reflection | None] = []

        def write(db: sqlite3.Connection) -> None:
            if db.execute("SELECT 1 FROM playthrough WHERE id = ?", (playthrough_id,)).fetchone() is None:
                raise SaveError(f"there is no playthrough {codec_safe(playthrough_id)} in the records")
            if reflection.empty:
                db.execute("DELETE FROM reflection WHERE playthrough = ?", (playthrough_id,))
                kept.append(None)
            else:
                _put_reflection(db, playthrough_id, reflection)
                kept.append(reflection)

        self._write_with("cannot keep the reflection in", write)
        return kept[0]

    def reflection(self, playthrough_id: str) -> Reflection | None:
        """The learner's reflection on a playthrough, or None (none written, or it cannot be read)."""
        rows = self._read("SELECT parts, updated_at FROM reflection WHERE playthrough = ?", (playthrough_id,))
        if not rows:
            return None
        from game.records import codec

        try:
            return codec.reflection_from({"parts": json.loads(rows[0][0]), "updated_at": rows[0][1]})
        except (TypeError, ValueError, RecursionError) as exc:
            log.warning("saves: the reflection on %s is damaged: %s", codec_safe(playthrough_id), exc)
            return None

    def clear_records(self) -> int:
        """Delete every record and reflection (never a save slot). Returns how many records there were."""
        counted: list[int] = []

        def write(db: sqlite3.Connection) -> None:
            counted.append(db.execute("DELETE FROM playthrough").rowcount)
            db.execute("DELETE FROM standard_total")
            db.execute("DELETE FROM reflection")

        self._write_with("cannot clear the records in", write)
        return counted[0]


def _put_reflection(db: sqlite3.Connection, playthrough_id: str, reflection: Reflection) -> None:
    parts = json.dumps(dict(reflection.parts), ensure_ascii=False)
    db.execute("""INSERT INTO reflection (playthrough, parts, updated_at) VALUES (?, ?, ?)
                  ON CONFLICT (playthrough) DO UPDATE SET parts = excluded.parts, updated_at = excluded.updated_at""",
               (playthrough_id, parts, stored_time(reflection.updated_at or datetime.now(UTC))))


def decode(pid: object, raw: object, parts: object, updated: object) -> tuple[Playthrough, str | None] | None:
    """One row's record with its reflection, and its JSON as kept when an export may reuse it; None (logged)
    when it is damaged."""
    from game.records import codec

    try:
        data = json.loads(raw) if isinstance(raw, bytes) else None
        kept = raw.decode("utf-8") if isinstance(data, dict) and data.keys() == codec.KEPT_KEYS else None
        if isinstance(data, dict) and parts is not None:
            data["reflection"] = {"parts": json.loads(parts), "updated_at": updated}
        return codec.from_dict(data), kept
    except (ValueError, RecursionError, TypeError) as exc:  # UnicodeDecodeError and JSON's errors included
        log.warning("saves: the record %s is damaged and left out: %s", codec_safe(pid), exc)
        return None


def codec_safe(value: object) -> str:
    """An id from the file, shortened and quoted, for a message."""
    return repr(value)[:80]
