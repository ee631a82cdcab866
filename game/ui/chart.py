"""The debrief's bar chart: one horizontal bar per standard, upheld to the right of zero, breached to the left.

    totals = totals_from_scores(story.state.scores, story.framework)   # or totals_from_effects(effects)
    h = measure_chart(totals, width, ctx, story.framework)
    draw_chart(surface, pygame.Rect(x, y, width, h), totals, story.framework, ctx)
    chart_alt_text(totals, story.framework)                          # the same in words

`totals` is a sequence of (standard_id, short_title, value). `framework` (a reference.Framework, or None)
orders the rows as the framework numbers them and names it in a caption. `ctx` is the cards' CardContext.
A row reads "2  Confidentiality ... −2 breached": the number, the short title, the value with its sign AND
in words. Upheld bars are solid with a tick, breached bars hatched with a cross: never colour alone.
The chart is drawn like a card (its own background and outline, colours from card_styles.yaml), at most
`chart_max_width` ems wide and centred in a wider rect. Same layout-then-paint design as the cards.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence

import pygame

from game.engine import wording
from game.ui.cards import CardContext, parts
from game.ui.cards import paint as card_paint
from game.ui.cards.boxes import CardLayout, Hatch
from game.ui.cards.sheet import BASE_PX, Sheet
from game.ui.cards.style import styles

Total = tuple[str, str, int]

_cache: OrderedDict[tuple, CardLayout] = OrderedDict()


def value_words(value: int) -> str:
    """'+3 upheld', '−2 breached', '0 at stake'."""
    return wording.score(value)


def totals_from_scores(scores: dict[str, int], framework=None) -> list[Total]:
    """A play state's per-standard scores as chart rows (short titles from the framework)."""
    out = []
    for sid, value in scores.items():
        std = framework.get(sid) if framework is not None else None
        out.append((sid, std.short if std else sid, int(value)))
    return out


def totals_from_effects(effects: Iterable) -> list[Total]:
    """Sum story Effects (e.g. every choice's feedback) per standard, in first-seen order."""
    sums: dict[str, list] = {}
    for e in effects:
        row = sums.setdefault(e.standard, [e.short, 0])
        row[1] += e.delta
    return [(sid, short, value) for sid, (short, value) in sums.items()]


def _ordered(totals: Sequence, framework) -> list[Total]:
    rows = [(str(t[0]), str(t[1]), int(t[2])) for t in totals]
    if framework is None:
        return rows
    order = {sid: i for i, sid in enumerate(framework.ids)}
    return sorted(rows, key=lambda r: order.get(r[0], len(order)))


def chart_width(width: int, ctx: CardContext) -> int:
    cap = round(styles().metrics.chart_max_width * BASE_PX * max(0.25, float(ctx.scale)))
    return max(1, min(int(width), cap))


def layout_chart(totals: Sequence, width: int, ctx: CardContext, framework=None) -> CardLayout:
    rows = _ordered(totals, framework)
    w = chart_width(width, ctx)
    key = (tuple(rows), w, round(float(ctx.scale), 4), bool(ctx.high_contrast), id(ctx.fonts),
           framework.id if framework is not None else None)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    result = _layout(rows, w, ctx, framework)
    _cache[key] = result
    if len(_cache) > 32:
        _cache.popitem(last=False)
    return result


