"""One playthrough, for every front end: which framework it is scored against, whether a choice is allowed,
the autosave after every step and the finish recorded once.

No pygame, no terminal: the desktop game and the terminal player both drive a PlaySession (and the group
session will too), so what counts as a step, a save and a finish is decided in one place. A save that fails
never stops play: the reason is kept for the front end to show, every later step tries again, and each step
reports whether saving stopped or came back, so a front end can say so once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from game.engine.loader import Loaded
from game.engine.state import StartedAt
from game.engine.story import Feedback, Story

log = logging.getLogger("crossing_paths.play")

AS_WRITTEN = "as_written"

SaveStatus = Literal["off", "saved", "recovered", "failed", "still failing"]
"""What the saves after one step came to: no save file ("off"); all made ("saved"), and saving had failed
before ("recovered"); one failed, for the first time ("failed") or again ("still failing")."""


class SavingOff(RuntimeError):
    """There is no save file to save in (it could not be opened); the message is for people."""


class CannotPlay(ValueError):
    """This scenario cannot be played at all (its own framework is unknown); the message is for people."""


def story_for(loaded: Loaded, standards: str | None) -> tuple[Story, list[str]]:
    """A fresh Story scored against `standards` (a framework id, or "as_written"/None for the scenario's own).
    A framework the scenario cannot be carried across to falls back to its own, with a notice."""
    scenario = loaded.scenario
    framework = None if standards in (None, AS_WRITTEN, scenario.framework) else standards
    try:
        return Story(scenario, framework), []
    except ValueError as exc:
        if framework is None:
            raise CannotPlay(str(exc)) from exc
        log.warning("standards setting: %s; scoring against the scenario's own framework", exc)
        return Story(scenario), [f"Scored against the scenario's own standards: {exc}."]


@dataclass(frozen=True)
class StepSaved:
    """The saves after one step. `notice`: the save file had gone and a new one was started (say so once)."""

    status: SaveStatus
    notice: str | None = None


@dataclass
class PlaySession:
    """A Story being played from a file, with its saves. `store` is a SaveStore or None (saving off).

    A session made directly plays the story it is given (new, or restored from a save) and saves nothing
    until the first step; `start` makes a new story and autosaves at once."""

    story: Story
    loaded: Loaded
    path: Path
    store: Any = None
    notices: list[str] = field(default_factory=list)
    slot: str | None = None  # also save in this named slot after every step (terminal --save)
    problem: str | None = None  # why the last step's saves failed (for the front end to show), else None
    saved: bool = False  # whether the last step's saves were all made
    feedback: list[Feedback] = field(default_factory=list)  # this session's feedback, newest last
    _finish_recorded: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self._finish_recorded = self.story.is_over  # a finished story restored from a save counted already

    @classmethod
    def start(cls, loaded: Loaded, path: Path, store: Any = None, standards: str | None = None,
              slot: str | None = None, start: StartedAt | None = None) -> PlaySession:
        """A new playthrough against `standards` as set now, from the beginning or part-way at `start`.
        Raises CannotPlay, or partway.StartError for a start point the scenario does not have."""
        story, notices = story_for(loaded, standards)
        if start is not None:
            story.begin_at(start)
        session = cls(story, loaded, path, store, notices, slot)
        session.after_step()  # an autosave at the start, so Continue works at once
        return session

    @property
    def scenario(self):
        return self.story.scenario

    # --- what may be done now: the story decides, not whichever screen is showing ----------------------------

    def can_choose(self, number: int) -> bool:
        scene = self.story.scene
        return scene is not None and 1 <= number <= len(scene.choices)

    @property
    def can_proceed(self) -> bool:
        """A narration-only part is showing: the player continues."""
        scene = self.story.scene
        return scene is not None and scene.continues

    # --- acting ------------------------------------------------------------------------------------------------

    def choose(self, number: int) -> Feedback:
        feedback = self.story.choose(number)  # raises ChoiceError for a number not offered
        self.feedback.append(feedback)
        self.after_step()
        return feedback

    def proceed(self) -> None:
        self.story.proceed()  # raises ChoiceError where there are choices to make
        self.after_step()

    def after_step(self) -> StepSaved:
        """Autosave (and the named slot), and record the finish once there is an ending. Never raises: a disk
        that is full now may have room at the next step, and losing the game over it would be worse."""
        if self.store is None:
            return StepSaved("off")
        failed_before = self.problem is not None
        try:
            self.store.autosave(self.story, self.loaded)
            if self.slot:
                self.store.save(self.slot, self.story, self.loaded)
            # a part-way run's outcome is not a whole playthrough's: it earns no done mark or best outcome
            if self.story.is_over and not self._finish_recorded and self.story.partway is None:
                self.store.record_finish(self.story)
                self._finish_recorded = True
        except Exception as exc:  # noqa: BLE001 - SaveError or a disk error: keep playing, say so
            self.saved, self.problem = False, str(exc)
            log.warning("autosave failed: %s", exc)
            return StepSaved("still failing" if failed_before else "failed")
        self.saved, self.problem = True, None
        notice = getattr(self.store, "notice", None)
        if notice:
            self.store.notice = None  # said once, by whoever reads this step
        return StepSaved("recovered" if failed_before else "saved", notice)

    def save(self, slot: str) -> Any:
        """Save in a named slot; raises SavingOff, or the store's SaveError, with a message for the player."""
        if self.store is None:
            raise SavingOff("saving is not available: the save file could not be opened")
        return self.store.save(slot, self.story, self.loaded)
