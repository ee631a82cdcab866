"""Blocks that show things drawn elsewhere: a node's social-media card (game.ui.cards), the debrief's
per-standard chart (game.ui.chart) and a speaker's portrait (assets/). When a part is missing or fails,
a neutral placeholder is drawn and one warning logged: the story can always be read."""

from __future__ import annotations

import logging
from typing import Any

import pygame

from game.engine import wording

from .blocks import Block, Canvas, Panel, Stack, Text
from .glyphs import displayable
from .look import Look
from .text import draw_line

log = logging.getLogger("crossing_paths.ui")

try:  # written in parallel; the game must run (with placeholders) without it
    from . import cards as _cards
except ImportError as exc:  # pragma: no cover - depends on what is installed
    _cards = None
    _cards_problem = str(exc)

try:
    from . import chart as _chart
except ImportError as exc:  # pragma: no cover
    _chart = None
    _chart_problem = str(exc)

_warned: set[str] = set()


def _warn_once(key: str, message: str) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(message)


def card_context(look: Look) -> Any:
    if _cards is None:
        return None
    return _cards.CardContext(fonts=look.fonts, scale=look.metrics.body_px / 18,
                              high_contrast=look.theme.high_contrast, assets_root=look.assets.root)


def card_alt_text(card: Any) -> str:
    if _cards is not None:
        try:
            return _cards.card_alt_text(card)
        except Exception as exc:  # noqa: BLE001 - a broken card must not stop the story
            _warn_once(f"alt:{type(card).__name__}", f"card alt text failed: {exc}")
    return _placeholder_words(card)


def _placeholder_words(card: Any) -> str:
    kind = getattr(card, "type", "card").replace("_", " ")
    platform = getattr(card, "platform", "")
    return f"A {kind} on {platform}." if platform else f"A {kind}."


class CardBlock(Block):
    """A node's card, drawn by the cards module (or a placeholder panel with the card's words)."""

    def __init__(self, card: Any):
        super().__init__()
        self.card = card
        self._fallback: Block | None = None

    def layout(self, look: Look, width: int) -> None:
        self._ctx = card_context(look)
        self._fallback = None
        if self._ctx is not None:
            try:
                self.h = _cards.measure_card(self.card, width, self._ctx)
                self.w = width
                return
            except Exception as exc:  # noqa: BLE001
                _warn_once(f"card:{type(self.card).__name__}", f"card cannot be laid out ({exc}); placeholder")
        else:
            _warn_once("cards-missing", f"card drawing is not available ({_cards_problem}); drawing placeholders")
        self._fallback = Panel(Stack([Text("Social-media card", "label", "muted"),
                                      Text(card_alt_text(self.card), "small", "text")], gap=0.3),
                               bg="placeholder", border="border")
        self._fallback.layout(look, width)
        self.kids = [(self._fallback, 0, 0)]
        self.w, self.h = width, self._fallback.h

    def natural_width(self, look: Look, max_width: int) -> int:
        if _cards is not None:
            ctx = card_context(look)
            try:
                return _cards.card_width(max_width, ctx)
            except Exception:  # noqa: BLE001
                pass
        return max_width

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        if self._fallback is not None:
            super().paint(cv, x, y)
            return
        try:
            _cards.draw_card(cv.surface, pygame.Rect(x, y, self.w, self.h), self.card, self._ctx)
        except Exception as exc:  # noqa: BLE001
            _warn_once(f"draw:{type(self.card).__name__}", f"card cannot be drawn ({exc}); placeholder")
            pygame.draw.rect(cv.surface, cv.look.colour("placeholder"), (x, y, self.w, self.h))


