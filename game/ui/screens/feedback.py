"""The feedback panel after a choice: what it means, and each standard upheld or breached (icon and
words, never colour alone), then Continue."""

from __future__ import annotations

from ..blocks import Button
from ..intents import Pop, Push
from ..look import Look
from ..page import Page, PageScreen
from ..parts import feedback_block, feedback_speech, footer, header


class FeedbackScreen(PageScreen):
    name = "feedback"
    initial_focus = "continue"

    def __init__(self, env, feedback, ending: bool = False):
        super().__init__(env)
        self.feedback = feedback
        self.ending = ending

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        node = story.scenario.nodes.get(self.feedback.node)
        label = "Continue to the ending" if self.ending else "Continue"
        return Page(header=header("Feedback", node.title if node and node.title else None,
                                  context=story.scenario.title),
                    body=feedback_block(self.feedback),
                    footer=footer([Button(label, Pop(), "continue", full=False)]),
                    width_em=look.measure / look.metrics.body_px)

    def back(self):
        # Esc opens the menu here as on every playing screen; Continue (Enter) is the way on
        return Push("pause")

    def speech(self) -> str:
        return feedback_speech(self.feedback)
