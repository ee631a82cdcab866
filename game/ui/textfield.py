"""A multi-line text field for pages: several paragraphs, word wrap, scrolling inside itself, an input
method's composition shown underlined at the cursor, paste, selection and a length cap that says so.

It is a Button to the page (game/ui/page.py), so it takes part in focus (Tab, the visible ring), hover and
clicks like any control; the screen that holds fields passes them its key, text and mouse events while one
has the focus (`TextField.key`, `text`, `editing`, `click`, `wheel`). Editing itself is game/ui/editing.py,
tested without pixels; this file maps pygame's events onto it and draws.

Typing arrives as TEXTINPUT (what the keyboard layout or input method produced, any script), a composition
in progress as TEXTEDITING; the input method's candidate window is placed at the cursor with
`pygame.key.set_text_input_rect`. Text input is started while a field has the focus and stopped when it
loses it (`ime_focus`); other screens (the save name) rely on SDL's default of it being on, so leaving a
screen of fields turns it back on.
"""

from __future__ import annotations

import contextlib
import logging

import pygame

from . import fieldtext
from .blocks import Button, Canvas, Text
from .editing import EditBuffer, Wrapped
from .look import Look
from .text import draw_line

log = logging.getLogger("crossing_paths.ui")

DEFAULT_LIMIT = 4000  # characters per field: a long page of reflection, far short of slowing layout
MASK = "\u2022"  # a secret field (a password) draws one bullet per character, so the cursor still maps
MULTI_LINE_KEYS = "Enter starts a new paragraph \u00b7 Tab goes to the next question"


