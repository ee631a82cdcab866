"""The title: Continue · Scenarios · Run a group session · Load · My progress · Settings · Help · Quit.
Everything is at most two steps away."""

from __future__ import annotations

from ..blocks import Button, Centre, Stack, Text
from ..intents import Confirm, ContinueLatest, Push, Quit
from ..look import Look
from ..page import Page, PageScreen


class TitleScreen(PageScreen):
    name = "title"

    def build(self, look: Look) -> Page:
        latest = self.env.latest_autosave()
        if latest is not None:
            when = latest.saved_at.astimezone().strftime("%d %b %Y, %H:%M")
            cont = Button("Continue", ContinueLatest(), "continue", note=f"{latest.title} · saved {when}")
        else:
            cont = Button("Continue", None, "continue", enabled=False, note="Nothing to continue yet")
        self.initial_focus = "continue" if latest is not None else "scenarios"
        buttons = [
            cont,
            Button("Scenarios", Push("scenarios"), "scenarios", note="Choose a scenario to play"),
            Button("Run a group session", Push("group_pick"), "group",
                   note="The projector for the room, a console for you"),
            Button("Load", Push("load"), "load"),
            Button("My progress", Push("progress"), "progress"),
            Button("Settings", Push("settings"), "settings"),
            Button("Help", Push("help"), "help"),
            Button("Quit", Quit(), "quit"),
        ]
        body = Centre(Stack([
            Text("Crossing Paths", "title", "heading", align="center", measure=False),
            Text("Practise the decisions social media brings to social work.", "body", "muted",
                 align="center", measure=False),
            Stack(buttons, gap=0.5),
        ], gap=1.2), 26)
        return Page(body=body, width_em=30, centre=True)

    def back(self):
        return Confirm("Quit Crossing Paths?", "Quit", Quit(), "Your progress is saved automatically.")

    def speech(self) -> str:
        return "Crossing Paths. Continue, Scenarios, Run a group session, Load, My progress, Settings, Help, Quit."
