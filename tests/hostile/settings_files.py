"""Broken settings.json files: each must start the game (settings.load) with one log line at most, and a
file the game could not read in full must survive the next settings change, kept aside byte for byte.

    python -m tests.hostile.settings_files      # prints the counts; the last line is key=value
"""

from __future__ import annotations

import json
import logging
import os
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from game import settings

from .bounded import bounded, fingerprint

LIMIT = 10.0  # seconds for one case: every one takes well under a second

GOOD = {"text_scale": 150, "theme": "high-contrast"}
GOOD_TEXT = json.dumps(GOOD)


def _deep(depth: int, inner: str = "") -> str:
    return "[" * depth + inner + "]" * depth


def _contents() -> list[tuple[str, bytes]]:
    """(label, bytes) for every broken file; a few that are fine but unusual are in on purpose."""
    rng = random.Random(20250808)
    many = {f"unknown-{i}": i for i in range(10_000)}
    cases: dict[str, bytes | str] = {
        "empty": b"",
        "spaces": " \n\t\r\n",
        "bom-only": b"\xef\xbb\xbf",
        "bom-utf8": b"\xef\xbb\xbf" + GOOD_TEXT.encode(),
        "bom-utf16le": GOOD_TEXT.encode("utf-16"),
        "utf16be-no-bom": GOOD_TEXT.encode("utf-16-be"),
        "utf32": GOOD_TEXT.encode("utf-32"),
        "latin1": '{"theme": "caf\xe9", "text_scale": 150}'.encode("latin-1"),
        "bad-utf8-outside": b'{"text_scale": 150,\xff "theme": "default"}',
        "nul-bytes": b'{"text_scale": 1\x0050}',
        "all-nul": b"\x00" * 1000,
        "deep-value-1000": '{"text_scale": 150, "x": ' + _deep(1000) + ', "theme": "high-contrast"}',
        "deep-top-100k": _deep(100_000),
        "deep-object-1000": '{"a": ' * 1000 + "1" + "}" * 1000,
        "deep-known-key": '{"theme": ' + _deep(5000) + ', "text_scale": 120}',
        "deep-unclosed": '{"text_scale": 150, "x": ' + "[" * 50_000,
        "unknown-10k": json.dumps({**many, **GOOD}),
        "unknown-50k": json.dumps({f"k{i}": None for i in range(50_000)}),
        "huge-string": json.dumps({"theme": "x" * 900_000, "text_scale": 150}),
        "over-a-megabyte": json.dumps({"pad": "y" * 1_100_000, **GOOD}),
        "int-5000-digits": '{"text_scale": 1' + "0" * 5000 + ', "theme": "high-contrast"}',
        "float-overflow": '{"text_scale": 1e999, "theme": "high-contrast"}',
        "nan-infinity": '{"text_scale": NaN, "font": Infinity, "theme": -Infinity}',
        "duplicate-keys": '{"text_scale": 150, "text_scale": "big", "text_scale": 130}',
        "trailing-comma": '{"text_scale": 150, "theme": "high-contrast",}',
        "comments": '// settings\n{"text_scale": 150 /* bigger */}',
        "single-quotes": "{'text_scale': 150}",
        "unquoted-keys": "{text_scale: 150}",
        "truncated-string": '{"text_scale": 150, "theme": "high-con',
        "truncated-object": '{"text_scale": 150, ',
        "array": "[1, 2, 3]",
        "string": '"text_scale"',
        "number": "150",
        "null": "null",
        "true": "true",
        "two-objects": GOOD_TEXT + GOOD_TEXT,
        "garbage-after": GOOD_TEXT + " trailing words",
        "control-keys": json.dumps({"\x1b[2J\x1b]0;title\x07": 1, "theme": "high-contrast"}),
        "control-values": json.dumps({"theme": "\x1b[31m\x00", "text_scale": 150}),
        "lone-surrogates": '{"\\ud800": 1, "theme": "\\udfff", "text_scale": 150}',
        "wrong-types": json.dumps({"text_scale": [150], "theme": {"a": 1}, "font": 1.5, "profile": False,
                                   "fullscreen": None, "feedback": 0, "standards": [], "self_voicing": "yes"}),
        "bool-for-int": '{"text_scale": true}',
        "float-for-int": '{"text_scale": 150.0}',
        "huge-int": json.dumps({"text_scale": 10**18, "theme": "high-contrast"}),
        "negative": json.dumps({"text_scale": -150}),
        "yaml": "text_scale: 150\ntheme: high-contrast\n",
        "ini": "[settings]\ntext_scale=150\n",
        "xml": "<settings><text_scale>150</text_scale></settings>",
        "long-key": json.dumps({"k" * 100_000: 1, "text_scale": 150}),
        "brackets-in-strings": '{"a": "[[[{{{", "b": "\\"]]", "theme": "high-contrast"}',
        "unclosed-inner": '{"a": [1, 2, "theme": "high-contrast"}',
        "case-differs": json.dumps({"Theme": "high-contrast", "TEXT_SCALE": 150}),
        "crlf-tabs": '{\r\n\t"text_scale":\t150,\r\n\t"theme": "high-contrast"\r\n}\r\n',
        "bad-literal": '{"a": tru, "theme": "high-contrast"}',
        "missing-colon": '{"text_scale" 150}',
        "missing-value": '{"text_scale": , "theme": "high-contrast"}',
        "escape-bad": '{"theme": "\\x41"}',
    }
    for i in range(5):
        cases[f"random-bytes-{i}"] = rng.randbytes(rng.randint(1, 4096))
        text = bytearray(json.dumps({**GOOD, "font": "opendyslexic"}).encode())
        for _ in range(3):
            text[rng.randrange(len(text))] = rng.randrange(256)
        cases[f"flipped-bytes-{i}"] = bytes(text)
    return [(label, body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body)
            for label, body in cases.items()]


