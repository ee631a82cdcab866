"""History: every line shown and every choice made, with its feedback, in one scrollable page."""

from __future__ import annotations

from ..blocks import Block, Button, Panel, Rule, Stack, Text
from ..intents import Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import feedback_block, footer, header, lines_block


class HistoryScreen(PageScreen):
    name = "history"
    initial_focus = "back"
    start_at_end = True

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        hide = self.env.prefs.feedback == "at_debrief" and not story.is_over
        parts: list[Block] = []
        for i, entry in enumerate(story.history()):
            scene = entry.scene
            items: list[Block | None] = [Text(scene.title or f"Part {i + 1}", "heading", "heading")]
            if scene.lines:
                items.append(lines_block(scene))
            if entry.step is not None:
                if hide:
                    items.append(Panel(Stack([Text("You chose", "label", "muted"),
                                              Text(entry.step.text, italic=True),
                                              Text("Feedback is shown at the debrief.", "small", "muted")],
                                             gap=0.3), bg="surface", border=None, pad=0.7, bar="border"))
                else:
                    items.append(feedback_block(story.feedback_of(entry.step), None))
            parts.append(Stack(items, gap=0.7))
            parts.append(Rule())
        if story.is_over:
            parts.append(Text(f"The ending: {story.ending.title}", "heading", "heading"))
        elif parts:
            parts.append(Text("You are here.", "body", "muted"))
        self.initial_focus = "back"
        return Page(header=header("History", None, context=story.scenario.title), body=Stack(parts, gap=1.2),
                    footer=footer([Button("Back", Pop(), "back", full=False)]),
                    width_em=look.measure / look.metrics.body_px)

    def on_action(self, action: str):
        return Pop() if action == "history" else None

    def speech(self) -> str:
        return "History. Use the arrow keys or the mouse wheel to scroll."
