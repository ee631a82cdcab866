"""Painting the story map (laid out by mapview.py) at any pan and zoom. Painting never changes anything but
pixels.

Nothing is told by colour alone: an ending's band is its border (a pill, a hexagon, a double and a triple
border, as the exported map's shapes), a node no playthrough reaches has a dashed border and says so, an
edge with a condition is dashed, and the way the playthrough took is drawn three times as thick, with
arrowheads and a numbered marker on every node it passed ("here" on the one it is at).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

import pygame

from game.engine import storymap
from game.engine.maptrail import Trail

from .glyphs import displayable
from .look import Look
from .mapview import CUT_EM, RING_EM, RINGS, Box, Camera, World, shape_of
from .text import draw_line

TEXT_MIN_PX = 7  # below this the labels are left out (the details panel still says everything)


@dataclass
class Marks:
    """What the paint shows beyond the map itself: the way taken, the focused and hovered nodes."""

    trail: Trail
    focus: str | None = None  # a node key
    focus_ring: bool = False  # the map has the keyboard focus (else the focused node is outlined thinly)
    hover: str | None = None


def paint(surface: pygame.Surface, area: pygame.Rect, world: World, cam: Camera, marks: Marks,
          record: bool = True) -> None:
    look = world.look
    theme = look.theme
    surface.set_clip(area)
    surface.fill(theme.background, area)
    z = cam.zoom
    line = max(1, round(look.metrics.border * max(z, 0.6)))
    seen = area.inflate(look.em(4), look.em(4))
    x0, y0 = cam.to_world(area, seen.topleft)
    view = pygame.Rect(round(x0), round(y0), round(seen.w / z) + 1, round(seen.h / z) + 1)  # in world pixels
    for i, e in enumerate(world.map.edges):
        line_world, bounds = world.lines[i]
        if not view.colliderect(bounds):
            continue
        points = [cam.to_screen(area, p) for p in line_world]
        on_way = i in marks.trail.edges
        colour = theme.text if on_way else theme.muted
        width = line * 3 + 1 if on_way else line
        dashed = (e.kind == "route" and not e.head.endswith("otherwise")) or bool(e.condition)
        _polyline(surface, colour, points, width, look.em(0.5) * z if dashed else 0)
        _arrow(surface, colour, points[-2], points[-1], max(look.em(0.45) * z, 5) * (1.4 if on_way else 1))
        tag = _tag(e)
        if tag and z * look.metrics.px("small") >= TEXT_MIN_PX:
            _edge_tag(surface, look, z, tag, points, on_way, record)
    for box in world.boxes.values():
        if not view.colliderect(box.rect):
            continue
        r = cam.rect(area, box.rect)
        _node(surface, look, z, box, r, marks, record)
    surface.set_clip(None)


def _tag(edge: storymap.MapEdge) -> str:
    if edge.kind == "choice":
        return f"{edge.number} if" if edge.condition else str(edge.number)
    if edge.kind == "route":
        return "else" if edge.head.endswith("otherwise") else f"if {edge.number}"
    return ""


def _edge_tag(surface, look: Look, z: float, tag: str, points, on_way: bool, record: bool) -> None:
    font = look.fonts.get(max(TEXT_MIN_PX, round(look.metrics.px("small") * z)), True)
    rendered = look.lines.render(font, tag, look.colour("badge_text"))
    (x0, y0), (x1, y1) = points[0], points[1]
    d = font.get_height() * 0.9
    length = math.hypot(x1 - x0, y1 - y0) or 1
    cx, cy = x0 + (x1 - x0) * min(0.5, d * 1.3 / length), y0 + (y1 - y0) * min(0.5, d * 1.3 / length)
    rect = pygame.Rect(0, 0, max(d, rendered.get_width() + d * 0.5), d)
    rect.center = (round(cx), round(cy))
    pygame.draw.rect(surface, look.colour("badge"), rect, border_radius=rect.h // 2)
    if on_way:
        pygame.draw.rect(surface, look.colour("text"), rect.inflate(4, 4), 2, border_radius=rect.h // 2 + 2)
    draw_line(surface, rendered, rect.centerx - rendered.get_width() // 2,
              rect.centery - rendered.get_height() // 2, tag, rect, record=record)


def _node(surface, look: Look, z: float, box: Box, r: pygame.Rect, marks: Marks, record: bool) -> None:
    theme = look.theme
    node = box.node
    key = node.key
    visited = node.id in marks.trail.order
    fill = theme.button_hover if key == marks.hover else theme.reached if visited else theme.surface
    border = theme.reached_border if visited else theme.button_border
    bw = max(1, round(look.metrics.border * max(z, 0.5) * (2.5 if visited else 1.5)))
    shape = shape_of(node)
    _shape(surface, shape, r, fill, border, bw, dashed=not node.reachable, dash=max(4, look.em(0.4) * z),
           ring=max(2, round(look.em(RING_EM) * z)), hex_cut=max(4, round(look.em(CUT_EM) * z)))
    if z * look.metrics.px("small") >= TEXT_MIN_PX:
        _label_text(surface, look, z, box, r, record)
    if key == marks.focus:
        ring = look.metrics.ring if marks.focus_ring else max(2, look.metrics.ring // 2)
        pygame.draw.rect(surface, theme.focus_ring, r.inflate(ring * 2 + 6, ring * 2 + 6), ring,
                         border_radius=look.metrics.radius + ring)
    step = marks.trail.order.get(node.id)
    if step is not None:
        here = marks.trail.here == node.id
        _marker(surface, look, z, "here" if here else str(step), (r.left, r.top), record, here)


def _shape(surface, shape: str, r: pygame.Rect, fill, border, bw: int, dashed: bool, dash: float,
           ring: int, hex_cut: int) -> None:
    if shape in ("good",):  # a pill
        radius = r.h // 2
        pygame.draw.rect(surface, fill, r, border_radius=radius)
        pygame.draw.rect(surface, border, r, bw, border_radius=radius)
        return
    if shape in ("work", "routing"):  # a hexagon (work) or an octagon (routing): corners cut
        cut = min(r.h // 2, hex_cut) if shape == "work" else max(4, r.h // 5)
        if shape == "work":
            pts = [(r.left + cut, r.top), (r.right - cut, r.top), (r.right, r.centery), (r.right - cut, r.bottom),
                   (r.left + cut, r.bottom), (r.left, r.centery)]
        else:
            pts = [(r.left + cut, r.top), (r.right - cut, r.top), (r.right, r.top + cut), (r.right, r.bottom - cut),
                   (r.right - cut, r.bottom), (r.left + cut, r.bottom), (r.left, r.bottom - cut),
                   (r.left, r.top + cut)]
        pygame.draw.polygon(surface, fill, pts)
        if dashed:
            _polyline(surface, border, [*pts, pts[0]], bw, dash)
        else:
            pygame.draw.polygon(surface, border, pts, bw)
        return
    radius = max(2, min(r.h, r.w) // 8)
    pygame.draw.rect(surface, fill, r, border_radius=radius)
    if dashed:
        _polyline(surface, border, [r.topleft, r.topright, r.bottomright, r.bottomleft, r.topleft], bw, dash)
    else:
        pygame.draw.rect(surface, border, r, bw, border_radius=radius)
    for k in range(1, RINGS.get(shape, 0) + 1):  # a double, a triple border, `ring` apart (the label leaves room)
        inset = r.inflate(-ring * k * 2, -ring * k * 2)
        if inset.w > 4 and inset.h > 4:
            pygame.draw.rect(surface, border, inset, max(1, bw // 2 + 1), border_radius=max(1, radius - 2 * k))


def _label_text(surface, look: Look, z: float, box: Box, r: pygame.Rect, record: bool) -> None:
    pad = look.em(0.6) * z
    x = r.x + round(pad + box.label.inset_x * z)  # inside the rings and clear of a hexagon's slanted sides
    y = r.y + pad + box.label.inset_y * z
    clip = surface.get_clip()
    inner = r.inflate(-round(pad) - 2 * round(box.label.inset_x * z), -2).clip(clip)
    if not inner:
        return
    surface.set_clip(inner)
    for text, role, colour, bold in box.label.lines:
        font = look.fonts.get(max(TEXT_MIN_PX, round(look.metrics.px(role) * z)), bold)
        lh = look.line_height(role, look.font(role, bold)) * z
        shown = displayable(font, text)
        rendered = look.lines.render(font, shown, look.colour(colour))
        draw_line(surface, rendered, x, round(y + (lh - rendered.get_height()) / 2), shown, r,
                  record=record)
        y += lh
    surface.set_clip(clip)


def _marker(surface, look: Look, z: float, text: str, corner: tuple[int, int], record: bool, here: bool) -> None:
    """A numbered badge on the top-left corner of a node the way passed; 'here' on the one it is at. It
    shrinks with the map, but stays big enough to read."""
    font = look.fonts.get(max(TEXT_MIN_PX + 4, round(look.metrics.px("label") * min(1.0, z))), True)
    rendered = look.lines.render(font, text, look.colour("badge_text"))
    d = font.get_height()
    rect = pygame.Rect(0, 0, max(d, rendered.get_width() + d // 2), d)
    rect.center = corner
    pygame.draw.rect(surface, look.colour("badge"), rect, border_radius=d // 2)
    pygame.draw.rect(surface, look.colour("background"), rect, 2, border_radius=d // 2)
    if here:
        pygame.draw.rect(surface, look.colour("focus_ring"), rect.inflate(6, 6), 3, border_radius=d // 2 + 3)
    draw_line(surface, rendered, rect.centerx - rendered.get_width() // 2, rect.centery - rendered.get_height() // 2,
              text, rect, record=record)


def _polyline(surface, colour, points, width: int, dash: float) -> None:
    if dash <= 0:
        if len(points) >= 2:
            pygame.draw.lines(surface, colour, False, points, width)
        return
    on = True
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        steps = max(1, int(length // dash))
        for s in range(steps):
            if on:
                a, b = s / steps, min(1.0, (s + 1) / steps)
                pygame.draw.line(surface, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                                 (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)
            on = not on


def _arrow(surface, colour, p0, p1, size: float) -> None:
    angle = math.atan2(p1[1] - p0[1], p1[0] - p0[0])
    left = (p1[0] - size * math.cos(angle - 0.45), p1[1] - size * math.sin(angle - 0.45))
    right = (p1[0] - size * math.cos(angle + 0.45), p1[1] - size * math.sin(angle + 0.45))
    pygame.draw.polygon(surface, colour, [p1, left, right])
