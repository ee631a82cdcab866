"""The story map laid out for the window (game/engine/storymap.py's nodes and edges, placed by
game/engine/layout.py: layered and computed, never hand-placed), and the camera that pans and zooms over it.
No painting here (mapdraw.py paints): this is where things are, what is in view and which node is next in a
direction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pygame

from game.engine import layout, storymap

from .glyphs import displayable
from .look import Look
from .measure import text_width
from .text import wrap

NODE_EM = (9.0, 15.0)  # a node's narrowest and widest, in em at zoom 1
TITLE_LINES = 3
ZOOM_MIN, ZOOM_MAX = 0.04, 3.0  # below about 0.3 the nodes are boxes without words


RING_EM = 0.2  # the space between a double or triple border's rings, in em at zoom 1
# how far a hexagon's corners are cut, in em at zoom 1: no deeper than the label's padding (0.6 em), so its
# slanted sides stay clear of the words without widening the node
CUT_EM = 0.6
RINGS = {"regulator": 1, "sanction": 2}  # the inner rings of an ending's shape, by its band (mapdraw draws them)


@dataclass
class Label:
    lines: list[tuple[str, str, str, bool]]  # (text, role, colour, bold)
    w: int
    h: int
    inset_x: int = 0  # room kept clear of the words inside the shape's edge, beyond the padding (world px):
    inset_y: int = 0  # a double or triple border's rings


def shape_of(node: storymap.MapNode) -> str:
    return node.band.key if node.band else node.kind


@dataclass
class Box:
    node: storymap.MapNode
    rect: pygame.Rect  # in world pixels (zoom 1)
    label: Label


class World:
    """A story map laid out for one look: node boxes and edge routes in world pixels (zoom 1)."""

    def __init__(self, story_map: storymap.StoryMap, look: Look):
        self.map, self.look = story_map, look
        pad = look.em(0.6)
        labels = {n.key: _label(n, look, pad) for n in story_map.nodes}
        keys = [n.key for n in story_map.nodes]
        endings = [n.key for n in story_map.nodes if n.kind == "ending"]
        edges = [(e.source, e.target) for e in story_map.edges]
        self.layout = layout.layered(keys, edges, start=keys[0] if keys else None, bottom=endings,
                                     size=lambda k: (labels[k].w, labels[k].h), gap_x=look.em(1.5),
                                     gap_y=look.em(3.2), waypoint_w=look.em(1.0))
        margin = look.em(1.5)
        self.margin = margin
        self.boxes: dict[str, Box] = {}
        for n in story_map.nodes:
            p = self.layout.nodes[n.key]
            self.boxes[n.key] = Box(n, pygame.Rect(round(p.x) + margin, round(p.y) + margin, round(p.w), round(p.h)),
                                    labels[n.key])
        self.size = (round(self.layout.width) + 2 * margin, round(self.layout.height) + 2 * margin)

    @cached_property
    def by_id(self) -> dict[str, Box]:
        return {b.node.id: b for b in self.boxes.values()}

    def route(self, i: int) -> list[tuple[float, float]]:
        """Edge i's line in world pixels: out of its source's bottom (spread across it, in the edges'
        order), through its waypoints, into its target's top; an edge back up leaves and enters by the side."""
        e = self.map.edges[i]
        a, b = self.boxes[e.source].rect, self.boxes[e.target].rect
        m = self.margin
        way = [(x + m, y + m) for x, y in self.layout.routes.get((e.source, e.target), [])]
        if a is b:
            return [(a.right, a.centery - 6), (a.right + 24, a.centery), (a.right, a.centery + 6)]
        if b.top > a.top:
            siblings = self._siblings[e.source]
            spot = siblings.index(i) + 1
            x = a.left + a.w * spot / (len(siblings) + 1)
            return [(x, a.bottom), *way, (b.centerx, b.top)]
        return [(a.right, a.centery), *way, (b.right, b.centery)]

    @cached_property
    def _siblings(self) -> dict[str, list[int]]:
        """Each source's downward edges, ordered by where their targets are, so that they do not cross."""
        out: dict[str, list[int]] = {}
        for i, e in enumerate(self.map.edges):
            if self.boxes[e.target].rect.top > self.boxes[e.source].rect.top:
                out.setdefault(e.source, []).append(i)
        for edges in out.values():
            edges.sort(key=lambda j: (self._first_x(j), j))
        return out

    def _first_x(self, i: int) -> float:
        e = self.map.edges[i]
        way = self.layout.routes.get((e.source, e.target))
        return way[0][0] + self.margin if way else self.boxes[e.target].rect.centerx

    @cached_property
    def lines(self) -> list[tuple[list[tuple[float, float]], pygame.Rect]]:
        """Every edge's line in world pixels with the box around it (worked out once: a frame only culls)."""
        out = []
        for i in range(len(self.map.edges)):
            points = self.route(i)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            out.append((points, pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)))
        return out

    def node_at(self, world: tuple[float, float]) -> Box | None:
        return next((b for b in self.boxes.values() if b.rect.collidepoint(world)), None)

    def nearest(self, key: str, direction: str) -> str | None:
        """The node nearest to `key` in a direction ("up", "down", "left", "right"), as the page moves
        between buttons: distance along that way, twice the distance across it."""
        if key not in self.boxes:
            return None
        c = self.boxes[key].rect
        best, best_score = None, None
        for other, box in self.boxes.items():
            r = box.rect
            if other == key:
                continue
            if direction == "down":
                ok, along, across = r.top >= c.bottom - 2, r.top - c.bottom, abs(r.centerx - c.centerx)
            elif direction == "up":
                ok, along, across = r.bottom <= c.top + 2, c.top - r.bottom, abs(r.centerx - c.centerx)
            elif direction == "right":
                ok, along, across = r.left >= c.right - 2, r.left - c.right, abs(r.centery - c.centery)
            else:
                ok, along, across = r.right <= c.left + 2, c.left - r.right, abs(r.centery - c.centery)
            if ok and (best_score is None or across * 2 + along < best_score):
                best, best_score = other, across * 2 + along
        return best


