"""A friend, follow or connect request: who is asking, what you share with them, their note, and the buttons."""

from __future__ import annotations

import pygame

from game.engine import wording
from game.engine.model import FriendRequestCard

from . import parts
from .boxes import CardLayout
from .sheet import Sheet
from .style import styles


def layout(card: FriendRequestCard, width: int, ctx) -> CardLayout:
    sh = Sheet(ctx, width, card.platform)
    pal, pad, words = sh.pal, sh.pad, sh.style.requests[card.kind]
    parts.begin(sh)
    y = parts.app_bar(sh, words.title) + pad
    x, w = pad, width - 2 * pad
    who = card.sender

    lines = [[sh.run(who.name, sh.type.title, pal.text)]]
    if who.handle:
        lines.append([sh.run(parts.handle(who.handle), sh.type.body, pal.muted)])
    if who.subtitle:
        lines.append([sh.run(who.subtitle, sh.type.body, pal.muted)])
    facts = []
    if card.mutual is not None:
        facts.append(("friends", wording.plural(card.mutual, words.mutual_one, words.mutual_many)))
    if card.time:
        facts.append(("clock", card.time))
    if facts:
        lines.append(parts.meta_runs(sh, facts))
    avatar_px = sh.avatar_size(sh.metrics.avatar_large, w)
    y = parts.header(sh, x, y, w, avatar_px, who, lines, pal.surface) + pad

    # below a wide avatar column the message and buttons line up with the name; on narrow cards, full width
    gap = sh.gap + sh.gap // 2
    col_x = x + avatar_px + gap
    col_w = width - pad - col_x
    if col_w < sh.px(14):
        col_x, col_w = x, w
    if card.message:
        label = sh.run(f"{first_name(who.name)} wrote:", sh.type.small_bold, pal.muted)
        y += sh.text([label], col_x, y, col_w, pal.surface, line_height=1.3)
        bpad = sh.px(0.7)
        body = sh.para(sh.run(card.message, sh.type.body, pal.text), max(1, col_w - 2 * bpad))
        bubble = pygame.Rect(col_x, y + sh.gap // 2, col_w, body.height + 2 * bpad)
        sh.fill(bubble, pal.raised, sh.px(0.9), pal.outline if sh.hc else None, sh.outline_w if sh.hc else 0)
        sh.put(body, bubble.x + bpad, bubble.y + bpad, pal.raised)
        y = bubble.bottom + pad
    y = parts.buttons(sh, col_x, y, col_w, [(words.accept, True), (words.decline, False)])
    return parts.finish(sh, y + pad)


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def describe(card: FriendRequestCard) -> str:
    st = styles().platform(card.platform)
    words = st.requests[card.kind]
    who = card.sender
    bits = [f"{st.label}: {words.title.lower()} from {who.name}"]
    if who.handle:
        bits.append(parts.handle(who.handle))
    if who.subtitle:
        bits.append(who.subtitle)
    if card.mutual is not None:
        bits.append(wording.plural(card.mutual, words.mutual_one, words.mutual_many))
    if card.time:
        bits.append(card.time)
    text = ", ".join(bits) + "."
    if card.message:
        text += f" {first_name(who.name)} wrote: \u201c{card.message}\u201d"
    return text + f" Buttons: {words.accept}, {words.decline}."
