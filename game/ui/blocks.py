"""Blocks: a small layout model. A screen is a tree of blocks laid out for a width (each block sets
its own height), then painted at any position. Sizes come from the Look in em units; text wraps.

Painting never changes anything but pixels. Buttons are the only focusable blocks; the page that holds
them (page.py) owns focus, hover and scrolling.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pygame

from .glyphs import displayable
from .icons import draw_icon
from .look import Look
from .measure import text_width
from .text import draw_line, wrap


@dataclass
class Canvas:
    """Where blocks paint: a surface, the look, and whether text blits are recorded (layout tests)."""

    surface: pygame.Surface
    look: Look
    record: bool = True
    cull: bool = True  # skip blocks outside the surface's clip (False: paint everything, for layout tests)

    def visible(self, y: int, h: int) -> bool:
        if not self.cull:
            return True
        clip = self.surface.get_clip()
        return y + h >= clip.top and y <= clip.bottom


class Block:
    w: int = 0
    h: int = 0

    def __init__(self) -> None:
        self.kids: list[tuple[Block, int, int]] = []

    def layout(self, look: Look, width: int) -> None:
        self.w, self.h = width, 0

    def natural_width(self, look: Look, max_width: int) -> int:
        return max_width

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        for block, dx, dy in self.kids:
            if cv.visible(y + dy, block.h):
                block.paint(cv, x + dx, y + dy)

    def walk(self, x: int = 0, y: int = 0) -> Iterator[tuple[Block, int, int]]:
        yield self, x, y
        for block, dx, dy in self.kids:
            yield from block.walk(x + dx, y + dy)


class Spacer(Block):
    def __init__(self, em: float = 1.0):
        super().__init__()
        self.em = em

    def layout(self, look: Look, width: int) -> None:
        self.w, self.h = width, look.em(self.em)

    def natural_width(self, look: Look, max_width: int) -> int:
        return 0


class Text(Block):
    """Wrapped text in one style. `measure=True` keeps lines to a comfortable reading length."""

    def __init__(self, text: str, role: str = "body", colour: str = "text", bold: bool | None = None,
                 italic: bool = False, align: str = "left", measure: bool = True):
        super().__init__()
        self.text, self.role, self.colour, self.bold, self.italic = text, role, colour, bold, italic
        self.align, self.measure = align, measure
        self.lines: list[str] = []

    def _font(self, look: Look) -> pygame.font.Font:
        return look.font(self.role, self.bold, self.italic)

    def layout(self, look: Look, width: int) -> None:
        font = self._font(look)
        self._font_obj = font
        self._lh = look.line_height(self.role, font)
        avail = min(width, look.measure) if self.measure else width
        self.lines = wrap(font, self.text, avail) if self.text else []
        self.w, self.h = width, len(self.lines) * self._lh

    def natural_width(self, look: Look, max_width: int) -> int:
        font = self._font(look)
        widest = max((text_width(font, displayable(font, p)) for p in self.text.split("\n")), default=0)
        return min(max_width, widest + 1)

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        colour = cv.look.colour(self.colour)
        container = pygame.Rect(x, y, self.w, self.h)
        for i, line in enumerate(self.lines):
            # lines out of view are not rendered: a 20,000-letter word in a narrow column is a thousand
            if not line or not cv.visible(y + i * self._lh, self._lh):
                continue
            surf = cv.look.lines.render(self._font_obj, line, colour)
            dx = 0
            if self.align == "center":
                dx = (self.w - surf.get_width()) // 2
            elif self.align == "right":
                dx = self.w - surf.get_width()
            ly = y + i * self._lh + (self._lh - surf.get_height()) // 2
            draw_line(cv.surface, surf, x + max(0, dx), ly, line, container, record=cv.record)


class Stack(Block):
    """Children one below the other, `gap` em apart."""

    def __init__(self, children: Sequence[Block | None], gap: float = 0.8):
        super().__init__()
        self.children = [c for c in children if c is not None]
        self.gap = gap

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(self.gap)
        self.kids, y = [], 0
        for i, child in enumerate(self.children):
            child.layout(look, width)
            if i:
                y += gap
            self.kids.append((child, 0, y))
            y += child.h
        self.w, self.h = width, y

    def natural_width(self, look: Look, max_width: int) -> int:
        return max((c.natural_width(look, max_width) for c in self.children), default=0)


class Columns(Block):
    """Side by side when every column gets at least its minimum width (em), else stacked."""

    def __init__(self, columns: Sequence[tuple[Block, float, float]], gap: float = 2.0, stack_gap: float = 1.2):
        super().__init__()
        self.columns = list(columns)  # (block, min width in em, weight)
        self.gap, self.stack_gap = gap, stack_gap
        self.side_by_side = False

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(self.gap)
        mins = [look.em(m) for _, m, _ in self.columns]
        total_gap = gap * (len(self.columns) - 1)
        self.kids = []
        self.side_by_side = sum(mins) + total_gap <= width
        if not self.side_by_side:
            y = 0
            for i, (block, _, _) in enumerate(self.columns):
                y += look.em(self.stack_gap) if i else 0
                block.layout(look, width)
                self.kids.append((block, 0, y))
                y += block.h
            self.w, self.h = width, y
            return
        spare = width - sum(mins) - total_gap
        weights = sum(w for _, _, w in self.columns) or 1
        x = 0
        for (block, _, weight), low in zip(self.columns, mins, strict=True):
            cw = low + int(spare * weight / weights)
            block.layout(look, cw)
            self.kids.append((block, x, 0))
            x += cw + gap
        self.w, self.h = width, max(b.h for b, _, _ in self.kids)


class Beside(Block):
    """A fixed-width block (an icon, a portrait) to the left of a flexible one."""

    def __init__(self, left: Block, right: Block, left_em: float, gap: float = 0.6):
        super().__init__()
        self.left, self.right, self.left_em, self.gap = left, right, left_em, gap

    def layout(self, look: Look, width: int) -> None:
        lw, gap = look.em(self.left_em), look.em(self.gap)
        self.left.layout(look, lw)
        self.right.layout(look, max(1, width - lw - gap))
        self.kids = [(self.left, 0, 0), (self.right, lw + gap, 0)]
        self.w, self.h = width, max(self.left.h, self.right.h)

    def natural_width(self, look: Look, max_width: int) -> int:
        lw, gap = look.em(self.left_em), look.em(self.gap)
        return lw + gap + self.right.natural_width(look, max(1, max_width - lw - gap))


class Flow(Block):
    """Children at their natural width, left to right, wrapping onto new rows (button bars)."""

    def __init__(self, children: Sequence[Block | None], gap: float = 0.6, align: str = "left"):
        super().__init__()
        self.children = [c for c in children if c is not None]
        self.gap, self.align = gap, align

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(self.gap)
        rows: list[list[Block]] = [[]]
        x = 0
        for child in self.children:
            cw = min(width, child.natural_width(look, width))
            if rows[-1] and x + cw > width:
                rows.append([])
                x = 0
            child.layout(look, cw)
            rows[-1].append(child)
            x += cw + gap
        self.kids, y = [], 0
        for row in rows:
            used = sum(c.w for c in row) + gap * (len(row) - 1)
            x = {"right": width - used, "center": (width - used) // 2}.get(self.align, 0)
            rh = max((c.h for c in row), default=0)
            for child in row:
                self.kids.append((child, max(0, x), y + (rh - child.h) // 2))
                x += child.w + gap
            y += rh + (gap if row is not rows[-1] else 0)
        self.w, self.h = width, y

    def natural_width(self, look: Look, max_width: int) -> int:
        gap = look.em(self.gap)
        total = sum(c.natural_width(look, max_width) for c in self.children) + gap * (len(self.children) - 1)
        return min(max_width, total)


class Pad(Block):
    def __init__(self, child: Block, top: float = 0, right: float = 0, bottom: float = 0, left: float = 0):
        super().__init__()
        self.child, self.pads = child, (top, right, bottom, left)

    def layout(self, look: Look, width: int) -> None:
        t, r, b, l_ = (look.em(p) for p in self.pads)
        self.child.layout(look, max(1, width - l_ - r))
        self.kids = [(self.child, l_, t)]
        self.w, self.h = width, t + self.child.h + b

    def natural_width(self, look: Look, max_width: int) -> int:
        _, r, _, l_ = (look.em(p) for p in self.pads)
        return self.child.natural_width(look, max_width - l_ - r) + l_ + r


class Centre(Block):
    """Holds its child at no more than `max_em` wide, centred."""

    def __init__(self, child: Block, max_em: float):
        super().__init__()
        self.child, self.max_em = child, max_em

    def layout(self, look: Look, width: int) -> None:
        cw = min(width, look.em(self.max_em))
        self.child.layout(look, cw)
        self.kids = [(self.child, (width - cw) // 2, 0)]
        self.w, self.h = width, self.child.h


class Panel(Block):
    """A box: background, optional border and a coloured bar on the left edge."""

    def __init__(self, child: Block, bg: str = "surface", border: str | None = "border", pad: float = 1.0,
                 bar: str | None = None, border_em: float | None = None):
        super().__init__()
        self.child, self.bg, self.border, self.pad, self.bar, self.border_em = child, bg, border, pad, bar, border_em

    def layout(self, look: Look, width: int) -> None:
        pad = look.em(self.pad)
        bar = look.em(0.35) if self.bar else 0
        self.child.layout(look, max(1, width - 2 * pad - bar))
        self.kids = [(self.child, pad + bar, pad)]
        self.w, self.h = width, self.child.h + 2 * pad

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        look = cv.look
        rect = pygame.Rect(x, y, self.w, self.h)
        radius = look.metrics.radius
        pygame.draw.rect(cv.surface, look.colour(self.bg), rect, border_radius=radius)
        if self.bar:
            pygame.draw.rect(cv.surface, look.colour(self.bar), (x, y, look.em(0.35), self.h),
                             border_top_left_radius=radius, border_bottom_left_radius=radius)
        if self.border:
            bw = look.em(self.border_em) if self.border_em else look.metrics.border
            pygame.draw.rect(cv.surface, look.colour(self.border), rect, max(1, bw), border_radius=radius)
        super().paint(cv, x, y)


class Rule(Block):
    def layout(self, look: Look, width: int) -> None:
        self.w, self.h = width, max(1, look.metrics.border)

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        pygame.draw.rect(cv.surface, cv.look.colour("border"), (x, y, self.w, self.h))


class Icon(Block):
    """An icon the height of one line of `role` text, so it lines up with the words beside it."""

    def __init__(self, kind: str, colour: str, role: str = "body", size: float = 0.9):
        super().__init__()
        self.kind, self.colour, self.role, self.size = kind, colour, role, size

    def layout(self, look: Look, width: int) -> None:
        font = look.font(self.role)
        self.w, self.h = width, look.line_height(self.role, font)
        self._s = round(look.metrics.px(self.role) * self.size)

    def natural_width(self, look: Look, max_width: int) -> int:
        return min(max_width, round(look.metrics.px(self.role) * self.size))

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        rect = pygame.Rect(0, 0, self._s, self._s)
        rect.center = (x + min(self.w, self._s) // 2, y + self.h // 2)
        draw_icon(cv.surface, self.kind, rect, cv.look.colour(self.colour))


def icon_text(kind: str, colour: str, text: str, role: str = "body", text_colour: str | None = None,
              bold: bool | None = None) -> Block:
    """An icon followed by words that say the same thing."""
    return Beside(Icon(kind, colour, role), Text(text, role, text_colour or colour, bold=bold), 1.3, 0.5)


class Button(Block):
    """A large control. Enabled buttons are focusable and carry the intent they ask for."""

    focusable_kinds = ("normal",)
    # padding (across, down) and the number badge's diameter and gap, in em: a compact kind can set less
    pad_em: tuple[float, float] = (0.9, 0.5)
    badge_em, badge_gap_em = 1.8, 0.7

    def __init__(self, content: Block | str, intent: Any = None, id: str = "", number: int | None = None,
                 enabled: bool = True, selected: bool = False, locked: bool = False, full: bool = True,
                 role: str = "body", note: str | None = None):
        super().__init__()
        colour = "selected_text" if selected else "disabled_text" if (not enabled and not locked) else "text"
        if isinstance(content, str):
            content = Text(content, role, colour, bold=True if not locked else None, measure=False)
        if note:
            content = Stack([content, Text(note, "small", "selected_text" if selected else "muted",
                                           measure=False)], gap=0.2)
        self.content, self.intent, self.id, self.number = content, intent, id, number
        self.enabled, self.selected, self.locked, self.full = enabled, selected, locked, full

    @property
    def focusable(self) -> bool:
        return self.enabled and not self.locked

    def _extras(self, look: Look) -> tuple[int, int, int]:
        pad_h, pad_v = look.em(self.pad_em[0]), look.em(self.pad_em[1])
        lead = 0
        if self.number is not None:
            lead = look.em(self.badge_em) + look.em(self.badge_gap_em)
        elif self.selected:
            lead = look.em(1.0) + look.em(0.5)
        return pad_h, pad_v, lead

    def natural_width(self, look: Look, max_width: int) -> int:
        if self.full:
            return max_width
        pad_h, _, lead = self._extras(look)
        inner = self.content.natural_width(look, max(1, max_width - 2 * pad_h - lead))
        return min(max_width, max(inner + 2 * pad_h + lead, look.metrics.target * 2))

    def layout(self, look: Look, width: int) -> None:
        if not self.full:
            width = min(width, self.natural_width(look, width))
        pad_h, pad_v, lead = self._extras(look)
        inner = max(1, width - 2 * pad_h - lead)
        self.content.layout(look, inner)
        self.w = width
        self.h = max(look.metrics.target, self.content.h + 2 * pad_v)
        shift = 0
        if not self.full:  # a compact button wider than its words (the minimum width): centre them
            shift = max(0, (inner - self.content.natural_width(look, inner)) // 2)
        self.kids = [(self.content, pad_h + lead + shift, (self.h - self.content.h) // 2)]

    def paint(self, cv: Canvas, x: int, y: int, state: str = "normal") -> None:
        look = cv.look
        rect = pygame.Rect(x, y, self.w, self.h)
        m = look.metrics
        if self.selected:
            bg = "selected"
        elif not self.enabled or self.locked:
            bg = "background"
        else:
            bg = {"hover": "button_hover", "focus": "button_focus"}.get(state, "button")
        pygame.draw.rect(cv.surface, look.colour(bg), rect, border_radius=m.radius)
        border = "border" if (not self.enabled or self.locked) else "button_border"
        pygame.draw.rect(cv.surface, look.colour(border), rect, max(1, m.border), border_radius=m.radius)
        pad_h, _, _ = self._extras(look)
        if self.number is not None:
            d = look.em(self.badge_em)
            centre = (x + pad_h + d // 2, y + self.h // 2)
            pygame.draw.circle(cv.surface, look.colour("badge" if not self.locked else "border"), centre, d // 2)
            font = look.font("badge", True)
            surf = look.lines.render(font, str(self.number), look.colour("badge_text" if not self.locked
                                                                         else "background"))
            r = surf.get_rect(center=centre)
            draw_line(cv.surface, surf, r.x, r.y, str(self.number),
                      pygame.Rect(centre[0] - d // 2, centre[1] - d // 2, d, d), record=cv.record)
        elif self.selected:
            s = look.em(1.0)
            draw_icon(cv.surface, "check", pygame.Rect(x + pad_h, y + (self.h - s) // 2, s, s),
                      look.colour("selected_text"))
        super().paint(cv, x, y)


def focusables(root: Block, x: int = 0, y: int = 0) -> list[tuple[Button, pygame.Rect]]:
    return [(b, pygame.Rect(bx, by, b.w, b.h)) for b, bx, by in root.walk(x, y)
            if isinstance(b, Button) and b.focusable]


class Bar(Block):
    """A heading on the left and controls on the right; the controls drop below when there is no room."""

    def __init__(self, left: Block, right: Block | None, min_left_em: float = 10.0, gap: float = 1.0):
        super().__init__()
        self.left, self.right, self.min_left_em, self.gap = left, right, min_left_em, gap

    def layout(self, look: Look, width: int) -> None:
        gap = look.em(self.gap)
        if self.right is None:
            self.left.layout(look, width)
            self.kids = [(self.left, 0, 0)]
            self.w, self.h = width, self.left.h
            return
        rw = self.right.natural_width(look, width)
        if width - rw - gap >= look.em(self.min_left_em):
            self.left.layout(look, width - rw - gap)
            self.right.layout(look, rw)
            h = max(self.left.h, self.right.h)
            self.kids = [(self.left, 0, (h - self.left.h) // 2), (self.right, width - rw, (h - self.right.h) // 2)]
        else:
            self.left.layout(look, width)
            self.right.layout(look, width)
            self.kids = [(self.left, 0, 0), (self.right, 0, self.left.h + look.em(0.4))]
            h = self.left.h + look.em(0.4) + self.right.h
        self.w, self.h = width, h


def words(block: Block) -> str:
    """All the text in a block, in order (self-voicing reads a focused control this way)."""
    return " ".join(b.text for b, _, _ in block.walk() if isinstance(b, Text) and b.text)
