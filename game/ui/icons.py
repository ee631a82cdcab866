"""Icons drawn as shapes (the bundled fonts have no check marks or arrows). An icon always sits next
to words that say the same thing: colour and shape are never the only signal."""

from __future__ import annotations

import pygame

Colour = tuple[int, int, int]


def draw_icon(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: Colour) -> None:
    s = min(rect.w, rect.h)
    cx, cy = rect.center
    lw = max(2, round(s * 0.14))
    r = s // 2

    def pt(fx: float, fy: float) -> tuple[int, int]:
        return round(cx + fx * r), round(cy + fy * r)

    if kind == "upheld":  # a tick in a ring
        pygame.draw.circle(surface, colour, (cx, cy), r, max(2, lw // 2 + 1))
        pygame.draw.lines(surface, colour, False, [pt(-0.45, 0.02), pt(-0.12, 0.36), pt(0.48, -0.34)], lw)
    elif kind == "breached":  # a cross in a ring
        pygame.draw.circle(surface, colour, (cx, cy), r, max(2, lw // 2 + 1))
        pygame.draw.line(surface, colour, pt(-0.36, -0.36), pt(0.36, 0.36), lw)
        pygame.draw.line(surface, colour, pt(-0.36, 0.36), pt(0.36, -0.36), lw)
    elif kind == "at_stake":  # a dash in a ring
        pygame.draw.circle(surface, colour, (cx, cy), r, max(2, lw // 2 + 1))
        pygame.draw.line(surface, colour, pt(-0.4, 0), pt(0.4, 0), lw)
    elif kind == "check":  # a bare tick (a selected option, a finished scenario)
        pygame.draw.lines(surface, colour, False, [pt(-0.75, 0.0), pt(-0.22, 0.55), pt(0.8, -0.6)], lw + 1)
    elif kind == "marker":  # a pointer: "you are here"
        pygame.draw.polygon(surface, colour, [pt(-0.7, -0.75), pt(0.8, 0), pt(-0.7, 0.75)])
    elif kind == "rung":  # an empty ladder rung
        pygame.draw.circle(surface, colour, (cx, cy), max(2, r // 2), max(1, lw // 2))
    elif kind == "left":
        pygame.draw.polygon(surface, colour, [pt(0.5, -0.7), pt(-0.5, 0), pt(0.5, 0.7)])
    elif kind == "right":
        pygame.draw.polygon(surface, colour, [pt(-0.5, -0.7), pt(0.5, 0), pt(-0.5, 0.7)])
    elif kind == "down":  # an arrow pointing down: "more below"
        pygame.draw.line(surface, colour, pt(0, -0.8), pt(0, 0.3), lw)
        pygame.draw.polygon(surface, colour, [pt(-0.6, 0.05), pt(0.6, 0.05), pt(0, 0.85)])
    elif kind == "lock":
        body = pygame.Rect(0, 0, round(s * 0.7), round(s * 0.5))
        body.midbottom = pt(0, 0.85)
        pygame.draw.rect(surface, colour, body, border_radius=max(1, s // 12))
        arc = pygame.Rect(0, 0, round(s * 0.46), round(s * 0.6))
        arc.midtop = pt(0, -0.85)
        pygame.draw.rect(surface, colour, arc, lw, border_radius=s // 4)
    elif kind == "speech":
        box = pygame.Rect(rect.x, rect.y, s, round(s * 0.75))
        pygame.draw.rect(surface, colour, box, lw, border_radius=s // 5)
        pygame.draw.polygon(surface, colour, [(box.x + s // 4, box.bottom - 1), (box.x + s // 4, rect.y + s),
                                              (box.x + s // 2, box.bottom - 1)])
    else:  # unknown: a plain dot, never a crash
        pygame.draw.circle(surface, colour, (cx, cy), max(2, r // 3))
