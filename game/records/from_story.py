"""A finished Story as the learner's record: everything an export needs, copied out of the engine's state."""

from __future__ import annotations

from datetime import datetime

from game.engine.state import Stamp, Step
from game.engine.story import Story

from .playthrough import ChoiceMade, FrontEnd, Playthrough


def _regulator(story: Story, ending) -> str | None:
    """The full name of the regulator that decided a regulator-level outcome, else None."""
    regulator = getattr(ending, "regulator", None)  # the played framework's regulator, on a sanction's ending
    if regulator is None:
        if not getattr(ending.outcome, "regulator", False):
            return None
        regulator = story.framework.regulator
    return regulator if isinstance(regulator, str) else regulator.name


def choice_made(step: Step) -> ChoiceMade:
    """One step of the saved state as the records keep it."""
    return ChoiceMade(step.node, step.number, step.text, step.feedback, dict(step.scores), step.at, step.choice)


def playthrough_of(story: Story, content_hash: str, front_end: FrontEnd | None, finished_at: datetime,
                   stamp: Stamp | None = None) -> Playthrough:
    """The record of a whole playthrough that has reached its ending and was stamped by the play session (or
    with `stamp`). Raises ValueError for a story that is not over or has no stamp."""
    state = story.state
    ending = story.ending
    stamp = stamp or state.playthrough
    if ending is None or stamp is None:
        raise ValueError("only a finished, stamped playthrough can be recorded")
    scenario, framework, outcome = story.scenario, story.framework, ending.outcome
    path = tuple(choice_made(step) for step in state.steps)
    regulator = _regulator(story, ending)
    return Playthrough(
        id=stamp.id, scenario=scenario.id, title=scenario.title, version=scenario.version,
        content_hash=content_hash, framework=framework.id, framework_title=framework.title, front_end=front_end,
        started_at=stamp.started, finished_at=finished_at, duration_s=round(stamp.played_s, 3), path=path,
        ending=ending.id, ending_title=ending.title, outcome=outcome.id, outcome_label=ending.outcome_label,
        severity=outcome.severity, regulator=regulator, scores=dict(state.scores))
