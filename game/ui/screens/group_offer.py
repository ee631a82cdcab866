"""An unfinished group session of this scenario was saved (a crash, a power cut, a break): resume it, or
start a new one (the old file is then replaced at the first step)."""

from __future__ import annotations

from ..blocks import Button, Centre, Stack, Text
from ..intents import Pop, ResumeGroup, RunGroup
from ..look import Look
from ..page import Page, PageScreen


class GroupOfferScreen(PageScreen):
    name = "group_offer"
    closes_when_answered = True
    initial_focus = "resume"

    def __init__(self, env, path, file, title: str):
        super().__init__(env)
        self.path, self.file, self.title = path, file, title

    def build(self, look: Look) -> Page:
        body = Centre(Stack([
            Text("Resume the unfinished session?", "title", "heading", measure=False),
            Text(f"A group session of {self.title} was saved before it ended. Resume it where it was, with its "
                 "votes, or start a new one."),
            Stack([Button("Resume it", ResumeGroup(self.file), "resume", full=False),
                   Button("Start a new session", RunGroup(self.path, fresh=True), "fresh", full=False),
                   Button("Back", Pop(), "back", full=False)], gap=0.6),
        ], gap=1.2), 36)
        return Page(body=body, width_em=38, centre=True)

    def speech(self) -> str:
        return f"Resume the unfinished session of {self.title}? Resume it, Start a new session, or Back."
