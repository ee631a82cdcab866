"""Colour themes: a dataclass of named, semantic colours loaded from game/data/themes.yaml.

Code asks for `theme.muted` or `theme.breached`, never for a colour value. TEXT_ON lists every
background each text colour is drawn on; the contrast test checks every pair of every theme.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from game import paths
from game.engine import datafile

log = logging.getLogger("crossing_paths.ui")

THEMES_FILE = paths.DATA / "themes.yaml"

Colour = tuple[int, int, int]

_PAGE = ("background", "surface", "discussion", "reached")
_BUTTONS = ("button", "button_hover", "button_focus")
# text colour -> the backgrounds it is drawn on anywhere in the UI
TEXT_ON: dict[str, tuple[str, ...]] = {
    "text": _PAGE + _BUTTONS,
    "heading": _PAGE + _BUTTONS,
    "muted": _PAGE + _BUTTONS,
    "upheld": _PAGE + _BUTTONS,
    "breached": _PAGE + _BUTTONS,
    "at_stake": _PAGE + _BUTTONS,
    "disabled_text": _PAGE + _BUTTONS,
    "header_text": ("header",),
    "badge_text": ("badge",),
    "selected_text": ("selected",),
}
# non-text marks that must stand out (WCAG 1.4.11: 3:1)
MARK_ON: dict[str, tuple[str, ...]] = {
    "focus_ring": _PAGE + _BUTTONS,
    "button_border": ("background", "surface"),
    "scrollbar_thumb": ("scrollbar_track",),
}


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    min_contrast: float
    background: Colour
    surface: Colour
    header: Colour
    header_text: Colour
    text: Colour
    heading: Colour
    muted: Colour
    border: Colour
    button: Colour
    button_hover: Colour
    button_focus: Colour
    button_border: Colour
    disabled_text: Colour
    focus_ring: Colour
    badge: Colour
    badge_text: Colour
    selected: Colour
    selected_text: Colour
    upheld: Colour
    breached: Colour
    at_stake: Colour
    discussion: Colour
    discussion_border: Colour
    reached: Colour
    reached_border: Colour
    scrollbar_track: Colour
    scrollbar_thumb: Colour
    scrollbar_thumb_active: Colour
    placeholder: Colour

    @property
    def high_contrast(self) -> bool:
        return self.min_contrast >= 7

    def colour(self, role: str) -> Colour:
        return getattr(self, role)


COLOUR_ROLES = tuple(f.name for f in fields(Theme) if f.name not in ("id", "title", "min_contrast"))


def parse_colour(value: object) -> Colour:
    if not isinstance(value, str) or len(value) != 7 or value[0] != "#":
        raise ValueError(f"{value!r} is not a colour like '#1B1E24'")
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def luminance(c: Colour) -> float:
    """WCAG 2 relative luminance."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@cache
def load_themes(path: Path = THEMES_FILE) -> dict[str, Theme]:
    """Every theme in the file. The file ships with the game, so a mistake in it is a bug: raise
    (datafile.DataFileError, naming the file, line and column)."""
    doc = datafile.read(path)
    return datafile.table(doc, "themes", Theme, fields_at=lambda entry: entry.get("colours") or {},
                          readers={Colour: parse_colour})


def theme(theme_id: str) -> Theme:
    themes = load_themes()
    if theme_id not in themes:
        log.warning("unknown theme %r; using the default theme", theme_id)
        return themes["default"]
    return themes[theme_id]
