"""The ending: what happened, and the outcome on the ladder, with the rung reached marked in words."""

from __future__ import annotations

from ..blocks import Button, Stack, Text
from ..intents import Push, ShowDebrief
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header, heading, ladder_block, outcome_panel, tool


class EndingScreen(PageScreen):
    name = "ending"
    initial_focus = "debrief"

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        ending = story.ending
        outcome = outcome_panel(ending, decided_by=True)
        body = Stack([
            Text(ending.title, "title", "heading"),
            Text(ending.text),
            outcome,
            heading("Where this sits on the ladder", "label"),
            ladder_block(story, ending.outcome.id, ending.outcome_label),
        ], gap=1.0)
        return Page(header=header("The ending", None, [tool("Menu", Push("pause"), "menu")], context=story.scenario.title),
                    body=body, footer=footer([Button("See the debrief", ShowDebrief(), "debrief", full=False)]),
                    width_em=look.measure / look.metrics.body_px)

    def back(self):
        return Push("pause")

    def speech(self) -> str:
        e = self.env.session.story.ending
        return f"The ending. {e.title}. {e.text} Outcome: {e.outcome_label}."
