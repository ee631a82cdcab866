"""Pieces several cards share: the card frame and app bar, a person's header, buttons, an image or its
placeholder, reaction counts, an action bar. Each takes a Sheet and a position and returns where it ended.
"""

from __future__ import annotations

import re

import pygame

from game.engine.model import Image, Person

from . import media
from .boxes import CardLayout, Fill, Hatch, Picture
from .sheet import Sheet
from .style import Rgb

REACTIONS = {  # what an author may call a reaction → the icon drawn beside its name
    "like": "thumb", "likes": "thumb", "love": "heart", "heart": "heart", "hearts": "heart", "care": "heart",
    "support": "heart", "haha": "laugh", "laugh": "laugh", "funny": "laugh", "wow": "wow", "curious": "wow",
    "sad": "sad", "angry": "angry", "celebrate": "star", "insightful": "bulb", "smile": "smile",
    "clap": "star", "applause": "star",
}
# Authors often key reactions by the emoji itself: read those as the reaction's name.
EMOJI_REACTIONS = {"👍": "like", "❤": "love", "❤️": "love", "😂": "haha", "😆": "haha", "😮": "wow",
                   "😢": "sad", "😡": "angry", "👏": "clap", "🎉": "celebrate", "💡": "insightful", "🥰": "care"}


def reaction_name(name: str) -> str:
    return EMOJI_REACTIONS.get(name.strip(), name)


_LINKISH = re.compile(r"(#\w+|@\w[\w.]*\w|@\w|https?://\S+|www\.\S+)")


def rich(sh: Sheet, text: str, font=None, fg: Rgb | None = None) -> list:
    """Post text as runs, with hashtags, @mentions and web addresses in the link colour, as platforms show them."""
    runs = []
    for n, piece in enumerate(_LINKISH.split(text)):
        if piece:
            runs.append(sh.run(piece, font, sh.pal.link if n % 2 else (fg or sh.pal.text)))
    return runs or [sh.run(text, font, fg)]


# --- frame ---------------------------------------------------------------------------------------------------

