"""Repainting a few blocks of a laid-out page in place: a ticking timer, a turnout that counts up.

A page screen normally rebuilds and repaints its whole page when anything on it changes; at 4K that is tens
of milliseconds. A block whose words change but whose size does not can instead be repainted over the cached
layer (page.py): only its rectangle is painted again (the page's background and every block under it, clipped
to it) and only that rectangle is copied to the window.
"""

from __future__ import annotations

import pygame

from .blocks import Block


class InPlace:
    """Mixin for a PageScreen (listed before it): `repaint(blocks)` after changing blocks of the page shown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._repaints: list[pygame.Rect] = []

    def repaint(self, blocks: list[Block]) -> bool:
        """The `blocks` (already changed) are laid out again at their width and repainted on the next draw.
        False, with nothing done, when the page is not drawn yet, a block is not on it, or one would change
        height (the caller then rebuilds the page)."""
        if self._stale or self._layer is None or self._page is None or not blocks:
            return False
        top = self.viewport.y - self.scroll + self.content_pad + self.body_top
        where = {id(b): (x, y) for b, x, y in self._body.walk(self.content_x, top)}
        if any(id(b) not in where for b in blocks):
            return False
        heights = [b.h for b in blocks]
        for b in blocks:
            b.layout(self._look, b.w)
        if [b.h for b in blocks] != heights:
            return False
        for b in blocks:
            x, y = where[id(b)]
            area = pygame.Rect(x, y, b.w, b.h).clip(self.viewport)
            if area:
                self._repaints.append(area)
        self.touch()
        return True

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        areas, self._repaints = self._repaints, []
        key = (id(self._page), self.scroll, self._size)
        if not areas or self._stale or self._layer_key != key or surface.get_size() != self._size:
            return super().draw(surface)  # a whole new frame paints the changed blocks anyway
        for area in areas:
            self.paint_body(self._layer, area, record=False)
        if self._composed_on != (id(surface), key):
            return super().draw(surface)  # the window needs the whole layer: it is up to date now
        for area in areas:
            surface.blit(self._layer, area, area)
        rest = super().draw(surface)  # the focus and hover overlay, restored where it was
        return None if rest is None else areas + rest
