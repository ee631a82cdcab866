"""Exporting the learner's records (game/records/export.py, export_cmd.py): CSV that opens cleanly in Excel and
never runs a cell, JSON valid against docs/records.schema.json, and the command's errors in one line."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from game import paths
from game.engine import reference
from game.records import codec, export_cmd
from game.records.export import export_csv, export_json
from game.records.playthrough import ChoiceMade, Playthrough, Reflection
from game.saves import SaveStore

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "records.schema.json").read_text(encoding="utf-8"))
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "bell\x07 and \x1b[2J"]


def record(n: int = 0, **changes) -> Playthrough:
    at = T0 + timedelta(hours=n)
    made = Playthrough(
        id=f"00000000-0000-4000-8000-{n:012d}", scenario="friend-request", title="A friend request", version="2",
        content_hash="ab" * 32, framework="hcpc-2016", framework_title="HCPC 2016", front_end="terminal",
        started_at=at - timedelta(minutes=4), finished_at=at, duration_s=240.5,
        path=(ChoiceMade("request", 2, "Decline politely", "Good: personal conduct.", {"3": 1}, at, 1),
              ChoiceMade("message", 1, "Tell your manager", "Honest.", {"2": 1, "5": 1}, at, 0)),
        ending="kept-apart", ending_title="Kept apart", outcome="commended", outcome_label="Commended",
        severity=0, regulator=None, scores={"5": 2, "2": 1, "3": 1, "99": 4},
        reflection=Reflection({"learnt": "Say no kindly.\nThen write it down.", "peer": "=cmd|' /C calc'!A0"}, at))
    return replace(made, **changes)


def legacy() -> Playthrough:
    return Playthrough(
        id="legacy-1", scenario="after-court", title="after-court", version="", content_hash="", framework="",
        framework_title="", front_end=None, started_at=None, finished_at=T0, duration_s=None, path=(),
        ending="struck-off", ending_title="struck-off", outcome="striking_off_order", outcome_label="Striking-off",
        severity=9, regulator=None, scores={}, legacy=True)


def csv_rows(records: list[Playthrough]) -> tuple[str, list[dict]]:
    out = io.StringIO(newline="")
    export_csv(records, out)
    text = out.getvalue()
    return text, list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_csv_has_a_bom_crlf_one_row_per_playthrough_and_a_column_per_standard():
    text, rows = csv_rows([record(2), record(1, framework="swe-2019", scores={"3": -2}), legacy()])
    assert text.startswith("\ufeffid,") and "\r\n" in text
    assert [r["id"] for r in rows] == [record(2).id, record(1).id, "legacy-1"]
    first = rows[0]
    assert first["choices"] == "2,1" and first["duration_s"] == "240.5" and first["legacy"] == "no"
    assert "request: 2. Decline politely" in first["path"]
    hcpc, swe = reference.framework("hcpc-2016"), reference.framework("swe-2019")
    named = [f"hcpc-2016 {sid} {hcpc.get(sid).short}" for sid in ("2", "3", "5")]
    standard_columns = [c for c in first if c.startswith(("hcpc-2016", "swe-2019"))]
    # in each framework's own order, by number and words; a standard it does not have by its number alone
    assert standard_columns == [*named, "hcpc-2016 99", f"swe-2019 3 {swe.get('3').short}"]
    assert [first[c] for c in standard_columns] == ["1", "1", "2", "4", ""]
    assert rows[1][standard_columns[-1]] == "-2"  # a number: unguarded, so a spreadsheet can add it up
    assert all(rows[2][c] == "" for c in standard_columns)
    assert first["reflection: What I learnt"] == "Say no kindly.\nThen write it down."  # newlines kept
    assert rows[2]["front_end"] == "" and rows[2]["legacy"] == "yes"


@pytest.mark.parametrize("text", HOSTILE)
def test_no_csv_cell_can_run_as_a_formula_or_carry_a_control_character(text):
    hostile = record(1, title=text, ending_title=text, scenario=text,
                     path=(ChoiceMade("n", 1, text, text, {"2": -1}, T0, 0),))
    _, rows = csv_rows([hostile])
    for name, value in rows[0].items():
        assert not value.startswith(("=", "+", "@", "\t", "\r")), (name, value)
        assert not (value.startswith("-") and not value.lstrip("-").replace(".", "").isdigit()), (name, value)
        assert "\x07" not in value and "\x1b" not in value and "\r" not in value
    assert rows[0]["reflection: A note from peer discussion"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["title"].lstrip("'") in (text, text.replace("\t", "\\x09").replace("\r", "\\x0d"),
                                            "bell\\x07 and \\x1b[2J")


def test_json_export_is_valid_against_the_documented_schema_and_reads_back():
    records = [record(3), record(2, reflection=None, regulator="Social Work England"), legacy(),
               record(1, path=(ChoiceMade("n", 1, "t\u202e", "f\x7f", {}, None, None),), title="\x1b]0;x\x07")]
    out = io.StringIO()
    assert export_json(records, out, exported_at=T0) == 4
    document = json.loads(out.getvalue())
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)
    assert "\u202e" not in out.getvalue() and "\x7f" not in out.getvalue()  # written as \u escapes
    assert [codec.from_dict(p) for p in document["playthroughs"]] == records
    assert document["frameworks"]["hcpc-2016"]["standards"]["2"]  # the words for a standard's number


def test_the_schema_refuses_what_it_should():
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    out = io.StringIO()
    export_json([record(1)], out)
    document = json.loads(out.getvalue())
    document["playthroughs"][0]["severity"] = "bad"
    document["playthroughs"][0]["surprise"] = 1
    assert len(list(validator.iter_errors(document))) == 2


# --- the command -----------------------------------------------------------------------------------------

@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "saves"))
    return tmp_path / "saves" / paths.SAVE_FILE_NAME


def test_export_to_standard_output_and_to_a_file(saves, tmp_path, capsysbinary):
    with SaveStore.open(saves) as store:
        store.record_playthrough(record(1))
        store.record_playthrough(record(2))
    assert export_cmd.main([]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith("\ufeffid,".encode()) and out.count(b"\r\n") >= 3
    target = tmp_path / "mine.json"
    assert export_cmd.main(["--format", "json", "--out", str(target)]) == 0
    assert b"2 playthroughs written to" in capsysbinary.readouterr().err
    assert [p["id"] for p in json.loads(target.read_text(encoding="utf-8"))["playthroughs"]] == [
        record(2).id, record(1).id]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json", "saves"]  # no temporary file left


def test_export_without_a_save_file_is_empty_and_creates_none(saves, capsys):
    assert export_cmd.main(["--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["playthroughs"] == []
    assert not saves.parent.exists()


@pytest.mark.parametrize("case", ["not-ours", "folder-out", "no-folder", "read-only-folder"])
def test_export_errors_are_one_clear_line(saves, tmp_path, capsys, case):
    out = tmp_path / "out.csv"
    if case == "not-ours":
        saves.parent.mkdir()
        saves.write_text("my notes\n")
    elif case == "folder-out":
        out.mkdir()
    elif case == "no-folder":
        out = tmp_path / "missing" / "out.csv"
    else:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        out = locked / "out.csv"
        try:
            (locked / "probe").touch()
            pytest.skip("running as root: a read-only folder is writable")
        except PermissionError:
            pass
    assert export_cmd.main(["--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("crossing-paths results export: ")
    assert "Traceback" not in err
    assert not out.is_file()


def test_a_decoded_record_has_every_field_its_class_has():
    # codec builds records without __init__ (for speed): a field added to the class must be added there too
    from dataclasses import fields

    decoded = codec.from_dict(codec.to_dict(record(1)))
    assert set(vars(decoded)) == {f.name for f in fields(Playthrough)}
    assert set(vars(decoded.path[0])) == {f.name for f in fields(ChoiceMade)}


def test_the_json_export_from_records_as_kept_is_the_same_document(tmp_path):
    from game.records.export import export_json_kept

    records = [record(4, title="Café, 日本語 and \u202e"), record(3, reflection=None), legacy(),
               record(2, regulator="Social Work England"), record(1)]
    with SaveStore.open(tmp_path / "s.sqlite3") as store:
        store.record_playthroughs(records)
        # rows kept by an older build (not ASCII) or a newer game (a member this one does not know) are
        # encoded again rather than copied
        store._db.execute("UPDATE playthrough SET record = json_set(record, '$.title', 'Ünïcode') WHERE id = ?",
                          (record(2).id,))
        store._db.execute("UPDATE playthrough SET record = json_set(record, '$.extra', 1) WHERE id = ?",
                          (record(1).id,))
        kept = store.playthroughs_as_kept()
        objects = store.playthroughs()
    assert [k is None or not k.isascii() for _p, k in kept] == [False, False, True, True, False]
    via_kept, via_objects = io.StringIO(), io.StringIO()
    export_json_kept(kept, via_kept, exported_at=T0)
    export_json(objects, via_objects, exported_at=T0)
    assert via_kept.getvalue() == via_objects.getvalue()
    assert via_kept.getvalue().isascii()
    document = json.loads(via_kept.getvalue())
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["playthroughs"][0]["title"] == "Café, 日本語 and \u202e"
