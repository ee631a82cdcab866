"""The layout builder every card module uses: sizes in em, colours by role, and boxes appended in paint order.

`Sheet` knows the scale, the theme and the platform; card modules say "a paragraph of body text here, this
wide" and get back how tall it was. Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .boxes import Avatar, Box, CardLayout, Fill, FontSpec, Icon, Text
from .style import Palette, PlatformStyle, Rgb, styles
from .text import FontCache, IconRun, Paragraph, Run, wrap

BASE_PX = 18  # body text at scale 1.0


@dataclass(frozen=True)
class Fonts:
    """The type ramp for one scale."""

    body: FontSpec
    bold: FontSpec
    italic: FontSpec
    small: FontSpec
    small_bold: FontSpec
    bar: FontSpec
    title: FontSpec
    headline: FontSpec


class Sheet:
    def __init__(self, ctx, width: int, platform: str) -> None:
        st = styles()
        self.metrics = st.metrics
        self.style: PlatformStyle = st.platform(platform)
        self.hc: bool = bool(ctx.high_contrast)
        self.pal: Palette = self.style.palette(self.hc)
        self.scale = max(0.25, float(ctx.scale))
        self.em = BASE_PX * self.scale
        self.width = width
        self.fonts = FontCache(ctx.fonts)
        self.boxes: list[Box] = []
        m = self.metrics
        px = lambda f: max(8, round(self.em * f))  # noqa: E731 - a tiny local unit conversion
        body = px(m.body)
        self.type = Fonts(
            body=FontSpec(body), bold=FontSpec(body, bold=True), italic=FontSpec(body, italic=True),
            small=FontSpec(px(m.small)), small_bold=FontSpec(px(m.small), bold=True),
            bar=FontSpec(px(m.bar), bold=True), title=FontSpec(px(m.title), bold=True),
            headline=FontSpec(px(m.headline), bold=True),
        )
        # padding shrinks on very narrow cards so that text keeps most of the width
        self.pad = max(2, min(self.px(m.pad), width // 14))
        self.gap = max(2, min(self.px(m.gap), width // 24))
        self.radius = self.px(m.radius)
        self.outline_w = max(1, round(self.em * (m.outline_high_contrast if self.hc else m.outline)))

    # --- units
    def px(self, em: float) -> int:
        return max(1, round(self.em * em))

    def avatar_size(self, em: float, room: int) -> int:
        """An avatar of `em` ems, but never more than a fifth of the room it sits in."""
        return max(8, min(self.px(em), room // 5))

    # --- text
    def run(self, text: str, font: FontSpec | None = None, fg: Rgb | None = None, underline: bool = False) -> Run:
        return Run(text, font or self.type.body, fg or self.pal.text, underline)

    def icon_run(self, name: str, fg: Rgb, font: FontSpec | None = None) -> IconRun:
        size = round((font or self.type.body).px * 1.05)
        return IconRun(name, fg, size, gap=max(2, size // 3))

    def para(self, runs: list[Run | IconRun] | Run, width: int, line_height: float | None = None) -> Paragraph:
        if isinstance(runs, Run):
            runs = [runs]
        return wrap(self.fonts, runs, width, line_height or self.metrics.line_height)

    def put(self, par: Paragraph, x: int, y: int, bg: Rgb, width: int | None = None, align: str = "left") -> int:
        """Place a wrapped paragraph with its top-left at (x, y); return its height."""
        top = y
        for line in par.lines:
            lx = x
            if width is not None and align == "right":
                lx = x + width - line.width
            elif width is not None and align == "center":
                lx = x + (width - line.width) // 2
            for p in line.pieces:
                if isinstance(p.run, IconRun):
                    s = p.run.size
                    self.boxes.append(Icon(pygame.Rect(lx + p.x, y + (line.height - s) // 2, s, s),
                                           p.run.name, p.run.fg, bg))
                    continue
                if not p.text.strip():  # a space between differently styled pieces: room, but nothing to draw
                    continue
                font = self.fonts(p.run.font)
                h = font.get_height()
                # the line's content is centred in its advance; pieces of different sizes share one baseline
                ty = y + (line.height - line.content) // 2 + line.ascent - font.get_ascent()
                rect = pygame.Rect(lx + p.x, ty, p.w, h)
                self.boxes.append(Text(rect, p.text, p.run.font, p.run.fg, bg))
                if p.run.underline:
                    thick = max(1, p.run.font.px // 14)
                    base = ty + font.get_ascent() + max(1, p.run.font.px // 8)
                    self.boxes.append(Fill(pygame.Rect(rect.x, min(base, rect.bottom - thick), p.w, thick),
                                           p.run.fg))
            y += line.height
        return y - top

    def text(self, runs, x: int, y: int, width: int, bg: Rgb, align: str = "left",
             line_height: float | None = None) -> int:
        return self.put(self.para(runs, width, line_height), x, y, bg, width, align)

    # --- shapes
    def fill(self, rect: pygame.Rect, color: Rgb, radius: int | tuple = 0, outline: Rgb | None = None,
             outline_w: int = 0, filled: bool = True) -> None:
        radii = radius if isinstance(radius, tuple) else (radius,) * 4
        self.boxes.append(Fill(pygame.Rect(rect), color, radii, outline, outline_w, filled))

    def rule(self, x: int, y: int, w: int) -> int:
        """A divider line; returns its thickness."""
        t = max(1, round(self.em / 18)) + (1 if self.hc else 0)
        self.fill(pygame.Rect(x, y, w, t), self.pal.divider)
        return t

    def icon(self, name: str, rect: pygame.Rect, fg: Rgb, bg: Rgb) -> None:
        self.boxes.append(Icon(pygame.Rect(rect), name, fg, bg))

    def avatar(self, name: str, asset: str | None, x: int, y: int, size: int, ring: Rgb | None = None) -> None:
        color = self.pal.pick(self.pal.avatars, name)
        self.boxes.append(Avatar(pygame.Rect(x, y, size, size), name, asset, color, self.pal.on_avatar, ring))

    def layout(self, height: int) -> CardLayout:
        return CardLayout(self.width, height, tuple(self.boxes))
