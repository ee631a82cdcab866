"""A facilitated group session on the desktop: the session (game/group, pygame-free) and its windows.

Two windows: the audience view (projector profile, full screen on the projector's display) and the
facilitator's console (the game window, desktop profile). One window (one display, a mirrored laptop or
--one-window): the game window becomes the audience view and the facilitator drives it with keys.

The audience screens are given a Slide: the session's AudienceState (no notes, no split before the
reveal) and, at the ending, the group's path built from the summary's audience copy (no notes). The
console reads the session itself. The group intents (intents.py) are acted on here (GROUP_HANDLERS).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game import paths

from .intents import (
    Confirm,
    EndGroup,
    GroupAllFeedback,
    GroupDecide,
    GroupNext,
    GroupPeek,
    GroupReveal,
    GroupSetCount,
    GroupShowSplit,
    GroupSummary,
    GroupTimer,
    GroupVote,
    GroupVoting,
    PhonesOn,
    ResumeGroup,
    RunGroup,
)
from .joinblocks import Join

if TYPE_CHECKING:
    from game.engine.model import Notes
    from game.group import AudienceState, GroupSession

    from .app import App
    from .view import View

log = logging.getLogger("crossing_paths.ui")

PATH_PER_SLIDE = 1  # decisions of the group's path on one slide: two (with long options) needed a scroll and
# text at 60 %, unreadable from the back; one a slide keeps the chart at full size


def ending_pages(decisions: int) -> int:
    """The ending, its debrief, then the group's path over as many slides as it needs."""
    return 2 + max(1, math.ceil(decisions / PATH_PER_SLIDE))


def slide_name(page: int, pages: int) -> str:
    if page < 2:
        return ("the ending", "the debrief")[page]
    return "the group's path" + (f" ({page - 1} of {pages - 2})" if pages > 3 else "")


@dataclass
class GroupSetup:
    """How sessions open: from `facilitate`'s options, or found out (None: by the number of displays)."""

    one_window: bool | None = None
    display: int | None = None  # the audience's display (0-based); None: the second one when there is one
    summary_dir: Path | None = None  # None: saves/group/<scenario>-<date-time>/
    discussion: float = 180.0
    phones: bool = False  # `facilitate --phones`: phone voting on from the start
    clock: Callable[[], float] = time.monotonic


@dataclass(frozen=True)
class PathStep:
    """One decision of the group's path, as the room may see it (no notes)."""

    number: int
    question: str
    options: tuple[str, ...]
    votes: tuple[int, ...]
    chosen: int | None
    how: str | None


@dataclass(frozen=True)
class Slide:
    """Everything an audience screen draws from."""

    state: AudienceState
    path: tuple[PathStep, ...] = ()  # at the ending only
    page: int = 0  # the ending's slides: 0 ending, 1 debrief, 2 on the group's path (PATH_PER_SLIDE each)
    peek: Notes | None = None  # one window only, while the facilitator holds the key
    scores: tuple[tuple[str, str, int], ...] = ()  # (standard, title, score) at the ending
    join: Join | None = None  # while phone voting is on: the QR code, address and room code
    join_slide: bool = False  # the room sees the join (waiting) slide instead of the step's slide


def group_path(record: dict) -> tuple[PathStep, ...]:
    from game.group.summary import audience_copy

    out = []
    for i, d in enumerate(audience_copy(record).get("decisions", []), 1):
        out.append(PathStep(i, d["question"], tuple(d["options"]), tuple(d["votes"]), d.get("chosen"), d.get("how")))
    return tuple(out)


def setup_of(app: App) -> GroupSetup:
    setup = app.group_setup
    if setup is None:
        setup = app.group_setup = GroupSetup()
    return setup


