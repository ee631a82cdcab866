"""Emoji drawn as pictures, from the bundled Noto Color Emoji (assets/fonts/NotoColorEmoji.ttf, SIL OFL 1.1;
its licence is NotoColorEmoji-OFL.txt beside it).

The font is a bitmap font with one size (its "strike", 109 px: 136 x 128 pixel pictures), which SDL_ttf draws
in colour only at that size. Each cluster (a base with its skin tone, variation selector or joined parts, see
game.ui.emojitext) is drawn once at 109 px and scaled to the height of the text font's line; both the big and
the scaled pictures are kept in caches bounded by their pixels.

A cluster becomes a picture when the emoji font has its first character and the text asks for one: it has a
skin tone, a joiner, U+FE0F and the like, or the text font has no glyph for it (a text font's own "©" or "→"
stays text). Without the font file (a trainer deleted assets) `available()` is False and game.ui.glyphs
names emoji in words, as before.

`width` and `render` measure and draw a line with pictures in it; text without pictures goes straight to the
font. The measuring and rendering caches (game.ui.measure, game.ui.text.LineCache) sit on top of these.
"""

from __future__ import annotations

import logging
import weakref
from collections import OrderedDict

import pygame

from game import paths

from . import emojitext, pixels
from .glyphs import has_glyph, remembered

log = logging.getLogger("crossing_paths.ui")

FILE = "NotoColorEmoji.ttf"
STRIKE = 109  # the font's only bitmap size: at any other size SDL_ttf draws nothing in colour
CACHE_BYTES = 16 * 1024 * 1024  # scaled pictures: a few thousand at body sizes, a few hundred at 4K projector
BOX = (136, 128)  # the pictures' size at the strike
SCALE = 0.9  # of the text font's line height: the picture's own margin then matches the letters' height
SOURCE_KEEP = 64  # pictures at the strike size (70 KB each): a scene uses a handful

_state: dict = {}  # "font": the emoji font, or None when it cannot be opened (tried once)
_scaled: OrderedDict[tuple[str, int], pygame.Surface | None] = OrderedDict()
_scaled_bytes = [0]
_sources: OrderedDict[str, pygame.Surface | None] = OrderedDict()
_decided: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # is_picture's answers per font (as has_glyph's)


def source_font() -> pygame.font.Font | None:
    font = _state.get("font")
    if font is not None:
        try:
            font.get_height()
        except pygame.error:  # the font module was quit (and started again) since: this font is dead
            reset()
    if "font" not in _state:
        _state["font"] = None
        path = paths.FONTS / FILE
        try:
            if not pygame.font.get_init():
                pygame.font.init()
            _state["font"] = pygame.font.Font(str(path), STRIKE)
        except (OSError, pygame.error) as exc:
            log.warning("emoji font %s cannot be opened (%s): emoji are named in words", path, exc)
    return _state["font"]


def available() -> bool:
    return source_font() is not None


def reset(font_path=None) -> None:
    """Forget the font and every picture (tests: a missing file; `font_path` None opens the bundled one)."""
    _state.clear()
    _scaled.clear()
    _sources.clear()
    _decided.clear()
    _scaled_bytes[0] = 0
    from . import measure  # widths measured with (or without) pictures are wrong now

    measure.forget_all()
    if font_path is not None:
        try:
            _state["font"] = pygame.font.Font(str(font_path), STRIKE)
        except (OSError, pygame.error, FileNotFoundError):
            _state["font"] = None


def is_picture(font: pygame.font.Font, cluster: str) -> bool:
    """True if `cluster` is drawn as a picture beside text in `font` (see the module's docstring).
    Remembered per font and cluster: layout asks about the same few clusters again and again."""
    return remembered(_decided, font, cluster, _decide)


def _decide(font: pygame.font.Font, cluster: str) -> bool:
    if not cluster or (len(cluster) == 1 and has_glyph(font, cluster)):  # the text font's own "→" stays text
        return False
    emoji_font = source_font()
    if emoji_font is None:
        return False
    base = cluster[0]
    if base.isascii() and base not in "0123456789#*":  # never: keycap digits only
        return False
    if len(cluster) > 1 and cluster[1] == emojitext.VS15:  # text presentation asked for
        return False
    if not has_glyph(emoji_font, base if not cluster.endswith(emojitext.KEYCAP) else cluster[-1]):
        return False
    return len(cluster) > 1 or not has_glyph(font, base)


