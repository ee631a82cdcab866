"""A public (or not so public) post: author, audience, text, picture, reactions, shares and comments.

Platforms differ in habits, not in data, so there are five arrangements (card_styles.yaml `post:`):
feed (Facebook, LinkedIn…: header, text, picture, counts, action bar, comment bubbles), compact (X: avatar
column, handle and time on one line, replies in the same shape), photo (Instagram, TikTok: the picture first,
then likes and the caption), article (blog: a byline, the body as an article, a comments section) and thread
(forum: numbered posts, each with its author strip).
"""

from __future__ import annotations

import dataclasses

import pygame

from game.engine import wording
from game.engine.model import Comment, PostCard

from . import parts
from .boxes import CardLayout
from .sheet import Sheet
from .style import Rgb, contrast, styles

# The icon beside each audience; its words are the game's (game.engine.wording), the same everywhere.
AUDIENCE_ICON = {
    "public": "globe", "friends": "friends", "friends_except": "friends_except", "specific_friends": "person",
    "only_me": "lock", "custom": "gear", "followers": "friends", "connections": "friends", "group": "group",
    "protected": "lock",
}


def audience(card: PostCard, long: bool = False) -> tuple[str, str]:
    """(icon, words): the short words on the card, the long ones for alt text."""
    return AUDIENCE_ICON[card.audience], wording.audience(card.audience, card.audience_label, long)


def _share_word(sh: Sheet) -> str:
    return "repost" if any(a.lower() == "repost" for a in sh.style.actions) else "share"


def _comment_word(sh: Sheet) -> str:
    return "reply" if sh.style.post in ("compact", "thread") else "comment"


def layout(card: PostCard, width: int, ctx) -> CardLayout:
    sh = Sheet(ctx, width, card.platform)
    parts.begin(sh)
    y = parts.app_bar(sh, sh.style.context.get("post", "Post"))
    arrange = {"feed": _feed, "compact": _compact, "photo": _photo, "article": _article, "thread": _thread}
    y = arrange[sh.style.post](sh, card, y, ctx)
    return parts.finish(sh, y)


# --- shared pieces ------------------------------------------------------------------------------------------

def _who_lines(sh: Sheet, card: PostCard, with_time: bool = True) -> list[list]:
    a = card.author
    lines = [parts.name_runs(sh, a)]
    if a.subtitle:
        lines.append([sh.run(a.subtitle, sh.type.small, sh.pal.muted)])
    lines.append(parts.meta_runs(sh, [card.time if with_time else None, audience(card)]))
    return lines


def _stats(sh: Sheet, card: PostCard, x: int, y: int, w: int, bg: Rgb) -> int:
    """'Like 24   Love 5' on the left; '3 comments · 2 shares' on the right (or below, if it will not fit)."""
    left = parts.reaction_runs(sh, card.reactions)
    right_bits = []
    if card.comments:
        word = _comment_word(sh)
        right_bits.append(wording.plural(len(card.comments), word, "replies" if word == "reply" else None))
    if card.shares:
        right_bits.append(wording.plural(card.shares, _share_word(sh)))
    right = parts.meta_runs(sh, right_bits)
    if not left and not right:
        return y
    lp, rp = sh.para(left, w, 1.3), sh.para(right, w, 1.3)
    if left and right and lp.width + rp.width + 2 * sh.gap <= w and len(lp.lines) == len(rp.lines) == 1:
        sh.put(lp, x, y, bg)
        sh.put(rp, x, y, bg, w, "right")
        return y + max(lp.height, rp.height)
    if left:
        y += sh.put(lp, x, y, bg)
    if right:
        y += sh.put(rp, x, y, bg)
    return y


def _body(sh: Sheet, text: str, x: int, y: int, w: int, bg: Rgb, line_height: float | None = None) -> int:
    return y + sh.text(parts.rich(sh, text), x, y, w, bg, line_height=line_height)


def _ring(sh: Sheet) -> Rgb:
    """The photo apps' ring round an avatar: the platform colour, or its accent where the bar is too dark."""
    return sh.pal.bar if contrast(sh.pal.bar, sh.pal.surface) >= 3 else sh.pal.accent