class GroupRun:
    def __init__(self, app: App, session: GroupSession, setup: GroupSetup):
        self.app, self.session, self.setup = app, session, setup
        self.audience: View | None = None
        self.console: View | None = None
        self.one_window = True
        self.page = 0
        self.peeking = False
        self.show_split = False
        self.notice = ""
        self.summary_paths: list[Path] = []
        self._old_profile: str | None = None
        self._changes = 0  # counts changed(): a step, a vote, a setting of the run
        self._slide: tuple[tuple, Slide] | None = None  # the last slide, and what it was made from
        self.join_slide = False  # phone voting: the room sees how to join until the facilitator moves on
        self._join: tuple[str, Join] | None = None  # the join link, and what the room is shown of it

    def now(self) -> float:
        return self.setup.clock()

    # --- what the windows read ------------------------------------------------------------------------------

    def slide(self) -> Slide:
        """What the room sees now. Asked every frame: made again only when a step, a vote or the timer's shown
        second changed, so an idle session (and a running timer between seconds) costs a comparison."""
        s = self.session
        timer = s.timer
        second = math.ceil(timer.remaining(self.now()) - 1e-6)
        key = (self._changes, s.phase, s.votes_in, len(s.moves), len(s.decisions), s.all_feedback, second,
               timer.running, timer.length, self.page, self.peeking, self.one_window, self.join(),
               self.join_slide)
        if self._slide is None or self._slide[0] != key:
            self._slide = (key, self._make_slide())
        return self._slide[1]

    def _make_slide(self) -> Slide:
        state = self.session.audience_state(self.now())
        if state.timer is not None:  # whole seconds: the slide changes (and redraws) once a second at most
            timer = dataclasses.replace(state.timer, remaining=float(math.ceil(state.timer.remaining - 1e-6)))
            state = dataclasses.replace(state, timer=timer)
        peek = self.session.notes if self.one_window and self.peeking else None
        join = self.join()
        shown = self.join_slide and join is not None
        if state.phase != "ending":
            return Slide(state, peek=peek, join=join, join_slide=shown)
        record = self.session.record()
        scores = tuple((s["standard"], s["title"], s["score"]) for s in record.get("scores", []))
        return Slide(state, group_path(record), self.page, peek, scores, join, shown)

    def join(self) -> Join | None:
        """How phones join, while phone voting is on and listening; the QR code is made once per link."""
        link = self.app.phones
        if link is None or link.session is not self.session or not link.voting.running:
            return None
        voting = link.voting
        url = voting.join_url()
        if url is None:
            return None
        if self._join is None or self._join[0] != url:
            matrix = tuple(tuple(row) for row in voting.qr_matrix() or ())
            self._join = (url, Join(voting.short_address() or url, voting.room_code, matrix, voting.reachable))
        return self._join[1]

    def show_join(self, on: bool) -> None:
        self.join_slide = on
        self.changed()

    # --- windows --------------------------------------------------------------------------------------------

    def open(self, view: View) -> None:
        """Show the session: console in `view` (the game window) and the audience in a window of its own on
        the projector's display, or the audience alone in `view`."""
        from .view import View

        displays = num_displays()
        one = self.setup.one_window if self.setup.one_window is not None else displays < 2
        self.one_window = one
        game = self.app.view
        del game.stack[1:]
        if one:
            self.audience, self.console = game, None
            self._old_profile = game.profile_id
            game.profile_id = "projector"
            game.refresh()
            game.push(game.make("audience", feed=self.slide))
            return
        self.console = game
        audience = self.audience = View(self.app, "Crossing Paths: for the room", profile_id="projector", speaks=False)
        index = self.setup.display if self.setup.display is not None else (1 if displays > 1 else 0)
        index = max(0, min(index, displays - 1))
        fullscreen = displays > 1
        size = _desktop_size(index) if fullscreen else (1280, 720)
        audience.open(size)
        if fullscreen:
            try:  # SDL's "centred on display n": the window lands on that display, then fills it
                audience.window.position = (pygame.WINDOWPOS_CENTERED | index, pygame.WINDOWPOS_CENTERED | index)
            except (pygame.error, TypeError, ValueError) as exc:
                log.warning("the audience window cannot be moved to display %d: %s", index, exc)
            audience.set_fullscreen(True)
        self.app.views.append(audience)
        audience.push(audience.make("audience", feed=self.slide))
        game.push(game.make("console", run=self))

    def close(self) -> None:
        game = self.app.view
        if self.one_window:
            game.profile_id = self._old_profile
            game.refresh()
        elif self.audience is not None:
            self.audience.close()
            if self.audience in self.app.views:
                self.app.views.remove(self.audience)
        game.to_base()

    def changed(self) -> None:
        self._changes += 1
        for view in (self.audience, self.console):
            if view is None:
                continue
            if getattr(view.top, "feed", None) is not None:
                continue  # the audience slide follows its feed: it redraws what changed (only the turnout
                # for a vote) on its next update, and a forced rebuild would cost a whole 4K slide per vote
            view.top.refresh()
            view.version += 1

    def tell(self, text: str, view: View | None = None, title: str = "Group session") -> None:
        """A message for the facilitator: on the console's status line, or (one window) as a message."""
        self.notice = text
        if self.one_window:
            (view or self.audience).message(title, text)
        self.changed()

    # --- steps ----------------------------------------------------------------------------------------------

    def attempt(self, view: View, step: Callable[[], Any]) -> Any:
        from game.group import StepRefused, VoteRefused

        try:
            out = step()
        except (StepRefused, VoteRefused) as exc:
            self.tell(_sentence(str(exc)), view, "Not now")
            return None
        self.notice = ""
        if self.session.save_problem:
            self.notice = f"Autosave failed: {self.session.save_problem}"
        self.changed()
        return out

    def next(self, view: View) -> None:
        s = self.session
        if s.phase == "ending":
            if self.page < ending_pages(len(s.decisions)) - 1:
                self.page += 1
                self.changed()
            else:
                self.tell("This is the last slide. The summary is written; press End session when done.", view)
            return
        if self.join_slide:  # the first N after the join slide goes back to the step the room was on
            self.show_join(False)
            return
        self.attempt(view, lambda: s.next(self.now()))
        if s.phase == "ending" and not self.summary_paths:
            self.write_summary(view, None, quiet=True)

    def decide(self, view: View, intent: GroupDecide) -> None:
        s = self.session
        option = intent.option
        if option is None:
            if s.phase != "revealed":
                self.tell("Reveal the vote first (R): the majority is known only then.", view, "Not now")
                return
            result = s.current.tally.result()
            if result.majority is None:
                tied = ", ".join(str(n) for n in result.tied) or "any option"
                self.tell(f"There is no majority: choose among {tied} (press its number).", view, "Not now")
                return
            option = result.majority
        if s.current is None or s.phase not in ("decision", "closed", "revealed"):
            self.tell("There is no decision to make now.", view, "Not now")
            return
        how = s.how_for(option) if 1 <= option <= len(s.current.options) else "facilitator"
        if intent.how is None and how in ("override", "facilitator"):
            question = (f"Overrule the vote and choose option {option}?" if how == "override"
                        else f"Choose option {option} without a vote?")
            detail = ("The record will say the facilitator overruled the majority." if how == "override"
                      else "The record will say the facilitator chose after discussion.")
            self.app.act(Confirm(question, "Yes, choose it", GroupDecide(option, how), detail), view)
            return
        self.attempt(view, lambda: s.decide(option, intent.how, now=self.now()))

    def timer(self, view: View, action: str) -> None:
        s, now = self.session, self.now()
        if action == "toggle":
            action = "pause" if s.timer.running else "start"
        steps = {"start": lambda: s.start_timer(now), "pause": lambda: s.pause_timer(now),
                 "add": lambda: s.extend_timer(60.0)}
        if action in steps:
            self.attempt(view, steps[action])

    def all_feedback(self, view: View, on: bool) -> None:
        self.attempt(view, lambda: self.session.show_all_feedback(on))

    def write_summary(self, view: View, folder: str | None, quiet: bool = False) -> None:
        from game.group.summary import write_summary

        record = self.session.record()
        if folder:
            target = Path(folder).expanduser()
        else:
            base = self.setup.summary_dir or paths.saves_dir() / "group"
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = Path(base) / f"{record['scenario']['id']}-{stamp}"
        try:
            written = write_summary(record, target, facilitator=False)
            written += write_summary(record, target, facilitator=True)
        except OSError as exc:
            self.tell(f"The summary could not be written to {target}: {exc.strerror or exc}", view, "Not written")
            return
        self.summary_paths = written
        text = f"Summary written to {target} (session.json, session.csv, handout.html, and the facilitator's copies)."
        if quiet and self.one_window:
            self.notice = text  # at the ending: no message over the room's slide; the console (or log) says it
            log.info(text)
            self.changed()
        else:
            self.tell(text, view, "Summary written")


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else text


