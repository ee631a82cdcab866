"""The Look: everything layout and painting need for one window size and one set of preferences
(metrics, theme, fonts, the rendered-line cache, images). Rebuilt when the window or settings change."""

from __future__ import annotations

from functools import cached_property

import pygame

from .assets import Assets
from .fonts import Fonts
from .metrics import Metrics
from .text import LineCache
from .theme import Theme

_SAMPLE = "Social workers practise ethical decisions about social media and their professional life."

_BOLD_ROLES = ("heading", "title", "label", "badge", "bar")


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
