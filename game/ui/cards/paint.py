"""Paints a CardLayout: the only place that draws. Nothing is decided here, only drawn.

The first paint of a layout renders its text, icons and avatars into surfaces and keeps them on the layout
(layouts are cached, so this happens once per card, width, scale and theme); every later paint is a few
rectangle fills and one batched blit per run of surfaces. Pictures and hatching come from small caches.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pygame

from .. import emoji
from . import icons, media
from .boxes import Avatar, CardLayout, Fill, Hatch, Icon, Picture, Text


@lru_cache(maxsize=8)
def _hatch(size: tuple[int, int], fg, bg, spacing: int, width: int) -> pygame.Surface:
    s = pygame.Surface(size)
    s.fill(bg)
    w, h = size
    for x in range(-h, w + h, max(3, spacing)):
        pygame.draw.line(s, fg, (x, h), (x + h, 0), max(1, width))
    return s


def _prepare(layout: CardLayout, fonts, assets_root: Path) -> list:
    """Turn boxes into paint operations: ('fill', ...) or ('blits', [(surface, (x, y)), ...])."""
    ops: list = []
    blits: list = []

    def flush() -> None:
        if blits:
            ops.append(("blits", list(blits)))
            blits.clear()

    for box in layout.boxes:
        if isinstance(box, Fill):
            flush()
            ops.append(("fill", box))
        elif isinstance(box, Text):
            font = fonts.get(box.font.px, box.font.bold, box.font.italic)
            blits.append((emoji.render(font, box.text, box.fg, box.bg), box.rect.topleft))  # emoji as pictures
        elif isinstance(box, Icon):
            blits.append((icons.icon_surface(box.name, box.rect.w, box.fg[:3], box.bg[:3]), box.rect.topleft))
        elif isinstance(box, Avatar):
            font = fonts.get(max(6, round(box.rect.w * 0.4)), True, False)
            blits.append((media.avatar(assets_root, box.asset, box.name, box.rect.w, box.color, box.on_color,
                                       box.ring, font), box.rect.topleft))
        elif isinstance(box, (Picture, Hatch)):
            # big surfaces are not kept on the layout but fetched from small caches at each paint, so that
            # a window being resized at projector sizes cannot pile up hundreds of megabytes of old sizes
            flush()
            ops.append(("large", box))
    flush()
    return ops


def _large(box: Picture | Hatch, assets_root: Path) -> pygame.Surface | None:
    if isinstance(box, Hatch):
        return _hatch(box.rect.size, box.fg, box.bg, box.spacing, box.width)
    return media.picture(assets_root, box.asset, box.rect.w, box.rect.h, box.radius)


def paint(surface: pygame.Surface, layout: CardLayout, origin: tuple[int, int], fonts, assets_root: Path) -> None:
    if layout.painted is None:
        layout.painted = _prepare(layout, fonts, assets_root)
    ox, oy = origin
    rect = pygame.draw.rect
    for op, what in layout.painted:
        if op == "fill":
            r = what.rect.move(ox, oy)
            tl, tr, bl, br = what.radii
            if what.filled:
                rect(surface, what.color, r, 0, -1, tl, tr, bl, br)
            if what.outline is not None and what.outline_w > 0:
                rect(surface, what.outline, r, what.outline_w, -1, tl, tr, bl, br)
        elif op == "large":
            picture = _large(what, assets_root)
            if picture is not None:
                surface.blit(picture, (what.rect.x + ox, what.rect.y + oy))
        elif ox or oy:
            surface.fblits([(s, (x + ox, y + oy)) for s, (x, y) in what])
        else:
            surface.fblits(what)
