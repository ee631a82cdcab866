"""Characters the bundled fonts cannot draw are named in words — '⟁' → '(white triangle containing small white
triangle)' — rather than drawn as empty boxes. Emoji are kept as they are, to be drawn as pictures
(game.ui.emoji), up to MAX_PICTURES a text; without the emoji font they are named too ('😩' → '(weary face)').
Scenario authors write emoji freely; the terminal player shows them as they are, and the desktop shows what
a reader can actually read."""

from __future__ import annotations

import re
import unicodedata
import weakref

import pygame

from game.engine.controls import UNDRAWABLE

_INVISIBLE = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}  # joiners and variation selectors only modify emoji
_BEYOND_LATIN = "\u2000"  # every character from here up may lack a glyph (a regex of this range costs 15 ms to build)
MAX_NAMED = 100  # names of missing characters in one text; the rest are summed up as "(and more symbols)"
# pictures kept in one text: each new one costs about a millisecond to draw, so a hostile text of thousands of
# different emoji stays bounded (past this they are named, then summed up, as missing characters are)
MAX_PICTURES = 100
# Per font, weakly: a font freed (the font cache keeps 40) takes its answers with it. Keyed by id(font) instead,
# a new font given a freed one's address would inherit that font's answers (boxes drawn, or names not given).
_glyphs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# A letter under thousands of combining marks ("Zalgo" text) is not text: SDL_ttf stacks every mark, so one
# such cluster took a quarter of a second to measure. Runs of marks are cut to MAX_MARKS (real scripts stack
# a few), so the letter is drawn with the first marks only.
MAX_MARKS = 30
# runs long enough to hold too many marks, found cheaply: marks begin at U+0300, and the run is checked mark
# by mark only when found (a long run of CJK letters is found too, and left as it is)
_LONG_RUN = re.compile(f"[^\\x00-\\u02ff]{{{MAX_MARKS + 1},}}")


def remembered(cache: weakref.WeakKeyDictionary, font: pygame.font.Font, key: str, work) -> bool:
    """`work(font, key)`, remembered per font (weakly: a freed font takes its answers with it) and key."""
    answers = cache.get(font)
    if answers is None:
        answers = cache[font] = {}
    known = answers.get(key)
    if known is None:
        if len(answers) > 20_000:  # hostile text can bring endless characters: the memory stays bounded
            answers.clear()
        known = answers[key] = work(font, key)
    return known


def has_glyph(font: pygame.font.Font, c: str) -> bool:
    """SDL_ttf draws a missing glyph as the font's empty box, whose metrics match a private-use character's."""
    return remembered(_glyphs, font, c, _has_glyph)


def _has_glyph(font: pygame.font.Font, c: str) -> bool:
    try:
        return font.metrics(c) != font.metrics("\ue000")
    except (pygame.error, UnicodeError):
        return False


def _trim_marks(match: re.Match) -> str:
    out: list[str] = []
    marks = 0
    for c in match.group():
        marks = marks + 1 if unicodedata.category(c) in ("Mn", "Mc", "Me") else 0
        if marks <= MAX_MARKS:
            out.append(c)
    return "".join(out)


def displayable(font: pygame.font.Font, text: str) -> str:
    """The one function text passes through before it is measured or drawn. Control characters are
    dropped, newlines and tabs aside (the layout uses them): SDL_ttf refuses a NUL outright (font.size and
    font.render raise), and draws the others as empty boxes. The validator rejects them (CP325), so only
    a file that was never validated can bring one here. Runs of more than MAX_MARKS combining marks are cut
    to MAX_MARKS."""
    if UNDRAWABLE.search(text):
        text = UNDRAWABLE.sub("", text)
    if _LONG_RUN.search(text):
        text = _LONG_RUN.sub(_trim_marks, text)
    if not text or max(text) < _BEYOND_LATIN:  # the fast path: Latin text, punctuation, dashes and quotes
        return text
    from . import emoji  # here, as game.ui.emoji measures with has_glyph above

    parts = emoji.segments(font, text, MAX_PICTURES)  # past the last picture, one piece of text
    if len(parts) == 1:
        return text if parts[0][1] else _name_missing(font, text, [0])
    named = [0]
    return "".join(piece if picture else _name_missing(font, piece, named) for piece, picture in parts)


def _name_missing(font: pygame.font.Font, text: str, named: list[int]) -> str:
    """`text` with each character `font` cannot draw named in words; `named` counts the names given so far
    in the whole text (a list, so the pieces of one text share it)."""
    out: list[str] = []
    last, run = "", 0
    for c in text + "\0":  # the NUL (dropped above) ends the last run
        if c == last:
            run += 1
            continue
        if run:  # a run of one missing character is named once: "(weary face ×3)"
            name = unicodedata.name(last, "symbol").lower()
            if named[0] < MAX_NAMED:
                out.append(f"({name} ×{run})" if run > 1 else f"({name})")
            elif named[0] == MAX_NAMED:  # a name is ~30 times the character: 20,000 would make 600,000
                out.append("(and more symbols)")
            named[0], last, run = named[0] + 1, "", 0
        if c == "\0":
            break
        if ord(c) < 0x2000 or has_glyph(font, c):
            out.append(c)
        elif not (c in _INVISIBLE or 0x1F3FB <= ord(c) <= 0x1F3FF):  # skin-tone modifiers only modify too
            last, run = c, 1
    return "".join(out)
