"""Characters the bundled fonts cannot draw (emoji, mostly) are named in words — '😩' → '(weary face)' —
rather than drawn as empty boxes. Scenario authors write emoji freely; the terminal player shows them as
they are, and the desktop shows what a reader can actually read."""

from __future__ import annotations

import unicodedata

import pygame

_INVISIBLE = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}  # joiners and variation selectors only modify emoji
_glyphs: dict[tuple[int, str], bool] = {}


def has_glyph(font: pygame.font.Font, c: str) -> bool:
    """SDL_ttf draws a missing glyph as the font's empty box, whose metrics match a private-use character's."""
    key = (id(font), c)
    known = _glyphs.get(key)
    if known is None:
        try:
            known = font.metrics(c) != font.metrics("\ue000")
        except (pygame.error, UnicodeError):
            known = False
        _glyphs[key] = known
    return known


def displayable(font: pygame.font.Font, text: str) -> str:
    if all(ord(c) < 0x2000 for c in text):  # the fast path: Latin text, punctuation, dashes and quotes
        return text
    out = []
    for c in text:
        if ord(c) < 0x2000 or has_glyph(font, c):
            out.append(c)
        elif c in _INVISIBLE or 0x1F3FB <= ord(c) <= 0x1F3FF:  # skin-tone modifiers, likewise
            continue
        else:
            out.append(f"({unicodedata.name(c, 'symbol').lower()})")
    return "".join(out)
