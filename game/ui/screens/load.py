"""Load: every save (named slots and autosaves), newest first."""

from __future__ import annotations

from game.engine import wording

from ..blocks import Block, Button, Stack, Text
from ..intents import LoadFrom, Pop
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header


def describe(slot) -> str:
    if slot.damaged:  # listed, so the player knows it is there; the others still load
        return f"damaged ({slot.damaged}): it cannot be opened"
    where = "finished" if slot.finished else f"{wording.plural(slot.steps, 'choice')} made"
    when = slot.saved_at.astimezone().strftime("%d %b %Y, %H:%M")
    return f"{where} · saved {when}"


class LoadScreen(PageScreen):
    name = "load"

    def build(self, look: Look) -> Page:
        body: Block
        if self.env.store is None:
            body = Text("Saves are not available: " + self.env.store_problem, "body", "breached")
        else:
            slots = self.env.slots()
            buttons = []
            for i, slot in enumerate(slots):
                name = "Autosave" if slot.is_autosave else slot.name
                content = Stack([Text(f"{slot.title}: {name}", "body", "text", bold=True),
                                 Text(describe(slot), "small", "muted")], gap=0.2)
                buttons.append(Button(content, LoadFrom(slot), f"slot-{i}"))
            body = Stack(buttons, gap=0.6) if buttons else Text("There are no saves yet.", "body", "muted")
        return Page(header=header("Load", "Pick up a saved playthrough"), body=body,
                    footer=footer([Button("Back", Pop(), "back", full=False)]), width_em=44)

    def speech(self) -> str:
        return "Load. Choose a save."
