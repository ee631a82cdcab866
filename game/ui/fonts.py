"""Fonts: the bundled families and a cache of pygame Fonts by (size, bold, italic).

`Fonts` is the FontSource the card and chart modules draw with: `.get(px, bold=False, italic=False)`.
A missing font file falls back to pygame's built-in font with one warning, so the game still runs.
"""

from __future__ import annotations

import logging
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


class Fonts:
    def __init__(self, family: str = "atkinson", font_dir: Path = FONT_DIR):
        if family not in FAMILIES:
            log.warning("unknown font %r; using Atkinson Hyperlegible", family)
            family = "atkinson"
        self.family = family
        self.font_dir = font_dir
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        key = (px, bold, italic)
        font = self._cache.get(key)
        if font is None:
            font = self._cache[key] = self._open(px, bold, italic)
        return font

    def _open(self, px: int, bold: bool, italic: bool) -> pygame.font.Font:
        files = FAMILIES[self.family]
        # use a real bold or italic face where the family has one; otherwise let FreeType slant/embolden
        face = "bold" if bold and "bold" in files else "italic" if italic and not bold and "italic" in files \
            else "regular"
        path = self.font_dir / files[face]
        try:
            font = pygame.font.Font(path, px)
        except (OSError, FileNotFoundError, pygame.error) as exc:
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