def num_displays() -> int:
    try:
        return max(1, pygame.display.get_num_displays())
    except pygame.error:
        return 1


def _desktop_size(index: int) -> tuple[int, int]:
    try:
        return tuple(pygame.display.get_desktop_sizes()[index])
    except (pygame.error, IndexError):
        return (1920, 1080)


# --- starting and leaving ---------------------------------------------------------------------------------

def unfinished_save(scenario_id: str) -> Path | None:
    """The autosave of an unfinished session of this scenario, if one is there."""
    from game.group import savefile

    file = savefile.default_file(scenario_id)
    try:
        data = savefile.read(file)
    except ValueError:  # GroupSaveError: missing or unreadable (resuming it would say why)
        return file if file.exists() else None
    return file if data.phase != "ending" else None


def _run_group(app: App, intent: RunGroup, view: View) -> None:
    from game.group import GroupSession
    from game.play import CannotPlay

    from . import catalog as catalog_mod

    entry = catalog_mod.check(Path(intent.path))
    if entry.errors or entry.scenario is None:
        view.message("This scenario cannot be run", f"{Path(intent.path).name} has errors:\n" + "\n".join(entry.errors[:5]))
        return
    if not intent.fresh:
        saved = unfinished_save(entry.scenario.id)
        if saved is not None:
            view.push(view.make("group_offer", path=Path(intent.path), file=saved, title=entry.scenario.title))
            return
    setup = setup_of(app)
    try:
        session = GroupSession.start(entry.loaded, Path(intent.path), now=setup.clock(),
                                     standards=app.prefs.standards, discussion=setup.discussion)
    except CannotPlay as exc:
        view.message("This scenario cannot be run", str(exc))
        return
    _show(app, session, setup)


