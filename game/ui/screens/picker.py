"""The scenario picker: title, summary, minutes, standards framework, done mark and best outcome so far."""

from __future__ import annotations

from ..blocks import Button, Stack, Text, icon_text
from ..intents import Pop, Push
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
            framework, note = entry.played(self.env.prefs.standards)  # what will be played, after Settings
            meta = f"About {s.minutes} minutes · {framework.title if framework else entry.framework_title}"
            meta += f" — {note}" if note else ""  # a dash, not brackets: titles end in "(2019)"
            title, summary = entry.shown(self.env.prefs.standards)
            parts = [Text(title, "body", "heading", bold=True), Text(summary, "body", "text"),
                     Text(meta, "small", "muted")]
            done = best.get(s.id)
            if done is not None:
                # in the words of the framework played now, as the ending was shown (a rung it lacks: the ladder's)
                outcome = (ladder.played(framework).get(done.outcome) if framework else None) or ladder.get(done.outcome)
                words = outcome.title if outcome else done.outcome
                parts.append(icon_text("check", "upheld", f"Done · best outcome so far: {words}", "small",
                                       text_colour="text"))
            # the learning objectives first (the briefing), then play
            buttons.append(Button(Stack(parts, gap=0.25), Push("briefing", {"path": entry.path}), f"scenario-{i}"))
        if not buttons:
            body = Text("No scenarios were found in the scenarios folder.", "body", "muted")
        else:
            body = Stack(buttons, gap=0.7)
        return Page(header=header("Scenarios", "Choose one to play", [tool("Back", Pop(), "back")]), body=body,
                    width_em=look.measure / look.metrics.body_px + 4)

    def speech(self) -> str:
        titles = [e.shown(self.env.prefs.standards)[0] for e in self.env.catalog() if e.scenario is not None]
        return "Scenarios. " + ". ".join(titles)
