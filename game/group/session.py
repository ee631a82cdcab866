"""A facilitated group session: one PlaySession, played by a room.

Each node is shown in phases. A node with choices: `scene` (narration and card), `decision` (voting
open), `closed`, `revealed` (the chart), `feedback` (the chosen option's, and on demand every option's),
then the next node. A narration-only node is a `scene` and moves on. At the end: `ending`.

Pure Python, no clock: every step that times something is given `now` (seconds, any steady origin). It
is not thread-safe on purpose: a phone server hands votes to the frame loop, which calls in here. Every
step is autosaved (votes included); a save that fails never stops the session, its reason is kept in
`save_problem`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from game.engine.loader import Loaded, load_file
from game.engine.model import Notes
from game.engine.story import Feedback, Scene
from game.play import CannotPlay, PlaySession, story_for

from . import savefile
from .audience import AudienceState, OptionFeedback, OptionView, Phase, SplitRow, TimerView
from .notes import notes_for
from .record import build_record
from .savefile import GroupSaveError
from .tally import Result, Tally, VoteRefused
from .timer import DEFAULT_SECONDS, Timer

log = logging.getLogger("crossing_paths.group")

How = Literal["majority", "tie-break", "facilitator", "override"]
HOWS = ("majority", "tie-break", "facilitator", "override")
CONTINUE = 0  # a move that continues a narration-only part (choices are 1-based)


class StepRefused(ValueError):
    """A step that does not fit the phase (reveal before a vote, etc.); the message is for the facilitator."""


@dataclass
class Decision:
    """One decision as the room met it. `offered`: the node's choice indices, in the order shown."""

    node: str
    question: str
    options: list[str]
    offered: list[int]
    tally: Tally
    opened: float
    closed: float | None = None
    revealed: bool = False
    chosen: int | None = None
    how: str | None = None
    feedback: str | None = None

    def to_dict(self) -> dict:
        return {"node": self.node, "question": self.question, "options": list(self.options),
                "offered": list(self.offered), "votes": list(self.tally.counts), "chosen": self.chosen,
                "how": self.how, "feedback": self.feedback, "opened": self.opened, "closed": self.closed,
                "revealed": self.revealed}


def question_of(scene: Scene) -> str:
    return scene.prompt or scene.title or "What do you do?"