def _label(node: storymap.MapNode, look: Look, pad: int) -> Label:
    lo, hi = look.em(NODE_EM[0]), look.em(NODE_EM[1])
    title_font = look.font("body", True)
    small = look.font("small")
    inner = hi - 2 * pad
    title = wrap(title_font, node.title, inner)[:TITLE_LINES]
    shown_id = node.id if node.kind != "missing" else "no such node"
    lines = [(shown_id, "small", "muted", False)] if shown_id != node.title else []
    lines += [(t, "body", "heading", True) for t in title]
    for extra in node.lines:
        lines += [(t, "small", "text", False) for t in wrap(small, extra, inner)]
    # text_width counts an emoji as wide as the picture drawn for it; font.size would measure it too narrow
    widest = max(text_width(look.font(role, bold), displayable(look.font(role, bold), t))
                 for t, role, _, bold in lines)
    shape = shape_of(node)
    ring = RINGS.get(shape, 0) * look.em(RING_EM)  # the words sit inside the innermost ring
    # slack: small type is not quite proportional; the narrowest box often has room for the rings already
    w = max(lo, min(hi, round(widest * 1.08) + 2 * pad) + 2 * ring)
    h = sum(look.line_height(role, look.font(role, bold)) for _, role, _, bold in lines) + 2 * (pad + ring)
    return Label(lines, w, h, ring, ring)


@dataclass
class Camera:
    x: float = 0.0  # the world point at the map area's top-left corner
    y: float = 0.0
    zoom: float = 1.0

    def to_screen(self, area: pygame.Rect, p: tuple[float, float]) -> tuple[float, float]:
        return area.x + (p[0] - self.x) * self.zoom, area.y + (p[1] - self.y) * self.zoom

    def to_world(self, area: pygame.Rect, p: tuple[float, float]) -> tuple[float, float]:
        return self.x + (p[0] - area.x) / self.zoom, self.y + (p[1] - area.y) / self.zoom

    def rect(self, area: pygame.Rect, r: pygame.Rect) -> pygame.Rect:
        x, y = self.to_screen(area, r.topleft)
        return pygame.Rect(round(x), round(y), max(1, round(r.w * self.zoom)), max(1, round(r.h * self.zoom)))

    def fit(self, size: tuple[int, int], seen: pygame.Rect) -> None:
        """The whole world (`size`) in the middle of `seen`, as large as fits (never above full size)."""
        w, h = size
        self.zoom = z = fit_zoom(size, seen)
        self.x = w / 2 - seen.w / 2 / z
        self.y = h / 2 - seen.h / 2 / z

    def zoom_about(self, factor: float, about: tuple[float, float], area: pygame.Rect) -> None:
        """Zoom by `factor` keeping the world point under `about` (a screen point) where it is."""
        before = self.to_world(area, about)
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, self.zoom * factor))
        after = self.to_world(area, about)
        self.x += before[0] - after[0]
        self.y += before[1] - after[1]

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) screen pixels (positive: to see more to the right / below)."""
        self.x += dx / self.zoom
        self.y += dy / self.zoom

    def reveal(self, target: pygame.Rect, area: pygame.Rect, seen: pygame.Rect, margin: int,
               avoid: pygame.Rect | None = None, centre: bool = False) -> None:
        """Pan so that `target` (world pixels) is inside `seen`, `margin` from its edges (in the middle when
        `centre`, or when it does not fit), and not behind `avoid` (a panel over the map, screen pixels)."""
        r = self.rect(area, target)
        inner = seen.inflate(-2 * margin, -2 * margin)
        if centre or r.w > inner.w or r.h > inner.h:
            self.x = target.centerx - seen.w / 2 / self.zoom
            self.y = target.centery - seen.h / 2 / self.zoom
            return
        dx = min(0, r.left - inner.left) or max(0, r.right - inner.right)
        dy = min(0, r.top - inner.top) or max(0, r.bottom - inner.bottom)
        if avoid is not None and avoid.w and r.move(-dx, -dy).colliderect(avoid.inflate(margin, margin)):
            dy = r.bottom - (avoid.top - margin)  # just above the panel
        self.pan(dx, dy)


def fit_zoom(size: tuple[int, int], seen: pygame.Rect) -> float:
    w, h = size
    return max(ZOOM_MIN, min(ZOOM_MAX, 1.0, seen.w / max(1, w), seen.h / max(1, h)))
