"""Before play: what the scenario is, how long it takes, the standards it will be scored against (the ones
that will actually be played, after the Standards setting) and what the learner will practise. The terminal
player prints the same before its first scene (game/terminal/render.py `intro`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.engine import tokens

from ..blocks import Beside, Button, Stack, Text
from ..intents import Pop, StartScenario
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header, heading, tool


@dataclass(frozen=True)
class Briefing:
    """The words of the briefing, in the played regulator's words ($regulator filled in)."""

    title: str
    summary: str
    minutes: int
    standards: str  # "Scored against the … — written for the …."
    objectives: tuple[str, ...]


def briefing(entry, standards_setting: str | None) -> Briefing:
    s = entry.scenario
    framework, note = entry.played(standards_setting)
    words = tokens.words_for(framework.regulator.prose) if framework is not None else {}
    scored = f"Scored against the {framework.title}" if framework is not None else f"Scored against {s.framework}"
    standards = f"{scored} — {note}." if note else f"{scored}."  # a dash: titles end in "(2019)"
    if framework is not None:  # whose sanctions the endings are, and when it regulated
        who = framework.regulator
        named = who.prose if who.prose == who.name else f"{who.prose} ({who.name})"  # "the HCPC (Health and…)"
        standards += f" Its regulator, {named}, {who.regulated}."
    return Briefing(tokens.render(s.title, words), tokens.render(s.summary, words), s.minutes, standards,
                    tuple(tokens.render(o, words).strip() for o in s.objectives))


class BriefingScreen(PageScreen):
    name = "briefing"
    initial_focus = "begin"

    def __init__(self, env, path: Path):
        super().__init__(env)
        self.path = Path(path)

    def _briefing(self) -> Briefing | None:
        entry = next((e for e in self.env.catalog() if e.path == self.path and e.scenario is not None), None)
        return briefing(entry, self.env.prefs.standards) if entry is not None else None

    def build(self, look: Look) -> Page:
        width = look.measure / look.metrics.body_px
        back = Button("Back", Pop(), "back", full=False)
        b = self._briefing()
        if b is None:  # the file changed or went since the list was shown
            return Page(header=header("Before you start"), footer=footer([back]), width_em=width,
                        body=Text("This scenario can no longer be opened: go back to the list.", "body", "muted"))
        items = [Beside(Text(f"{i}.", "body", "heading", bold=True), Text(o), 1.4, 0.3)
                 for i, o in enumerate(b.objectives, 1)]
        body = Stack([Text(b.summary), Text(f"About {b.minutes} minutes. {b.standards}", "small", "muted"),
                      Stack([heading("What you will practise"), Stack(items, gap=0.5)], gap=0.5)], gap=1.2)
        begin = Button("Begin", StartScenario(self.path), "begin", full=False)
        return Page(header=header(b.title, "Before you start", [tool("Back", Pop(), "back-top")]), body=body,
                    footer=footer([begin, back]), width_em=width)

    def speech(self) -> str:
        b = self._briefing()
        if b is None:
            return "This scenario can no longer be opened."
        listed = " ".join(f"{i}. {o}" for i, o in enumerate(b.objectives, 1))
        return f"{b.title}. {b.summary} About {b.minutes} minutes. {b.standards} What you will practise: {listed}"
