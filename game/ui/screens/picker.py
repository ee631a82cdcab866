"""The scenario picker: title, summary, minutes, standards framework, done mark and best outcome so far."""

from __future__ import annotations

from ..blocks import Button, Stack, Text, icon_text
from ..intents import Pop, StartScenario
from ..look import Look
from ..page import Page, PageScreen
from ..parts import header, tool


class PickerScreen(PageScreen):
    name = "scenarios"

    def build(self, look: Look) -> Page:
        best = self.env.best_outcomes()
        ladder = self.env.ladder()
        buttons = []
        for i, entry in enumerate(self.env.catalog()):
            s = entry.scenario
            if s is None:
                content = Stack([Text(entry.path.name, "body", "disabled_text", bold=True),
                                 Text("Cannot be played: " + entry.errors[0], "small", "disabled_text")], gap=0.2)
                buttons.append(Button(content, None, f"scenario-{i}", enabled=False))
                continue
            meta = f"About {s.minutes} minutes · {entry.framework_title}"
            parts = [Text(s.title, "body", "heading", bold=True), Text(s.summary, "body", "text"),
                     Text(meta, "small", "muted")]
            done = best.get(s.id)
            if done is not None:
                outcome = ladder.get(done.outcome)
                words = outcome.title if outcome else done.outcome
                parts.append(icon_text("check", "upheld", f"Done · best outcome so far: {words}", "small",
                                       text_colour="text"))
            buttons.append(Button(Stack(parts, gap=0.25), StartScenario(entry.path), f"scenario-{i}"))
        if not buttons:
            body = Text("No scenarios were found in the scenarios folder.", "body", "muted")
        else:
            body = Stack(buttons, gap=0.7)
        return Page(header=header("Scenarios", "Choose one to play", [tool("Back", Pop(), "back")]), body=body,
                    width_em=look.measure / look.metrics.body_px + 4)

    def speech(self) -> str:
        titles = [e.scenario.title for e in self.env.catalog() if e.scenario is not None]
        return "Scenarios. " + ". ".join(titles)
