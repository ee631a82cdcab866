"""One scenario per validator check, each with exactly one mistake (tests/fixtures/invalid/).

Each file says at the top what is wrong, where the validator must point, and how to mend it:

    # CP302: a choice goes to a node that does not exist
    # expect: CP302 32:15
    # fix: "goto: declnied" -> "goto: declined"

The test checks that validation reports exactly the expected codes at exactly those lines and columns,
and that the file with the fix applied is clean (no errors, no warnings).
"""

from __future__ import annotations

import json
import re

import pytest

from game.engine.diagnostics import CODES
from game.engine.loader import load_text
from game.engine.validate import validate
from tests.conftest import FIXTURES

INVALID = FIXTURES / "invalid"
ASSETS = INVALID / "assets"
FILES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(r"^# expect: (CP\d{3}) (\d+):(\d+)$")
_FIX = re.compile(r'^# fix: (".*") -> (".*")$')


def _header(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, str]], str]:
    expected, fixes = [], []
    lines = text.split("\n")
    n = 0
    while lines[n].startswith("#"):
        if m := _EXPECT.match(lines[n]):
            expected.append((m[1], int(m[2]), int(m[3])))
        elif m := _FIX.match(lines[n]):
            fixes.append((json.loads(m[1]), json.loads(m[2])))
        n += 1
    return expected, fixes, "\n".join(lines[n:])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixture_reports_its_mistake_where_it_is(path):
    text = path.read_text(encoding="utf-8")
    expected, _, _ = _header(text)
    assert expected, "a fixture must say what it expects"
    found = validate(load_text(str(path), text), ASSETS)
    assert [(d.code, d.line, d.col) for d in found] == expected
    assert path.stem.upper().startswith(expected[0][0])  # the file is named after its check
    for d in found:
        assert d.file == str(path)
        assert d.hint, f"{d.code} should say how to fix it"


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_fixed_fixture_is_clean(path):
    text = path.read_text(encoding="utf-8")
    _, fixes, body = _header(text)
    assert fixes, "a fixture must show its fix"
    head = text[: len(text) - len(body)]
    for old, new in fixes:
        assert body.count(old) == 1, f"the fix's text must occur once: {old!r}"
        body = body.replace(old, new)
    assert validate(load_text(str(path), head + body), ASSETS) == []


def test_every_story_check_has_a_fixture():
    covered = {p.stem[:5].upper() for p in FILES}
    # CP320 needs two files, CP333 a file named other than its id (all fixtures are 'fixture'): test_validate_cli
    story_codes = {c for c in CODES if c.startswith("CP3")} - {"CP320", "CP333"}
    assert story_codes <= covered, sorted(story_codes - covered)


def test_the_shared_example_is_clean():
    path = FIXTURES / "tiny.yaml"
    assert validate(load_text(str(path), path.read_text(encoding="utf-8"))) == []
