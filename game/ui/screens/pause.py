"""The pause menu (Esc while playing): Resume · Save · Load · History · Settings · Restart · Quit to title;
with trainer tools on (`play --trainer`, `--watch`, `--map`, `--from`), the story map too."""

from __future__ import annotations

from ..blocks import Button, Centre, Stack
from ..intents import Confirm, Pop, Push, Restart, ToTitle
from ..look import Look
from ..page import Page, PageScreen
from ..parts import header


class PauseScreen(PageScreen):
    name = "pause"
    initial_focus = "resume"

    def build(self, look: Look) -> Page:
        story = self.env.session.story
        can_save = self.env.store is not None
        buttons = [
            Button("Resume", Pop(), "resume"),
            Button("Save", Push("save"), "save", enabled=can_save,
                   note=None if can_save else "Saving is not available: " + self.env.store_problem),
            Button("Load", Push("load"), "load"),
            Button("History", Push("history"), "history"),
            Button("Settings", Push("settings"), "settings"),
            Button("Story map", Push("map"), "map") if getattr(self.env, "trainer", False) else None,
            Button("Restart scenario", Confirm("Restart this scenario?", "Restart", Restart(),
                                               "You go back to the beginning; the choices made so far are cleared."),
                   "restart"),
            Button("Quit to title", Confirm("Quit to the title screen?", "Quit to title", ToTitle(),
                                            "Your progress is saved automatically: Continue on the title "
                                            "picks it up again."), "quit"),
        ]
        body = Centre(Stack([b for b in buttons if b is not None], gap=0.5), 24)
        return Page(header=header("Paused", None, context=story.scenario.title), body=body, width_em=28,
                    centre=True)

    def speech(self) -> str:
        tools = " Story map," if getattr(self.env, "trainer", False) else ""
        return f"Paused. Resume, Save, Load, History, Settings,{tools} Restart scenario, Quit to title."
