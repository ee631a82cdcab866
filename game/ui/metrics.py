"""The layout helper: every size on screen derives from the window size, the display profile and
the text scale, in em units (1 em = the body text size). Nothing is placed at a fixed pixel position."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .profiles import Profile

# the narrowest column of running text worth reading, in em (about 20 average characters)
READABLE_EM = 10.0


@dataclass(frozen=True)
class Metrics:
    width: int
    height: int
    profile: Profile
    scale: float = 1.0

    @cached_property
    def body_px(self) -> int:
        base = max(self.profile.min_body_px, round(self.height * self.profile.body))
        return max(8, round(base * self.scale))

    def em(self, n: float) -> int:
        return round(n * self.body_px)

    def px(self, role: str) -> int:
        """The type size of a text role."""
        p = self.profile
        factor = {"body": 1.0, "heading": p.heading, "title": p.title_size, "small": p.small,
                  "label": p.small, "badge": 1.0, "bar": 1.15}.get(role, 1.0)
        return max(8, round(self.body_px * factor))

    def line_height(self, role: str) -> int:
        # headings are set tighter than running text; running text gets generous leading
        factor = self.profile.line_height if role in ("body", "small", "label") else 1.22
        return round(self.px(role) * factor)

    @cached_property
    def margin(self) -> int:
        full = self.em(self.profile.margin_em)
        # a window narrow for its text size (big text, the projector profile in a small window) gives the
        # margins' room to the text first: a readable column matters more than generous edges
        if self.width - 2 * full - self.gutter < self.em(READABLE_EM):
            return min(full, max(2, self.em(0.25)))
        return full

    @cached_property
    def gap(self) -> int:
        """Space between paragraphs and between stacked controls."""
        return self.em(0.8)

    @cached_property
    def target(self) -> int:
        """The smallest height of anything clickable."""
        return self.em(self.profile.target_em)

    @cached_property
    def ring(self) -> int:
        return max(3, self.em(0.2))

    @cached_property
    def border(self) -> int:
        return max(1, self.em(0.09))

    @cached_property
    def radius(self) -> int:
        return self.em(0.35)

    @cached_property
    def scrollbar(self) -> int:
        return max(12, self.em(0.75))

    @cached_property
    def gutter(self) -> int:
        """Room kept beside a page's column for its scroll bar."""
        return self.scrollbar + self.em(0.5)
