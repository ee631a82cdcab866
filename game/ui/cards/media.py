"""Avatars and post images from assets/: loaded once, scaled once, and never a crash.

Paths go through `game.engine.assets.resolve_asset`, the same check the validator uses, so a path that
tries to leave assets/ is refused here too. A file that is missing, refused or unreadable is logged once as a
warning and the card draws its placeholder instead (initials for an avatar, the alt text for an image).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import pygame

from game.engine.assets import resolve_asset

from .. import pixels

log = logging.getLogger(__name__)


@lru_cache(maxsize=128)
def load(assets_root: Path, rel: str) -> pygame.Surface | None:
    """The image at assets/`rel`, or None (and one warning in the log) when it cannot be used."""
    path = resolve_asset(assets_root, rel)
    if path is None:
        log.warning("card image '%s' refused: asset paths must stay inside assets/", rel)
        return None
    if not path.is_file():
        log.warning("card image '%s' not found in %s; drawing a placeholder", rel, assets_root)
        return None
    try:
        surface = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError) as exc:
        log.warning("card image '%s' could not be read (%s); drawing a placeholder", rel, exc)
        return None
    if surface.get_width() < 1 or surface.get_height() < 1:
        log.warning("card image '%s' is empty; drawing a placeholder", rel)
        return None
    return pixels.fast(surface)


def size_of(assets_root: Path, rel: str | None) -> tuple[int, int] | None:
    if not rel:
        return None
    surface = load(assets_root, rel)
    return surface.get_size() if surface is not None else None


def _round_mask(size: tuple[int, int], radius: int, supersample: int = 3) -> pygame.Surface:
    """White where the rounded rectangle is, transparent outside; anti-aliased edges."""
    w, h = size
    big = pygame.Surface((w * supersample, h * supersample), pygame.SRCALPHA)
    pygame.draw.rect(big, (255, 255, 255, 255), big.get_rect(), border_radius=radius * supersample)
    return pygame.transform.smoothscale(big, size)


@lru_cache(maxsize=12)
def picture(assets_root: Path, rel: str, w: int, h: int, radius: int) -> pygame.Surface | None:
    """The image cropped to w:h around its centre (cover), scaled to w×h, with rounded corners."""
    src = load(assets_root, rel)
    if src is None or w < 1 or h < 1:
        return None
    sw, sh = src.get_size()
    k = max(w / sw, h / sh)
    cw, ch = min(sw, max(1, round(w / k))), min(sh, max(1, round(h / k)))
    crop = src.subsurface(pygame.Rect((sw - cw) // 2, (sh - ch) // 2, cw, ch))
    if crop.get_bitsize() not in (24, 32):  # smoothscale needs true colour (e.g. a palette PNG)
        crop = _rgba(crop)
    out = pygame.transform.smoothscale(crop, (w, h))
    if radius:
        out = _rgba(out)
        out.blit(_round_mask((w, h), radius), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return out


def _rgba(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    out.blit(surface, (0, 0))
    return out


def initials(name: str) -> str:
    """'Maya Patel' → 'MP'; 'Riverside Family Hub' → 'RF'; '@sam_k' → 'S'."""
    words = [w for w in name.replace("_", " ").replace(".", " ").split() if any(c.isalnum() for c in w)]
    letters = [next(c for c in w if c.isalnum()) for w in words[:2]]
    return "".join(letters).upper() or "?"


@lru_cache(maxsize=256)
def avatar(assets_root: Path, rel: str | None, name: str, size: int, color: tuple, on_color: tuple,
           ring: tuple | None, font: pygame.font.Font) -> pygame.Surface:
    """A round avatar `size` px across: the picture if it loads, else initials on `color`."""
    out = pygame.Surface((size, size), pygame.SRCALPHA)
    inset = max(3, size // 10) if ring else 0
    inner = size - 2 * inset
    pic = picture(assets_root, rel, inner, inner, 0) if rel else None
    face = pygame.Surface((inner, inner), pygame.SRCALPHA)
    if pic is not None:
        face.blit(pic, (0, 0))
    else:
        face.fill((*color[:3], 255))
        label = font.render(initials(name), True, on_color[:3])
        face.blit(label, label.get_rect(center=(inner // 2, inner // 2)))
    face.blit(_round_mask((inner, inner), inner // 2), (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    if ring:
        out.blit(_round_mask((size, size), size // 2), (0, 0))
        out.fill((*ring[:3], 255), special_flags=pygame.BLEND_RGBA_MULT)
        hole = _round_mask((size - inset, size - inset), (size - inset) // 2)
        gap = pygame.Surface((size, size), pygame.SRCALPHA)
        gap.blit(hole, (inset // 2, inset // 2))
        # punch a thin transparent gap between the ring and the face, as photo apps do
        out.blit(gap, (0, 0), special_flags=pygame.BLEND_RGBA_SUB)
    out.blit(face, (inset, inset))
    return out