def segments(font: pygame.font.Font, text: str, limit: int | None = None) -> list[tuple[str, bool]]:
    """`text` as (piece, is_picture): runs of text, and each cluster drawn as a picture on its own. After
    `limit` pictures the rest of the text is one piece of text, whatever it holds."""
    spans = emojitext.clusters(text)
    if not spans or source_font() is None:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    at, pictures = 0, 0
    for start, end in spans:
        cluster = text[start:end]
        if not is_picture(font, cluster):
            continue
        if limit is not None and pictures >= limit:
            break
        pictures += 1
        if start > at:
            out.append((text[at:start], False))
        out.append((cluster, True))
        at = end
    if at < len(text):
        out.append((text[at:], False))
    return out or [(text, False)]


def picture_height(font: pygame.font.Font) -> int:
    return max(1, round(font.get_height() * SCALE))


def picture_width(font: pygame.font.Font) -> int:
    """The width of an emoji picture beside text in `font`: every picture has the strike's shape, so
    measuring asks nothing of SDL (a sequence the font cannot join is drawn shrunk into that box)."""
    return max(1, round(BOX[0] * picture_height(font) / BOX[1]))


def _source(cluster: str) -> pygame.Surface | None:
    if cluster in _sources:
        _sources.move_to_end(cluster)
        return _sources[cluster]
    try:
        surf = source_font().render(cluster, True, (0, 0, 0))
    except (pygame.error, UnicodeError, ValueError):
        surf = None
    _sources[cluster] = surf
    while len(_sources) > SOURCE_KEEP:
        _sources.popitem(last=False)
    return surf


def picture(cluster: str, size: tuple[int, int]) -> pygame.Surface | None:
    """The picture of `cluster` at `size`, smoothly scaled from the strike size (None if it cannot be drawn)."""
    key = (cluster, size[0], size[1])
    if key in _scaled:
        _scaled.move_to_end(key)
        return _scaled[key]
    src = _source(cluster)
    surf = None
    if src is not None:
        w, h = max(1, size[0]), max(1, size[1])
        k = min(w / max(1, src.get_width()), h / max(1, src.get_height()))  # kept in shape, fitted in the box
        fitted = pygame.transform.smoothscale(src, (max(1, round(src.get_width() * k)),
                                                    max(1, round(src.get_height() * k))))
        surf = pygame.Surface((w, h), pygame.SRCALPHA)
        surf.blit(fitted, ((w - fitted.get_width()) // 2, (h - fitted.get_height()) // 2))
        surf = pixels.fast(surf)
    _scaled[key] = surf
    _scaled_bytes[0] += _bytes(surf)
    while _scaled and _scaled_bytes[0] > CACHE_BYTES:
        _scaled_bytes[0] -= _bytes(_scaled.popitem(last=False)[1])
    return surf


def _bytes(surf: pygame.Surface | None) -> int:
    return 0 if surf is None else surf.get_width() * surf.get_height() * 4


def width(font: pygame.font.Font, text: str) -> int:
    """font.size(text)[0], with each picture as wide as it is drawn."""
    if text.isascii():  # the hot path of layout: a flag on the string, no scan
        return font.size(text)[0]
    parts = segments(font, text)
    if len(parts) == 1 and not parts[0][1]:
        return font.size(text)[0]
    return sum(picture_width(font) if pic else font.size(piece)[0] for piece, pic in parts)


def render(font: pygame.font.Font, text: str, colour, background=None) -> pygame.Surface:
    """font.render(text, True, colour[, background]), with pictures drawn where the text has emoji."""
    parts = [(text, False)] if text.isascii() else segments(font, text)
    if len(parts) == 1 and not parts[0][1]:
        return font.render(text, True, colour, background) if background is not None \
            else font.render(text, True, colour)
    height = font.get_height()
    pieces: list[tuple[pygame.Surface | None, int]] = []
    for piece, pic in parts:
        if pic:
            w = picture_width(font)
            pieces.append((picture(piece, (w, picture_height(font))), w))
        else:
            surf = font.render(piece, True, colour)
            pieces.append((surf, surf.get_width()))
    out = pygame.Surface((max(1, sum(w for _, w in pieces)), height), pygame.SRCALPHA)
    if background is not None:
        out.fill(background)
    x = 0
    for surf, w in pieces:
        if surf is not None:
            out.blit(surf, (x, (height - surf.get_height()) // 2))
        x += w
    return pixels.fast(out) if background is None else out