def _layout(rows: list[Total], width: int, ctx: CardContext, framework) -> CardLayout:
    sh = Sheet(ctx, width, "other")
    pal, pad = sh.pal, sh.pad
    bg = pal.surface
    parts.begin(sh)
    x, w, y = pad, width - 2 * pad, pad
    if framework is not None:
        y += sh.text([sh.run(framework.title, sh.type.small, pal.muted)], x, y, w, bg, 1.3) + sh.gap // 2
    y = _legend(sh, x, y, w) + sh.gap
    if not rows:
        y += sh.text([sh.run("No standards were scored.", sh.type.body, pal.muted)], x, y, w, bg)
        return parts.finish(sh, y + pad)

    scale_max = max(3, max(abs(v) for _, _, v in rows))
    labels = [[sh.run(sid, sh.type.bold, pal.text), sh.run("  " + short, sh.type.body, pal.text)]
              for sid, short, _ in rows]
    numbers = [sh.para(sh.run(sid, sh.type.bold, pal.text), w, 1.25) for sid, _, _ in rows]
    titles = [[sh.run(short, sh.type.body, pal.text)] for _, short, _ in rows]
    num_w = max(p.width for p in numbers)
    values = [[sh.icon_run(_icon(v), _mark(sh, v), sh.type.bold), sh.run(value_words(v), sh.type.bold, pal.text)]
              for _, _, v in rows]
    value_w = max(sh.para(v, w, 1.2).width for v in values)
    label_w = min(max(sh.para(lbl, w, 1.2).width for lbl in labels) + sh.gap, round(w * 0.4))
    bar_h = sh.px(1.0)
    wide = w - label_w - value_w - 2 * sh.gap >= sh.px(12)
    if wide:
        area_x, area_w = x + label_w + sh.gap, w - label_w - value_w - 2 * sh.gap
    else:
        area_x, area_w = x, w
    zero_x = area_x + area_w // 2
    half = max(1, area_w // 2 - sh.px(0.2))
    line_w = max(1, round(sh.em / 9)) + (1 if sh.hc else 0)
    top = y
    for (_, _, v), label, value, num, title in zip(rows, labels, values, numbers, titles, strict=True):
        if wide:  # numbers right-aligned in their own column, so the titles line up
            title_x = x + num_w + sh.gap
            lp = sh.para(title, max(1, x + label_w - title_x), 1.25)
            vp = sh.para(value, value_w, 1.25)
            row_h = max(lp.height, vp.height, bar_h + sh.gap)
            sh.put(num, x, y + (row_h - lp.height) // 2, bg, num_w, "right")
            sh.put(lp, title_x, y + (row_h - lp.height) // 2, bg)
            sh.put(vp, x + w - value_w, y + (row_h - vp.height) // 2, bg)
            _bar(sh, v, zero_x, y + (row_h - bar_h) // 2, bar_h, half, scale_max)
            y += row_h + sh.gap
        else:
            lp, vp = sh.para(label, w, 1.25), sh.para(value, w, 1.25)
            if lp.width + sh.gap + vp.width <= w and len(lp.lines) == len(vp.lines) == 1:
                sh.put(lp, x, y, bg)
                sh.put(vp, x, y, bg, w, "right")
                y += max(lp.height, vp.height)
            else:
                y += sh.put(lp, x, y, bg)
                y += sh.put(vp, x, y, bg)
            y += sh.px(0.2)
            _bar(sh, v, zero_x, y, bar_h, half, scale_max)
            sh.fill(pygame.Rect(zero_x - line_w // 2, y - sh.px(0.15), line_w, bar_h + sh.px(0.3)), pal.text)
            y += bar_h + sh.gap + sh.gap // 2
    if wide:  # one zero line through every row, drawn over the bars' inner ends
        sh.fill(pygame.Rect(zero_x - line_w // 2, top - sh.px(0.2), line_w, y - sh.gap - top + sh.px(0.4)),
                pal.text)
    return parts.finish(sh, y - sh.gap + pad)


def _icon(v: int) -> str:
    return "check_circle" if v > 0 else "cross_circle" if v < 0 else "dash_circle"


def _mark(sh: Sheet, v: int):
    return sh.pal.good if v > 0 else sh.pal.bad if v < 0 else sh.pal.muted


def _bar(sh: Sheet, v: int, zero_x: int, y: int, h: int, half: int, scale_max: int) -> None:
    if v == 0:
        return
    length = max(sh.px(0.3), round(half * min(abs(v), scale_max) / scale_max))
    rect = pygame.Rect(zero_x if v > 0 else zero_x - length, y, length, h)
    if v > 0:
        sh.fill(rect, sh.pal.good)
    else:
        stripe = max(2, sh.px(0.16))
        sh.boxes.append(Hatch(rect, sh.pal.bad, sh.pal.surface, stripe * 3, stripe))
        sh.fill(rect, sh.pal.bad, 0, sh.pal.bad, max(1, stripe // 2 + (1 if sh.hc else 0)), filled=False)


def _legend(sh: Sheet, x: int, y: int, w: int) -> int:
    """'■ Upheld  ▨ Breached': the two bar styles, with their words."""
    pal = sh.pal
    sw = sh.px(1.6)
    sh_h = sh.px(0.8)

    def key(fill_style: str, words: str):
        def make(kx: int, ky: int, max_w: int) -> pygame.Rect:
            p = sh.para([sh.run(words, sh.type.small, pal.text)], max(1, max_w - sw - sh.gap), 1.3)
            h = max(p.height, sh_h)
            swatch = pygame.Rect(kx, ky + (h - sh_h) // 2, sw, sh_h)
            if fill_style == "solid":
                sh.fill(swatch, pal.good)
            else:
                stripe = max(2, sh.px(0.16))
                sh.boxes.append(Hatch(swatch, pal.bad, pal.surface, stripe * 3, stripe))
                sh.fill(swatch, pal.bad, 0, pal.bad, max(1, stripe // 2), filled=False)
            sh.put(p, kx + sw + sh.gap, ky + (h - p.height) // 2, pal.surface)
            return pygame.Rect(kx, ky, sw + sh.gap + p.width, h)
        return make

    return parts.flow(sh, x, y, w, [key("solid", "Upheld (to the right of zero)"),
                                    key("hatched", "Breached (to the left of zero)")], sh.px(1.2), sh.gap)


def measure_chart(totals: Sequence, width: int, ctx: CardContext, framework=None) -> int:
    return layout_chart(totals, width, ctx, framework).height


def draw_chart(surface: pygame.Surface, rect: pygame.Rect, totals: Sequence, framework, ctx: CardContext) -> None:
    rect = pygame.Rect(rect)
    result = layout_chart(totals, rect.w, ctx, framework)
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    try:
        card_paint.paint(surface, result, (rect.x + (rect.w - result.width) // 2, rect.y), ctx.fonts,
                         ctx.assets_root)
    finally:
        surface.set_clip(old_clip)


def chart_alt_text(totals: Sequence, framework=None) -> str:
    rows = _ordered(totals, framework)
    if not rows:
        return "No standards were scored."
    head = f"Scores by standard ({framework.title})" if framework is not None else "Scores by standard"
    return head + ": " + "; ".join(wording.standing(sid, short, v) for sid, short, v in rows) + "."


def clear_cache() -> None:
    _cache.clear()
