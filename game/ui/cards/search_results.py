"""A search-results page: the query in its box, then each result's site, address, title and snippet."""

from __future__ import annotations

import pygame

from game.engine import wording
from game.engine.model import Person, SearchResult, SearchResultsCard

from . import parts
from .boxes import CardLayout, FontSpec
from .sheet import Sheet
from .style import styles


def site(url: str) -> str:
    """'https://www.example.org/a/b' → 'example.org'."""
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("?", 1)[0]
    return host[4:] if host.lower().startswith("www.") else host


def breadcrumb(url: str) -> str:
    """'https://www.example.org/news/2024/item' → 'example.org › news › 2024 › item', as search pages show it."""
    rest = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    bits = [b for b in rest.split("/") if b]
    if not bits:
        return url
    bits[0] = site(url)
    return " \u203a ".join(bits)


def layout(card: SearchResultsCard, width: int, ctx) -> CardLayout:
    sh = Sheet(ctx, width, card.platform)
    pal, pad = sh.pal, sh.pad
    parts.begin(sh)
    y = parts.app_bar(sh, sh.style.context.get("search_results", "Search")) + pad
    x, w = pad, sh.width - 2 * pad

    # the search box: a rounded field with a magnifier and the query
    fpad, vpad = sh.px(0.9), sh.px(0.5)
    q = sh.para([sh.icon_run("search", pal.muted, sh.type.body), sh.run(card.query, sh.type.body, pal.text)],
                max(1, w - 2 * fpad), 1.3)
    box = pygame.Rect(x, y, w, q.height + 2 * vpad)
    outline = pal.outline
    sh.fill(box, pal.field, min(box.h // 2, sh.px(1.4)), outline, sh.outline_w)
    sh.put(q, x + fpad, y + vpad, pal.field)
    y = box.bottom + sh.gap
    y += sh.text([sh.run(wording.plural(len(card.results), "result"), sh.type.small, pal.muted)], x, y, w,
                 pal.surface, 1.3) + sh.gap
    for n, r in enumerate(card.results):
        if n:
            y += sh.rule(x, y, w) + sh.gap
        y = _result(sh, r, x, y, w) + sh.gap
    return parts.finish(sh, y + pad - sh.gap)


def _result(sh: Sheet, r: SearchResult, x: int, y: int, w: int) -> int:
    pal = sh.pal
    icon = sh.avatar_size(1.6, w)
    lines = [[sh.run(site(r.url), sh.type.small_bold, pal.text)],
             [sh.run(breadcrumb(r.url), sh.type.small, pal.muted)]]
    # a site's round badge is drawn like an avatar: its initial on a colour
    badge = Person(name=(site(r.url).split(".")[0] or "?")[:1])
    y = parts.header(sh, x, y, w, icon, badge, lines, pal.surface) + sh.px(0.2)
    title = FontSpec(sh.type.title.px)  # search pages set titles large but not bold
    y += sh.text([sh.run(r.title, title, pal.link, underline=True)], x, y, w, pal.surface, 1.3)
    if r.snippet:
        y += sh.px(0.15)
        y += sh.text([sh.run(r.snippet, sh.type.body, pal.text)], x, y, w, pal.surface, 1.4)
    return y


def describe(card: SearchResultsCard) -> str:
    st = styles().platform(card.platform)
    text = f"{st.label}: results for \u201c{card.query}\u201d, {wording.plural(len(card.results), 'result')}."
    for n, r in enumerate(card.results, 1):
        text += f" {n}. {r.title} ({r.url})."
        if r.snippet:
            text += f" {r.snippet}"
    return text
