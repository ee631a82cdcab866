"""Blocks for a group session, built once and shared by the audience slides and the console: a numbered
option, a vote bar (number, words, count and percentage: never colour alone), and the discussion timer."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from .blocks import Beside, Block, Canvas, Panel, Stack, Text
from .look import Look
from .text import draw_line

HOW_WORDS = {"majority": "by majority vote", "tie-break": "by the facilitator, breaking a tie",
             "facilitator": "by the facilitator after discussion", "override": "by the facilitator, overruling the vote"}


def clock(seconds: float) -> str:
    """'2:05': whole seconds, rounded up, so 0:00 shows only when the time is really up."""
    s = max(0, math.ceil(seconds - 1e-6))
    return f"{s // 60}:{s % 60:02d}"


class Badge(Block):
    """An option's number in a filled circle, the height of a line of `role` text."""

    def __init__(self, number: int, role: str = "body"):
        super().__init__()
        self.number, self.role = number, role

    def layout(self, look: Look, width: int) -> None:
        self._d = round(look.line_height(self.role, look.font(self.role)) * 0.95)
        self.w, self.h = width, self._d

    def natural_width(self, look: Look, max_width: int) -> int:
        return min(max_width, round(look.line_height(self.role, look.font(self.role)) * 0.95))

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        look = cv.look
        d = self._d
        centre = (x + d // 2, y + d // 2)
        pygame.draw.circle(cv.surface, look.colour("badge"), centre, d // 2)
        font = look.font(self.role, True)
        surf = look.lines.render(font, str(self.number), look.colour("badge_text"))
        r = surf.get_rect(center=centre)
        draw_line(cv.surface, surf, r.x, r.y, str(self.number), pygame.Rect(x, y, d, d), record=cv.record)


def numbered(number: int, text: str, role: str = "body") -> Block:
    """'(2) Decline and tell your manager': the number in a badge, the words beside it."""
    return Beside(Badge(number, role), Text(text, role, "text", measure=False), 1.6 if role == "body" else 2.0, 0.6)


class Meter(Block):
    """A horizontal bar: an outlined track (the whole room) filled to `fraction`. `marked` draws a thicker
    outline (the majority), which the words beside it also say."""

    def __init__(self, fraction: float, marked: bool = False, role: str = "body"):
        super().__init__()
        self.fraction, self.marked, self.role = max(0.0, min(1.0, fraction)), marked, role

    def layout(self, look: Look, width: int) -> None:
        self.w, self.h = width, look.line_height(self.role, look.font(self.role))

    def paint(self, cv: Canvas, x: int, y: int) -> None:
        look = cv.look
        pad = max(2, self.h // 8)
        track = pygame.Rect(x, y + pad, self.w, self.h - 2 * pad)
        pygame.draw.rect(cv.surface, look.colour("surface"), track)
        fill = track.copy()
        fill.w = round(track.w * self.fraction)
        if fill.w:
            pygame.draw.rect(cv.surface, look.colour("badge"), fill)
        line = look.metrics.border * (3 if self.marked else 1)
        pygame.draw.rect(cv.surface, look.colour("text" if self.marked else "border"), track, max(1, line))


def vote_bars(rows: Sequence, majority: int | None, tied: Sequence[int], role: str = "body") -> Block:
    """The revealed split: per option its number and words, then a bar with '7 votes · 47 %' and, for
    the majority or the tied options, that word too. `rows`: objects with number, text, count, percent."""
    out: list[Block] = []
    for row in rows:
        votes = "vote" if row.count == 1 else "votes"
        label = f"{row.count} {votes} · {row.percent:.0f} %"
        if row.number == majority:
            label += " · majority"
        elif row.number in tied:
            label += " · tied"
        marked = row.number == majority or row.number in tied
        out.append(Stack([numbered(row.number, row.text, role),
                          Beside(Meter(row.percent / 100.0, marked, role),
                                 Text(label, role, "heading", bold=marked, measure=False), 14, 0.8)], gap=0.2))
    return Stack(out, gap=0.7)


def result_words(majority: int | None, tied: Sequence[int], total: int) -> str:
    if not total:
        return "No votes were counted: the facilitator will choose."
    if majority is not None:
        return f"The majority chose option {majority}."
    listed = ", ".join(str(n) for n in tied[:-1]) + f" and {tied[-1]}"
    return f"A tie between options {listed}: the facilitator will choose among them."


class TimerBlock(Block):
    """The discussion timer, large: '2:35' with words saying whether it runs. When the time is up the
    panel turns solid with 'Time is up' in words (a cue that is not colour alone); it never moves on."""

    def __init__(self, remaining: float, running: bool, finished: bool, role: str = "title"):
        super().__init__()
        self.remaining, self.running, self.finished, self.role = remaining, running, finished, role

    def _inner(self) -> Block:
        if self.finished:
            words, colour = "Time is up", "selected_text"
        else:
            words, colour = ("Discussion time left" if self.running else "Discussion timer (paused)"), "muted"
        number = Text("0:00" if self.finished else clock(self.remaining), self.role,
                      "selected_text" if self.finished else "heading", bold=True, measure=False)
        return Panel(Stack([Text(words, "label", colour, measure=False), number], gap=0.1),
                     bg="selected" if self.finished else "surface", border="border", pad=0.5)

    def layout(self, look: Look, width: int) -> None:
        self._panel = self._inner()
        self._panel.layout(look, width)
        self.kids = [(self._panel, 0, 0)]
        self.w, self.h = width, self._panel.h

    def natural_width(self, look: Look, max_width: int) -> int:
        font = look.font(self.role, True)
        label = look.font("label")
        words = max(label.size("Discussion timer (paused)")[0], font.size("00:00")[0])
        return min(max_width, words + look.em(1.2))
