"""Measuring text, remembered per font: each character's advance, the width of each short string, and
how each short word breaks.

Layout measures the same short strings again and again: the words of a paragraph (a page is laid out
anew at every window and text size), the one or two letters of each line of a narrow column. `font.size`
shapes the text every time (a few microseconds); a dictionary look-up costs a tenth of that, and is exact,
as it returns what `font.size` returned. Only strings up to SHORT characters are kept, and a font's table is
emptied when it passes LIMIT entries, so memory stays bounded whatever the text.

It also says when a column is too narrow to read (`too_narrow`): fewer than READABLE_CHARS average characters
of the font, the rule pages use to shrink text (game.ui.look). Styled layout takes a bounded fast path there
(see game.ui.cards.text).
"""

from __future__ import annotations

import weakref

import pygame

from . import emoji, emojitext

SHORT = 48  # longer strings (whole lines, long words) are rarely measured twice
LIMIT = 20_000  # entries per table: a few megabytes at most
# a column holding fewer average characters than this is too narrow to read: the same number as
# game.ui.look.READABLE_CHARS, repeated as look imports the text modules that import this one
READABLE_CHARS = 20
_SAMPLE = "Social workers practise ethical decisions about social media and their professional life."


class FontMemo:
    """What one font's measurements are remembered in (its fonts' sizes and styles never change)."""

    __slots__ = ("advances", "average", "breaks", "ends", "widths")

    def __init__(self) -> None:
        self.advances: dict[str, int] = {}  # per character, without kerning
        self.widths: dict[str, int] = {}  # font.size(text)[0] of short texts
        self.breaks: dict[tuple[str, int, int], tuple[str, ...]] = {}  # see game.ui.wordbreak
        self.ends: dict[tuple[str, int, bool], int] = {}  # see game.ui.wordbreak
        self.average: float | None = None  # the width of an average character (see too_narrow)


_memos: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # a font freed takes its memo with it


_last: tuple = (None, None)  # the last font asked about, and its memo: a layout asks about one font in a row


def forget_all() -> None:
    """Forget every measurement (when how text is drawn changes: the emoji font found or gone)."""
    global _last
    _memos.clear()
    _last = (None, None)


def memo_of(font: pygame.font.Font) -> FontMemo:
    global _last
    if _last[0] is font:  # a weak-key look-up makes a weak reference each time: this is the hot path
        return _last[1]
    memo = _memos.get(font)
    if memo is None:
        memo = _memos[font] = FontMemo()
    _last = (font, memo)
    return memo


def remember(table: dict, key, value) -> None:
    if len(table) >= LIMIT:
        table.clear()  # simpler than least-recently-used, and the next layout refills what it needs
    table[key] = value


def _char_advance(font: pygame.font.Font, ch: str) -> int:
    # an emoji is as wide as its picture, and what joins or modifies it adds nothing (the emoji font is opened
    # only for such characters: a curly quote must not open it)
    if ch >= emojitext.ZWJ:
        if (ch in (emojitext.VS16, emojitext.ZWJ, emojitext.KEYCAP) or emojitext.is_tone(ch)) and emoji.available():
            return 0
        if ch >= emojitext.FIRST and emoji.is_picture(font, ch):
            return emoji.picture_width(font)
    try:
        metrics = font.metrics(ch)
        if metrics and metrics[0] is not None:
            return max(0, metrics[0][4])
        return max(0, font.size(ch)[0])
    except (pygame.error, UnicodeError, ValueError):
        return 0


def advances(font: pygame.font.Font, text: str, memo: FontMemo | None = None) -> list[int]:
    """The advance of each character of `text` in px (without kerning)."""
    table = (memo or memo_of(font)).advances
    for ch in set(text).difference(table):  # each distinct character measured once per font
        remember(table, ch, _char_advance(font, ch))
    try:
        return list(map(table.__getitem__, text))
    except KeyError:  # the table was emptied half way (LIMIT distinct characters): measure afresh
        return [table[ch] if ch in table else _char_advance(font, ch) for ch in text]


def text_width(font: pygame.font.Font, text: str, memo: FontMemo | None = None) -> int:
    """font.size(text)[0], remembered for short texts (pass `memo` in a loop: it saves a look-up); an emoji
    drawn as a picture counts as wide as its picture (game.ui.emoji)."""
    widths = (memo or memo_of(font)).widths
    w = widths.get(text)
    if w is None:
        try:
            w = emoji.width(font, text)
        except (pygame.error, UnicodeError, ValueError):  # a NUL, or text SDL cannot encode
            w = sum(advances(font, text, memo))
        if len(text) <= SHORT:
            remember(widths, text, w)
    return w


def too_narrow(font: pygame.font.Font, width: int) -> bool:
    """True if a column `width` px wide holds fewer than READABLE_CHARS average characters of `font` (measured
    on the same sample sentence as game.ui.look.Look.char_width)."""
    memo = memo_of(font)
    if memo.average is None:
        try:
            memo.average = font.size(_SAMPLE)[0] / len(_SAMPLE)
        except (pygame.error, UnicodeError, ValueError):
            memo.average = sum(advances(font, _SAMPLE, memo)) / len(_SAMPLE)
    return width < READABLE_CHARS * memo.average
