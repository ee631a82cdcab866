"""`python main.py validate` as a trainer or CI runs it: output format, exit codes, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.support.in_process import run_main

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
INVALID = FIXTURES / "invalid"
LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) (?P<code>CP\d{3}): .+$")


def run(*args: str) -> subprocess.CompletedProcess:
    """`validate` in this process (a second each saved); the tests that use run_process keep it end to end."""
    done = run_main(["validate", *args])
    assert "Traceback" not in done.stdout + done.stderr
    return done


def run_process(*args: str) -> subprocess.CompletedProcess:
    """`python main.py validate` as CI runs it: a real process, its real exit code and streams."""
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "validate", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=60)
    assert "Traceback" not in done.stdout + done.stderr
    return done


@pytest.fixture
def files(tmp_path):
    def write(name: str, text: str):
        """The id is the file's name, as the guide asks (CP333), unless the test sets its own."""
        path = tmp_path / name
        text = text.replace("\nid: tiny\n", f"\nid: {path.stem}\n", 1)
        path.write_text(text, encoding="utf-8")
        return path
    return write


def test_clean_file_exits_0_with_a_summary(files):
    done = run(str(files("tiny.yaml", TINY)))
    assert done.returncode == 0
    assert done.stdout.strip().splitlines()[-1] == "1 file, 0 errors, 0 warnings"


def test_error_exits_1_in_the_compiler_convention(files):
    path = files("broken.yaml", TINY.replace("goto: b,", "goto: bb,"))
    done = run_process(str(path))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    match = LINE.match(lines[0])
    assert match and match["file"] == str(path) and match["code"] == "CP302" and match["sev"] == "error"
    assert (int(match["line"]), int(match["col"])) == (20, 31)
    assert lines[1] == "    hint: did you mean 'b'?"
    assert lines[-1] == "1 file, 1 error, 0 warnings"


def test_warnings_pass_unless_strict(files):
    path = files("warn.yaml", TINY.replace("scores: {3: 1}}", "scores: {3: 1}, set_flags: [unused]}"))
    relaxed, strict = run(str(path)), run("--strict", str(path))
    assert relaxed.returncode == 0 and "warning CP309" in relaxed.stdout
    assert relaxed.stdout.splitlines()[-1] == "1 file, 0 errors, 1 warning"
    assert strict.returncode == 1


def test_json_format_is_one_document(files):
    good = files("good.yaml", TINY)
    bad = files("bad.yaml", TINY.replace("outcome: commended", "outcome: comended").replace("id: tiny", "id: bad"))
    done = run("--format", "json", str(good), str(bad))
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0}
    [d] = report["diagnostics"]
    assert d["code"] == "CP311" and d["severity"] == "error" and d["file"] == str(bad)
    assert d["line"] == 29 and d["col"] > 1 and d["hint"] == "did you mean 'commended'?"


def test_folder_checks_every_yaml_and_finds_shared_ids(tmp_path, files):
    files("one.yaml", TINY.replace("id: tiny", "id: one"))
    files("two.yaml", TINY.replace("id: tiny", "id: one"))
    files("notes.txt", "not a scenario")
    done = run("--format", "json", str(tmp_path))
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert [(d["code"], d["file"], d["line"]) for d in report["diagnostics"]] == \
        [("CP320", str(tmp_path / "two.yaml"), 2), ("CP333", str(tmp_path / "two.yaml"), 2)]
    assert report["summary"]["files"] == 2


def test_unreadable_content_is_a_diagnostic_not_a_crash(files, tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    done = run_process(str(path))  # through real streams, which validate reconfigures to escape
    assert done.returncode == 1 and "error CP102" in done.stdout


@pytest.mark.parametrize("args", [["--bogus"], ["no/such/file.yaml"], ["--format", "xml"]])
def test_bad_usage_exits_2(args):
    done = (run_process if args == ["--bogus"] else run)(*args)  # one through a real process
    assert done.returncode == 2
    assert "usage:" in done.stderr and done.stdout == ""


def test_empty_folder_is_bad_usage(tmp_path):
    done = run(str(tmp_path))
    assert done.returncode == 2 and "no .yaml files" in done.stderr


def test_every_fixture_fails_with_its_code():
    done = run("--format", "json", str(INVALID))
    report = json.loads(done.stdout)
    assert done.returncode == 1
    codes = {d["code"] for d in report["diagnostics"]}
    # CP335 needs the fixtures' own assets folder (its non-image file is not in assets/): test_validate_fixtures
    assert {p.stem[:5].upper() for p in INVALID.glob("*.yaml")} - {"CP335"} <= codes


def test_no_path_checks_the_shipped_scenarios_strictly():
    if not sorted((ROOT / "scenarios").glob("*.yaml")):
        pytest.skip("no scenarios yet")
    done = run("--strict", "--format", "json")
    codes = {d["code"] for d in json.loads(done.stdout)["diagnostics"]}
    # Only the outcome check (CP327) finds anything in the library today: a way through that scores at least as
    # well on every standard as another yet ends on a worse rung. Recalibrating those outcomes is content work
    # (the library review, issue 14); every other check, strict, finds nothing.
    assert codes <= {"CP327"}, done.stdout
    assert run("--strict", *(str(p) for p in sorted((ROOT / "scenarios").glob("*.yaml")))).returncode \
        == (1 if codes else 0)


def test_an_id_that_is_not_the_file_name_is_a_warning(files):
    path = files("friend-request-copy.yaml", TINY.replace("id: tiny", "id: friend-request"))
    relaxed = run(str(path))
    assert relaxed.returncode == 0
    lines = relaxed.stdout.splitlines()
    assert LINE.match(lines[0])["code"] == "CP333" and "'friend-request'" in lines[0]
    assert lines[1] == "    hint: rename the file to friend-request.yaml, or set 'id: friend-request-copy'"
    assert run("--strict", str(path)).returncode == 1
