"""Small generic icons, drawn with vectors (no logos, no font glyphs: the bundled fonts have no symbols).

Each icon is drawn four times too big on a transparent canvas, scaled down smoothly (cheap anti-aliasing),
then laid onto its background colour so painting is a plain opaque blit. Shapes are in a unit square.
Every icon in a card sits next to words that say the same thing: icons help, they never carry meaning alone.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from functools import lru_cache

import pygame

SUPERSAMPLE = 4
CLEAR = (0, 0, 0, 0)  # pygame.draw writes this straight into the pixels: it cuts holes in a shape


class Pen:
    """Draws in unit coordinates (0 to 1) on a square canvas of side `side` px."""

    def __init__(self, surface: pygame.Surface, colour) -> None:
        self.surface, self.colour, self.side = surface, colour, surface.get_width()
        self.line_px = max(1.0, self.side * 0.085)  # stroke width

    @property
    def line(self) -> float:
        """The stroke width in unit coordinates."""
        return self.line_px / self.side

    def point(self, x: float, y: float) -> tuple[int, int]:
        """A point in unit coordinates, in pixels."""
        return round(x * self.side), round(y * self.side)

    def length(self, v: float) -> int:
        """A length in unit coordinates, in pixels (at least one)."""
        return max(1, round(v * self.side))

    def disc(self, x, y, r, clear=False):
        pygame.draw.circle(self.surface, CLEAR if clear else self.colour, self.point(x, y), self.length(r))

    def ring(self, x, y, r, width=None):
        w = width if width is not None else self.line
        self.disc(x, y, r)
        self.disc(x, y, r - w, clear=True)

    def poly(self, pts, clear=False):
        pygame.draw.polygon(self.surface, CLEAR if clear else self.colour, [self.point(*q) for q in pts])

    def stroke(self, pts, width=None, clear=False):
        w = round(width * self.side) if width is not None else round(self.line_px)
        colour = CLEAR if clear else self.colour
        ps = [self.point(*q) for q in pts]
        for a, b in itertools.pairwise(ps):
            pygame.draw.line(self.surface, colour, a, b, w)
        for q in ps:  # round joins and caps
            pygame.draw.circle(self.surface, colour, q, max(1, w // 2))

    def rect(self, x, y, w, h, radius=0.0, clear=False):
        rr = pygame.Rect(*self.point(x, y), self.length(w), self.length(h))
        pygame.draw.rect(self.surface, CLEAR if clear else self.colour, rr,
                         border_radius=self.length(radius) if radius else 0)

    def box(self, x, y, w, h, radius=0.0):
        """A rectangle outline."""
        self.rect(x, y, w, h, radius)
        t = self.line
        self.rect(x + t, y + t, w - 2 * t, h - 2 * t, max(0.0, radius - t), clear=True)

    def ellipse(self, x, y, w, h, clear=False):
        rr = pygame.Rect(*self.point(x, y), self.length(w), self.length(h))
        pygame.draw.ellipse(self.surface, CLEAR if clear else self.colour, rr)


# --- the icons --------------------------------------------------------------------------------------------

def _person(d: Pen, cx: float, head_y: float, k: float, cut: bool = False) -> None:
    if cut:  # a gap around the front figure where it overlaps the one behind
        d.disc(cx, head_y, 0.17 * k + 0.05, clear=True)
        d.ellipse(cx - 0.27 * k - 0.05, head_y + 0.2 * k - 0.05, 0.54 * k + 0.1, 0.6 * k + 0.1, clear=True)
    d.disc(cx, head_y, 0.17 * k)
    d.ellipse(cx - 0.27 * k, head_y + 0.2 * k, 0.54 * k, 0.6 * k)


def _crop_bottom(d: Pen, y: float) -> None:
    d.rect(0, y, 1, 1 - y + 0.01, clear=True)


def person(d: Pen):
    _person(d, 0.5, 0.3, 1.1)
    _crop_bottom(d, 0.9)


def friends(d: Pen):
    _person(d, 0.35, 0.32, 0.85)
    _person(d, 0.65, 0.36, 0.85, cut=True)
    _crop_bottom(d, 0.9)


def group(d: Pen):
    _person(d, 0.22, 0.34, 0.62)
    _person(d, 0.78, 0.34, 0.62)
    _person(d, 0.5, 0.3, 0.8, cut=True)
    _crop_bottom(d, 0.9)


def friends_except(d: Pen):
    friends(d)
    d.disc(0.78, 0.78, 0.2, clear=True)
    d.disc(0.78, 0.78, 0.16)
    d.rect(0.69, 0.76, 0.18, 0.05, clear=True)


def globe(d: Pen):
    d.ring(0.5, 0.5, 0.42)
    w = d.line
    d.ellipse(0.31, 0.08, 0.38, 0.84)
    d.ellipse(0.31 + w, 0.08 + w, 0.38 - 2 * w, 0.84 - 2 * w, clear=True)
    d.stroke([(0.1, 0.5), (0.9, 0.5)])
    d.stroke([(0.18, 0.3), (0.82, 0.3)], width=w * 0.8)
    d.stroke([(0.18, 0.7), (0.82, 0.7)], width=w * 0.8)


def lock(d: Pen):
    d.ring(0.5, 0.34, 0.2, width=0.09)
    d.rect(0.3, 0.34, 0.4, 0.2, clear=True)
    d.rect(0.3, 0.32, 0.09, 0.16)
    d.rect(0.61, 0.32, 0.09, 0.16)
    d.rect(0.2, 0.45, 0.6, 0.47, radius=0.08)
    d.disc(0.5, 0.64, 0.07, clear=True)
    d.rect(0.47, 0.66, 0.06, 0.14, clear=True)


def gear(d: Pen):
    for k in range(8):
        a = k * math.pi / 4
        d.poly([(0.5 + r * math.cos(a + da), 0.5 + r * math.sin(a + da))
                for r, da in ((0.3, -0.28), (0.46, -0.2), (0.46, 0.2), (0.3, 0.28))])
    d.disc(0.5, 0.5, 0.33)
    d.disc(0.5, 0.5, 0.13, clear=True)


def warning(d: Pen):
    d.poly([(0.5, 0.05), (0.97, 0.9), (0.03, 0.9)])
    d.rect(0.45, 0.33, 0.1, 0.32, radius=0.04, clear=True)
    d.disc(0.5, 0.76, 0.06, clear=True)


def info(d: Pen):
    d.disc(0.5, 0.5, 0.45)
    d.disc(0.5, 0.29, 0.07, clear=True)
    d.rect(0.44, 0.42, 0.12, 0.36, radius=0.03, clear=True)


def check(d: Pen):
    d.stroke([(0.16, 0.54), (0.4, 0.77), (0.86, 0.27)], width=0.13)


def cross(d: Pen):
    d.stroke([(0.2, 0.2), (0.8, 0.8)], width=0.13)
    d.stroke([(0.8, 0.2), (0.2, 0.8)], width=0.13)


def check_circle(d: Pen):
    d.disc(0.5, 0.5, 0.47)
    d.stroke([(0.26, 0.52), (0.43, 0.69), (0.75, 0.34)], width=0.11, clear=True)


def cross_circle(d: Pen):
    d.disc(0.5, 0.5, 0.47)
    d.stroke([(0.32, 0.32), (0.68, 0.68)], width=0.11, clear=True)
    d.stroke([(0.68, 0.32), (0.32, 0.68)], width=0.11, clear=True)


def dash_circle(d: Pen):
    d.ring(0.5, 0.5, 0.45)
    d.stroke([(0.3, 0.5), (0.7, 0.5)], width=0.11)


def radio_on(d: Pen):
    d.ring(0.5, 0.5, 0.45, width=0.09)
    d.disc(0.5, 0.5, 0.24)


def radio_off(d: Pen):
    d.ring(0.5, 0.5, 0.45, width=0.09)


def chevron_down(d: Pen):
    d.stroke([(0.22, 0.38), (0.5, 0.66), (0.78, 0.38)], width=0.11)


def thumb(d: Pen):
    d.rect(0.08, 0.44, 0.2, 0.48, radius=0.04)
    d.poly([(0.34, 0.9), (0.34, 0.45), (0.5, 0.12), (0.56, 0.08), (0.64, 0.14), (0.62, 0.38),
            (0.86, 0.38), (0.94, 0.48), (0.84, 0.9)])


def heart(d: Pen):
    d.disc(0.31, 0.36, 0.22)
    d.disc(0.69, 0.36, 0.22)
    d.poly([(0.1, 0.44), (0.5, 0.9), (0.9, 0.44), (0.5, 0.3)])


def _face(d: Pen):
    d.disc(0.5, 0.5, 0.46)
    d.disc(0.35, 0.38, 0.06, clear=True)
    d.disc(0.65, 0.38, 0.06, clear=True)


def laugh(d: Pen):
    _face(d)
    d.ellipse(0.27, 0.46, 0.46, 0.32, clear=True)
    d.rect(0.25, 0.44, 0.5, 0.15, clear=False)


def smile(d: Pen):
    _face(d)
    d.ellipse(0.28, 0.5, 0.44, 0.26, clear=True)
    d.ellipse(0.28, 0.44, 0.44, 0.24)


def wow(d: Pen):
    _face(d)
    d.ellipse(0.4, 0.55, 0.2, 0.26, clear=True)


def sad(d: Pen):
    _face(d)
    d.ellipse(0.3, 0.6, 0.4, 0.3, clear=True)
    d.ellipse(0.3, 0.66, 0.4, 0.3)


def angry(d: Pen):
    _face(d)
    d.stroke([(0.24, 0.26), (0.42, 0.34)], width=0.07, clear=True)
    d.stroke([(0.76, 0.26), (0.58, 0.34)], width=0.07, clear=True)
    d.rect(0.34, 0.64, 0.32, 0.08, clear=True)


def star(d: Pen):
    pts = []
    for k in range(10):
        r = 0.48 if k % 2 == 0 else 0.2
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((0.5 + r * math.cos(a), 0.53 + r * math.sin(a)))
    d.poly(pts)


def bulb(d: Pen):
    d.disc(0.5, 0.4, 0.32)
    d.rect(0.36, 0.6, 0.28, 0.18)
    d.rect(0.38, 0.82, 0.24, 0.1, radius=0.03)


def comment(d: Pen):
    d.rect(0.08, 0.12, 0.84, 0.6, radius=0.2)
    d.poly([(0.26, 0.6), (0.22, 0.92), (0.5, 0.66)])
    t = d.line
    d.rect(0.08 + t, 0.12 + t, 0.84 - 2 * t, 0.6 - 2 * t, radius=0.2 - t, clear=True)


def share(d: Pen):
    d.stroke([(0.12, 0.82), (0.14, 0.62), (0.3, 0.5), (0.6, 0.5)], width=0.1)
    d.poly([(0.56, 0.22), (0.94, 0.5), (0.56, 0.78)])


def forward(d: Pen):
    share(d)


def reply(d: Pen):
    d.stroke([(0.88, 0.82), (0.86, 0.62), (0.7, 0.5), (0.4, 0.5)], width=0.1)
    d.poly([(0.44, 0.22), (0.06, 0.5), (0.44, 0.78)])


def repost(d: Pen):
    d.stroke([(0.16, 0.55), (0.16, 0.3), (0.7, 0.3)], width=0.09)
    d.poly([(0.66, 0.14), (0.9, 0.3), (0.66, 0.46)])
    d.stroke([(0.84, 0.45), (0.84, 0.7), (0.3, 0.7)], width=0.09)
    d.poly([(0.34, 0.54), (0.1, 0.7), (0.34, 0.86)])


def send(d: Pen):
    d.poly([(0.06, 0.44), (0.94, 0.1), (0.62, 0.92), (0.46, 0.56)])
    d.stroke([(0.46, 0.56), (0.94, 0.1)], width=0.05, clear=True)


def save(d: Pen):
    d.poly([(0.22, 0.08), (0.78, 0.08), (0.78, 0.92), (0.5, 0.68), (0.22, 0.92)])
    d.poly([(0.32, 0.18), (0.68, 0.18), (0.68, 0.72), (0.5, 0.56), (0.32, 0.72)], clear=True)


def search(d: Pen):
    d.ring(0.42, 0.42, 0.3, width=0.1)
    d.stroke([(0.64, 0.64), (0.88, 0.88)], width=0.12)


def image(d: Pen):
    d.box(0.06, 0.14, 0.88, 0.72, radius=0.08)
    d.disc(0.32, 0.36, 0.08)
    d.poly([(0.12, 0.8), (0.4, 0.46), (0.56, 0.64), (0.68, 0.52), (0.88, 0.8)])


def mail(d: Pen):
    d.box(0.06, 0.18, 0.88, 0.64, radius=0.06)
    d.stroke([(0.12, 0.26), (0.5, 0.56), (0.88, 0.26)], width=0.08)


def back(d: Pen):
    d.stroke([(0.85, 0.5), (0.2, 0.5)], width=0.1)
    d.stroke([(0.45, 0.22), (0.18, 0.5), (0.45, 0.78)], width=0.1)


def more(d: Pen):
    for x in (0.2, 0.5, 0.8):
        d.disc(x, 0.5, 0.08)


def flag(d: Pen):
    d.rect(0.16, 0.08, 0.08, 0.86)
    d.poly([(0.24, 0.12), (0.86, 0.3), (0.24, 0.52)])


def quote(d: Pen):
    for x in (0.3, 0.68):
        d.disc(x, 0.42, 0.15)
        d.poly([(x - 0.02, 0.5), (x + 0.14, 0.45), (x - 0.12, 0.86)])


def play(d: Pen):
    d.disc(0.5, 0.5, 0.46)
    d.poly([(0.4, 0.3), (0.72, 0.5), (0.4, 0.7)], clear=True)


def plus(d: Pen):
    d.stroke([(0.5, 0.18), (0.5, 0.82)], width=0.12)
    d.stroke([(0.18, 0.5), (0.82, 0.5)], width=0.12)


def clock(d: Pen):
    d.ring(0.5, 0.5, 0.44, width=0.09)
    d.stroke([(0.5, 0.24), (0.5, 0.5), (0.68, 0.62)], width=0.08)


def dot(d: Pen):
    d.disc(0.5, 0.5, 0.3)


ICONS: dict[str, Callable[[Pen], None]] = {
    f.__name__: f for f in (
        person, friends, group, friends_except, globe, lock, gear, warning, info, check, cross, check_circle,
        cross_circle, dash_circle, radio_on, radio_off, chevron_down, thumb, heart, laugh, smile, wow, sad,
        angry, star, bulb, comment, share, forward, reply, repost, send, save, search, image, mail, back,
        more, flag, quote, play, plus, clock, dot,
    )
}


@lru_cache(maxsize=1024)
def icon_surface(name: str, size: int, fg: tuple, bg: tuple) -> pygame.Surface:
    """The icon `name` (an unknown name draws a dot), `size` px square, in `fg` on an opaque `bg`."""
    size = max(1, size)
    big = pygame.Surface((size * SUPERSAMPLE, size * SUPERSAMPLE), pygame.SRCALPHA)
    ICONS.get(name, dot)(Pen(big, (*fg[:3], 255)))
    small = pygame.transform.smoothscale(big, (size, size))
    out = pygame.Surface((size, size))
    out.fill(bg)
    out.blit(small, (0, 0))
    return out
