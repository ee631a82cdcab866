"""A direct-message or group-chat thread.

Three arrangements (card_styles.yaml `messages:`): bubbles (the player's messages on the right, everyone
else's on the left, sender names in groups), list (LinkedIn, forums: name, time and text one under another)
and email (a thread of messages with From lines). 'you' as a sender means the player, shown as "You".
"""

from __future__ import annotations

import pygame

from game.engine import wording
from game.engine.model import Message, MessagesCard, Person

from . import parts
from .boxes import CardLayout
from .sheet import Sheet
from .style import styles


def is_you(sender: str) -> bool:
    return sender.strip().lower() == "you"


def shown_name(sender: str) -> str:
    return "You" if is_you(sender) else sender


def is_group(card: MessagesCard) -> bool:
    others = {m.sender for m in card.messages if not is_you(m.sender)}
    return (card.participants or 2) > 2 or len(others) > 1


def _subtitle(card: MessagesCard) -> str | None:
    if card.participants:
        return f"{card.participants} participants" if is_group(card) else None
    if is_group(card):
        people = {shown_name(m.sender) for m in card.messages}
        return f"{len(people)} people in this chat"
    return None


def layout(card: MessagesCard, width: int, ctx) -> CardLayout:
    sh = Sheet(ctx, width, card.platform)
    parts.begin(sh)
    y = parts.app_bar(sh, sh.style.context.get("messages", "Messages"))
    arrange = {"bubbles": _bubbles, "list": _list, "email": _email}[sh.style.messages]
    return parts.finish(sh, arrange(sh, card, y))


def _chat_header(sh: Sheet, card: MessagesCard, y: int) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += sh.gap + sh.gap // 2
    lines = [[sh.run(card.title, sh.type.bold, pal.text)]]
    sub = _subtitle(card)
    if sub:
        lines.append([sh.icon_run("group", pal.muted, sh.type.small), sh.run(sub, sh.type.small, pal.muted)])
    y = parts.header(sh, x, y, w, sh.avatar_size(sh.metrics.avatar_small, w), Person(name=card.title), lines,
                     pal.surface) + sh.gap + sh.gap // 2
    return y + sh.rule(0, y, sh.width)


# --- bubbles ------------------------------------------------------------------------------------------------

