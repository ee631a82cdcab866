"""Fonts: the bundled families and a cache of pygame Fonts by (size, bold, italic).

`Fonts` is the FontSource the card and chart modules draw with: `.get(px, bold=False, italic=False)`.
A missing font file falls back to pygame's built-in font with one warning, so the game still runs.
"""

from __future__ import annotations

import io
import logging
from collections import OrderedDict
from functools import cache
from pathlib import Path

import pygame

from game import paths

log = logging.getLogger("crossing_paths.ui")

FONT_DIR = paths.FONTS

FAMILIES: dict[str, dict[str, str]] = {
    "atkinson": {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf",
                 "italic": "AtkinsonHyperlegible-Italic.ttf"},
    "opendyslexic": {"regular": "OpenDyslexic-Regular.otf", "bold": "OpenDyslexic-Bold.otf"},
}
_warned: set[str] = set()
# fonts kept open per family: a page uses about ten (roles and styles), a card a few more
MAX_OPEN = 40


class Fonts:
    def __init__(self, family: str = "atkinson", font_dir: Path = FONT_DIR):
        if family not in FAMILIES:
            log.warning("unknown font %r; using Atkinson Hyperlegible", family)
            family = "atkinson"
        self.family = family
        self.font_dir = font_dir
        # Least recently used last out. Each open font holds its file open, and every window size and text
        # size asks for new pixel sizes: unbounded, 600 resizes left over a hundred files open.
        self._cache: OrderedDict[tuple[int, bool, bool], pygame.font.Font] = OrderedDict()

    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        key = (px, bold, italic)
        font = self._cache.get(key)
        if font is not None:
            self._cache.move_to_end(key)
            return font
        font = self._cache[key] = self._open(px, bold, italic)
        if len(self._cache) > MAX_OPEN:
            self._cache.popitem(last=False)
        return font

    def _open(self, px: int, bold: bool, italic: bool) -> pygame.font.Font:
        files = FAMILIES[self.family]
        # use a real bold or italic face where the family has one; otherwise let FreeType slant/embolden
        face = "bold" if bold and "bold" in files else "italic" if italic and not bold and "italic" in files \
            else "regular"
        path = self.font_dir / files[face]
        try:
            font = open_font(path, px)
        except (OSError, pygame.error) as exc:
            if str(path) not in _warned:
                _warned.add(str(path))
                log.warning("font %s cannot be opened (%s); using the built-in font", path, exc)
            font = pygame.font.Font(None, round(px * 1.1))
            face = "regular"
        if bold and face != "bold":
            font.bold = True
        if italic and face != "italic":
            font.italic = True
        return font


@cache
def _font_bytes(path: Path) -> bytes:
    return path.read_bytes()


def open_font(path: Path, px: int) -> pygame.font.Font:
    """A font read from memory: opened from its path, every Font would hold the file open for its lifetime,
    and a long session (caches of layouts and avatars keep fonts alive too) ran into a hundred open files.
    The bytes are read once per file; each Font reads its own view of them."""
    if not pygame.font.get_init():  # a card or chart drawn before any window (tests, benches, snapshot)
        pygame.font.init()
    return pygame.font.Font(io.BytesIO(_font_bytes(path)), max(1, int(px)))