def _specials(folder: Path) -> list[tuple[str, Callable[[Path], None]]]:
    """Things at the settings path that are not files with bytes in them."""
    made = [("folder", lambda p: p.mkdir()), ("link-loop", lambda p: p.symlink_to(p.name)),
            ("dangling-link", lambda p: p.symlink_to(folder / "nowhere.json"))]
    if hasattr(os, "mkfifo"):
        made.append(("fifo", lambda p: os.mkfifo(p)))
    if Path("/dev/zero").exists():
        made.append(("link-to-dev-zero", lambda p: p.symlink_to("/dev/zero")))
    return made


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _one(path: Path, problems: list[str]) -> tuple[str, bool]:
    """Start with the file, then change a setting. Returns the outcome and whether a file the game could
    not read in full was lost or changed."""
    before = fingerprint(path.parent)
    lines = _Lines()
    logger = logging.getLogger("crossing_paths.settings")
    logger.addHandler(lines)
    try:
        outcome, trace = bounded(lambda: settings.load(path), LIMIT)
        if outcome != "ok":
            problems.append(f"{path.parent.name}: {outcome}\n{trace}")
            return outcome, False
        if len(lines.lines) > 1:
            problems.append(f"{path.parent.name}: {len(lines.lines)} log lines")
        changed = fingerprint(path.parent) != before  # loading must never touch anything
        whole = settings.read(path).whole
        lines.lines.clear()
        outcome, trace = bounded(lambda: settings.save(settings.Preferences(text_scale=170), path), LIMIT)
        if outcome != "ok" and not path.is_dir():  # a folder in the way: refusing to save is right
            problems.append(f"{path.parent.name}: saving: {outcome}\n{trace}")
            return outcome, changed
    finally:
        logger.removeHandler(lines)
    if not whole:  # refused: the original must still be there, under its own name or kept aside
        changed = changed or before.get(path.name) not in fingerprint(path.parent).values()
    return "ok", changed


def run(problems: list[str] | None = None) -> dict:
    """Build every case in a temporary folder and put it through settings.load and settings.save."""
    problems = [] if problems is None else problems
    counts = {"cases": 0, "tracebacks": 0, "hangs": 0, "changed": 0}
    with tempfile.TemporaryDirectory(prefix="hostile-settings-") as tmp:
        root = Path(tmp)
        for label, body in _contents():
            folder = root / label
            folder.mkdir()
            (folder / "settings.json").write_bytes(body)
            _count(counts, _one(folder / "settings.json", problems), label, problems)
        for label, make in _specials(root):
            folder = root / label
            folder.mkdir()
            make(folder / "settings.json")
            _count(counts, _one(folder / "settings.json", problems), label, problems)
    return counts


def _count(counts: dict, result: tuple[str, bool], label: str, problems: list[str]) -> None:
    outcome, changed = result
    counts["cases"] += 1
    counts["tracebacks"] += outcome == "traceback"
    counts["hangs"] += outcome == "hang"
    if changed:
        counts["changed"] += 1
        problems.append(f"{label}: a file the game could not read was changed or lost")


if __name__ == "__main__":
    found: list[str] = []
    result = run(found)
    print("\n".join(found))
    print(" ".join(f"{k}={v}" for k, v in result.items()))
