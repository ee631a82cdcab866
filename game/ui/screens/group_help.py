"""The facilitator's keys in a group session (F1 on the console or the audience window)."""

from __future__ import annotations

from ..blocks import Beside, Button, Stack, Text
from ..groupkeys import KEYS
from ..intents import Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header


class GroupHelpScreen(PageScreen):
    name = "group_help"
    initial_focus = "back"

    def build(self, look: Look) -> Page:
        rows = [Beside(Text(keys, "body", "heading", bold=True), Text(words), 7, 1.0) for keys, words in KEYS]
        body = Stack([Text("Every step also works with the mouse on the console."), Stack(rows, gap=0.5)], gap=0.9)
        return Page(header=header("Group session keys"), body=body,
                    footer=footer([Button("Back", Pop(), "back", full=False)]), width_em=44)

    def on_action(self, action: str):
        return Pop() if action == "help" else None

    def speech(self) -> str:
        return "Group session keys. " + ". ".join(f"{k}: {w}" for k, w in KEYS)