class TextField(Button):
    def __init__(self, id: str, label: str, text: str = "", limit: int = DEFAULT_LIMIT, rows: int = 5, *,
                 single_line: bool = False, secret: bool = False, keys: str = MULTI_LINE_KEYS):
        super().__init__(Text(label, "small", "muted"), None, id)
        # one line (a name, an address): Enter and Up/Down at its ends are the page's, typed line breaks become
        # spaces; a secret is drawn as bullets and never read aloud or copied out
        self.single_line, self.secret, self.keys = single_line, secret, keys
        self.label, self.rows = label, 1 if single_line else rows
        self.buffer = EditBuffer(text, limit)
        self.top = 0  # the first visual line shown
        self.message = ""  # a notice under the field (the cap reached, nothing to paste)
        self.screen_rect: pygame.Rect | None = None  # where the text area was last drawn, in window coordinates
        self._look: Look | None = None
        self._memo: dict = {}
        self._wrapped: tuple[tuple, Wrapped] | None = None

    # --- what pages ask of a control ------------------------------------------------------------------------

    @property
    def value(self) -> str:
        return self.buffer.text

    @property
    def shown(self) -> str:
        """The text as drawn: a secret's characters as bullets, one each, so every index stays in place."""
        return MASK * len(self.buffer.text) if self.secret else self.buffer.text

    def spoken(self) -> str:
        if self.secret:
            n = len(self.buffer.text)
            return f"{self.label}, password field: " + (f"{n} characters typed, not read aloud" if n else "empty")
        return f"{self.label}, text field: {self.buffer.text or 'empty'}"

    def natural_width(self, look: Look, max_width: int) -> int:
        return max_width

    def walk(self, x: int = 0, y: int = 0):
        yield self, x, y
        yield Text(self.spoken()), x, y  # what self-voicing reads

    def _metrics(self, look: Look) -> tuple[pygame.font.Font, int, int, int]:
        font = look.font("body", False)
        return font, look.line_height("body", font), look.em(0.5), look.line_height("small", look.font("small"))

    def layout(self, look: Look, width: int) -> None:
        _, lh, pad, small_h = self._metrics(look)
        self._look = look
        self.w = width
        self.text_w = max(1, width - 2 * pad - look.metrics.scrollbar // 2)
        self.h = 2 * pad + self.rows * lh + small_h  # the status row is inside the box, under the text
        self.kids = []
        self.reveal_cursor()  # a new width wraps the text afresh: keep the cursor's line in view

    # --- lines ----------------------------------------------------------------------------------------------

    def wrapped(self) -> Wrapped:
        look = self._look
        font = look.font("body", False)
        key = (self.shown, self.text_w, id(font))
        if self._wrapped is None or self._wrapped[0] != key:
            if self._wrapped is None or self._wrapped[0][1:] != key[1:]:
                self._memo = {}  # another width or font: the paragraphs wrap afresh
            px = look.metrics.px("body")
            self._wrapped = (key, Wrapped(key[0], self.text_w, lambda s: fieldtext.width(font, px, s),
                                          lambda w, room: fieldtext.break_text(font, px, w, room), self._memo))
        return self._wrapped[1]

    def reveal_cursor(self) -> None:
        """Scroll the field so the cursor's line is in view."""
        line = self.wrapped().line_of(self.buffer.cursor)
        if line < self.top:
            self.top = line
        elif line >= self.top + self.rows:
            self.top = line - self.rows + 1
        self.top = max(0, min(self.top, max(0, len(self.wrapped().lines) - self.rows)))

    # --- events (the screen passes them while the field has the focus) ----------------------------------------

    def text(self, typed: str) -> None:
        if self.single_line:  # a pasted paragraph becomes one line; other control characters are dropped
            typed = "".join(" " if ch in "\r\n\t\v\f\x85\u2028\u2029" else ch for ch in typed
                            if ch.isprintable() or ch in "\r\n\t\v\f\x85\u2028\u2029")
        self.buffer.compose("")
        dropped = self.buffer.insert(typed)
        self.message = (f"This answer can hold {self.buffer.limit:,} characters: {dropped:,} were not added."
                        if dropped else "")
        self.reveal_cursor()

    def editing(self, text: str, start: int) -> None:
        self.buffer.compose(text, start)

    def key(self, event: pygame.event.Event) -> bool:
        """Act on a KEYDOWN; False for keys a field leaves to its page (Tab, Escape, F-keys)."""
        b, k = self.buffer, event.key
        mod = getattr(event, "mod", 0)
        shift, ctrl = bool(mod & pygame.KMOD_SHIFT), bool(mod & (pygame.KMOD_CTRL | pygame.KMOD_META))
        wrapped = self.wrapped()
        if self.single_line and (k in (pygame.K_RETURN, pygame.K_KP_ENTER)
                                 or (k == pygame.K_UP and wrapped.line_of(b.cursor) == 0)
                                 or (k == pygame.K_DOWN and wrapped.line_of(b.cursor) == len(wrapped.lines) - 1)):
            return False  # the page's: Enter keeps the value, Up and Down at the ends move to the next control
        if k in (pygame.K_LEFT, pygame.K_RIGHT):
            (b.left if k == pygame.K_LEFT else b.right)(select=shift, word=ctrl)
        elif k in (pygame.K_UP, pygame.K_DOWN):
            b.vertical(wrapped, -1 if k == pygame.K_UP else 1, select=shift)
        elif k in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            b.vertical(wrapped, (self.rows - 1) * (-1 if k == pygame.K_PAGEUP else 1), select=shift)
        elif k == pygame.K_HOME:
            b.home(wrapped, select=shift, everything=ctrl)
        elif k == pygame.K_END:
            b.end(wrapped, select=shift, everything=ctrl)
        elif k == pygame.K_BACKSPACE:
            b.backspace(word=ctrl)
        elif k == pygame.K_DELETE:
            b.delete(word=ctrl)
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.text("\n")  # a new paragraph (Tab leaves the field; the Save button saves)
        elif ctrl and k == pygame.K_a:
            b.select_all()
        elif ctrl and k == pygame.K_v:
            self.paste()
        elif ctrl and k in (pygame.K_c, pygame.K_x):
            if self.secret:
                self.message = "A password is not copied."
                self.reveal_cursor()
                return True
            if b.selected_text() and _put_clipboard(b.selected_text()) and k == pygame.K_x:
                b.backspace()
        else:
            # Tab, Escape and F-keys are the page's; a letter's KEYDOWN is no shortcut here (its text
            # comes as TEXTINPUT)
            return not (k in (pygame.K_TAB, pygame.K_ESCAPE) or pygame.K_F1 <= k <= pygame.K_F12)
        if k != pygame.K_v:
            self.message = ""
        self.reveal_cursor()
        return True

    def paste(self) -> None:
        text = _get_clipboard()
        if text is None:
            self.message = "Pasting is not available here: type the text instead."
        elif text:
            self.text(text)

    def click(self, pos: tuple[int, int], select: bool = False) -> None:
        """Put the cursor where the pointer is (window coordinates), extending the selection with `select`."""
        rect = self.screen_rect
        if rect is None:
            return
        _, lh, _, _ = self._metrics(self._look)
        wrapped = self.wrapped()
        line = self.top + max(0, min(self.rows - 1, (pos[1] - rect.y) // lh))
        self.buffer.place(wrapped, min(line, len(wrapped.lines) - 1), pos[0] - rect.x, select)
        self.buffer.compose("")
        self.reveal_cursor()

    def wheel(self, lines: int) -> bool:
        """Scroll the field's own text; False when it cannot move that way (the page scrolls instead)."""
        most = max(0, len(self.wrapped().lines) - self.rows)
        top = max(0, min(most, self.top + lines))
        moved, self.top = top != self.top, top
        return moved

    def cursor_rect(self) -> pygame.Rect | None:
        """The cursor's place in window coordinates (for the input method's candidate window)."""
        if self.screen_rect is None or self._look is None:
            return None
        _, lh, _, _ = self._metrics(self._look)
        wrapped = self.wrapped()
        line = wrapped.line_of(self.buffer.cursor)
        x = min(self.text_w, wrapped.x_of(self.buffer.cursor))
        return pygame.Rect(self.screen_rect.x + x, self.screen_rect.y + (line - self.top) * lh, 2, lh)

    # --- drawing --------------------------------------------------------------------------------------------

    def paint(self, cv: Canvas, x: int, y: int, state: str = "normal") -> None:
        """The box: the visible lines (the selection in the selected colours, a composition underlined at the
        cursor), the cursor when focused, a scroll bar when the text is longer than the box, and a status row
        inside the box (a notice, the count near the cap, or the keys while focused)."""
        look = cv.look
        _, lh, pad, small_h = self._metrics(look)
        m = look.metrics
        focused = state == "focus"
        box = pygame.Rect(x, y, self.w, self.h)
        pygame.draw.rect(cv.surface, look.colour("surface"), box, border_radius=m.radius)
        pygame.draw.rect(cv.surface, look.colour("button_border"), box, max(1, m.border * (2 if focused else 1)),
                         border_radius=m.radius)
        area = pygame.Rect(x + pad, y + pad, self.text_w, self.rows * lh)
        self.screen_rect = area.copy()  # pages paint onto the window or a window-sized layer: window coordinates
        wrapped = self.wrapped()
        b = self.buffer
        old_clip = cv.surface.get_clip()
        cv.surface.set_clip(area.clip(old_clip) if old_clip else area)
        cursor_line = wrapped.line_of(b.cursor)
        for i in range(self.top, min(len(wrapped.lines), self.top + self.rows)):
            line = wrapped.lines[i]
            ly = area.y + (i - self.top) * lh
            if focused and b.composition and i == cursor_line:
                shown = self.shown
                composing = MASK * len(b.composition) if self.secret else b.composition
                self._paint_pieces(cv, area, ly, lh, [(shown[line.start:b.cursor], "text", False),
                                                      (composing, "text", True),
                                                      (shown[b.cursor:line.end], "text", False)])
            else:
                self._paint_pieces(cv, area, ly, lh, self._pieces(line, b.selection() if focused else None))
        if focused and not b.composition:
            cx = area.x + min(self.text_w - 1, wrapped.x_of(b.cursor))
            cy = area.y + (cursor_line - self.top) * lh
            cv.surface.fill(look.colour("text"), (cx, cy + lh // 8, max(2, m.border * 2), lh - lh // 4))
        cv.surface.set_clip(old_clip)
        self._paint_scroll(cv, box, pad, lh, len(wrapped.lines))
        self._paint_status(cv, look, focused, x + pad, area.bottom + pad // 2, small_h)

    def _pieces(self, line, sel: tuple[int, int] | None) -> list[tuple[str, str, bool]]:
        """(text, colour, underlined) pieces of a line: before, in and after the selection."""
        text = self.shown
        if sel is None or sel[1] <= line.start or sel[0] >= line.end:
            return [(text[line.start:line.end], "text", False)]
        a, z = max(sel[0], line.start), min(sel[1], line.end)
        return [(text[line.start:a], "text", False), (text[a:z], "selected", False), (text[z:line.end], "text", False)]

    def _paint_pieces(self, cv: Canvas, area: pygame.Rect, y: int, lh: int, pieces) -> None:
        look = cv.look
        font, px = look.font("body", False), look.metrics.px("body")
        at = area.x
        thick = max(2, look.metrics.border * 2)
        for text, colour, underline in pieces:
            if not text:
                continue
            w = fieldtext.width(font, px, text)
            if colour == "selected":  # the selected colours, which every theme pairs for contrast
                cv.surface.fill(look.colour("selected"), (at, y, w, lh))
                colour = "selected_text"
            fieldtext.draw(cv.surface, look.lines, font, px, text, look.colour(colour), at, y, lh, area, cv.record)
            if underline:  # an input method's composition, and the cursor inside it
                cv.surface.fill(look.colour("text"), (at, y + lh - thick - lh // 10, w, thick))
                cx = at + fieldtext.width(font, px, text[:self.buffer.composition_cursor])  # bullets: same count
                cv.surface.fill(look.colour("text"), (cx, y + lh // 8, 2, lh - lh // 4))
            at += w

    def _paint_scroll(self, cv: Canvas, box: pygame.Rect, pad: int, lh: int, total: int) -> None:
        if total <= self.rows:
            return
        look = cv.look
        w = max(4, look.metrics.scrollbar // 3)
        track = pygame.Rect(box.right - pad // 2 - w, box.y + pad, w, self.rows * lh)
        pygame.draw.rect(cv.surface, look.colour("scrollbar_track"), track, border_radius=w // 2)
        th = max(w * 2, track.h * self.rows // total)
        ty = track.y + (track.h - th) * self.top // max(1, total - self.rows)
        pygame.draw.rect(cv.surface, look.colour("scrollbar_thumb"), (track.x, ty, w, th), border_radius=w // 2)

    def _paint_status(self, cv: Canvas, look: Look, focused: bool, x: int, y: int, h: int) -> None:
        """The field's notice (words, never colour alone), else the count near the cap, else the keys."""
        n, limit = len(self.buffer.text), self.buffer.limit
        if self.message:
            words, colour = self.message, "breached"
        elif n >= limit * 0.8:
            words, colour = f"{n:,} of {limit:,} characters", "muted"
        elif focused:
            words, colour = self.keys, "muted"
        else:
            return
        font = look.font("small", bool(self.message))
        surf = look.lines.render(font, words, look.colour(colour))
        draw_line(cv.surface, surf, x, y, words, pygame.Rect(x, y, self.text_w, h), record=cv.record)


# --- the clipboard and the input method -----------------------------------------------------------------------

def _get_clipboard() -> str | None:
    """The clipboard's text ("" when empty), or None when this system gives the game no clipboard."""
    try:
        import pygame.scrap as scrap

        return scrap.get_text() or ""
    except (pygame.error, AttributeError, ImportError, NotImplementedError, ValueError) as exc:
        log.info("no clipboard to paste from: %s", exc)
        return None


def _put_clipboard(text: str) -> bool:
    try:
        import pygame.scrap as scrap

        scrap.put_text(text)
        return True
    except (pygame.error, AttributeError, ImportError, NotImplementedError, ValueError) as exc:
        log.info("no clipboard to copy to: %s", exc)
        return False


_ime_on = True  # SDL turns text input on when the video system starts
_ime_rect: list[pygame.Rect | None] = [None]  # where the candidate window was last placed


def ime_focus(field: TextField | None) -> None:
    """Text input on with the candidate window at `field`'s cursor, or off (None) while no field is focused."""
    global _ime_on
    try:
        if field is None:
            if _ime_on:
                pygame.key.stop_text_input()
                _ime_on = False
            return
        if not _ime_on:
            pygame.key.start_text_input()
            _ime_on = True
            _ime_rect[0] = None
        rect = field.cursor_rect()
        if rect is not None and rect != _ime_rect[0]:  # told only when the cursor moved, not every frame
            pygame.key.set_text_input_rect(rect)
            _ime_rect[0] = rect
    except pygame.error as exc:  # no video system (a snapshot): nothing to place
        log.debug("text input: %s", exc)


def ime_default() -> None:
    """Leaving a screen of fields: text input back on, as SDL starts it and other screens expect."""
    global _ime_on
    if not _ime_on:
        with contextlib.suppress(pygame.error):
            pygame.key.start_text_input()
        _ime_on = True
