"""A message the player must read (a scenario that cannot be opened, a save that failed, a notice)."""

from __future__ import annotations

from ..blocks import Button, Centre, Stack, Text
from ..intents import Pop
from ..look import Look
from ..page import Page, PageScreen


class MessageScreen(PageScreen):
    name = "message"
    closes_when_answered = True  # its second button (a way to fix the problem) answers it
    initial_focus = "ok"

    def __init__(self, env, title: str, text: str, then=None, action: tuple[str, object] | None = None):
        super().__init__(env)
        self.title, self.text, self.then = title, text, then
        self.action = action  # an optional second button: (label, intent), e.g. a way to fix the problem

    def build(self, look: Look) -> Page:
        buttons = [Button("OK", self.then or Pop(), "ok", full=False)]
        if self.action is not None:
            label, intent = self.action
            buttons.append(Button(label, intent, "action", full=False))
        body = Centre(Stack([Text(self.title, "title", "heading", measure=False), Text(self.text),
                             Stack(buttons, gap=0.6)], gap=1.2), 36)
        return Page(body=body, width_em=38, centre=True)

    def speech(self) -> str:
        return f"{self.title}. {self.text}"