def app_bar(sh: Sheet, context: str, inner_right: str | None = None) -> int:
    """The strip across the top that names the platform in words and what the card shows. Returns its bottom."""
    pal, pad = sh.pal, sh.pad
    inner = sh.width - 2 * pad
    label = sh.run(sh.style.label, sh.type.bar, pal.on_bar)
    what = sh.run(inner_right or context, sh.type.small, pal.on_bar)
    lp, wp = sh.para(label, inner, 1.0), sh.para(what, inner, 1.0)
    vpad = max(2, round(pad * 0.55))
    side_by_side = lp.width + wp.width + 2 * sh.gap <= inner and len(lp.lines) == len(wp.lines) == 1
    h = (max(lp.height, wp.height) if side_by_side else lp.height + wp.height) + 2 * vpad
    r = sh.radius
    sh.fill(pygame.Rect(0, 0, sh.width, h), pal.bar, (r, r, 0, 0))
    if side_by_side:
        sh.put(lp, pad, vpad + (h - 2 * vpad - lp.height) // 2, pal.bar)
        sh.put(wp, pad, vpad + (h - 2 * vpad - wp.height) // 2, pal.bar, inner, "right")
    else:
        sh.put(lp, pad, vpad, pal.bar)
        sh.put(wp, pad, vpad + lp.height, pal.bar)
    return h


def begin(sh: Sheet, background: Rgb | None = None) -> None:
    """The card's own background comes first in paint order; its height is fixed by `finish`."""
    sh.fill(pygame.Rect(0, 0, sh.width, 0), background or sh.pal.surface, sh.radius)


def finish(sh: Sheet, bottom: int) -> CardLayout:
    height = max(bottom, 2 * sh.radius + 1)
    first = sh.boxes[0]
    assert isinstance(first, Fill)
    sh.boxes[0] = Fill(pygame.Rect(0, 0, sh.width, height), first.color, first.radii)
    # the outline goes on top, over the app bar's corners
    sh.fill(pygame.Rect(0, 0, sh.width, height), sh.pal.outline, sh.radius, sh.pal.outline, sh.outline_w,
            filled=False)
    return sh.layout(height)


# --- people --------------------------------------------------------------------------------------------------

def name_runs(sh: Sheet, person: Person, font=None, with_handle: bool | None = None) -> list:
    """'Maya Patel @maya_p' on platforms that show handles; just the name elsewhere."""
    show = sh.style.handles if with_handle is None else with_handle
    runs = [sh.run(person.name, font or sh.type.bold, sh.pal.text)]
    if show and person.handle:
        runs.append(sh.run(" " + handle(person.handle), sh.type.body, sh.pal.muted))
    return runs


def handle(text: str) -> str:
    return text if text.startswith("@") else "@" + text


def header(sh: Sheet, x: int, y: int, w: int, avatar_px: int, who: Person, lines: list[list], bg: Rgb,
           ring: Rgb | None = None) -> int:
    """An avatar with lines of text beside it (each a list of runs). The text is centred on the avatar when
    it is about as tall; on a card too narrow for both side by side, the avatar goes above the text."""
    gap = sh.gap + sh.gap // 2
    tx, tw = x + avatar_px + gap, w - avatar_px - gap
    if tw < sh.px(8):
        sh.avatar(who.name, who.avatar, x, y, avatar_px, ring)
        ty = y + avatar_px + sh.gap
        for runs in lines:
            if runs:
                ty += sh.text(runs, x, ty, w, bg, line_height=1.22)
        return ty
    pars = [sh.para(runs, tw, 1.22) for runs in lines if runs]
    text_h = sum(p.height for p in pars)
    ty = y + max(0, (avatar_px - text_h) // 2)
    ay = y + (text_h - avatar_px) // 2 if avatar_px < text_h < avatar_px * 1.5 else y
    sh.avatar(who.name, who.avatar, x, ay, avatar_px, ring)
    for p in pars:
        ty += sh.put(p, tx, ty, bg)
    return max(y + avatar_px, ty)


def meta_runs(sh: Sheet, parts: list) -> list:
    """Small muted text pieces joined by ' · '; a part may be (icon, words) for an icon beside its words."""
    runs: list = []
    for n, part in enumerate(p for p in parts if p):
        if n:
            runs.append(sh.run(" · ", sh.type.small, sh.pal.muted))
        if isinstance(part, tuple):
            icon_name, words = part
            runs.append(sh.icon_run(icon_name, sh.pal.muted, sh.type.small))
            runs.append(sh.run(words, sh.type.small, sh.pal.muted))
        else:
            runs.append(sh.run(part, sh.type.small, sh.pal.muted))
    return runs


# --- controls ------------------------------------------------------------------------------------------------

def buttons(sh: Sheet, x: int, y: int, w: int, labels: list[tuple[str, bool]]) -> int:
    """What the app's buttons say, drawn flat as words in a row ("Confirm · Delete"): no pill, fill, outline
    or accent colour. A card is a picture of the app, not its controls: the learner answers with the
    decision's choices, and a card button that looked pressable did nothing (a click on one would have to
    guess which choice was meant). `labels` are (label, primary); primary is no longer drawn differently.
    Returns the bottom."""
    pal = sh.pal
    runs: list = []
    for n, (label, _primary) in enumerate(labels):
        if n:
            runs.append(sh.run("  \u00b7  ", sh.type.body, pal.muted))
        runs.append(sh.run(label, sh.type.bold, pal.muted))
    return y + sh.text(runs, x, y, w, pal.surface, line_height=1.3)


def chip(sh: Sheet, x: int, y: int, max_w: int, runs: list, fill: Rgb, outline: Rgb | None = None) -> pygame.Rect:
    """A rounded label around some runs; returns its rect (it may wrap onto several lines)."""
    hpad, vpad = sh.px(0.6), sh.px(0.22)
    p = sh.para(runs, max(1, max_w - 2 * hpad), 1.15)
    r = pygame.Rect(x, y, p.width + 2 * hpad, p.height + 2 * vpad)
    sh.fill(r, fill, min(r.h // 2, sh.px(0.9)), outline, sh.outline_w if outline else 0)
    sh.put(p, x + hpad, y + vpad, fill)
    return r


def flow(sh: Sheet, x: int, y: int, w: int, items: list, gap: int | None = None, row_gap: int | None = None) -> int:
    """Lay out chips (callables taking x, y, max_w and returning a rect) left to right, wrapping to a new row
    whenever a chip would not fit whole in what is left of the row."""
    gap = sh.gap if gap is None else gap
    row_gap = gap if row_gap is None else row_gap
    cx, cy, row_h = x, y, 0
    for make in items:
        trial = len(sh.boxes)
        r = make(cx, cy, w)
        if r.right > x + w and cx > x:  # did not fit after others: undo and start a new row
            del sh.boxes[trial:]
            cx, cy = x, cy + row_h + row_gap
            row_h = 0
            r = make(cx, cy, w)
        cx = r.right + gap
        row_h = max(row_h, r.h)
    return cy + row_h


# --- images --------------------------------------------------------------------------------------------------

def image(sh: Sheet, img: Image, x: int, y: int, w: int, assets_root, radius: int = 0,
          shape: str = "wide") -> int:
    """The post's picture: the asset scaled to the width, or a panel with the alt text. Returns the bottom."""
    size = media.size_of(assets_root, img.asset)
    lo, hi = {"wide": (0.42, 1.0), "square": (0.75, 1.25), "tall": (1.0, 1.4)}[shape]
    if size is not None:
        iw, ih = size
        h = round(min(max(w * ih / iw, w * lo), w * hi))
        sh.boxes.append(Picture(pygame.Rect(x, y, w, h), img.asset, radius))
        return y + h
    return placeholder(sh, img.alt, x, y, w, lo, video=sh.style.id == "tiktok")


def placeholder(sh: Sheet, alt: str, x: int, y: int, w: int, ratio: float, video: bool = False) -> int:
    """A striped panel with a plate in the middle: an icon, 'Image' (or 'Video') and the alt text."""
    pal = sh.pal
    icon_px = max(8, min(sh.px(1.8), w // 5))
    margin = max(2, min(sh.px(1.6), w // 10))
    plate_w = max(1, w - 2 * margin)
    ppad = max(2, min(sh.px(0.9), plate_w // 10))
    inner = max(1, plate_w - 2 * ppad)
    caption = sh.para(sh.run("Video" if video else "Image", sh.type.small_bold, pal.placeholder_text), inner, 1.2)
    words = sh.para(sh.run(alt, sh.type.italic, pal.placeholder_text), inner, 1.3)
    plate_h = icon_px + sh.gap + caption.height + words.height + 2 * ppad
    h = max(round(w * ratio * 0.9), plate_h + 2 * margin)
    stripe = max(2, sh.px(0.25))
    sh.boxes.append(Hatch(pygame.Rect(x, y, w, h), pal.placeholder_stripe, pal.placeholder, stripe * 4, stripe))
    # the plate is only as wide as its words need
    plate_w = min(plate_w, max(caption.width, words.width, icon_px) + 2 * ppad + sh.px(2))
    px_, py_ = x + (w - plate_w) // 2, y + (h - plate_h) // 2
    inner = plate_w - 2 * ppad
    sh.fill(pygame.Rect(px_, py_, plate_w, plate_h), pal.placeholder, sh.px(0.6), pal.divider, sh.outline_w)
    top = py_ + ppad
    sh.icon("play" if video else "image", pygame.Rect(x + (w - icon_px) // 2, top, icon_px, icon_px),
            pal.placeholder_mark, pal.placeholder)
    top += icon_px + sh.gap
    top += sh.put(caption, px_ + ppad, top, pal.placeholder, inner, "center")
    sh.put(words, px_ + ppad, top, pal.placeholder, inner, "center")
    return y + h


# --- reactions and actions -----------------------------------------------------------------------------------

def reaction_color(sh: Sheet, icon_name: str) -> Rgb:
    return {"thumb": sh.pal.accent, "heart": sh.pal.bad, "star": sh.pal.good, "bulb": sh.pal.warn_mark}.get(
        icon_name, sh.pal.warn_mark)


def like_icon(sh: Sheet) -> str:
    """A 'like' is a heart where the platform shows it so (X, Instagram, TikTok), a thumb elsewhere."""
    return "heart" if sh.style.post in ("compact", "photo") else "thumb"


def reaction_icon(sh: Sheet, name: str) -> str:
    icon_name = REACTIONS.get(name.lower(), "dot")
    return like_icon(sh) if icon_name == "thumb" else icon_name


def reaction_runs(sh: Sheet, reactions: dict[str, int]) -> list:
    """Each reaction as an icon AND its name and count ('Like 24'), most frequent first."""
    runs: list = []
    for n, (key, count) in enumerate(sorted(reactions.items(), key=lambda kv: -kv[1])):
        name = reaction_name(key)
        icon_name = reaction_icon(sh, name)
        if n:
            runs.append(sh.run("   ", sh.type.small, sh.pal.muted))
        runs.append(sh.icon_run(icon_name, reaction_color(sh, icon_name), sh.type.small))
        runs.append(sh.run(f"{name[:1].upper()}{name[1:]} {count:,}", sh.type.small, sh.pal.muted))
    return runs


ACTION_ICONS = {"like": "thumb", "comment": "comment", "share": "share", "reply": "reply", "repost": "repost",
                "send": "send", "save": "save", "forward": "forward", "quote": "quote", "report": "flag"}


def action_bar(sh: Sheet, actions: list[str] | tuple[str, ...], x: int, y: int, w: int, bg: Rgb,
               counts: dict[str, int] | None = None, columns: bool = True) -> int:
    """Icon + word buttons in equal columns, or packed from the left (`columns=False`, as photo apps do), or
    wrapped when the card is too narrow. Returns the bottom."""
    if not actions:
        return y
    counts = counts or {}
    icon_for = {a: ACTION_ICONS.get(a.lower(), "dot") for a in actions}
    icon_for.update({a: like_icon(sh) for a in actions if a.lower() == "like"})
    runs_of = []
    for a in actions:
        words = f"{a} {counts[a]:,}" if counts.get(a) else a
        runs_of.append([sh.icon_run(icon_for[a], sh.pal.muted, sh.type.bold), sh.run(words, sh.type.bold,
                                                                                     sh.pal.muted)])
    col = w // len(actions)
    vpad = sh.px(0.35)
    spacing = sh.px(1.4)
    # each action whole (icon with its word, on one line): packing is measured with these, never with the
    # column-wide ones, where a long word ("Comment") has dropped below its icon
    pars = [sh.para(r, w, 1.2) for r in runs_of]
    gaps = len(pars) - 1
    room = w - sum(p.width for p in pars)

    def packed(gap: int) -> int:
        h = max(p.height for p in pars)
        cx = x
        for p in pars:
            sh.put(p, cx, y + vpad, bg)
            cx += p.width + gap
        return y + h + 2 * vpad

    if not columns and room >= spacing * gaps:
        return packed(spacing)
    in_columns = [sh.para(r, col, 1.2) for r in runs_of]
    if columns and all(len(p.lines) == 1 for p in in_columns):
        h = max(p.height for p in in_columns)
        for i, p in enumerate(in_columns):
            sh.put(p, x + i * col, y + vpad, bg, col, "center")
        return y + h + 2 * vpad
    if gaps and room >= sh.px(0.6) * gaps:  # one row still fits with narrower gaps: spread across it
        return packed(room // gaps if columns else min(spacing, room // gaps))
    # too narrow for one row: each action whole, wrapping between actions
    cx, cy, row_h = x, y + vpad, 0
    for p in pars:
        if cx > x and cx + p.width > x + w:
            cx, cy, row_h = x, cy + row_h, 0
        sh.put(p, cx, cy, bg)
        cx += p.width + spacing
        row_h = max(row_h, p.height)
    return cy + row_h + vpad