def _likes(c: Comment) -> tuple | None:
    return ("heart", wording.plural(c.likes, "like")) if c.likes else None


# --- feed: Facebook, LinkedIn and the default ---------------------------------------------------------------

def _feed(sh: Sheet, card: PostCard, y: int, ctx) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += pad
    av = sh.avatar_size(sh.metrics.avatar, w)
    y = parts.header(sh, x, y, w, av, card.author, _who_lines(sh, card), pal.surface) + sh.gap
    y = _body(sh, card.text, x, y, w, pal.surface) + sh.gap
    if card.image:
        y = parts.image(sh, card.image, 0, y, sh.width, ctx.assets_root) + sh.gap
    y = _stats(sh, card, x, y, w, pal.surface)
    if sh.style.actions:
        y += sh.gap // 2
        y += sh.rule(x, y, w)
        y = parts.action_bar(sh, sh.style.actions, x, y, w, pal.surface)
        y += sh.rule(x, y, w)
    y += sh.gap
    for c in card.comments:
        y = _feed_comment(sh, c, x, y, w) + sh.gap
    return y + pad - sh.gap


def _feed_comment(sh: Sheet, c: Comment, x: int, y: int, w: int) -> int:
    pal = sh.pal
    av = sh.avatar_size(sh.metrics.avatar_small, w)
    bx = x + av + sh.gap
    bw_max = max(1, x + w - bx)
    bpad = sh.px(0.6)
    vpad = sh.px(0.4)
    head = parts.name_runs(sh, c.author, sh.type.small_bold)
    head_p = sh.para(head, bw_max - 2 * bpad, 1.25)
    sub_p = sh.para(sh.run(c.author.subtitle, sh.type.small, pal.muted), bw_max - 2 * bpad, 1.2) \
        if (c.author.subtitle and sh.style.headline) else None
    body_p = sh.para(parts.rich(sh, c.text), bw_max - 2 * bpad, 1.3)
    inner_w = max(head_p.width, body_p.width, sub_p.width if sub_p else 0)
    bubble_h = head_p.height + (sub_p.height if sub_p else 0) + body_p.height + 2 * vpad
    bubble = pygame.Rect(bx, y, min(bw_max, inner_w + 2 * bpad), bubble_h)
    sh.avatar(c.author.name, c.author.avatar, x, y, av)
    outline = pal.outline if sh.hc else None
    sh.fill(bubble, pal.raised, sh.px(0.9), outline, sh.outline_w if outline else 0)
    ty = bubble.y + vpad
    ty += sh.put(head_p, bubble.x + bpad, ty, pal.raised)
    if sub_p:
        ty += sh.put(sub_p, bubble.x + bpad, ty, pal.raised)
    sh.put(body_p, bubble.x + bpad, ty, pal.raised)
    meta = parts.meta_runs(sh, [c.time, "Like", sh.style.reply, _likes(c)])
    my = bubble.bottom + sh.px(0.15)
    my += sh.text(meta, bx + bpad, my, max(1, bw_max - bpad), pal.surface, line_height=1.3)
    return max(my, y + av)


# --- compact: X ---------------------------------------------------------------------------------------------

def _compact_head(sh: Sheet, who, time: str | None) -> list:
    runs = [sh.run(who.name, sh.type.bold, sh.pal.text)]
    tail = []
    if who.handle:
        tail.append(parts.handle(who.handle))
    if time:
        tail.append(time)
    if tail:
        runs.append(sh.run(" " + " \u00b7 ".join(tail), sh.type.body, sh.pal.muted))
    return runs


def _avatar_column(sh: Sheet, who, x: int, y: int, w: int, av: int) -> tuple[int, int, int]:
    """X puts everything in a column right of the avatar; on a narrow card the avatar sits above instead.
    Returns the column's x and width, and where its text starts."""
    sh.avatar(who.name, who.avatar, x, y, av)
    if w - av - sh.gap < sh.px(10):
        return x, w, y + av + sh.gap // 2
    return x + av + sh.gap, max(1, w - av - sh.gap), y


