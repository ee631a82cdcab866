"""Reflect on a playthrough: the four CPD prompts, each a multi-line text field (game/ui/textfield.py).

Keyboard alone: Tab and Shift+Tab move between the fields and the buttons; inside a field the arrows, Home,
End and Enter edit. Mouse alone: click a field to type there, click Save or Back. Reached from the debrief
and from My progress. Nothing typed is lost: Back and Escape keep what was written before leaving, a pause
in typing keeps it too, and so does closing the game (`closing`).
"""

from __future__ import annotations

import time

from game.records.playthrough import REFLECTION_PROMPTS

from ..blocks import Block, Button, Stack, Text
from ..fieldpage import FieldPage
from ..intents import Intent, SaveReflection
from ..look import Look
from ..page import Page
from ..parts import footer, header
from ..textfield import TextField

AUTOSAVE_AFTER = 5.0  # seconds of typing between quiet saves
INTRO = ("Your own words, for your CPD record. Write about your learning and your practice; leave out names "
         "and anything that could identify a person you work with.")


class ReflectionScreen(FieldPage):
    name = "reflection"
    initial_focus = "field-happened"

    def __init__(self, env, playthrough: str, title: str = "", when: str = ""):
        super().__init__(env)
        self.playthrough, self.title, self.when = playthrough, title, when
        parts: dict[str, str] = {}
        self.problem = ""
        store = env.store
        if store is None:
            self.problem = f"Saving is off, so this reflection cannot be kept: {env.store_problem}"
        else:
            try:
                kept = store.reflection(playthrough)
                parts = dict(kept.parts) if kept is not None else {}
            except Exception as exc:  # noqa: BLE001 - a damaged record: say so, and let the learner still write
                self.problem = f"Your earlier reflection could not be read ({exc})."
        self.fields = [TextField(f"field-{key}", prompt, parts.get(key, "")) for key, prompt in REFLECTION_PROMPTS]
        self.saved_parts = self.parts()
        self._typed_at: float | None = None  # when typing first left something unsaved

    # --- what is on the page -----------------------------------------------------------------------------

    def build(self, look: Look) -> Page:
        rows: list[Block | None] = [Text(INTRO, "body", "muted"),
                                    Text(self.problem, "body", "breached", bold=True) if self.problem else None]
        for (_, prompt), field in zip(REFLECTION_PROMPTS, self.fields, strict=True):
            rows.append(Stack([Text(prompt, "label", "heading"), field], gap=0.3))
        buttons = [Button("Save", lambda: self.save_intent(), "save", full=False,
                          enabled=self.env.store is not None),
                   Button("Back", lambda: self.back(), "back", full=False)]
        subtitle = " · ".join(x for x in (self.title, self.when) if x) or None
        return Page(header=header("Reflect on a playthrough", subtitle), body=Stack(rows, gap=1.1),
                    footer=footer(buttons), width_em=44)

    def parts(self) -> tuple[tuple[str, str], ...]:
        return tuple((key, f.value) for (key, _), f in zip(REFLECTION_PROMPTS, self.fields, strict=True))

    @property
    def dirty(self) -> bool:
        return self.parts() != self.saved_parts

    def save_intent(self, close: bool = False, quiet: bool = False) -> SaveReflection:
        return SaveReflection(self.playthrough, self.parts(), close=close, quiet=quiet)

    def saved(self, parts: tuple[tuple[str, str], ...]) -> None:
        """The app kept `parts` (called by the app after a save)."""
        self.saved_parts = parts
        self._typed_at = None

    def back(self) -> Intent | None:
        return self.save_intent(close=True, quiet=True) if self.dirty else super().back()

    def closing(self) -> Intent | None:
        """The game is closing with this screen open: what to keep first."""
        return self.save_intent(quiet=True) if self.dirty and self.env.store is not None else None

    # --- events: the focused field takes the typing (FieldPage); a pause in typing saves ------------------

    def edited(self, field: TextField, typed: bool) -> Intent | None:
        super().edited(field, typed)
        if not typed:
            return None
        if self._typed_at is None and self.dirty:
            self._typed_at = time.monotonic()
        return self._autosave()

    def _autosave(self) -> Intent | None:
        if self._typed_at is not None and time.monotonic() - self._typed_at >= AUTOSAVE_AFTER \
                and self.env.store is not None:
            return self.save_intent(quiet=True)
        return None

    def speech(self) -> str:
        return f"Reflect on a playthrough. {self.title}. {INTRO} Tab moves between the four questions."
