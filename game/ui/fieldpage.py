"""A page that holds text fields (game/ui/textfield.py): the focused field takes the typing, a click places
its cursor, a drag selects, the wheel over it scrolls its text; everything else (Tab, Escape, buttons, the
page's scrolling) is the page's. Text input follows the focus, and is put back as other screens expect it
when the page leaves.

The reflection screen (multi-line fields) and Settings (one-line fields) are built on it.
"""

from __future__ import annotations

import pygame

from .intents import Intent
from .page import PageScreen
from .textfield import TextField, ime_default, ime_focus


class FieldPage(PageScreen):
    """Subclasses build pages holding TextFields (kept across rebuilds, so a refresh never loses typing) and
    may override `edited` (a field's text or cursor changed) and `field_key` (a key the field left alone)."""

    def __init__(self, env):
        super().__init__(env)
        self._drag: TextField | None = None

    def focused_field(self) -> TextField | None:
        b = self.focused()
        return b if isinstance(b, TextField) else None

    def field_at(self, pos: tuple[int, int]) -> TextField | None:
        t = self.target_at(pos)
        return t.button if t is not None and isinstance(t.button, TextField) else None

    def edited(self, field: TextField, typed: bool) -> Intent | None:
        """A field changed (`typed`: its text may have); the field's text is on the cached layer, so repaint."""
        self._layer_key = None
        self.touch()
        return None

    def field_key(self, field: TextField, event: pygame.event.Event) -> Intent | bool | None:
        """A KEYDOWN the focused field leaves to the page; False: the page's usual handling."""
        return False

    def handle_event(self, event: pygame.event.Event) -> Intent | None:
        intent = self._field_event(event)
        if intent is False:
            intent = super().handle_event(event)
        if intent is not None:
            ime_default()  # leaving, or a question on top: text input as the other screens expect it
        return intent

    def _field_event(self, event: pygame.event.Event) -> Intent | bool | None:
        if self._size is None:
            self.ensure(self.env.size)
        field = self.focused_field()
        kind = event.type
        if kind == pygame.TEXTINPUT and field is not None:
            field.text(event.text)
        elif kind == pygame.TEXTEDITING and field is not None:
            field.editing(event.text, getattr(event, "start", 0))
            return self.edited(field, typed=False)
        elif kind == pygame.KEYDOWN and field is not None:
            if not field.key(event):
                return self.field_key(field, event)
        elif kind == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.field_at(event.pos) is not None:
            target = self._drag = self.field_at(event.pos)
            self.set_focus(target.id, reveal=False)
            target.click(event.pos, select=bool(pygame.key.get_mods() & pygame.KMOD_SHIFT))
            return self.edited(target, typed=False)
        elif kind == pygame.MOUSEMOTION and self._drag is not None and event.buttons[0]:
            self._drag.click(event.pos, select=True)
            return self.edited(self._drag, typed=False)
        elif kind == pygame.MOUSEBUTTONUP and self._drag is not None:
            self._drag = None
            return None
        elif kind == pygame.MOUSEWHEEL and (over := self.field_at(pygame.mouse.get_pos())) is not None \
                and over.wheel(-event.y * 3):
            return self.edited(over, typed=False)
        else:
            return False
        intent = self.edited(field, typed=True)
        self.ensure_visible(self.target(field.id))
        return intent

    def update(self, dt: float) -> None:
        ime_focus(self.focused_field())  # only the top screen is updated: text input follows its focus

    def set_focus(self, button_id: str | None, reveal: bool = True) -> None:
        changed = button_id != self.focus_id
        super().set_focus(button_id, reveal)
        if changed:
            self._layer_key = None  # the field left shows its text on the layer, and no cursor
