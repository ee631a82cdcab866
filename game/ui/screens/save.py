"""Save: into a new slot (named by the player: type, Enter) or over an existing one (after a question)."""

from __future__ import annotations

from datetime import datetime

import pygame

from ..blocks import Block, Button, Panel, Stack, Text
from ..intents import Confirm, Pop, SaveTo
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header

MAX_NAME = 60


class SaveScreen(PageScreen):
    name = "save"
    initial_focus = "new"

    def __init__(self, env):
        super().__init__(env)
        title = env.session.scenario.title
        self.slot_name = f"{title[:36]} {datetime.now().strftime('%d %b %H.%M')}"

    def build(self, look: Look) -> Page:
        field = Panel(Stack([Text("Name of the new save (type to change it)", "small", "muted"),
                             Text(self.slot_name + "|", "body", "text", measure=False)], gap=0.2),
                      bg="surface", border="button_border", pad=0.6)
        parts: list[Block] = [field, Button("Save as a new save", lambda: self._save_new(), "new")]
        named = [s for s in self.env.slots() if not s.is_autosave]
        if named:
            parts.append(Text("Or save over one of these:", "label", "heading"))
            for i, slot in enumerate(named):
                parts.append(Button(Stack([Text(slot.name, "body", "text", bold=True),
                                           Text(slot.title, "small", "muted")], gap=0.2),
                                    Confirm(f"Save over “{slot.name}”?", "Save over it", SaveTo(slot.name)),
                                    f"slot-{i}"))
        return Page(header=header("Save", None, context=self.env.session.scenario.title), body=Stack(parts, gap=0.7),
                    footer=footer([Button("Back", Pop(), "back", full=False)]), width_em=44)

    def _save_new(self):
        name = self.slot_name.strip()
        return SaveTo(name) if name else None

    def handle_event(self, event):
        if event.type == pygame.TEXTINPUT:
            if len(self.slot_name) < MAX_NAME and event.text.isprintable():
                self.slot_name = (self.slot_name + event.text)[:MAX_NAME]
                self.refresh()
            return None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            self.slot_name = self.slot_name[:-1]
            self.refresh()
            return None
        if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
            return None  # a space is typed into the name (it arrives as TEXTINPUT); Enter saves
        if event.type == pygame.KEYDOWN and event.unicode and event.unicode.isprintable() \
                and self.env.keymap.action(event) not in ("activate", "back"):
            return None  # letters and digits are typing, not shortcuts
        return super().handle_event(event)

    def speech(self) -> str:
        return f"Save. New save name: {self.slot_name}."
