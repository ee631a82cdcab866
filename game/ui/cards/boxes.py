"""What a laid-out card is made of: positioned boxes, in paint order, relative to the card's top-left.

Layout decides everything (positions, sizes, colours, words); painting only draws these boxes. So the tests
can check a layout without drawing it (text inside the card, nothing overlapping, every colour pair readable),
and `measure_card` is just the layout's height.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from .style import Rgb


@dataclass(frozen=True, slots=True)
class FontSpec:
    px: int
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Fill:
    """A (rounded) rectangle: the card, a bar, a bubble, a button, a divider. `radii` = tl, tr, bl, br."""

    rect: pygame.Rect
    color: Rgb
    radii: tuple[int, int, int, int] = (0, 0, 0, 0)
    outline: Rgb | None = None
    outline_w: int = 0
    filled: bool = True


@dataclass(frozen=True, slots=True)
class Text:
    """One line (or one styled piece of a line) of text. `bg` is the colour it sits on: painting uses it, and
    the contrast test checks `fg` against it."""

    rect: pygame.Rect
    text: str
    font: FontSpec
    fg: Rgb
    bg: Rgb
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Icon:
    """A small vector drawing (see icons.py): never a logo, always next to words that say the same."""

    rect: pygame.Rect
    name: str
    fg: Rgb
    bg: Rgb


@dataclass(frozen=True, slots=True)
class Avatar:
    """A person's picture: the asset when it loads, else their initials on a colour."""

    rect: pygame.Rect
    name: str
    asset: str | None
    color: Rgb
    on_color: Rgb
    ring: Rgb | None = None


@dataclass(frozen=True, slots=True)
class Picture:
    """A loaded image asset, scaled to fit `rect` (the layout only makes one when the file loaded)."""

    rect: pygame.Rect
    asset: str
    radius: int = 0


@dataclass(frozen=True, slots=True)
class Hatch:
    """Diagonal stripes: tells a negative bar from a positive one without relying on colour."""

    rect: pygame.Rect
    fg: Rgb
    bg: Rgb
    spacing: int
    width: int


Box = Fill | Text | Icon | Avatar | Picture | Hatch


@dataclass(eq=False)
class CardLayout:
    width: int
    height: int
    boxes: tuple[Box, ...]
    # filled in by the painter the first time it paints this layout (rendered text, icons, pictures)
    painted: list | None = field(default=None, repr=False)

    def texts(self) -> list[Text]:
        return [b for b in self.boxes if isinstance(b, Text)]
