"""One playthrough in the desktop game: the Story, the file it came from, and its saves.

No pygame here. The app drives it from intents; the screens read it. Autosave after every step (so
"Continue" on the title always has the latest), and a finished playthrough is recorded once (done marks
and best outcomes in the scenario picker). A save that fails is reported, never fatal.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from game.engine.loader import Loaded
from game.engine.story import Feedback, Story

log = logging.getLogger("crossing_paths.ui")


class Session:
    def __init__(self, story: Story, loaded: Loaded, path: Path, store: Any = None, notices: list[str] | None = None):
        self.story = story
        self.loaded = loaded
        self.path = path
        self.store = store
        self.notices = list(notices or [])
        self.problem: str | None = None  # the last save problem, shown to the player
        self._finish_recorded = story.is_over
        self.feedback: list[Feedback] = []  # feedback of this session's choices, newest last

    @property
    def scenario(self):
        return self.story.scenario

    def choose(self, number: int) -> Feedback:
        feedback = self.story.choose(number)  # raises ChoiceError for a number not offered
        self.feedback.append(feedback)
        self.after_step()
        return feedback

    def proceed(self) -> None:
        self.story.proceed()
        self.after_step()

    def restart(self) -> None:
        self.story.restart()
        self._finish_recorded = False
        self.feedback.clear()
        self.after_step()

    def after_step(self) -> None:
        if self.store is None:
            return
        try:
            self.store.autosave(self.story, self.loaded)
            if self.story.is_over and not self._finish_recorded:
                self.store.record_finish(self.story)
                self._finish_recorded = True
            self.problem = None
        except Exception as exc:  # noqa: BLE001 - SaveError or a disk error: keep playing, say so
            self.problem = f"Autosave failed: {exc}"
            log.warning("autosave failed: %s", exc)

    def save(self, slot: str) -> Any:
        """Save in a named slot; raises the store's SaveError with a message for the player."""
        if self.store is None:
            raise RuntimeError("saving is not available: the save file could not be opened")
        return self.store.save(slot, self.story, self.loaded)
