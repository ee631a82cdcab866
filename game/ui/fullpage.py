"""Whole pages as images, for `snapshot --pages` and `--full`: a page taller than the window as one image per
screenful (scrolled a screenful at a time, a line of overlap so no line is cut in two between images), or as
one tall image (the fixed header on top, the whole body, the fixed footer at the foot), laid out exactly as
the window lays it out, so the type is the size the player sees.
"""

from __future__ import annotations

from collections.abc import Iterator

import pygame

from .blocks import Canvas
from .page import PageScreen

MAX_TALL = 32_000  # pixels: beyond this a tall image is cut (a history of hundreds of parts); --pages has no cap


def screenfuls(screen: PageScreen, size: tuple[int, int]) -> Iterator[int]:
    """Scroll `screen` a screenful at a time from the top, yielding the page number (1, 2, …) at each stop
    (draw the window then); it is left at the top again."""
    screen.ensure(size)
    # what is seen of the body: the view less the "More below" cue's band (the body is not drawn under it)
    step = max(1, screen.viewport.h - screen._cue_room() - screen.line_step())
    page, y = 1, 0
    while True:
        screen.scroll_to(y)
        yield page
        if y >= screen.max_scroll:
            break
        y = min(screen.max_scroll, y + step)
        page += 1
    screen.scroll_to(0)


def tall(screen: PageScreen, size: tuple[int, int], like: pygame.Surface | None = None,
         record: bool = False) -> pygame.Surface:
    """The whole page in one image as wide as the window: the header, every line of the body, the footer."""
    screen.ensure(size)
    look = screen._look
    theme = look.theme
    w = size[0]
    head_h, foot_h = screen.header_rect.h, screen.footer_rect.h
    body_h = screen.content_h if screen.max_scroll else screen.viewport.h
    height = min(MAX_TALL, head_h + body_h + foot_h)
    image = pygame.Surface((w, height), 0, like) if like is not None else pygame.Surface((w, height))
    image.fill(theme.background)
    cv = Canvas(image, look, record=record, cull=False)
    pad, line = look.em(0.5), look.metrics.border
    if screen.fixed_header is not None:
        image.fill(theme.header, (0, 0, w, head_h))
        screen.fixed_header.paint(cv, look.metrics.margin, pad)
        pygame.draw.rect(image, theme.border, (0, head_h - line, w, line))
    top = head_h + (0 if screen.max_scroll else screen.body_top)
    image.set_clip(pygame.Rect(0, head_h, w, max(0, height - head_h - foot_h)))
    screen._body.paint(cv, screen.content_x, top + screen.content_pad)
    image.set_clip(None)
    if screen.fixed_footer is not None:
        y = height - foot_h
        image.fill(theme.background, (0, y, w, foot_h))
        pygame.draw.rect(image, theme.border, (0, y, w, line))
        screen.fixed_footer.paint(cv, screen.content_x, y + pad)
    return image
