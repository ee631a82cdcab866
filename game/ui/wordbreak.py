"""Breaking one word too long for its line (a URL, a path, a 20,000-letter string) into pieces that fit.

Measuring every prefix of a long word with `font.size` is quadratic: a 20,000-character word took seconds.
Instead each piece's end is guessed from per-character advances (cached per font, so a long word costs one
dictionary look-up per character), then checked with one real measurement of the piece alone; kerning and
synthetic bold or italic make real widths differ from the sum of advances, so a wrong guess is corrected
from the measured ratio, and bisection (within the piece only) is the last resort. Every piece holds at
least one whole character cluster (a letter with its accents, an emoji with its joiners), so breaking
always makes progress, whatever the width: 1 px included.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

import pygame

from . import emojitext
from .measure import SHORT, FontMemo, advances, memo_of, remember, text_width

# characters after which a long word (a URL, a path) may break
SOFT_BREAKS = "/-._?&=#:,;@"
KERNING_BOUND = 0.75
# a piece guessed at most this many characters long is found by stepping a character at a time from the
# guess (the guess from advances is nearly always right or one off): the general search costs more per line
SHORT_PIECE = 12
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}
# the last character that may continue a cluster or be a joiner (see _continues): after it, the word is simple
_LAST_COMPLEX = re.compile("[^\\x00-\\u02ff][\\x00-\\u02ff]*\\Z")


# what an emoji's picture already covers: the part after a joiner ("👩‍💻" is one picture), a flag's second letter
_COVERED = re.compile("\u200d(.)|[\U0001f1e6-\U0001f1ff]([\U0001f1e6-\U0001f1ff])")


def _advances(font: pygame.font.Font, word: str, memo: FontMemo) -> list[int]:
    """Each character's advance, with the parts an emoji picture covers counted as nothing (a family of four
    joined people is one picture wide, not four): guesses of pieces are then near what is measured."""
    adv = advances(font, word, memo)
    if word.isascii():
        return adv
    if "\u200d" in word or (max(word) >= "\U0001f1e6" and _COVERED.search(word)):
        for m in _COVERED.finditer(word):
            adv[m.start(1) if m.start(1) >= 0 else m.start(2)] = 0
    return adv


def _continues(word: str, i: int) -> bool:
    """True if word[i] belongs to the cluster before it (an accent, a joiner, what a joiner joins)."""
    ch = word[i]
    if ch < "\u0300":  # the fast path: nothing below the combining diacritics joins what went before
        return word[i - 1] == "\u200d"
    return (ch in _JOINERS or unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or emojitext.joins_previous(word, i))  # a skin tone, tag letters, a flag's second letter


def _boundary(word: str, end: int, good: int, bad: int) -> int | None:
    """A cluster boundary strictly between good and bad, near `end`, or None: measuring a piece that
    ends inside a cluster (a letter under 5,000 accents) would decide nothing."""
    e = end
    while good < e < len(word) and _continues(word, e):
        e -= 1
    if e > good:
        return e
    e, stop = end, min(bad, len(word))
    while e < stop and _continues(word, e):
        e += 1
    return e if e < bad else None


def _fit(font: pygame.font.Font, memo: FontMemo, word: str, cum: list[int], start: int, room: int) -> int:
    """The end of the longest piece word[start:end] no wider than `room` (at least one character).
    `cum[i]` is the advance of word[:i]: a guess is one bisection of it, and only the piece is measured."""
    good, bad = start + 1, len(word) + 1  # good: the shortest allowed piece; bad: known too wide
    scale, step, last = 1.0, 1, 0
    for _ in range(64):  # secant steps, then steps doubling away from a bound: far fewer than 64
        if bad - good <= 1:
            break
        end = bisect_right(cum, cum[start] + room / scale) - 1
        side = (end >= bad) - (end <= good)
        if side:  # the guess is on the wrong side of a bound: step in from that bound, further each time
            step = step * 2 if side == last else 1
            end = max(good + 1, bad - step) if side > 0 else min(bad - 1, good + step)
        last = side
        end = _boundary(word, end, good, bad)
        if end is None:  # one cluster spans what is left to decide: it is taken whole (see _cut)
            break
        estimate = cum[end] - cum[start]
        # kerning narrows text by far less than a quarter: a piece this much wider needs no measuring
        if estimate * KERNING_BOUND > room:
            bad = end
            continue
        w = text_width(font, word[start:end], memo)
        if w <= room:
            good = end
            if end < len(word) and w + (cum[end + 1] - cum[end]) * KERNING_BOUND > room:
                bad = end + 1  # the next character surely overflows: no need to measure that too
        else:
            bad = end
        if estimate > 0 and w > 0:
            scale = w / estimate
    return min(good, len(word))


def _cut(word: str, start: int, end: int) -> int:
    """Where to end the piece, at or before `end`: after a soft break if one is not too far back, and
    never inside a character cluster (unless the cluster alone is the whole piece)."""
    n = len(word)
    if end >= n:
        return n
    for i in range(end - 1, start + (end - start) // 2, -1):  # a soft break not too far back reads better
        if word[i] in SOFT_BREAKS and not _continues(word, i + 1):
            return i + 1
    cut = end
    while cut > start and _continues(word, cut):
        cut -= 1
    if cut == start:  # one cluster wider than the line: it goes whole
        cut = end
        while cut < n and _continues(word, cut):
            cut += 1
    return cut


def _fit_short(font: pygame.font.Font, memo: FontMemo, word: str, cum: list[int], start: int, room: int,
               end: int) -> int:
    """What _fit finds, for a word without clusters and a piece of a few characters guessed to end at `end`:
    step one character at a time from the guess, with the same two shortcuts (see _fit)."""
    n = len(word)
    if end <= start + 1:
        # as _fit does: one character is taken unmeasured, and two are tried (kerning may fit what the
        # advances say does not: "YA")
        end = start + 1
        if end >= n or (cum[end + 1] - cum[start]) * KERNING_BOUND > room:
            return end
        w = text_width(font, word[start:end + 1], memo)
        if w > room:
            return end
        end += 1
    elif text_width(font, word[start:end], memo) > room:
        end -= 1
        while end > start + 1 and text_width(font, word[start:end], memo) > room:
            end -= 1
        return end
    else:
        w = text_width(font, word[start:end], memo)
    while end < n and w + (cum[end + 1] - cum[end]) * KERNING_BOUND <= room:
        w_next = text_width(font, word[start:end + 1], memo)
        if w_next > room:
            break
        end, w = end + 1, w_next
    return end


def break_word(font: pygame.font.Font, word: str, width: int, first: int | None = None) -> list[str]:
    """`word` in pieces no wider than `width` (the first no wider than `first`, the room left on a line).
    Only a single character cluster wider than the line is wider than it.

    A short word (a paragraph's words in a narrow column) breaks the same way every time: remembered."""
    memo = memo_of(font)
    width = max(1, width)
    room = max(1, width if first is None else first)
    key = (word, width, room)
    known = memo.breaks.get(key) if len(word) <= SHORT else None
    if known is not None:
        return list(known)
    cum = [0, *accumulate(_advances(font, word, memo))]
    last_complex = _LAST_COMPLEX.search(word)
    # _continues(word, i) is False for every i from here: no piece after it needs the cluster checks
    plain_from = last_complex.start() + 2 if last_complex else 0
    pieces: list[str] = []
    start = 0
    n = len(word)
    while start < n:
        if start + 2 <= n and (cum[start + 2] - cum[start]) * KERNING_BOUND > room:
            end = start + 1  # the fast path of a very narrow column: two characters surely do not fit
            while end < n and end < plain_from and _continues(word, end):
                end += 1
        else:
            guess = bisect_right(cum, cum[start] + room, start) - 1
            if start >= plain_from - 1 and guess - start <= SHORT_PIECE:
                # a narrow column: a piece's end depends only on its characters, the next two (that the
                # search looks at) and the room, and pieces recur (a repeated pattern, a paragraph's words)
                at = (word[start:guess + 2], room, guess + 2 > n)
                length = memo.ends.get(at)
                if length is None:
                    fit = _fit_short(font, memo, word, cum, start, room, guess)
                    length = _cut(word, start, fit) - start
                    if fit <= guess + 1:  # it looked no further than the key's characters
                        remember(memo.ends, at, length)
                end = start + length
            else:
                end = _cut(word, start, _fit(font, memo, word, cum, start, room))
        pieces.append(word[start:end])
        start, room = end, width
    if len(word) <= SHORT:
        remember(memo.breaks, key, tuple(pieces))
    return pieces
