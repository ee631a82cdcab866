"""The cards' look as data: game/data/card_styles.yaml read into a Palette and habits per platform.

A Palette is the resolved set of colours for one platform in one theme (theme colours, then the platform's
overrides); the card modules only ever name roles (`pal.muted`, `pal.on_accent`), never colour values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from game import paths
from game.engine import datafile, shape
from game.engine.shape import Rule, record
from game.engine.yamlsafe import Document

STYLES_FILE = paths.DATA / "card_styles.yaml"

Rgb = tuple[int, int, int]
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def rgb(value: str) -> Rgb:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def luminance(color: Rgb) -> float:
    """WCAG 2 relative luminance."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = color[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Rgb, b: Rgb) -> float:
    """WCAG 2 contrast ratio, 1.0 to 21.0."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# --- the file's shape ------------------------------------------------------------------------------------

@record
class _Sizes:
    body: float
    small: float
    bar: float
    title: float
    headline: float


Width = Annotated[float, Rule(gt=5)]
Positive = Annotated[float, Rule(gt=0)]
NotNegative = Annotated[float, Rule(ge=0)]


@record
class _Metrics:
    max_width: Width
    chart_max_width: Width
    pad: Positive
    gap: Positive
    radius: NotNegative
    line_height: Annotated[float, Rule(ge=1)]
    outline: NotNegative
    outline_high_contrast: NotNegative
    avatar: Positive
    avatar_small: Positive
    avatar_large: Positive
    sizes: _Sizes


_ROLES = ("surface", "text", "muted", "raised", "divider", "outline", "canvas", "field", "warn_bg", "warn_text",
          "warn_mark", "good", "bad", "placeholder", "placeholder_stripe", "placeholder_text", "placeholder_mark",
          "on_avatar")
_PLATFORM_ROLES = ("bar", "on_bar", "accent", "on_accent", "link", "outgoing", "on_outgoing", "incoming")


def _check_colours(value: dict) -> dict:
    for key, colour in value.items():
        items = colour if isinstance(colour, list) else [colour]
        for item in items:
            if not isinstance(item, str) or not _HEX.match(item):
                raise ValueError(f"{key}: '{item}' is not a colour like \"#1A2B3C\"")
    return value


@record
class _Request:
    title: str
    accept: str
    decline: str
    mutual: tuple[str, str] = shape.key(description="singular and plural")


@record
class _Habits:
    label: str | None = None
    post: Literal["feed", "compact", "photo", "article", "thread"] | None = None
    messages: Literal["bubbles", "list", "email"] | None = None
    handles: bool | None = None
    headline: bool | None = None
    actions: list[str] | None = None
    reply: str | None = None
    context: dict[str, str] = field(default_factory=dict)
    requests: dict[Literal["friend", "follow", "connect"], _Request] = field(default_factory=dict)
    normal: dict[str, str | list[str]] = field(default_factory=dict)
    high_contrast: dict[str, str | list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("normal", "high_contrast"):
            value = getattr(self, name)
            unknown = [k for k in value if k not in (*_ROLES, *_PLATFORM_ROLES, "avatars", "names")]
            if unknown:
                raise ValueError(f"{name}: unknown colour role(s): {', '.join(unknown)}")
            _check_colours(value)


@record
class _File:
    metrics: _Metrics
    themes: dict[Literal["normal", "high_contrast"], dict[str, str | list[str]]]
    defaults: _Habits
    platforms: dict[str, _Habits]

    def __post_init__(self) -> None:
        for name in ("normal", "high_contrast"):
            theme = self.themes.get(name)
            if theme is None:
                raise ValueError(f"the '{name}' theme is missing")
            missing = [r for r in (*_ROLES, "avatars", "names") if r not in theme]
            if missing:
                raise ValueError(f"the '{name}' theme needs colours for: {', '.join(missing)}")
            _check_colours(theme)


# --- what the card modules use ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Palette:
    surface: Rgb
    text: Rgb
    muted: Rgb
    raised: Rgb
    divider: Rgb
    outline: Rgb
    canvas: Rgb
    field: Rgb
    warn_bg: Rgb
    warn_text: Rgb
    warn_mark: Rgb
    good: Rgb
    bad: Rgb
    placeholder: Rgb
    placeholder_stripe: Rgb
    placeholder_text: Rgb
    placeholder_mark: Rgb
    on_avatar: Rgb
    bar: Rgb
    on_bar: Rgb
    accent: Rgb
    on_accent: Rgb
    link: Rgb
    outgoing: Rgb
    on_outgoing: Rgb
    incoming: Rgb
    avatars: tuple[Rgb, ...]
    names: tuple[Rgb, ...]

    def pick(self, options: tuple[Rgb, ...], key: str) -> Rgb:
        """A stable colour for a name: the same person always gets the same colour."""
        return options[sum(key.encode("utf-8")) % len(options)]


@dataclass(frozen=True)
class RequestWords:
    title: str
    accept: str
    decline: str
    mutual_one: str
    mutual_many: str


@dataclass(frozen=True)
class PlatformStyle:
    id: str
    label: str
    post: str
    messages: str
    handles: bool
    headline: bool
    actions: tuple[str, ...]
    reply: str
    context: dict[str, str]
    requests: dict[str, RequestWords]
    normal: Palette
    high_contrast: Palette

    def palette(self, high_contrast: bool) -> Palette:
        return self.high_contrast if high_contrast else self.normal


@dataclass(frozen=True)
class Metrics:
    max_width: float
    chart_max_width: float
    pad: float
    gap: float
    radius: float
    line_height: float
    outline: float
    outline_high_contrast: float
    avatar: float
    avatar_small: float
    avatar_large: float
    body: float
    small: float
    bar: float
    title: float
    headline: float


@dataclass(frozen=True)
class Styles:
    metrics: Metrics
    platforms: dict[str, PlatformStyle]

    def platform(self, platform_id: str) -> PlatformStyle:
        return self.platforms.get(platform_id) or self.platforms["other"]


class StyleError(ValueError):
    """card_styles.yaml is unusable; the message says where and why."""


def _palette(theme: dict, defaults: dict, own: dict) -> Palette:
    merged = {**theme, **defaults, **own}
    values = {k: (tuple(rgb(c) for c in v) if isinstance(v, list) else rgb(v)) for k, v in merged.items()}
    return Palette(**values)


def parse(data: object, source: str = "card_styles.yaml", doc: Document | None = None) -> Styles:
    try:
        raw = shape.build(_File, data)
    except shape.Invalid as exc:
        first = exc.errors[0]
        where = ".".join(str(p) for p in first["loc"])
        if doc is not None:  # the file's own line and column, as every data file reports them
            line, col = doc.locate(tuple(first["loc"]))
            source = f"{source}:{line}:{col}" if line else source
        raise StyleError(f"{source}: {where}: {first['msg']}") from None
    d = raw.defaults
    m = raw.metrics
    metrics = Metrics(**{k: v for k, v in vars(m).items() if k != "sizes"}, **vars(m.sizes))
    platforms = {}
    for pid, own in {**raw.platforms, "other": raw.platforms.get("other", _Habits())}.items():
        requests = {}
        for kind in ("friend", "follow", "connect"):
            r = own.requests.get(kind) or d.requests.get(kind)
            if r is None:
                raise StyleError(f"{source}: no words for a '{kind}' request (add defaults.requests.{kind})")
            requests[kind] = RequestWords(r.title, r.accept, r.decline, r.mutual[0], r.mutual[1])
        platforms[pid] = PlatformStyle(
            id=pid,
            label=own.label or pid.title(),
            post=own.post or d.post or "feed",
            messages=own.messages or d.messages or "bubbles",
            handles=own.handles if own.handles is not None else bool(d.handles),
            headline=own.headline if own.headline is not None else bool(d.headline),
            actions=tuple(own.actions if own.actions is not None else d.actions or ()),
            reply=own.reply or d.reply or "Reply",
            context={**d.context, **own.context},
            requests=requests,
            normal=_palette(raw.themes["normal"], d.normal, own.normal),
            high_contrast=_palette(raw.themes["high_contrast"], d.high_contrast, own.high_contrast),
        )
    return Styles(metrics, platforms)


@cache
def styles(path: Path = STYLES_FILE) -> Styles:
    try:
        doc = datafile.read(path)
    except datafile.DataFileError as exc:
        raise StyleError(str(exc)) from None
    return parse(doc.data, str(path), doc)
