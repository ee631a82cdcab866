"""A text field's editing model: the text, the cursor, a selection and an input method's composition, with
every cursor and editing operation as plain Python (no pygame), so it is tested without a window.

Visual lines (word wrap) come from `Wrapped`, given two functions: how wide a string is, and how to break a
word too wide for a line. The desktop field passes the UI's measuring and game.ui.wordbreak; tests pass a
fixed-width font. Unlike game.ui.text.wrap, which lays out text to read, this keeps every character (spaces
hang at the end of their line) so that a cursor index maps to one place on screen and back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str], int]
Breaker = Callable[[str, int], list[str]]

_TOKEN = re.compile(r"[^ ]+ *| +")
_SLACK = 3  # px per join: more than kerning at a space ever changes a line (checked near the edge)


@dataclass(frozen=True)
class Line:
    """One visual line: text[start:end] (end excludes a newline); `last` ends its paragraph."""

    start: int
    end: int
    last: bool


class Wrapped:
    """The text in visual lines for a width, with the x of an index and the index nearest an x."""

    def __init__(self, text: str, width: int, measure: Measure, breaker: Breaker,
                 memo: dict[str, list[tuple[int, int]]] | None = None):
        self.text, self.width, self.measure = text, max(1, width), measure
        self.lines: list[Line] = []
        start = 0
        for paragraph in text.split("\n"):
            spans = memo.get(paragraph) if memo is not None else None
            if spans is None:
                spans = _wrap_paragraph(paragraph, self.width, measure, breaker)
                if memo is not None:
                    if len(memo) > 2000:  # bounded: a field is a few paragraphs, edited a letter at a time
                        memo.clear()
                    memo[paragraph] = spans
            for i, (s, e) in enumerate(spans):
                self.lines.append(Line(start + s, start + e, i == len(spans) - 1))
            start += len(paragraph) + 1

    def line_of(self, index: int) -> int:
        """The visual line the cursor at `index` is drawn on (at a soft wrap: the start of the next line)."""
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:  # the first line whose end is past the index, or that ends its paragraph at it
            mid = (lo + hi) // 2
            line = self.lines[mid]
            if index < line.end or (index == line.end and line.last):
                hi = mid
            else:
                lo = mid + 1
        return lo

    def x_of(self, index: int) -> int:
        line = self.lines[self.line_of(index)]
        return self.measure(self.text[line.start:index])

    def index_at(self, line_no: int, x: int) -> int:
        """The index in visual line `line_no` whose place is nearest x (never after a soft wrap's end)."""
        line_no = max(0, min(len(self.lines) - 1, line_no))
        line = self.lines[line_no]
        stop = line.end if line.last else max(line.start, line.end - 1)
        best, best_d = line.start, abs(x)
        for i in range(line.start + 1, stop + 1):
            d = abs(self.measure(self.text[line.start:i]) - x)
            if d < best_d:
                best, best_d = i, d
            elif self.measure(self.text[line.start:i]) > x:
                break
        return best


def _wrap_paragraph(para: str, width: int, measure: Measure, breaker: Breaker) -> list[tuple[int, int]]:
    """(start, end) spans of one paragraph's visual lines; spaces stay on the line they follow.

    A line's width is the sum of its pieces' (each short, so remembered by the measure) while that sum is
    clearly under the width; only near the edge is the joined line measured, as kerning makes it differ a
    little. A keystroke in a long paragraph so costs a few look-ups per word, not a measuring of every line."""
    spans: list[tuple[int, int]] = []
    line_start, line_w, joins = 0, 0, 0  # line_w: the sum of the line's pieces so far (exact when joins == 0)
    for m in _TOKEN.finditer(para):
        word_end = m.start() + len(m.group().rstrip(" "))
        if word_end == m.start():
            continue  # spaces alone (the paragraph's first characters): they stay on the line
        before = para[line_start:m.start()]  # the line so far, with the spaces that end it
        gap = measure(before[len(before.rstrip(" ")):]) if before else 0
        word_w = measure(para[m.start():word_end])
        guess = line_w + gap + word_w
        if guess + _SLACK * (joins + 1) <= width:
            line_w, joins = guess, joins + 1
            continue
        exact = measure(para[line_start:word_end])
        if exact <= width:
            line_w, joins = exact, 0
            continue
        if m.start() > line_start:  # the word starts a new line
            spans.append((line_start, m.start()))
            line_start, line_w, joins = m.start(), word_w, 0
            if word_w <= width:
                continue
        # a word wider than the whole line: in pieces, the last one starting the line it ends on
        pieces = breaker(para[m.start():word_end], width) or [para[m.start():word_end]]
        at = m.start()
        for piece in pieces[:-1]:
            spans.append((line_start, at + len(piece)))
            at += len(piece)
            line_start = at
        line_w, joins = measure(para[line_start:word_end]), 0
    spans.append((line_start, len(para)))
    return spans


def clean(text: str) -> str:
    """Typed or pasted text as a field keeps it: newlines as \\n, tabs as spaces, no other control characters
    (a pasted NUL or bidi override would confuse the renderer and the CPD record)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch)[0] != "C")


def _kind(ch: str) -> int:
    if ch.isspace():
        return 0
    return 1 if ch.isalnum() or ch in "_'’" else 2


class EditBuffer:
    """The text being edited. `anchor` is the other end of the selection (None: nothing selected);
    `goal_x` remembers the column while moving up and down through lines of different lengths."""

    def __init__(self, text: str = "", limit: int = 4000):
        self.limit = limit
        self.text = clean(text)[:limit]
        self.cursor = len(self.text)
        self.anchor: int | None = None
        self.goal_x: int | None = None
        self.composition = ""  # what an input method is composing (not yet part of the text)
        self.composition_cursor = 0
        self.dropped = 0  # characters the last insert could not take (over the limit)

    # --- the selection -------------------------------------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def selected_text(self) -> str:
        sel = self.selection()
        return self.text[sel[0]:sel[1]] if sel else ""

    def select_all(self) -> None:
        self.anchor, self.cursor, self.goal_x = 0, len(self.text), None

    def _move(self, index: int, select: bool, keep_goal: bool = False) -> None:
        if select:
            if self.anchor is None:
                self.anchor = self.cursor
        else:
            self.anchor = None
        self.cursor = max(0, min(len(self.text), index))
        if not keep_goal:
            self.goal_x = None

    # --- editing -------------------------------------------------------------------------------------------

    def _delete_selection(self) -> bool:
        sel = self.selection()
        self.anchor = None
        if sel is None:
            return False
        self.text = self.text[:sel[0]] + self.text[sel[1]:]
        self.cursor = sel[0]
        return True

    def insert(self, typed: str) -> int:
        """Type or paste `typed` at the cursor (over the selection). Returns how many characters did not fit
        under the limit (also kept in `dropped`, for the field's message)."""
        typed = clean(typed)
        self._delete_selection()
        room = max(0, self.limit - len(self.text))
        kept = typed[:room]
        self.dropped = len(typed) - len(kept)
        self.text = self.text[:self.cursor] + kept + self.text[self.cursor:]
        self.cursor += len(kept)
        self.goal_x = None
        return self.dropped

    def backspace(self, word: bool = False) -> None:
        if self._delete_selection() or self.cursor == 0:
            return
        start = self._word_left(self.cursor) if word else _cluster_start(self.text, self.cursor - 1)
        self.text = self.text[:start] + self.text[self.cursor:]
        self.cursor, self.goal_x = start, None

    def delete(self, word: bool = False) -> None:
        if self._delete_selection() or self.cursor >= len(self.text):
            return
        end = self._word_right(self.cursor) if word else _cluster_end(self.text, self.cursor + 1)
        self.text = self.text[:self.cursor] + self.text[end:]
        self.goal_x = None

    def compose(self, text: str, cursor: int = 0) -> None:
        """An input method's composition in progress (SDL's TEXTEDITING): shown at the cursor, not yet typed."""
        self.composition = clean(text).replace("\n", "")
        self.composition_cursor = max(0, min(len(self.composition), cursor))

    # --- moving --------------------------------------------------------------------------------------------

    def left(self, select: bool = False, word: bool = False) -> None:
        sel = self.selection()
        if sel and not select and not word:
            self._move(sel[0], False)
            return
        to = self._word_left(self.cursor) if word else _cluster_start(self.text, self.cursor - 1)
        self._move(to, select)

    def right(self, select: bool = False, word: bool = False) -> None:
        sel = self.selection()
        if sel and not select and not word:
            self._move(sel[1], False)
            return
        to = self._word_right(self.cursor) if word else _cluster_end(self.text, self.cursor + 1)
        self._move(to, select)

    def _word_left(self, i: int) -> int:
        """The start of the word before i (skipping spaces first), as Ctrl+Left does."""
        t = self.text
        while i > 0 and _kind(t[i - 1]) == 0:
            i -= 1
        kind = _kind(t[i - 1]) if i else 0
        while i > 0 and _kind(t[i - 1]) == kind:
            i -= 1
        return i

    def _word_right(self, i: int) -> int:
        """The end of the word after i (skipping spaces first), as Ctrl+Right does."""
        t, n = self.text, len(self.text)
        while i < n and _kind(t[i]) == 0:
            i += 1
        kind = _kind(t[i]) if i < n else 0
        while i < n and _kind(t[i]) == kind:
            i += 1
        return i

    def home(self, wrapped: Wrapped, select: bool = False, everything: bool = False) -> None:
        """To the start of the visual line (of the whole text with `everything`, as Ctrl+Home)."""
        self._move(0 if everything else wrapped.lines[wrapped.line_of(self.cursor)].start, select)

    def end(self, wrapped: Wrapped, select: bool = False, everything: bool = False) -> None:
        if everything:
            self._move(len(self.text), select)
            return
        line = wrapped.lines[wrapped.line_of(self.cursor)]
        # at a soft wrap the line's end is drawn at the next line's start: stop one character before it
        self._move(line.end if line.last else max(line.start, line.end - 1), select)

    def vertical(self, wrapped: Wrapped, lines: int, select: bool = False) -> bool:
        """Up (lines < 0) or down by visual lines, keeping the column. False at the first or last line."""
        here = wrapped.line_of(self.cursor)
        to = here + lines
        if to < 0 or to >= len(wrapped.lines):
            self._move(0 if to < 0 else len(self.text), select)
            return False
        goal = self.goal_x if self.goal_x is not None else wrapped.x_of(self.cursor)
        self._move(wrapped.index_at(to, goal), select, keep_goal=True)
        self.goal_x = goal
        return True

    def place(self, wrapped: Wrapped, line_no: int, x: int, select: bool = False) -> None:
        """Where a click at x on a visual line puts the cursor."""
        self._move(wrapped.index_at(line_no, x), select)


def _cluster_start(text: str, i: int) -> int:
    """Back to the start of the character cluster holding text[i] (a letter and its accents)."""
    i = max(0, i)
    while i > 0 and _joins(text, i):
        i -= 1
    return i


def _cluster_end(text: str, i: int) -> int:
    """On past any marks that belong to the character before i."""
    n = len(text)
    i = min(n, i)
    while i < n and _joins(text, i):
        i += 1
    return i


def _joins(text: str, i: int) -> bool:
    ch = text[i]
    if ch < "\u0300":
        return False
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200d\ufe0f" or text[i - 1] == "\u200d"
