"""docs/diagnostics.md documents every code, and the code never emits a code that CODES lacks."""

from __future__ import annotations

import re

from game.engine.diagnostics import CODES
from tests.conftest import ROOT

DOC = ROOT / "docs" / "diagnostics.md"
# Every module that creates Diagnostics.
EMITTERS = ["game/engine/yamlsafe.py", "game/engine/loader.py", "game/engine/validate.py",
            "game/engine/visibility.py", "game/engine/assets.py", "game/trainer/validate_cmd.py",
            "game/engine/text_check.py", "game/engine/library.py"]
_HEADING = re.compile(r"^### (CP\d{3}) — (.+) \((error|warning)\)$", re.M)


def documented() -> dict[str, tuple[str, str]]:
    return {m[1]: (m[3], m[2]) for m in _HEADING.finditer(DOC.read_text(encoding="utf-8"))}


def test_every_code_is_documented_with_its_severity_and_meaning():
    docs = documented()
    assert sorted(docs) == sorted(CODES)
    for code, (severity, meaning) in CODES.items():
        assert docs[code] == (severity, meaning), code


def test_every_code_section_says_how_to_fix_it():
    text = DOC.read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    for section in sections:
        assert "Fix:" in section, section.splitlines()[0]


def test_every_emitted_code_is_defined():
    emitted = set()
    for name in EMITTERS:
        emitted |= set(re.findall(r'"(CP\d{3})"', (ROOT / name).read_text(encoding="utf-8")))
    assert emitted, "the emitters moved: update EMITTERS"
    assert emitted <= set(CODES), sorted(emitted - set(CODES))
