"""Scenario files that carry hostile strings: in keys (which the validator rejects, and must still print
safely) and in every text of a scenario the validator accepts (which every screen must then draw)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from game.engine.controls import CONTROL

_HEAD = """format: 1
id: {id}
title: {title}
summary: Hostile strings in every text.
minutes: 5
audience: [tests]
version: "1"
author: tests
objectives: [{title}]
"""
_ENDING = """endings:
  end:
    title: {short}
    text: {text}
    outcome: commended
    debrief: {{what_happened: {text}, why: {text}, reflection: [{text}]}}
"""


# characters YAML does not take as they are (or folds into a space): written as escapes
_UNWRITABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar: JSON's escapes (\\u0000, \\n, ...) mean the same in YAML. Other
    characters are written as they are (bidirectional controls included), which YAML allows."""
    return _UNWRITABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def writable(text: str) -> bool:
    """Lone surrogates cannot be written as UTF-8 nor escaped in YAML: they reach the game only in memory."""
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def playable(text: str) -> bool:
    """Strings the validator lets through (bidirectional controls are only a warning)."""
    return writable(text) and not CONTROL.search(text)


def _fit(text: str, limit: int) -> str:
    return quoted(text[:limit] if text.strip("\n") else "(blank)")


def with_key(text: str, scenario_id: str = "keys") -> str:
    """A scenario whose only mistake is an unknown top-level key spelt `text` (and the text in its title)."""
    return (_HEAD.format(id=scenario_id, title=_fit(text, 300)) + f"{quoted(text)}: 1\n"
            + "start: a\nnodes:\n  a: {lines: [{text: hi}], next: end}\n"
            + _ENDING.format(short=quoted("End"), text=quoted("Done.")))


def with_keys(texts: list[str]) -> str:
    """Every string as an unknown key of one file, as a trainer sharing a hostile file would see it."""
    lines = [f"{quoted(t)}: 1" for t in texts if len(quoted(t)) < 1000]  # YAML's limit on a key's length
    return (_HEAD.format(id="keys", title=quoted("Keys")) + "\n".join(lines) + "\n"
            + "start: a\nnodes:\n  a: {lines: [{text: hi}], next: end}\n"
            + _ENDING.format(short=quoted("End"), text=quoted("Done.")))


def playthrough(texts: list[str]) -> str:
    """A valid scenario with one node per string: the string as the node's title, narration, a speaker's
    name and line, a post card's author and text, the choice, its feedback and reason. One choice each,
    so `--choices 1,1,...` or autoplay visits every node."""
    out = [_HEAD.format(id="hostile", title=quoted("Hostile strings")), "start: n0", "characters:"]
    for i, t in enumerate(texts):
        out.append(f"  c{i}: {{name: {_fit(t, 300)}, role: {_fit(t, 300)}}}")
    out.append("nodes:")
    for i, t in enumerate(texts):
        long, short = _fit(t, 20_000), _fit(t, 300)
        after = f"n{i + 1}" if i + 1 < len(texts) else "end"
        out += [f"  n{i}:", f"    title: {short}",
                f"    lines: [{{text: {long}}}, {{speaker: c{i}, text: {long}}}]",
                f"    card: {{type: post, platform: facebook, author: {{name: {short}}}, text: {long}}}",
                f"    prompt: {long}",
                f"    choices: [{{text: {long}, goto: {after}, feedback: {long}, scores: {{2: 1}}, "
                f"reasons: {{2: {long}}}}}]"]
    out.append(_ENDING.format(short=quoted("The end"), text=quoted("Done.")))
    return "\n".join(out)


def write_all(folder: Path, strings: list[tuple[str, str]], played: list[tuple[str, str]]) -> dict[str, Path]:
    """The files the subprocess cases run on: one per string with it as a key, all keys in one file, and
    the valid playthrough of the `played` strings."""
    keys = folder / "keys"
    keys.mkdir()
    for n, (label, text) in enumerate(strings):
        if writable(text):
            (keys / f"{n:02d}-{label}.yaml").write_text(with_key(text, f"k{n}"), encoding="utf-8")
    files = {"keys": keys, "all_keys": folder / "all-keys.yaml", "playthrough": folder / "hostile.yaml"}
    files["all_keys"].write_text(with_keys([t for _, t in strings if writable(t)]), encoding="utf-8")
    files["playthrough"].write_text(playthrough([t for _, t in played if playable(t)]), encoding="utf-8")
    return files
