"""Emoji as text: where one emoji cluster begins and ends (a base with its skin tone, variation selector,
keycap, tag letters or joined parts; a flag's two letters), and its name in words for speech.

Pure Python (no pygame): the desktop draws clusters as pictures (game.ui.emoji), self-voicing says their names.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

VS15, VS16, ZWJ, KEYCAP = "\ufe0e", "\ufe0f", "\u200d", "\u20e3"
# Everything a cluster contains is at or above this, but for the digits of a keycap (whose U+20E3 is above it)
# and the (C) and (R) signs (followed by U+FE0F): text below it holds no emoji, and is not searched.
FIRST = "\u203c"
# the blocks emoji come from (Unicode's emoji-data); (C) and (R) only as emoji, before U+FE0F
_BASE = ("(?:[\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u25fe\u2600-\u27bf"
         "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff]|[\u00a9\u00ae](?=\ufe0f))")
_TONE = "[\U0001f3fb-\U0001f3ff]"
MAX_JOINS = 6
_PART = f"{_BASE}[{VS15}{VS16}]?{_TONE}?"


@cache
def _cluster() -> re.Pattern:
    # compiled on first use: a pattern over this range takes milliseconds to build, and most texts never need it
    return re.compile(
        "[\U0001f1e6-\U0001f1ff]{2}"  # a flag: two regional indicator letters
        f"|[0-9#*]{VS16}?{KEYCAP}"  # a keycap
        # a base, a subdivision flag's tags, joined parts: real sequences join four parts at most, and a
        # bound keeps a hostile chain of joiners from being one picture thousands of glyphs wide
        f"|{_PART}[\U000e0020-\U000e007f]{{0,12}}(?:{ZWJ}{_PART}){{0,{MAX_JOINS}}}"
    )


def clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each candidate cluster in `text`; whether it is drawn as a picture is decided by the
    fonts (game.ui.emoji). Text without characters from FIRST up has none."""
    if text.isascii() or max(text) < FIRST:  # isascii is a flag on the string: no scan
        return []
    return [m.span() for m in _cluster().finditer(text)]


def is_tone(ch: str) -> bool:
    return "\U0001f3fb" <= ch <= "\U0001f3ff"


def is_regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def joins_previous(text: str, i: int) -> bool:
    """True if text[i] belongs to the emoji cluster before it (see game.ui.wordbreak)."""
    ch = text[i]
    return (ch in (VS15, VS16, ZWJ, KEYCAP) or is_tone(ch) or "\U000e0020" <= ch <= "\U000e007f"
            or (i > 0 and text[i - 1] == ZWJ)
            or (is_regional(ch) and i > 0 and is_regional(text[i - 1]) and _regional_run(text, i) % 2 == 1))


def _regional_run(text: str, i: int) -> int:
    """How many regional indicators come just before text[i] (a flag is a pair: the second of each pair joins)."""
    n = 0
    while i - n - 1 >= 0 and is_regional(text[i - n - 1]) and n < 64:
        n += 1
    return n


@cache
def name(cluster: str) -> str:
    """'sleeping face', 'thumbs up sign', 'woman personal computer', 'flag GB': what a voice says for it."""
    if cluster.endswith(KEYCAP):
        return "keycap " + cluster[0]
    if len(cluster) == 2 and all(is_regional(c) for c in cluster):
        return "flag " + "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in cluster)
    words = [unicodedata.name(c, "").lower() for c in cluster
             if c not in (VS15, VS16, ZWJ) and not is_tone(c) and not "\U000e0020" <= c <= "\U000e007f"]
    return " ".join(w for w in words if w) or "symbol"


def spoken(text: str) -> str:
    """`text` with each emoji cluster said in words ('Night night 😴' → 'Night night (sleeping face)'), so a
    speech synthesiser neither skips nor spells it."""
    spans = clusters(text)
    if not spans:
        return text
    out, at = [], 0
    for start, end in spans:
        cluster = text[start:end]
        out.append(text[at:start])
        out.append(f" ({name(cluster)}) " if start and not text[start - 1].isspace() else f"({name(cluster)}) ")
        at = end
    out.append(text[at:])
    return re.sub(r" +(?=[ \n])|(?<=\)) +(?=[.,!?;:])", "", "".join(out)).strip()
