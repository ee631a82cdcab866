"""A FontSource that opens the bundled font files: for tests, the gallery and the bench, until (or unless)
the app passes its own font loader."""

from __future__ import annotations

from pathlib import Path

import pygame

from game import paths

from ..fonts import open_font

FONTS = paths.FONTS


class FileFonts:
    """`get(px, bold, italic)` from <family>-Regular/-Bold/-Italic.ttf, each size opened once."""

    def __init__(self, folder: Path = FONTS, family: str = "AtkinsonHyperlegible") -> None:
        self.folder, self.family = Path(folder), family
        self._cache: dict[tuple[int, bool, bool], pygame.font.Font] = {}

    def _file(self, bold: bool, italic: bool) -> Path:
        for style in (("Bold" if bold else "Italic" if italic else "Regular"), "Regular"):
            for ext in (".ttf", ".otf"):
                path = self.folder / f"{self.family}-{style}{ext}"
                if path.is_file():
                    return path
        raise FileNotFoundError(f"no {self.family} font in {self.folder}")

    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font:
        key = (max(1, int(px)), bool(bold), bool(italic))
        font = self._cache.get(key)
        if font is None:
            if not pygame.font.get_init():
                pygame.font.init()
            font = self._cache[key] = open_font(self._file(bold, italic), key[0])
        return font
