"""Resume a group session from its autosave: load the scenario, replay the moves through a fresh story
(as a playthrough was made), check it stands where the save says, then put back the votes and the timer.
Times are shifted by the gap between the save's last `now` and this one, so the time spent crashed
counts as nothing and a clock with another origin still works."""

from __future__ import annotations

from pathlib import Path

from game.engine.loader import Loaded
from game.engine.story import ChoiceError
from game.play import CannotPlay, PlaySession, story_for

from . import savefile
from .savefile import DecisionData, GroupSaveError
from .tally import Tally


def _decision(cls_decision, data: DecisionData, tally: Tally, by: float):
    return cls_decision(data.node, data.question, list(data.options), list(data.offered), tally,
                        data.opened + by, None if data.closed is None else data.closed + by, data.revealed,
                        data.chosen, data.how, data.feedback)


def _frozen_tally(data: DecisionData) -> Tally:
    return Tally(len(data.options), list(data.votes), {}, open=False, frozen=True)


def restore(cls, file: Path, now: float, loaded: Loaded | None):
    from .session import CONTINUE, Decision, load_for_resume

    data = savefile.read(file)
    loaded = load_for_resume(data, loaded)
    changed = loaded.content_hash != data.content_hash
    try:
        story, notices = story_for(loaded, data.framework)
        for move in data.moves:
            story.proceed() if move == CONTINUE else story.choose(move)
    except (ChoiceError, CannotPlay, ValueError) as exc:
        why = "the scenario has changed since" if changed else "the file is damaged"
        raise GroupSaveError(f"{file} cannot be resumed: {why} ({exc})") from None
    play = PlaySession(story, loaded, Path(data.scenario_file), None, notices)
    session = cls(play, Path(file), now, data.timer.length)
    by = now - data.clock
    session.started = data.started + by
    session.ended = None if data.ended is None else data.ended + by
    session.moves = list(data.moves)
    session.decisions = [_decision(Decision, d, _frozen_tally(d), by) for d in data.decisions]
    session.timer.left, session.timer.started_at = data.timer.left, data.timer.started_at
    session.timer.shifted(by)
    session.phase = data.phase
    session.all_feedback = data.all_feedback
    if data.open is not None:
        t = data.tally
        if t is None or t.options != len(data.open.options) or len(t.hands) != t.options \
                or any(not 1 <= v <= t.options for v in t.phones.values()) or any(n < 0 for n in t.hands):
            raise GroupSaveError(f"{file} is damaged (the open vote does not match its options)")
        tally = Tally(t.options, list(t.hands), dict(t.phones), t.open, t.frozen)
        session.current = _decision(Decision, data.open, tally, by)
    elif data.phase == "feedback" and session.decisions:
        session.current = session.decisions[-1]
    _check_position(session, data, file, changed)
    if changed:
        play.notices.append("This scenario has changed since the session was saved; it carries on from where "
                            "it was, but some text may differ.")
    return session


def _check_position(session, data, file: Path, changed: bool) -> None:
    scene, phase = session.scene, data.phase
    if phase == "ending":
        ok = scene is None
    elif phase == "feedback":
        ok = session.current is not None and session.current.chosen is not None
    elif phase in ("decision", "closed", "revealed"):
        ok = scene is not None and session.current is not None and session.current.node == scene.node \
            and bool(scene.choices) and len(scene.choices) == len(session.current.options)
    elif phase == "scene":
        ok = scene is not None and session.current is None
    else:
        ok = False
    if not ok:
        why = "the scenario has changed since" if changed else "the file is damaged"
        raise GroupSaveError(f"{file} cannot be resumed: {why} (it does not stand where it says, '{phase}')")