def _bubbles(sh: Sheet, card: MessagesCard, y: int) -> int:
    pal, pad = sh.pal, sh.pad
    y = _chat_header(sh, card, y)
    group = is_group(card)
    x, w = pad, sh.width - 2 * pad
    av = sh.avatar_size(sh.metrics.avatar_small * 0.85, w) if group else 0
    area_top = y
    # the chat's own background (WhatsApp's beige): a box under the messages, painted before them
    backdrop = len(sh.boxes)
    sh.fill(pygame.Rect(0, y, sh.width, 0), pal.canvas)
    y += sh.gap + sh.gap // 2
    prev: str | None = None
    for m in card.messages:
        new_run = m.sender != prev
        if prev is not None:
            y += sh.gap if new_run else max(2, sh.gap // 3)
        y = _bubble(sh, m, group, new_run, x, y, w, av)
        prev = m.sender
    y += pad
    r = sh.radius
    first = sh.boxes[backdrop]
    sh.boxes[backdrop] = type(first)(pygame.Rect(0, area_top, sh.width, y - area_top), first.color, (0, 0, r, r))
    return y


def _bubble(sh: Sheet, m: Message, group: bool, first_of_run: bool, x: int, y: int, w: int, av: int) -> int:
    pal = sh.pal
    mine = is_you(m.sender)
    fill = pal.outgoing if mine else pal.incoming
    fg = pal.on_outgoing if mine else pal.text
    meta_fg = pal.on_outgoing if mine else pal.muted
    lane_x = x + (0 if mine or not group else av + sh.gap)
    lane_w = w - (lane_x - x)
    max_w = max(sh.px(6), round(lane_w * 0.8)) if lane_w > sh.px(12) else lane_w
    max_w = min(max_w, lane_w)
    bpad, vpad = sh.px(0.65), sh.px(0.4)
    inner = max(1, max_w - 2 * bpad)
    name_p = None
    if group and first_of_run and not mine:
        name_p = sh.para(sh.run(m.sender, sh.type.small_bold, pal.pick(pal.names, m.sender)), inner, 1.25)
    body_p = sh.para(sh.run(m.text, sh.type.body, fg), inner, 1.3)
    time_p = sh.para(sh.run(m.time, sh.type.small, meta_fg), inner, 1.2) if m.time else None
    content_w = max(p.width for p in (name_p, body_p, time_p) if p is not None)
    # the time sits at the bottom right, beside the last line when there is room, else under it
    last_w = body_p.lines[-1].width if body_p.lines else 0
    time_beside = time_p is not None and last_w + sh.gap + time_p.width <= inner and len(time_p.lines) == 1
    if time_beside:
        content_w = max(content_w, last_w + sh.gap + time_p.width)
    h = body_p.height + (name_p.height if name_p else 0) + 2 * vpad
    if time_p is not None and not time_beside:
        h += time_p.height
    bw = min(max_w, content_w + 2 * bpad)
    bx = lane_x + lane_w - bw if mine else lane_x
    rad, tail = sh.px(0.85), max(2, sh.px(0.2))
    radii = (rad, tail, rad, rad) if mine else (tail, rad, rad, rad)
    if not first_of_run:
        radii = (rad, rad, rad, rad)
    outline = pal.outline if sh.hc else None
    sh.fill(pygame.Rect(bx, y, bw, h), fill, radii, outline, sh.outline_w if outline else 0)
    if group and not mine and first_of_run:
        sh.avatar(m.sender, None, x, y, av)
    ty = y + vpad
    if name_p:
        ty += sh.put(name_p, bx + bpad, ty, fill)
    ty += sh.put(body_p, bx + bpad, ty, fill)
    if time_p is not None:
        if time_beside:
            last_h = body_p.lines[-1].height
            sh.put(time_p, bx + bpad, ty - last_h + (last_h - time_p.height), fill, bw - 2 * bpad, "right")
        else:
            sh.put(time_p, bx + bpad, ty, fill, bw - 2 * bpad, "right")
    return y + h


# --- list: LinkedIn, forums ---------------------------------------------------------------------------------

def _list(sh: Sheet, card: MessagesCard, y: int) -> int:
    pal, pad = sh.pal, sh.pad
    y = _chat_header(sh, card, y) + sh.gap
    x, w = pad, sh.width - 2 * pad
    av = sh.avatar_size(sh.metrics.avatar_small, w)
    tx, tw = x + av + sh.gap, max(1, w - av - sh.gap)
    prev = None
    for m in card.messages:
        if m.sender != prev:
            if prev is not None:
                y += sh.gap
            sh.avatar(shown_name(m.sender), None, x, y, av)
            head = [sh.run(shown_name(m.sender), sh.type.bold, pal.text)]
            if m.time:
                head.append(sh.run("  " + m.time, sh.type.small, pal.muted))
            top = y
            y += sh.text(head, tx, y, tw, pal.surface, line_height=1.3)
            y += sh.text([sh.run(m.text)], tx, y, tw, pal.surface)
            y = max(y, top + av)
        else:
            if m.time:
                y += sh.text([sh.run(m.time, sh.type.small, pal.muted)], tx, y, tw, pal.surface, 1.3)
            y += sh.text([sh.run(m.text)], tx, y, tw, pal.surface)
        prev = m.sender
    return y + pad


# --- email --------------------------------------------------------------------------------------------------

def _email(sh: Sheet, card: MessagesCard, y: int) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += pad
    y += sh.text([sh.icon_run("mail", pal.muted, sh.type.title), sh.run(card.title, sh.type.title, pal.text)],
                 x, y, w, pal.surface, line_height=1.3)
    sub = _subtitle(card) or wording.plural(len(card.messages), "message")
    y += sh.text([sh.run(sub, sh.type.small, pal.muted)], x, y, w, pal.surface, 1.3) + sh.gap
    av = sh.avatar_size(sh.metrics.avatar_small, w)
    for m in card.messages:
        y += sh.rule(x, y, w) + sh.gap
        lines = [[sh.run("From: ", sh.type.small, pal.muted), sh.run(shown_name(m.sender), sh.type.bold, pal.text)]]
        if m.time:
            lines.append([sh.run(m.time, sh.type.small, pal.muted)])
        y = parts.header(sh, x, y, w, av, Person(name=shown_name(m.sender)), lines, pal.surface) + sh.gap
        y += sh.text([sh.run(m.text)], x, y, w, pal.surface, line_height=1.45) + sh.gap
    return y + pad - sh.gap


def describe(card: MessagesCard) -> str:
    st = styles().platform(card.platform)
    kind = "group chat" if is_group(card) else "conversation"
    text = f"{st.label} {st.context.get('messages', 'messages').lower()}: {kind} \u201c{card.title}\u201d"
    sub = _subtitle(card)
    text += f" ({sub})." if sub else "."
    for m in card.messages:
        text += f" {shown_name(m.sender)}{', ' + m.time if m.time else ''}: \u201c{m.text}\u201d"
    return text
