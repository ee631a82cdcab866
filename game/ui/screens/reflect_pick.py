"""Reflect on a playthrough: choose one of the latest finished playthroughs (from My progress), then write."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from ..blocks import Block, Button, Stack, Text
from ..intents import Pop, Push
from ..look import Look
from ..page import Page, PageScreen
from ..parts import footer, header

PROBLEM = "breached"  # the theme's style for a message that something went wrong

SHOWN = 50  # the latest ones: a reflection is written soon after playing


class ReflectPickScreen(PageScreen):
    name = "reflect_pick"

    def __init__(self, env):
        super().__init__(env)
        self.records, self.total, self.problem = self._read()

    def _read(self) -> tuple[list, int, str]:
        store = self.env.store
        if store is None:
            return [], 0, f"Saving is off: {self.env.store_problem}"
        try:
            # only the latest are read (newest first, limited in SQL): decoding 10,000 records took most of a second
            latest = list(store.playthroughs(limit=SHOWN))
            total = store.count_playthroughs()
        except Exception as exc:  # noqa: BLE001 - a damaged save file must not stop the menus
            return [], 0, f"Your records cannot be read: {exc}"
        return latest, max(total, len(latest)), ""

    def refresh(self) -> None:
        """Back from writing: only the reflections shown are read again (the whole list is slow to read with
        thousands of records, and nothing else about them changes here)."""
        store = self.env.store
        # a failure keeps the list as it was; the next open reads it afresh
        with suppress(Exception):
            if store is not None:
                self.records = [replace(p, reflection=store.reflection(p.id)) for p in self.records]
        super().refresh()

    def build(self, look: Look) -> Page:
        parts: list[Block] = []
        if self.problem or not self.records:
            parts.append(Text(self.problem or "Nothing played yet: finish a scenario, then reflect on it.", "body",
                              PROBLEM if self.problem else "text"))
        elif self.total > SHOWN:
            parts.append(Text(f"The latest {SHOWN} of your {self.total:,} playthroughs.", "small", "muted"))
        for i, p in enumerate(self.records):
            when = p.finished_at.astimezone().strftime("%d %b %Y, %H:%M")
            written = p.reflection is not None and not p.reflection.empty
            note = f"{when} · {p.outcome_label} · " + ("reflection written" if written else "no reflection yet")
            parts.append(Button(p.title, Push("reflection", {"playthrough": p.id, "title": p.title,
                                                             "when": when}), f"record-{i}", note=note))
        return Page(header=header("Reflect on a playthrough", "Choose the one to write about"),
                    body=Stack(parts, gap=0.6), footer=footer([Button("Back", Pop(), "back", full=False)]),
                    width_em=44)

    def speech(self) -> str:
        return "Reflect on a playthrough. Choose the one to write about."