class GroupSession:
    def __init__(self, play: PlaySession, file: Path | None, now: float, discussion: float = DEFAULT_SECONDS):
        """Use start() or resume(). `file`: the autosave (None: no saving)."""
        self.play = play
        self.file = file
        self.timer = Timer(discussion, discussion)
        self.phase: Phase = "scene"
        self.started = now
        self.ended: float | None = None
        self.clock = now
        self.moves: list[int] = []
        self.decisions: list[Decision] = []  # decided ones, in order
        self.current: Decision | None = None  # open, closed, revealed or just decided
        self.all_feedback = False
        self.save_problem: str | None = None
        # Votes arriving in bursts (phones): True makes a vote only mark the session unsaved, and the
        # frame loop calls flush() about once a second, rather than a disk write per vote.
        self.batch_votes = False
        self.unsaved = False

    # --- starting and resuming ------------------------------------------------------------------------------

    @classmethod
    def start(cls, loaded: Loaded, path: Path, *, now: float, standards: str | None = None,
              discussion: float = DEFAULT_SECONDS, file: Path | Literal["default"] | None = "default"
              ) -> GroupSession:
        """A new session at the scenario's start. Raises CannotPlay (from game.play)."""
        if loaded.scenario is None or not loaded.ok:
            raise CannotPlay(f"{loaded.file} has errors: run 'python main.py validate' on it")
        story, notices = story_for(loaded, standards)
        play = PlaySession(story, loaded, Path(path), None, notices)  # the room's run is not a learner's save
        target = savefile.default_file(loaded.scenario.id) if file == "default" else file
        session = cls(play, target, now, discussion)
        session._arrive(now)
        session.save()  # at once, so the session can be resumed before its first step
        return session

    @classmethod
    def resume(cls, file: Path, *, now: float, loaded: Loaded | None = None) -> GroupSession:
        """The session saved in `file`, where it was, with its votes. Raises GroupSaveError."""
        from .resume import restore

        return restore(cls, Path(file), now, loaded)

    # --- reading --------------------------------------------------------------------------------------------

    @property
    def story(self):
        return self.play.story

    @property
    def scene(self) -> Scene | None:
        return self.story.scene

    @property
    def tally(self) -> Tally | None:
        return self.current.tally if self.current is not None and self.current.chosen is None else None

    @property
    def decision_key(self) -> str | None:
        """Names the open decision for phones: a vote for any other is refused."""
        if self.current is None or self.current.chosen is not None:
            return None
        return f"{len(self.decisions) + 1}-{self.current.node}"

    @property
    def counts(self) -> tuple[int, ...] | None:
        """The split so far: for the facilitator's console only (the room sees it after reveal())."""
        return self.current.tally.counts if self.current is not None else None

    @property
    def votes_in(self) -> int:
        return self.current.tally.votes_in if self.current is not None else 0

    @property
    def notes(self) -> Notes | None:
        """The facilitator's notes for what is showing (the decided node while its feedback shows)."""
        if self.phase == "ending":
            return notes_for(self.story.scenario, self.story.state.ending)
        if self.current is not None:
            return notes_for(self.story.scenario, self.current.node)
        scene = self.scene
        return notes_for(self.story.scenario, scene.node) if scene is not None else None

    # --- moving on ------------------------------------------------------------------------------------------

    def next(self, now: float) -> Phase:
        """From a scene: to its decision, or on past a narration-only part. From the feedback: to the next
        node (or the ending). Refused while a vote is under way: decide first."""
        self._tick(now)
        if self.phase == "scene":
            scene = self.scene
            if scene.choices:
                self._open(scene, now)
            else:
                self.play.proceed()
                self.moves.append(CONTINUE)
                self._arrive(now)
        elif self.phase == "feedback":
            self.current, self.all_feedback = None, False
            self._arrive(now)
        elif self.phase == "ending":
            raise StepRefused("the session has ended")
        else:
            raise StepRefused("decide on this decision first (reveal the vote, or pick an option)")
        self.save()
        return self.phase

    def _arrive(self, now: float) -> None:
        scene = self.scene
        if scene is None:
            self.phase, self.ended = "ending", now
        elif scene.choices and not scene.lines and scene.card is None:
            self._open(scene, now)  # nothing to show before the question
        else:
            self.phase = "scene"

    def _open(self, scene: Scene, now: float) -> None:
        offered = [c.index for c in scene.choices]
        self.current = Decision(scene.node, question_of(scene), [c.text for c in scene.choices], offered,
                                Tally(len(offered)), opened=now)
        self.timer.reset()
        self.phase = "decision"

    def close_voting(self, now: float) -> None:
        self._tick(now)
        if self.phase != "decision":
            raise StepRefused("voting is not open")
        self.current.tally.open = False
        self.current.closed = now
        self.phase = "closed"
        self.save()

    def reopen_voting(self, now: float) -> None:
        """Closed too soon: open it again (before the reveal only)."""
        self._tick(now)
        if self.phase != "closed":
            raise StepRefused("voting can be reopened only after closing it and before the reveal")
        self.current.tally.open, self.current.closed, self.phase = True, None, "decision"
        self.save()

    def reveal(self, now: float) -> Result:
        """Show the split (closing the vote if still open). Returns the majority, or the tied options."""
        self._tick(now)
        if self.phase == "decision":
            self.current.tally.open, self.current.closed = False, now
        elif self.phase != "closed":
            raise StepRefused("there is no vote to reveal now")
        self.current.tally.frozen = True
        self.current.revealed = True
        self.phase = "revealed"
        self.save()
        return self.current.tally.result()

    def how_for(self, option: int) -> How:
        """How choosing `option` now would be recorded."""
        if self.current is None or not self.current.revealed:
            return "facilitator"
        result = self.current.tally.result()
        if result.majority == option:
            return "majority"
        if option in result.tied:
            return "tie-break"
        return "override" if result.total else "facilitator"

    def decide(self, option: int, how: How | None = None, *, now: float) -> Feedback:
        """The room's choice: the play session chooses it. `how` is checked against the vote (None: worked
        out by how_for). Before a reveal only 'facilitator' fits: picked after discussion, no vote."""
        self._tick(now)
        if self.phase not in ("decision", "closed", "revealed"):
            raise StepRefused("there is no decision to make now")
        current = self.current
        if isinstance(option, bool) or not isinstance(option, int) or not 1 <= option <= len(current.options):
            raise VoteRefused(f"choose an option from 1 to {len(current.options)}")
        fits = self.how_for(option)
        if how is None:
            how = fits
        elif how not in HOWS:
            raise StepRefused(f"'how' is one of: {', '.join(HOWS)}")
        elif how != fits:
            raise StepRefused(f"option {option} would be recorded as '{fits}', not '{how}'")
        feedback = self.play.choose(option)
        self.moves.append(option)
        current.tally.open, current.tally.frozen = False, True
        if current.closed is None:
            current.closed = now
        current.chosen, current.how, current.feedback = option, how, feedback.text
        self.decisions.append(current)
        self.phase = "feedback"
        self.save()
        return feedback

    def show_all_feedback(self, on: bool = True) -> None:
        """After the choice: also show what every option would have meant."""
        if self.phase != "feedback":
            raise StepRefused("every option's feedback is shown after the choice")
        self.all_feedback = on
        self.save()

    # --- votes ----------------------------------------------------------------------------------------------

    def _counting(self) -> Tally:
        if self.phase not in ("decision", "closed") or self.current is None:
            raise VoteRefused("there is no vote open")
        return self.current.tally

    def set_count(self, option: int, n: int) -> None:
        self._counting().set_count(option, n)
        self._votes_changed()

    def add(self, option: int, delta: int = 1) -> int:
        count = self._counting().add(option, delta)
        self._votes_changed()
        return count

    def cast(self, device_token: str, option: int, decision: str | None = None) -> None:
        """A phone's vote: one per device, changeable until voting closes. With `decision` (the key the
        phone was shown), a vote for any decision but the open one is refused."""
        if decision is not None and decision != self.decision_key:
            raise VoteRefused("that decision is not the one open now")
        if self.phase != "decision":
            raise VoteRefused("voting has closed for this decision" if self.current else "there is no vote open")
        self.current.tally.cast(device_token, option)
        self._votes_changed()

    def withdraw(self, device_token: str) -> bool:
        removed = self._counting().withdraw(device_token)
        self._votes_changed()
        return removed

    def _votes_changed(self) -> None:
        if self.batch_votes:
            self.unsaved = True
        else:
            self.save()

    def flush(self) -> bool:
        """Save votes that batch_votes held back; returns whether anything was written."""
        return self.save() if self.unsaved else False

    def vote_of(self, device_token: str) -> int | None:
        tally = self.tally
        return tally.vote_of(device_token) if tally is not None else None

    # --- timer (never moves the story) ----------------------------------------------------------------------

    def start_timer(self, now: float) -> None:
        self._tick(now)
        self.timer.start(now)
        self.save()

    def pause_timer(self, now: float) -> None:
        self._tick(now)
        self.timer.pause(now)
        self.save()

    def extend_timer(self, seconds: float = 60.0) -> None:
        self.timer.add(seconds)
        self.save()

    # --- what the room sees ---------------------------------------------------------------------------------

    def audience_state(self, now: float) -> AudienceState:
        scene = self.scene
        current = self.current
        timer = TimerView(self.timer.length, self.timer.remaining(now), self.timer.running,
                          self.timer.finished(now))
        if self.phase == "ending":
            return AudienceState("ending", None, None, (), None, None, (), False, 0, None, ending=self.story.ending)
        if current is None:
            return AudienceState("scene", None, scene.title, scene.lines, scene.card, None, (), False, 0, None)
        shown = self.story.scene_of(current.node)
        options = tuple(OptionView(n, text) for n, text in enumerate(current.options, 1))
        split = majority = None
        tied: tuple[int, ...] = ()
        if current.revealed:
            result = current.tally.result()
            split = tuple(SplitRow(n, text, result.counts[n - 1], round(result.percent(n), 1))
                          for n, text in enumerate(current.options, 1))
            majority, tied = result.majority, result.tied
        feedback = every = None
        if self.phase == "feedback":
            feedback = self.story.last_feedback or self.story.feedback_of(self.story.state.steps[-1])
            if self.all_feedback:
                every = tuple(OptionFeedback(n, current.options[n - 1], self._feedback_of(current, n))
                              for n in range(1, len(current.options) + 1))
        return AudienceState(self.phase, self.decision_key, shown.title, shown.lines, shown.card,
                             current.question, options, self.phase == "decision", current.tally.votes_in,
                             timer if self.phase != "feedback" else None, split, majority, tied,
                             current.chosen, current.how, feedback, every)

    def _feedback_of(self, decision: Decision, number: int) -> Feedback:
        choice = self.story.scenario.nodes[decision.node].choices[decision.offered[number - 1]]
        scores = self.story.scores_of(choice)
        return Feedback(decision.node, choice.text, choice.feedback,
                        self.story.effects(scores, self.story.reasons_of(choice)))

    # --- the record and the autosave ------------------------------------------------------------------------

    def record(self) -> dict:
        """The session so far, as session.json holds it (see summary.py), with the facilitator's notes."""
        return build_record(self)

    def _tick(self, now: float) -> None:
        self.clock = max(self.clock, now)

    def to_dict(self) -> dict:
        loaded = self.play.loaded
        open_one = self.current if self.current is not None and self.current.chosen is None else None
        return {"kind": savefile.KIND, "format": savefile.FORMAT, "scenario": self.story.scenario.id,
                "scenario_file": str(Path(self.play.path).resolve()), "content_hash": loaded.content_hash,
                "framework": self.story.framework.id, "clock": self.clock, "started": self.started,
                "ended": self.ended, "moves": list(self.moves), "phase": self.phase,
                "all_feedback": self.all_feedback, "decisions": [d.to_dict() for d in self.decisions],
                "open": open_one.to_dict() if open_one else None,
                "tally": open_one.tally.to_dict() if open_one else None, "timer": self.timer.to_dict()}

    def save(self) -> bool:
        """Autosave now. Never raises: a full disk now may have room at the next step."""
        if self.file is None:
            return False
        self.unsaved = False
        try:
            savefile.write(self.file, self.to_dict())
        except OSError as exc:
            if self.save_problem is None:
                log.warning("group session autosave failed: %s", exc)
            self.save_problem = f"the session could not be saved: {exc.strerror or exc}"
            self.unsaved = True  # try again at the next flush or step
            return False
        self.save_problem = None
        return True


def load_for_resume(data: savefile.SessionData, loaded: Loaded | None) -> Loaded:
    if loaded is None:
        loaded = load_file(data.scenario_file)
    if loaded.scenario is None or not loaded.ok:
        raise GroupSaveError(f"the scenario file {data.scenario_file} cannot be loaded, so the session "
                             "cannot be resumed")
    if loaded.scenario.id != data.scenario:
        raise GroupSaveError(f"the session is of scenario '{data.scenario}', not '{loaded.scenario.id}'")
    return loaded
