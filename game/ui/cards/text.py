"""Word wrap for styled text: runs of differently styled words (and small inline icons) broken into lines.

Words wrap at spaces; a word (or URL) longer than the line is broken inside, preferably just after a '/',
'-', '.' and the like, so nothing ever runs past the width it was given. Widths are measured on the real
text of each piece, so what is laid out is exactly what is rendered.

A column too narrow to read (fewer than 20 average characters of a run's font, see game.ui.measure.too_narrow)
lays out only the first NARROW_MAX_CHARS characters of its text, then "…", and leaves out what follows. Pages
never give text a column that narrow (a window too small gets smaller text, see game.ui.look.Look.readable);
only a tiny box or hostile text gets there, where a 20,000-letter word made 17,000 lines of a letter each, and
cost over 50 ms whatever the layout did per line. At most NARROW_MAX_CHARS lines keeps any block's layout
bounded (see bench/layout.py). Columns of 20 characters or more are laid out in full, as ever.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field

import pygame

from ..glyphs import displayable
from ..measure import memo_of, text_width, too_narrow
from ..text import join_slack
from ..wordbreak import break_word
from .boxes import FontSpec
from .style import Rgb

_TOKENS = re.compile(r"\s+|\S+")
# the characters a column too narrow to read lays out (see the module's docstring): at one or two letters a
# line that is over 1,000 lines, many screens tall at any text size, and nobody reads that far down a column
# of one or two letters; a few milliseconds of layout
NARROW_MAX_CHARS = 2_000
ELLIPSIS = "\u2026"


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    font: FontSpec
    fg: Rgb
    underline: bool = False


@dataclass(frozen=True, slots=True)
class IconRun:
    name: str
    fg: Rgb
    size: int
    gap: int = 0  # space after the icon


@dataclass(slots=True)
class Piece:
    x: int
    w: int
    run: Run | IconRun
    text: str = ""
    joins: int = 0  # tokens added since `w` was last measured: w is their measured sum until the line ends


@dataclass(slots=True)
class Line:
    pieces: list[Piece] = field(default_factory=list)
    width: int = 0
    height: int = 0  # the line's advance: its content is centred in it
    content: int = 0  # the tallest font (or icon) on the line
    ascent: int = 0


@dataclass(slots=True)
class Paragraph:
    lines: list[Line]

    @property
    def width(self) -> int:
        return max((ln.width for ln in self.lines), default=0)

    @property
    def height(self) -> int:
        return sum(ln.height for ln in self.lines)


class FontCache:
    """The fonts of one layout pass, looked up once each."""

    def __init__(self, source) -> None:
        self._source = source
        self._fonts: dict[FontSpec, pygame.font.Font] = {}
        self._last_spec: FontSpec | None = None
        self._last_font: pygame.font.Font | None = None

    def __call__(self, spec: FontSpec) -> pygame.font.Font:
        if spec is self._last_spec:  # a run asks for its font once per word: skip hashing the spec
            return self._last_font
        font = self._fonts.get(spec)
        if font is None:
            font = self._fonts[spec] = self._source.get(spec.px, spec.bold, spec.italic)
        self._last_spec, self._last_font = spec, font
        return font

    def displayable(self, spec: FontSpec, text: str) -> str:
        """`text` with characters the font cannot draw named in words (see game.ui.glyphs)."""
        return displayable(self(spec), text)


def _same_style(a: Run | IconRun, b: Run) -> bool:
    if a is b:  # the usual case, a run's words one after another: no field-by-field comparison
        return True
    return isinstance(a, Run) and a.font == b.font and a.fg == b.fg and a.underline == b.underline


class _Wrapper:
    def __init__(self, fonts: FontCache, max_w: int, line_height: float) -> None:
        self.fonts, self.max_w, self.line_height = fonts, max(1, max_w), line_height
        self.lines: list[Line] = []
        self.line = Line()
        self.last_run: Run | IconRun | None = None
        self._slack_font, self._slack = None, 0  # join_slack of the last font asked about
        self._run_lines: dict[FontSpec, tuple[int, int, int]] = {}
        self.narrow_left = NARROW_MAX_CHARS  # what runs in a column too narrow for them may still lay out
        self.cut = False  # a run was cut short there: what follows it is left out

    # -- line bookkeeping
    def _used(self) -> int:
        pieces = self.line.pieces
        if len(pieces) == 1:  # the usual case, one run's words: asked for twice a word
            return pieces[0].w
        return sum(p.w for p in pieces)

    def _content(self) -> bool:
        pieces = self.line.pieces
        if pieces and isinstance(pieces[-1].run, Run) and pieces[-1].text[:1].strip():
            return True  # the usual case: the line so far ends with a word
        # isspace() stops at the first letter, where strip() would copy a long line for every space
        return any(isinstance(p.run, IconRun) or (p.text and not p.text.isspace()) for p in self.line.pieces)

    def _one_run_line(self, spec: FontSpec) -> tuple[int, int, int]:
        """The ascent, content height and advance of a line of one run in this font (what _finish gives)."""
        known = self._run_lines.get(spec)
        if known is None:
            font = self.fonts(spec)
            height = font.get_height()
            known = self._run_lines[spec] = (font.get_ascent(), height, max(height, round(spec.px * self.line_height)))
        return known

    def newline(self) -> None:
        pieces = self.line.pieces
        if len(pieces) == 1 and type(pieces[0].run) is Run and not pieces[0].joins and pieces[0].text \
                and not pieces[0].text[-1].isspace():
            # the usual line of a narrow column: one measured piece with nothing to trim (what follows does
            # the same, by way of loops a narrow column would run thousands of times)
            line, (line.ascent, line.content, line.height) = self.line, self._one_run_line(pieces[0].run.font)
            line.width = pieces[0].w
            self.lines.append(line)
            self.line = Line()
            return
        while pieces and isinstance(pieces[-1].run, Run) and (not pieces[-1].text or pieces[-1].text.isspace()):
            pieces.pop()
        if pieces and isinstance(pieces[-1].run, Run):
            last = pieces[-1]
            text = last.text.rstrip()
            if last.joins or text != last.text:  # its width is no longer the measured one
                last.text, last.joins = text, 1
        for p in pieces:  # what is laid out is exactly what is rendered: each piece measured as one text
            if p.joins:
                p.w, p.joins = text_width(self.fonts(p.run.font), p.text), 0
        self._finish(self.line)
        self.lines.append(self.line)
        self.line = Line()

    def _finish(self, line: Line) -> None:
        x, ascent, height, px = 0, 0, 0, 0
        for p in line.pieces:
            p.x = x
            x += p.w
            if isinstance(p.run, Run):
                font = self.fonts(p.run.font)
                ascent, height = max(ascent, font.get_ascent()), max(height, font.get_height())
                px = max(px, p.run.font.px)
            else:
                height, px = max(height, p.run.size), max(px, p.run.size)
        if not line.pieces and isinstance(self.last_run, Run):  # an empty line keeps its paragraph's spacing
            font = self.fonts(self.last_run.font)
            ascent, height, px = font.get_ascent(), font.get_height(), self.last_run.font.px
        line.width = x
        line.ascent = ascent
        line.content = height
        line.height = max(height, round(px * self.line_height))

    # -- adding
    def _try_text(self, run: Run, token: str) -> bool:
        font = self.fonts(run.font)
        pieces = self.line.pieces
        w = text_width(font, token)  # a paragraph's words recur: each is measured once per font
        if pieces and _same_style(pieces[-1].run, run):
            last = pieces[-1]
            if font is not self._slack_font:
                self._slack_font, self._slack = font, join_slack(font)
            # the sum of measured tokens is the line's width but for kerning where they meet: only a line
            # that comes close to the width is measured whole (so a long paragraph is not quadratic)
            if self._used() + w + self._slack * (last.joins + 1) <= self.max_w:
                last.text, last.w, last.joins = last.text + token, last.w + w, last.joins + 1
                return True
            joined = last.text + token
            w = text_width(font, joined)
            if self._used() - last.w + w > self.max_w:
                return False
            last.text, last.w, last.joins = joined, w, 0
            return True
        if self._used() + w > self.max_w:
            return False
        pieces.append(Piece(0, w, run, token))
        return True

    def word(self, run: Run, token: str) -> None:
        if self._try_text(run, token):
            return
        if self._content():
            self.newline()
            if self._try_text(run, token):
                return
        self._broken(run, token)

    def _broken(self, run: Run, token: str) -> None:
        """`token` is too long for a whole line: broken once into pieces (see game.ui.wordbreak), the first
        filling what is left of this line."""
        font = self.fonts(run.font)
        memo = memo_of(font)
        pieces = break_word(font, token, self.max_w, first=self.max_w - self._used())
        if len(pieces) == 1:
            self.line.pieces.append(Piece(0, text_width(font, pieces[0], memo), run, pieces[0]))
            return
        whole = pieces[:-1]  # the pieces that fill a line each
        if self.line.pieces:  # the first piece ends this line
            self.line.pieces.append(Piece(0, text_width(font, pieces[0], memo), run, pieces[0]))
            self.newline()
            whole = pieces[1:-1]
        # the lines of one piece each are made directly (what newline makes of them), as a narrow column can
        # have thousands
        ascent, height, advance = self._one_run_line(run.font)
        widths = memo.widths
        ws = [widths.get(piece) for piece in whole]  # in one pass each: 20,000 one-letter lines add up
        if None in ws:
            ws = [text_width(font, piece, memo) for piece in whole]
        self.lines.extend([Line([Piece(0, w, run, piece)], w, advance, height, ascent)
                           for piece, w in zip(whole, ws, strict=True)])
        self.line.pieces.append(Piece(0, text_width(font, pieces[-1], memo), run, pieces[-1]))

    def space(self, run: Run) -> None:
        if self._content() and not self._try_text(run, " "):
            self.newline()

    def icon(self, run: IconRun) -> None:
        w = run.size + run.gap
        if self._used() + w > self.max_w and self._content():
            self.newline()
        self.line.pieces.append(Piece(0, w, run))

    def add(self, run: Run | IconRun) -> None:
        if self.cut:
            return
        if isinstance(run, IconRun):
            self.icon(run)
            self.last_run = run
            return
        text = self.fonts.displayable(run.font, run.text)
        font = self.fonts(run.font)
        if too_narrow(font, self.max_w):  # the fast path of a column too narrow to read (see the docstring)
            if len(text) > self.narrow_left:
                text, self.cut = text[:self.narrow_left] + ELLIPSIS, True
            self.narrow_left -= len(text)
        if text != run.text:
            run = Run(text, run.font, run.fg, run.underline)
        memo = memo_of(font)
        widths, slack, max_w = memo.widths, join_slack(font), self.max_w
        for n, segment in enumerate(text.split("\n")):
            if n:
                self.last_run = run
                self.newline()
            for token in _TOKENS.findall(segment):
                space = token.isspace()
                # the usual case, inlined as a paragraph has thousands of tokens: the line so far is this
                # run's words (so it has content), and the token, measured before, surely fits (see _try_text)
                pieces = self.line.pieces
                if len(pieces) == 1 and pieces[0].run is run:
                    last, token_text = pieces[0], " " if space else token
                    w = widths.get(token_text)
                    if w is not None and last.w + w + slack * (last.joins + 1) <= max_w:
                        last.text, last.w, last.joins = last.text + token_text, last.w + w, last.joins + 1
                        continue
                    if space and w is not None:  # what space() does: it fits measured with the line, or ends it
                        joined = last.text + " "
                        joined_w = text_width(font, joined, memo)
                        if joined_w <= max_w:
                            last.text, last.w, last.joins = joined, joined_w, 0
                        else:
                            self.newline()
                        continue
                elif not pieces and not space:
                    w = widths.get(token)
                    if w is not None and w > max_w:  # what word() does with a word wider than an empty line
                        self._broken(run, token)
                        continue
                if space:
                    self.space(run)
                else:
                    self.word(run, token)
        self.last_run = run

    def done(self) -> Paragraph:
        if self.line.pieces or not self.lines:
            self.newline()
        return Paragraph(self.lines)


def wrap(fonts: FontCache, runs: list[Run | IconRun], max_w: int, line_height: float = 1.3) -> Paragraph:
    """Lay `runs` out in lines no wider than `max_w` px."""
    # A narrow column makes a line, a piece and a list for every letter or two, and all of them live on: the
    # cycle collector would scan them again and again for cycles they never form (a fifth of the time).
    # It is paused for the layout only, and left as it was found.
    collecting = gc.isenabled()
    gc.disable()
    try:
        wrapper = _Wrapper(fonts, max_w, line_height)
        for run in runs:
            wrapper.add(run)
        return wrapper.done()
    finally:
        if collecting:
            gc.enable()