class ChartBlock(Block):
    """The per-standard bar chart (game.ui.chart) of `rows`, (standard id, short title, total) in the
    framework's order, or a plain list of the totals in its place. The debrief draws a story's
    (`story_rows`); My progress the totals of every playthrough."""

    def __init__(self, rows: list[tuple[str, str, int]], framework: Any = None):
        super().__init__()
        self.rows, self.framework = rows, framework
        self._fallback: Block | None = None

    def layout(self, look: Look, width: int) -> None:
        self._fallback = None
        self.w = width
        if _chart is not None:
            try:
                self._ctx = card_context(look)
                self.h = _chart.measure_chart(self.rows, width, self._ctx, self.framework)
                return
            except Exception as exc:  # noqa: BLE001 - a broken chart must not hide the debrief
                _warn_once("chart-layout", f"chart cannot be laid out ({exc}); listing the totals instead")
        else:
            _warn_once("chart-missing", f"the chart is not available ({_chart_problem}); listing the totals instead")
        rows = []
        for sid, short, score in self.rows:
            kind = wording.verdict(score).key
            rows.append(Text(wording.standing(sid, short, score), "body", "muted" if kind == "at_stake" else kind))
        self._fallback = Stack(rows or [Text("No standards were scored.", "body", "muted")], gap=0.3)
        self._fallback.layout(look, width)
        self.kids = [(self._fallback, 0, 0)]
        self.h = self._fallback.h

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        if self._fallback is not None:
            super().paint(cv, x, y)
            return
        try:
            _chart.draw_chart(cv.surface, pygame.Rect(x, y, self.w, self.h), self.rows, self.framework, self._ctx)
        except Exception as exc:  # noqa: BLE001
            _warn_once("chart-draw", f"chart cannot be drawn ({exc})")
            pygame.draw.rect(cv.surface, cv.look.colour("placeholder"), (x, y, self.w, self.h))


def story_rows(story: Any) -> list[tuple[str, str, int]]:
    """The debrief chart's rows: `scores_shown`, with each standard's short title in the framework played."""
    framework = story.framework
    rows = []
    for sid, score in scores_shown(story).items():
        std = framework.get(sid)
        rows.append((sid, std.short if std else sid, int(score)))
    return rows


def scores_shown(story: Any) -> dict[str, int]:
    """The chart's rows: at an ending, exactly the debrief's "standards at stake" (so its "0 at stake" and its
    list agree with that section); before one, every standard scored so far."""
    ending = story.ending
    if ending is None:
        return dict(story.state.scores)
    return {standard.id: total for standard, total in story.totals_at_stake(ending)}


def chart_words(story: Any) -> str:
    if _chart is not None:
        try:
            return _chart.chart_alt_text(_chart.totals_from_scores(scores_shown(story), story.framework),
                                         story.framework)
        except Exception:  # noqa: BLE001
            pass
    return ""


class Portrait(Block):
    """A speaker's portrait from assets/, or their initials in a circle when there is none."""

    def __init__(self, asset: str | None, name: str, em: float = 2.6):
        super().__init__()
        self.asset, self.name, self.em = asset, name, em

    def layout(self, look: Look, width: int) -> None:
        self.w = width
        self.h = min(width, look.em(self.em))

    def natural_width(self, look: Look, max_width: int) -> int:
        return min(max_width, look.em(self.em))

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        look = cv.look
        s = self.h
        img = look.assets.scaled(self.asset, s, s) if self.asset else None
        if img is not None:
            cv.surface.blit(img, (x, y))
            return
        centre = (x + s // 2, y + s // 2)
        pygame.draw.circle(cv.surface, look.colour("placeholder"), centre, s // 2)
        pygame.draw.circle(cv.surface, look.colour("border"), centre, s // 2, max(1, look.metrics.border))
        font = look.fonts.get(max(8, round(s * 0.38)), True)
        # through displayable like all drawn text: a name's first character could be one SDL cannot draw
        initials = displayable(font, "".join(w[0] for w in self.name.split()[:2]).upper()) or "?"
        surf = look.lines.render(font, initials, look.colour("text"))
        r = surf.get_rect(center=centre)
        draw_line(cv.surface, surf, r.x, r.y, initials, pygame.Rect(x, y, s, s), record=cv.record)
