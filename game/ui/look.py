"""The Look: everything layout and painting need for one window size and one set of preferences
(metrics, theme, fonts, the rendered-line cache, images). Rebuilt when the window or settings change."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

import pygame

from .assets import Assets
from .fonts import Fonts
from .metrics import Metrics
from .text import LineCache
from .theme import Theme

_SAMPLE = "Social workers practise ethical decisions about social media and their professional life."

_BOLD_ROLES = ("heading", "title", "label", "badge", "bar")

# a page column holding fewer average characters of body text than this is too narrow to read
READABLE_CHARS = 20


class Look:
    def __init__(self, metrics: Metrics, theme: Theme, fonts: Fonts, lines: LineCache, assets: Assets):
        self.metrics = metrics
        self.theme = theme
        self.fonts = fonts
        self.lines = lines
        self.assets = assets

    def font(self, role: str = "body", bold: bool | None = None, italic: bool = False) -> pygame.font.Font:
        if bold is None:
            bold = role in _BOLD_ROLES
        return self.fonts.get(self.metrics.px(role), bold, italic)

    def line_height(self, role: str, font: pygame.font.Font) -> int:
        # never less than the font's own height (OpenDyslexic is very tall), so lines never overlap
        return max(self.metrics.line_height(role), font.get_height())

    @cached_property
    def char_width(self) -> float:
        font = self.font("body")
        return font.size(_SAMPLE)[0] / len(_SAMPLE)

    @cached_property
    def measure(self) -> int:
        """The widest a column of running text may be: about 60-75 characters of the body font."""
        return round(self.metrics.profile.measure_ch * self.char_width)

    def em(self, n: float) -> int:
        return self.metrics.em(n)

    def colour(self, role: str) -> tuple[int, int, int]:
        return self.theme.colour(role)

    @cached_property
    def column_chars(self) -> float:
        """How many average body characters the widest page column holds (margins and scroll bar aside)."""
        m = self.metrics
        return (m.width - 2 * m.margin - m.gutter) / max(1.0, self.char_width)

    def readable(self) -> Look:
        """This look, or, when its text is too big for the window to hold a readable column (200 % text or
        the projector profile in a small window), the same look with text just small enough that it does:
        shrinking the text beats one word, or one letter, per line."""
        if self.column_chars >= READABLE_CHARS:
            return self
        look, scale = self, self.metrics.scale
        for _ in range(16):  # each step shrinks by at least 5 %, so this ends well below any readable size
            scale *= min(0.95, max(0.5, look.column_chars / READABLE_CHARS))
            look = Look(replace(self.metrics, scale=scale), self.theme, self.fonts, self.lines, self.assets)
            if look.column_chars >= READABLE_CHARS or look.metrics.body_px <= 8:
                break
        return look
