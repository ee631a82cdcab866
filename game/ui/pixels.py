"""Surfaces in the windows' pixel format, so that blitting them needs no conversion on every frame.

SDL keeps one such format per process, set when a window's surface is first taken (View.open does that);
no window needs to be "the" display. Until a window exists (cards drawn off-screen in tests and benches),
and after pygame.quit() has closed them all, surfaces are used as they are: same pixels, a little slower.
"""

from __future__ import annotations

import pygame

_ready = False


def windows_open() -> None:
    """A window's surface has been taken: conversions have a format to go to."""
    global _ready
    _ready = True


def fast(surface: pygame.Surface, alpha: bool = True) -> pygame.Surface:
    """`surface` converted for quick blits onto a window (with its alpha, unless `alpha` is False)."""
    global _ready
    if not _ready:
        return surface
    try:
        return surface.convert_alpha() if alpha else surface.convert()
    except pygame.error:  # every window has gone (pygame.quit): no format until the next one opens
        _ready = False
        return surface
