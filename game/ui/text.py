"""Text: word-wrap (breaking words and URLs too long for a line), a cache of rendered lines, and
the one function every piece of UI text is drawn through (so layout tests can record every blit)."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from contextlib import contextmanager

import pygame

from game.frozen import Frozen

from . import emoji, pixels
from .glyphs import displayable
from .measure import memo_of, text_width
from .wordbreak import break_word

Colour = tuple[int, int, int]


def join_slack(font: pygame.font.Font) -> int:
    """The most kerning can change a line's width where two words meet at a space (a generous bound): a line
    whose words' measured widths add up to less than the width minus this per join surely fits."""
    return max(2, font.get_height() // 8)


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of `text` no wider than `width` (a single glyph wider than the width is the only exception).
    Newlines in the text start new lines; runs of spaces collapse.

    Each word is measured once; a joined line is measured only when the sum of its words comes close to the
    width (kerning makes it differ a little), so a long paragraph costs about one measuring of its text."""
    width = max(1, width)
    text = displayable(font, text)
    memo = memo_of(font)
    space = text_width(font, " ", memo)
    slack = join_slack(font)
    out: list[str] = []
    for paragraph in text.replace("\r", "").replace("\t", " ").split("\n"):
        # only ordinary spaces break lines: a no-break space ("9.40\u00a0pm") keeps its words together
        words = [w for w in paragraph.split(" ") if w]
        if not words:
            out.append("")
            continue
        line: list[str] = []
        line_w, joins = 0, 0  # line_w is exact when joins == 0, else a sum over `joins` unmeasured joins
        for word in words:
            w = text_width(font, word, memo)  # a paragraph's words recur: each is measured once per font
            if w > width:  # a word (or URL) longer than a whole line: break it
                if line:
                    out.append(" ".join(line))
                pieces = break_word(font, word, width)
                out.extend(pieces[:-1])
                line, line_w, joins = [pieces[-1]], text_width(font, pieces[-1], memo), 0
            elif not line:
                line, line_w, joins = [word], w, 0
            elif line_w + space + w + slack * (joins + 1) <= width:  # surely fits
                line.append(word)
                line_w, joins = line_w + space + w, joins + 1
            else:
                # close to the width: measure the joined line itself, as kerning makes it differ
                sure_over = joins == 0 and line_w + space + w > width + 2 * space
                cw = width + 1 if sure_over else text_width(font, " ".join([*line, word]), memo)
                if cw <= width:
                    line.append(word)
                    line_w, joins = cw, 0
                else:
                    out.append(" ".join(line))
                    line, line_w, joins = [word], w, 0
        if line:
            out.append(" ".join(line))
    return out


class LineCache:
    """Rendered lines by (font, text, colour): text is rendered once and blitted many times.

    Bounded by the pixels it holds as well as by count: at 200 % text in a 4K window one line can be a
    megabyte, and every window size brings its own font sizes, so a count alone let a long session of
    resizes hold hundreds of megabytes."""

    def __init__(self, limit: int = 6000, max_bytes: int = 32 * 1024 * 1024):
        self.limit, self.max_bytes = limit, max_bytes
        self.bytes = 0
        # the key holds id(font); the value a weak reference to the font, so a font freed (the font cache
        # is bounded too) and its id reused by another never finds the other's lines
        self._cache: OrderedDict[tuple, tuple[weakref.ref, pygame.Surface]] = OrderedDict()

    def render(self, font: pygame.font.Font, text: str, colour: Colour) -> pygame.Surface:
        key = (id(font), text, colour)
        hit = self._cache.get(key)
        if hit is not None and hit[0]() is font:
            self._cache.move_to_end(key)
            return hit[1]
        if hit is not None:
            self._drop(key)
        surf = pixels.fast(emoji.render(font, text, colour))  # emoji as pictures
        self._cache[key] = (weakref.ref(font), surf)
        self.bytes += _size(surf)
        while self._cache and (len(self._cache) > self.limit or self.bytes > self.max_bytes):
            self._drop(next(iter(self._cache)))
        return surf

    def _drop(self, key: tuple) -> None:
        self.bytes -= _size(self._cache.pop(key)[1])

    def __len__(self) -> int:
        return len(self._cache)


def _size(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


# --- the one text-drawing function, and a recorder for layout tests -------------------------------------

class TextBlit(Frozen):  # not a dataclass: this module is imported before the title's first frame
    text: str
    rect: pygame.Rect  # where the text was drawn, in window coordinates
    container: pygame.Rect  # the box it was laid out in, in window coordinates
    clip: pygame.Rect | None  # the visible part of its region (the viewport of a scrolled page)


_recorders: list[list[TextBlit]] = []


@contextmanager
def record_text():
    """Collect every text blit drawn inside the block (layout tests)."""
    blits: list[TextBlit] = []
    _recorders.append(blits)
    try:
        yield blits
    finally:
        _recorders.remove(blits)


def draw_line(target: pygame.Surface, rendered: pygame.Surface, x: int, y: int, text: str,
              container: pygame.Rect, origin: tuple[int, int] = (0, 0), record: bool = True) -> None:
    target.blit(rendered, (x, y))
    if record and _recorders:
        ox, oy = origin
        clip = target.get_clip()
        entry = TextBlit(text, pygame.Rect(x + ox, y + oy, rendered.get_width(), rendered.get_height()),
                         container.move(ox, oy), clip.move(ox, oy) if clip else None)
        for blits in _recorders:
            blits.append(entry)
