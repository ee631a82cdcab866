"""The social-media cards: a node's card drawn as a generic but convincing mock-up of the platform.

    ctx = CardContext(fonts, scale, high_contrast, assets_root)
    h = measure_card(card, width, ctx)                    # the height the card needs at this width
    draw_card(surface, pygame.Rect(x, y, width, h), card, ctx)
    card_alt_text(card)                                   # the same card in plain words, for self-voicing

Layout then paint: `layout_card` turns a card into positioned boxes (cached by card, width, scale, theme and
fonts); painting only draws those boxes. A card is never wider than `card_width(width, ctx)` (about 38 ems,
a real feed's column); in a wider rect it is centred. Sizes come from the scale, colours and platform habits
from game/data/card_styles.yaml. One module per card type; `parts`, `sheet`, `text` are shared.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pygame

from game.engine.model import (
    FriendRequestCard,
    MessagesCard,
    PostCard,
    PrivacySettingsCard,
    SearchResultsCard,
)

from . import friend_request, messages, paint, post, privacy_settings, search_results
from .boxes import CardLayout
from .sheet import BASE_PX
from .style import styles

__all__ = [
    "CardContext",
    "CardLayout",
    "FontSource",
    "card_alt_text",
    "card_width",
    "clear_cache",
    "draw_card",
    "layout_card",
    "measure_card",
]


class FontSource(Protocol):
    def get(self, px: int, bold: bool = False, italic: bool = False) -> pygame.font.Font: ...


@dataclass(frozen=True)
class CardContext:
    fonts: FontSource
    scale: float  # text scale * profile factor; base body text is round(18 * scale) px
    high_contrast: bool  # high-contrast theme: text/background contrast >= 7:1, thicker outlines
    assets_root: Path  # ROOT/'assets'


_MODULES = {
    FriendRequestCard: friend_request,
    PostCard: post,
    MessagesCard: messages,
    SearchResultsCard: search_results,
    PrivacySettingsCard: privacy_settings,
}

_CACHE_SIZE = 32  # layouts hold their rendered text: enough for a screen or two of cards
_cache: OrderedDict[tuple, tuple[object, CardLayout]] = OrderedDict()


def _module(card):
    module = _MODULES.get(type(card))
    if module is None:
        raise TypeError(f"not a card: {type(card).__name__}")
    return module


def card_width(width: int, ctx: CardContext) -> int:
    """How wide the card is drawn in a rect `width` px wide."""
    cap = round(styles().metrics.max_width * BASE_PX * max(0.25, float(ctx.scale)))
    return max(1, min(int(width), cap))


def layout_card(card, width: int, ctx: CardContext) -> CardLayout:
    """The card's boxes at this width (cached: cards are immutable, so a layout never goes stale)."""
    w = card_width(width, ctx)
    # keyed by identity (models hold dicts, so they cannot be hashed); the entry keeps the card alive, so its
    # id cannot be reused by another object while the entry exists
    key = (id(card), w, round(float(ctx.scale), 4), bool(ctx.high_contrast), id(ctx.fonts), ctx.assets_root)
    hit = _cache.get(key)
    if hit is not None and hit[0] is card:
        _cache.move_to_end(key)
        return hit[1]
    result = _module(card).layout(card, w, ctx)
    _cache[key] = (card, result)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return result


def measure_card(card, width: int, ctx: CardContext) -> int:
    return layout_card(card, width, ctx).height


def draw_card(surface: pygame.Surface, rect: pygame.Rect, card, ctx: CardContext) -> None:
    """Draw the card inside `rect` (centred when the rect is wider than the card); nothing outside it."""
    rect = pygame.Rect(rect)
    result = layout_card(card, rect.w, ctx)
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        paint.paint(surface, result, (rect.x + (rect.w - result.width) // 2, rect.y), ctx.fonts, ctx.assets_root)
    finally:
        surface.set_clip(old_clip)


def card_alt_text(card) -> str:
    """The card in plain words, in reading order, for self-voicing and screen readers."""
    return _module(card).describe(card)


def clear_cache() -> None:
    _cache.clear()