def _compact(sh: Sheet, card: PostCard, y: int, ctx) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += pad
    av = sh.avatar_size(sh.metrics.avatar, w)
    cx, cw, top = _avatar_column(sh, card.author, x, y, w, av)
    y = top
    y += sh.text(_compact_head(sh, card.author, card.time), cx, y, cw, pal.surface, line_height=1.3)
    if card.author.subtitle:
        y += sh.text([sh.run(card.author.subtitle, sh.type.small, pal.muted)], cx, y, cw, pal.surface, 1.25)
    icon, words = audience(card)
    y += sh.text(parts.meta_runs(sh, [(icon, words)]), cx, y, cw, pal.surface, line_height=1.3)
    y = _body(sh, card.text, cx, y + sh.gap // 2, cw, pal.surface) + sh.gap
    if card.image:
        y = parts.image(sh, card.image, cx, y, cw, ctx.assets_root, sh.px(0.9)) + sh.gap
    likes = sum(card.reactions.values())
    names = list(sh.style.actions)
    counts = dict(zip(names, (len(card.comments), card.shares, likes), strict=False))
    y = parts.action_bar(sh, names, cx, y, cw, pal.surface, counts)
    extra = {k: v for k, v in card.reactions.items() if k.lower() not in ("like", "likes")}
    if extra:
        y += sh.text(parts.reaction_runs(sh, extra), cx, y, cw, pal.surface, line_height=1.3)
    y = max(y, top + av) + sh.gap
    for c in card.comments:
        y += sh.rule(0, y, sh.width) + sh.gap
        y = _compact_reply(sh, card, c, x, y, w) + sh.gap
    return y + pad - sh.gap


def _compact_reply(sh: Sheet, card: PostCard, c: Comment, x: int, y: int, w: int) -> int:
    pal = sh.pal
    av = sh.avatar_size(sh.metrics.avatar_small, w)
    cx, cw, top = _avatar_column(sh, c.author, x, y, w, av)
    y = top
    y += sh.text(_compact_head(sh, c.author, c.time), cx, y, cw, pal.surface, line_height=1.3)
    if card.author.handle:
        to = [sh.run("Replying to ", sh.type.small, pal.muted),
              sh.run(parts.handle(card.author.handle), sh.type.small, pal.link)]
        y += sh.text(to, cx, y, cw, pal.surface, line_height=1.3)
    y = _body(sh, c.text, cx, y, cw, pal.surface)
    if c.likes:
        y += sh.text(parts.meta_runs(sh, [_likes(c)]), cx, y, cw, pal.surface, line_height=1.4)
    return max(y, top + av)


# --- photo: Instagram, TikTok -------------------------------------------------------------------------------

def _display_name(who) -> str:
    return who.handle.lstrip("@") if who.handle else who.name


def _photo(sh: Sheet, card: PostCard, y: int, ctx) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += pad
    a = card.author
    lines = [[sh.run(_display_name(a), sh.type.bold, pal.text)]]
    if a.handle:
        lines[0].append(sh.run("  " + a.name, sh.type.small, pal.muted))
    if a.subtitle:
        lines.append([sh.run(a.subtitle, sh.type.small, pal.muted)])
    lines.append(parts.meta_runs(sh, [card.time, audience(card)]))
    av = sh.avatar_size(sh.metrics.avatar, w)
    y = parts.header(sh, x, y, w, av, a, lines, pal.surface, ring=_ring(sh)) + sh.gap
    if card.image:
        shape = "tall" if sh.style.id == "tiktok" else "square"
        y = parts.image(sh, card.image, 0, y, sh.width, ctx.assets_root, 0, shape)
    y += sh.px(0.3)
    y = parts.action_bar(sh, sh.style.actions, x, y, w, pal.surface, columns=False)
    likes = sum(card.reactions.values())
    if likes:
        y += sh.text([sh.run(wording.plural(likes, "like"), sh.type.bold, pal.text)], x, y, w, pal.surface, 1.35)
        if len(card.reactions) > 1:
            y += sh.text(parts.reaction_runs(sh, card.reactions), x, y, w, pal.surface, 1.35)
    caption = [sh.run(_display_name(a) + " ", sh.type.bold, pal.text), *parts.rich(sh, card.text)]
    y += sh.text(caption, x, y, w, pal.surface)
    extra = []
    if card.shares:
        extra.append(wording.plural(card.shares, "share"))
    if card.comments:
        extra.append(wording.plural(len(card.comments), "comment"))
    if extra:
        y += sh.text(parts.meta_runs(sh, extra), x, y, w, pal.surface, line_height=1.4)
    for c in card.comments:
        y += sh.gap // 2
        av = sh.avatar_size(sh.metrics.avatar_small * 0.85, w)
        cx, cw = x + av + sh.gap, max(1, w - av - sh.gap)
        sh.avatar(c.author.name, c.author.avatar, x, y, av)
        top = y
        y += sh.text([sh.run(_display_name(c.author) + " ", sh.type.bold, pal.text), *parts.rich(sh, c.text)],
                     cx, y, cw, pal.surface, line_height=1.3)
        y += sh.text(parts.meta_runs(sh, [c.time, _likes(c), sh.style.reply]), cx, y, cw,
                     pal.surface, line_height=1.35)
        y = max(y, top + av)
    return y + pad


# --- article: blog ------------------------------------------------------------------------------------------

def _article(sh: Sheet, card: PostCard, y: int, ctx) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad + sh.gap, sh.width - 2 * (pad + sh.gap)
    y += pad + sh.gap
    a = card.author
    lines = [[sh.run("By ", sh.type.body, pal.muted), sh.run(a.name, sh.type.bold, pal.text)]]
    if a.subtitle:
        lines.append([sh.run(a.subtitle, sh.type.small, pal.muted)])
    lines.append(parts.meta_runs(sh, [card.time, audience(card)]))
    y = parts.header(sh, x, y, w, sh.avatar_size(sh.metrics.avatar, w), a, lines, pal.surface) + pad
    y = _body(sh, card.text, x, y, w, pal.surface, line_height=1.55) + pad
    if card.image:
        y = parts.image(sh, card.image, x, y, w, ctx.assets_root, sh.px(0.4))
        if parts.media.size_of(ctx.assets_root, card.image.asset):  # a real picture gets its alt as caption
            y += sh.px(0.3)
            y += sh.text([sh.run(card.image.alt, sh.type.small, pal.muted)], x, y, w, pal.surface, 1.3)
        y += pad
    if card.reactions or card.shares:
        y = _stats(sh, dataclasses.replace(card, comments=[]), x, y, w, pal.surface) + sh.gap
    if not card.comments:
        return y + pad
    y += sh.rule(x, y, w) + pad
    y += sh.text([sh.run(wording.plural(len(card.comments), "comment"), sh.type.title, pal.text)], x, y, w,
                 pal.surface, 1.3) + sh.gap
    for n, c in enumerate(card.comments):
        if n:
            y += sh.rule(x, y, w) + sh.gap
        lines = [[sh.run(c.author.name, sh.type.bold, pal.text)],
                 parts.meta_runs(sh, [c.time, _likes(c)])]
        av = sh.avatar_size(sh.metrics.avatar_small, w)
        y = parts.header(sh, x, y, w, av, c.author, lines, pal.surface)
        y = _body(sh, c.text, x, y + sh.gap // 2, w, pal.surface, line_height=1.45)
        y += sh.text([sh.run(sh.style.reply, sh.type.small_bold, pal.link, underline=True)], x, y, w, pal.surface,
                     1.5) + sh.gap
    return y + pad


# --- thread: forum ------------------------------------------------------------------------------------------

def _thread(sh: Sheet, card: PostCard, y: int, ctx) -> int:
    pal, pad = sh.pal, sh.pad
    x, w = pad, sh.width - 2 * pad
    y += pad
    y += sh.text(parts.meta_runs(sh, [audience(card)]), x, y, w, pal.surface, 1.3) + sh.gap

    def opening_extras(ix: int, iy: int, iw: int) -> int:
        if card.image:
            iy = parts.image(sh, card.image, ix, iy + sh.gap // 2, iw, ctx.assets_root, sh.px(0.4)) + sh.gap
        iy = _stats(sh, card, ix, iy, iw, pal.surface)
        iy += sh.rule(ix, iy + sh.gap // 2, iw) + sh.gap // 2
        return parts.action_bar(sh, sh.style.actions, ix, iy, iw, pal.surface)

    y = _thread_post(sh, 1, card.author, card.time, card.text, 0, x, y, w, opening_extras) + sh.gap
    for n, c in enumerate(card.comments, 2):
        y = _thread_post(sh, n, c.author, c.time, c.text, c.likes, x, y, w) + sh.gap
    return y + pad - sh.gap


def _thread_post(sh: Sheet, number: int, who, time, text: str, likes: int, x: int, y: int, w: int,
                 extras=None) -> int:
    pal = sh.pal
    spad = sh.px(0.5)
    av = sh.avatar_size(sh.metrics.avatar_small, w)
    strip_w = w - 2 * spad
    left = [parts.name_runs(sh, who, sh.type.bold)]
    if who.subtitle:
        left.append([sh.run(who.subtitle, sh.type.small, pal.muted)])
    num = sh.para(sh.run(f"#{number}", sh.type.small_bold, pal.muted), strip_w, 1.2)
    text_x = spad + av + sh.gap
    text_w = strip_w - av - sh.gap - num.width - sh.gap
    text_top = 0
    if text_w < sh.px(7):  # narrow: the avatar and number on a row of their own, the name under them
        text_x, text_w, text_top = spad, strip_w, max(av, num.height) + sh.gap // 2
    pars = [sh.para(r, text_w, 1.22) for r in left]
    meta = sh.para(parts.meta_runs(sh, [time]), text_w, 1.22) if time else None
    text_h = sum(p.height for p in pars) + (meta.height if meta else 0)
    head_h = max(av, text_top + text_h) + 2 * spad
    strip = pygame.Rect(x, y, w, head_h)
    r = sh.px(0.5)
    sh.fill(strip, pal.raised, (r, r, 0, 0))
    sh.avatar(who.name, who.avatar, x + spad, y + spad, av)
    ty = y + spad + text_top
    for p in pars:
        ty += sh.put(p, x + text_x, ty, pal.raised)
    if meta:
        sh.put(meta, x + text_x, ty, pal.raised)
    sh.put(num, x + spad, y + spad, pal.raised, strip_w, "right")
    by = strip.bottom + sh.gap
    by = _body(sh, text, x + spad, by, w - 2 * spad, pal.surface)
    if likes:
        by += sh.text(parts.meta_runs(sh, [("heart", wording.plural(likes, "like"))]), x + spad, by,
                      w - 2 * spad, pal.surface, 1.4)
    if extras is not None:
        by = extras(x + spad, by + sh.gap // 2, w - 2 * spad)
    bottom = by + sh.gap // 2
    # a thin frame round the whole post, as forums draw them
    sh.fill(pygame.Rect(x, y, w, bottom - y), pal.divider, (r, r, 0, 0), pal.divider, max(1, sh.outline_w),
            filled=False)
    return bottom


def describe(card: PostCard) -> str:
    st = styles().platform(card.platform)
    a = card.author
    who = a.name + (f" ({parts.handle(a.handle)})" if a.handle else "")
    if a.subtitle:
        who += f", {a.subtitle}"
    bits = [f"{st.label} {st.context.get('post', 'post').lower()} by {who}"]
    if card.time:
        bits.append(card.time)
    bits.append(f"audience: {audience(card, long=True)[1]}")
    text = ", ".join(bits) + f". \u201c{card.text}\u201d"
    if card.image:
        text += f" Image: {card.image.alt}."
    if card.reactions:
        text += " Reactions: " + ", ".join(f"{k} {v}" for k, v in card.reactions.items()) + "."
    if card.shares:
        text += f" {wording.plural(card.shares, 'share')}."
    if card.comments:
        text += f" {wording.plural(len(card.comments), 'comment')}:"
        for c in card.comments:
            text += f" {c.author.name}{', ' + c.time if c.time else ''}: \u201c{c.text}\u201d"
            if c.likes:
                text += f" ({wording.plural(c.likes, 'like')})"
            text += "."
    return text
