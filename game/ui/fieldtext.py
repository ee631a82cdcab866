"""Typed text in any script, for the text field: measured and drawn in the UI font, with the characters it has
no glyph for (Chinese, Japanese, Korean…) in a fallback font the system has, so that a learner typing in
their own script sees it rather than empty boxes.

Elsewhere the UI names such characters in words (game/ui/glyphs.py), which is right for reading but not for
editing: a field must draw each character it holds, one for one, or the cursor would not match the text.
The game ships no CJK font; the fallback is looked for among common system fonts once, when first needed.
Without one, the UI font draws its empty box and editing still works.
"""

from __future__ import annotations

import logging
from functools import cache

import pygame

from .glyphs import has_glyph
from .measure import text_width
from .text import draw_line
from .wordbreak import break_word

log = logging.getLogger("crossing_paths.ui")

# system fonts with wide coverage (Linux, Windows, macOS), best first; pygame.font.match_font takes the list
FALLBACK_FONTS = ("notosanscjksc", "notosanscjkjp", "notosanscjk", "sourcehansans", "droidsansfallback",
                  "wenquanyimicrohei", "microsoftyahei", "yugothic", "msgothic", "malgungothic", "pingfangsc",
                  "hiraginosans", "applesdgothicneo", "arialunicodems", "simsun")
_BEYOND_LATIN = "\u2000"  # below this the bundled fonts have every glyph (as in game/ui/glyphs.py)


@cache
def _fallback_path() -> str | None:
    try:
        path = pygame.font.match_font(",".join(FALLBACK_FONTS))
    except Exception as exc:  # noqa: BLE001 - fontconfig missing or failing: no fallback, boxes instead
        log.info("no fallback font for other scripts: %s", exc)
        return None
    return path


_fonts: dict[int, pygame.font.Font | None] = {}


def fallback(px: int) -> pygame.font.Font | None:
    font = _fonts.get(px, False)
    if font is False:
        path = _fallback_path()
        try:
            font = pygame.font.Font(path, px) if path else None
        except (OSError, pygame.error) as exc:
            log.info("fallback font %s cannot be opened: %s", path, exc)
            font = None
        if len(_fonts) > 16:
            _fonts.clear()
        _fonts[px] = font
    return font


def runs(font: pygame.font.Font, px: int, text: str) -> list[tuple[pygame.font.Font, str]]:
    """`text` in runs of one font each: the UI font, or the fallback where the UI font has no glyph."""
    if not text or max(text) < _BEYOND_LATIN:
        return [(font, text)]
    other = fallback(px)
    out: list[tuple[pygame.font.Font, str]] = []
    for ch in text:
        use = font if (ch < _BEYOND_LATIN or other is None or has_glyph(font, ch)
                       or not has_glyph(other, ch)) else other
        if out and out[-1][0] is use:
            out[-1] = (use, out[-1][1] + ch)
        else:
            out.append((use, ch))
    return out


def width(font: pygame.font.Font, px: int, text: str) -> int:
    if not text or max(text) < _BEYOND_LATIN:  # the hot path of wrapping: one remembered measurement
        return text_width(font, text)
    return sum(text_width(f, t) for f, t in runs(font, px, text))


def draw(surface: pygame.Surface, lines, font: pygame.font.Font, px: int, text: str, colour, x: int, y: int,
         lh: int, container: pygame.Rect, record: bool = True) -> int:
    """Draw `text` on one line of height `lh` at (x, y), each run centred on the line; returns its width.
    `lines` is the look's rendered-line cache."""
    at = x
    for f, t in runs(font, px, text):
        if not t.strip():
            at += text_width(f, t)
            continue
        surf = lines.render(f, t, colour)
        draw_line(surface, surf, at, y + (lh - surf.get_height()) // 2, t, container, record=record)
        at += surf.get_width()
    return at - x


def break_text(font: pygame.font.Font, px: int, word: str, room: int) -> list[str]:
    """A word too wide for a line in pieces that fit (at least one character each). A word the UI font draws
    whole goes through game.ui.wordbreak; one with fallback runs (a sentence of Chinese has no spaces) is cut
    where its measured width passes the line, one piece at a time."""
    if len(runs(font, px, word)) == 1 and runs(font, px, word)[0][0] is font:
        return break_word(font, word, room)
    pieces, start = [], 0
    while start < len(word):
        end = start + 1
        while end < len(word) and width(font, px, word[start:end + 1]) <= room:
            end += 1
        pieces.append(word[start:end])
        start = end
    return pieces
