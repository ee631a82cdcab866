"""One playthrough, for every front end: which framework it is scored against, whether a choice is allowed,
the autosave after every step and the finish recorded once.

No pygame, no terminal: the desktop game and the terminal player both drive a PlaySession (and the group
session will too), so what counts as a step, a save and a finish is decided in one place. A save that fails
never stops play: the reason is kept for the front end to show, every later step tries again, and each step
reports whether saving stopped or came back, so a front end can say so once.

The engine keeps no clock, so the session is where time comes in: it gives a whole playthrough its id and start
(kept in the saved state, so a playthrough saved and resumed keeps them), stamps each choice, and at the ending
builds the learner's record (game/records/playthrough.py) and tells its observers.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from game.engine.loader import Loaded
from game.engine.state import Stamp, StartedAt, Step
from game.engine.story import Feedback, Story
from game.records.from_story import choice_made, playthrough_of
from game.records.playthrough import FrontEnd, Playthrough

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


def utc_now() -> datetime:
    return datetime.now(UTC)


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
    front_end: FrontEnd = "desktop"  # which front end plays it, for the learner's records
    observers: list = field(default_factory=list)
    """Told of a whole playthrough as it goes (xAPI statements, for one). Each may have any of:
    `started(session)` when a playthrough gets its id (a new one, or a save from before ids, on resuming);
    `chose(session, feedback, choice: ChoiceMade)` after each choice, stamped with its time;
    `finished(session, playthrough: Playthrough)` once, at the ending, after the record is kept (or failed to be).
    A part-way run (`--from`) is not a whole playthrough: observers hear nothing of it. An observer that raises
    is logged and play goes on."""
    clock: Callable[[], datetime] = field(default=utc_now, repr=False)  # UTC now; tests pass their own
    playthrough: Playthrough | None = None  # the record made at the ending of a whole playthrough
    _finish_recorded: bool = field(default=False, repr=False)
    _finish_told: bool = field(default=False, repr=False)
    _steps_seen: int = field(default=0, repr=False)
    _sitting_from: datetime | None = field(default=None, repr=False)  # when this sitting began
    _played_before: float = field(default=0.0, repr=False)  # seconds played in earlier sittings

    def __post_init__(self) -> None:
        self._finish_recorded = self.story.is_over  # a finished story restored from a save counted already
        self._finish_told = self.story.is_over
        self._begin_sitting()

    def _begin_sitting(self) -> None:
        """Start this sitting's clock; give a whole playthrough that has none its id and start."""
        state = self.story.state
        self._steps_seen = len(state.steps)
        self._sitting_from = self.clock()
        stamp = state.playthrough
        self._played_before = stamp.played_s if stamp is not None else 0.0
        if not self.whole or self.story.is_over:
            return
        if stamp is None:
            state.playthrough = Stamp(id=str(uuid.uuid4()), started=self._sitting_from)
            self._tell("started", self)
        elif self._already_recorded(stamp.id):
            # A save from before an ending already recorded (a named slot loaded again): playing on from it
            # is another way through, so it becomes a playthrough of its own, sharing the start and the time.
            state.playthrough = dataclasses.replace(stamp, id=str(uuid.uuid4()))
            self._tell("started", self)

    def _already_recorded(self, playthrough_id: str) -> bool:
        try:
            return bool(self.store is not None and self.store.has_playthrough(playthrough_id))
        except Exception as exc:  # noqa: BLE001 - no answer from the save file: play on with the id it has
            log.warning("saves: cannot look up playthrough %s: %s", playthrough_id, exc)
            return False

    @property
    def recorded(self) -> bool:
        """Whether this session kept a finished playthrough in the learner's records (so it can be reflected on)."""
        return self.playthrough is not None and self._finish_recorded and self.store is not None

    @property
    def whole(self) -> bool:
        """Whether this is a whole playthrough (from the start), which the learner's records keep."""
        return self.story.partway is None

    def _tell(self, event: str, *args: Any) -> None:
        for observer in list(self.observers):
            method = getattr(observer, event, None)
            if method is None:
                continue
            try:
                method(*args)
            except Exception:  # an observer (a record, a statement queue) never stops play
                log.exception("play observer %r failed on %s", observer, event)

    @classmethod
    def start(cls, loaded: Loaded, path: Path, store: Any = None, standards: str | None = None,
              slot: str | None = None, start: StartedAt | None = None, *, front_end: FrontEnd = "desktop",
              observers: tuple | list = (), clock: Callable[[], datetime] = utc_now) -> PlaySession:
        """A new playthrough against `standards` as set now, from the beginning or part-way at `start`.
        Raises CannotPlay, or partway.StartError for a start point the scenario does not have."""
        story, notices = story_for(loaded, standards)
        if start is not None:
            story.begin_at(start)
        session = cls(story, loaded, path, store, notices, slot, front_end=front_end, observers=list(observers),
                      clock=clock)
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
        chosen = self._stamp_steps()
        if self.store is None:
            self._tell_steps(chosen)
            return StepSaved("off")
        failed_before = self.problem is not None
        try:
            self.store.autosave(self.story, self.loaded)
            if self.slot:
                self.store.save(self.slot, self.story, self.loaded)
            # a part-way run's outcome is not a whole playthrough's: it earns no done mark or best outcome
            if self.playthrough is not None and not self._finish_recorded:
                self.store.record_playthrough(self.playthrough)
                self._finish_recorded = True
        except Exception as exc:  # noqa: BLE001 - SaveError or a disk error: keep playing, say so
            self.saved, self.problem = False, str(exc)
            log.warning("autosave failed: %s", exc)
            self._tell_steps(chosen)
            return StepSaved("still failing" if failed_before else "failed")
        self.saved, self.problem = True, None
        self._tell_steps(chosen)
        notice = getattr(self.store, "notice", None)
        if notice:
            self.store.notice = None  # said once, by whoever reads this step
        return StepSaved("recovered" if failed_before else "saved", notice)

    def _stamp_steps(self) -> list[Step]:
        """Stamp the choices made since the last step with the time, bring the time played up to date, and make
        the record at the ending. Returns the new steps. Before the saves, so that they keep the stamps."""
        state = self.story.state
        if state.playthrough is None and not self.story.is_over:  # a new Story handed in (terminal, reload)
            self._begin_sitting()
        self._steps_seen = min(self._steps_seen, len(state.steps))  # a reload may step back
        new = state.steps[self._steps_seen:]
        self._steps_seen = len(state.steps)
        stamp = state.playthrough
        if stamp is None or not self.whole:
            return []
        now = self.clock()
        for step in new:
            if step.at is None:
                step.at = now
        stamp.played_s = self._played_before + max(0.0, (now - self._sitting_from).total_seconds())
        if self.story.is_over and self.playthrough is None and not self._finish_told:
            self.playthrough = self._record(now)
        return new

    def _record(self, finished_at: datetime) -> Playthrough:
        return playthrough_of(self.story, self.loaded.content_hash, self.front_end, finished_at)

    def _tell_steps(self, steps: list[Step]) -> None:
        for step in steps:
            self._tell("chose", self, self.story.feedback_of(step), choice_made(step))
        if self.playthrough is not None and not self._finish_told:
            self._finish_told = True
            self._tell("finished", self, self.playthrough)

    def save(self, slot: str) -> Any:
        """Save in a named slot; raises SavingOff, or the store's SaveError, with a message for the player."""
        if self.store is None:
            raise SavingOff("saving is not available: the save file could not be opened")
        return self.store.save(slot, self.story, self.loaded)
