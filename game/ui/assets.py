"""Images from assets/ (portraits, avatars): safe paths, a cache, and a placeholder when missing.

A path always stays inside assets/ (the loader rejects others; we check again). A missing or broken
image draws a placeholder and logs one warning per file, never stops the game.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game import paths
from game.engine.assets import resolve_asset
from game.engine.controls import escape

from . import pixels

log = logging.getLogger("crossing_paths.ui")

ASSETS = paths.ASSETS


class Assets:
    def __init__(self, root: Path = ASSETS):
        self.root = root.resolve()
        self._images: dict[str, pygame.Surface | None] = {}
        self._scaled: dict[tuple[str, int, int], pygame.Surface | None] = {}
        self._warned: set[str] = set()

    def warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    def path(self, rel: str) -> Path | None:
        # the validator's own check (engine/assets.py), which the cards' images use too: a path that passes
        # validation is exactly a path the game opens, and nothing else
        target = resolve_asset(self.root, rel)
        if target is None:
            self.warn_once(rel, f"asset path {escape(rel)!r} leaves assets/; drawing a placeholder")
        return target

    def image(self, rel: str) -> pygame.Surface | None:
        """The image, or None (after a warning) when it is missing or cannot be read."""
        if rel in self._images:
            return self._images[rel]
        img = None
        path = self.path(rel)
        if path is not None:
            try:
                img = pixels.fast(pygame.image.load(path))
            except (FileNotFoundError, OSError, pygame.error) as exc:
                self.warn_once(rel, f"asset {rel!r} cannot be loaded ({exc}); drawing a placeholder")
                img = None
        self._images[rel] = img
        return img

    def scaled(self, rel: str, w: int, h: int) -> pygame.Surface | None:
        key = (rel, w, h)
        if key not in self._scaled:
            img = self.image(rel)
            self._scaled[key] = None if img is None else pygame.transform.smoothscale(img, (w, h))
        return self._scaled[key]