def _resume_group(app: App, intent: ResumeGroup, view: View) -> None:
    from game.group import GroupSaveError, GroupSession

    setup = setup_of(app)
    try:
        session = GroupSession.resume(Path(intent.file), now=setup.clock())
    except (GroupSaveError, OSError) as exc:
        view.message("The session cannot be resumed", f"{exc}\n\nStart a new session of the scenario instead.")
        return
    run = _show(app, session, setup)
    if session.play.notices:
        run.tell("\n".join(session.play.notices))


def _show(app: App, session: GroupSession, setup: GroupSetup) -> GroupRun:
    old = app.group
    if old is not None:
        old.close()
    run = app.group = GroupRun(app, session, setup)
    run.open(app.view)
    if setup.phones:
        app.act(PhonesOn(True))
    return run


def _end_group(app: App, intent: EndGroup, view: View) -> None:
    run = app.group
    if run is not None:
        run.close()
        app.group = None


def _with_run(act: Callable[[GroupRun, Any, View], None]) -> Callable[[App, Any, View], None]:
    """A handler that needs a session running (an intent posted after the session ended is ignored)."""

    def handler(app: App, intent: Any, view: View) -> None:
        run = app.group
        if run is not None:
            act(run, intent, view)

    return handler


def _peek(run: GroupRun, intent: GroupPeek, view: View) -> None:
    if run.one_window and run.peeking != intent.on:
        run.peeking = intent.on
        run.changed()


def _show_split(run: GroupRun, intent: GroupShowSplit, view: View) -> None:
    run.show_split = intent.on
    run.changed()


GROUP_HANDLERS: dict[type, Callable[[App, Any, View], None]] = {
    RunGroup: _run_group,
    ResumeGroup: _resume_group,
    EndGroup: _end_group,
    GroupNext: _with_run(lambda run, i, v: run.next(v)),
    GroupVoting: _with_run(lambda run, i, v: run.attempt(
        v, (lambda: run.session.reopen_voting(run.now())) if i.open else (lambda: run.session.close_voting(run.now())))),
    GroupReveal: _with_run(lambda run, i, v: run.attempt(v, lambda: run.session.reveal(run.now()))),
    GroupDecide: _with_run(lambda run, i, v: run.decide(v, i)),
    GroupVote: _with_run(lambda run, i, v: run.attempt(v, lambda: run.session.add(i.option, i.delta))),
    GroupSetCount: _with_run(lambda run, i, v: run.attempt(v, lambda: run.session.set_count(i.option, i.count))),
    GroupTimer: _with_run(lambda run, i, v: run.timer(v, i.action)),
    GroupAllFeedback: _with_run(lambda run, i, v: run.all_feedback(v, i.on)),
    GroupSummary: _with_run(lambda run, i, v: run.write_summary(v, i.folder)),
    GroupPeek: _with_run(_peek),
    GroupShowSplit: _with_run(_show_split),
}
"""How the app acts on each group intent (merged into app.HANDLERS)."""
