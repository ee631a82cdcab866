"""A question before something that cannot be undone. The safe answer has the focus."""

from __future__ import annotations

from ..blocks import Button, Centre, Flow, Stack, Text
from ..intents import Confirm, Pop
from ..look import Look
from ..page import Page, PageScreen


class ConfirmScreen(PageScreen):
    name = "confirm"
    closes_when_answered = True
    initial_focus = "no"

    def __init__(self, env, confirm: Confirm):
        super().__init__(env)
        self.confirm = confirm

    def build(self, look: Look) -> Page:
        c = self.confirm
        body = Centre(Stack([Text(c.question, "title", "heading", measure=False),
                             Text(c.detail) if c.detail else None,
                             Flow([Button(c.yes, c.then, "yes", full=False),
                                   Button("No, go back", Pop(), "no", full=False)], gap=0.8)], gap=1.2), 32)
        return Page(body=body, width_em=34, centre=True)

    def speech(self) -> str:
        return f"{self.confirm.question} {self.confirm.detail} {self.confirm.yes}, or No, go back."
