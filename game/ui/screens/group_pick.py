"""Run a group session: choose the scenario the room will play (an unfinished session is offered next)."""

from __future__ import annotations

from ..blocks import Button, Stack, Text
from ..intents import Pop, RunGroup
from ..look import Look
from ..page import Page, PageScreen
from ..parts import header, tool

HOW = ("The room sees the projector: the scene, then the decision with its numbered options, votes in and the "
       "timer, then the vote chart and the feedback. You see the console on this screen, with your notes. "
       "With one screen only, you drive the projector with keys (F1 lists them).")


class GroupPickScreen(PageScreen):
    name = "group_pick"

    def build(self, look: Look) -> Page:
        buttons = []
        for i, entry in enumerate(self.env.catalog()):
            s = entry.scenario
            if s is None:
                buttons.append(Button(Stack([Text(entry.path.name, "body", "disabled_text", bold=True),
                                             Text("Cannot be run: " + entry.errors[0], "small", "disabled_text")],
                                            gap=0.2), None, f"scenario-{i}", enabled=False))
                continue
            framework, note = entry.played(self.env.prefs.standards)  # as the session will be played
            title, summary = entry.shown(self.env.prefs.standards)
            meta = f"About {s.minutes} minutes · {framework.title if framework else entry.framework_title}"
            parts = [Text(title, "body", "heading", bold=True), Text(summary, "body", "text"),
                     Text(meta + (f" — {note}" if note else ""), "small", "muted")]
            buttons.append(Button(Stack(parts, gap=0.25), RunGroup(entry.path), f"scenario-{i}"))
        body = Stack([Text(HOW, "body", "muted"),
                      Stack(buttons, gap=0.7) if buttons else Text("No scenarios were found.", "body", "muted")],
                     gap=1.0)
        return Page(header=header("Run a group session", "Choose the scenario for the room",
                                  [tool("Back", Pop(), "back")]),
                    body=body, width_em=look.measure / look.metrics.body_px + 4)

    def speech(self) -> str:
        return "Run a group session. Choose the scenario for the room."
