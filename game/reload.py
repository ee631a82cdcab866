"""Carry a playthrough across to a new version of its scenario (hot reload, `play PATH --watch`).

The player stays where they are when that part is still there. When it is gone, they go back to the nearest
earlier part of their path that is still there, with the flags and scores they had on arriving there (the
choices made after it are undone), and are told so. No pygame: the desktop app decides how to show it.
"""

from __future__ import annotations

import copy
import dataclasses

from game.engine.model import Scenario
from game.engine.state import PlayState, StartedAt
from game.engine.story import Story


class ReloadError(ValueError):
    """The new version cannot take this playthrough (e.g. its framework changed); the message is for people."""


def carry_over(story: Story, scenario: Scenario) -> tuple[Story, list[str]]:
    """`story` (on the old version) as a Story on `scenario`, and notices for the player. Raises ReloadError."""
    state0 = story.state
    state: PlayState | None = copy.deepcopy(state0)
    place = state.ending if state.ending is not None else state.node
    still_there = place in (scenario.endings if state.ending is not None else scenario.nodes)
    notices: list[str] = []
    if not still_there:
        state, back_to = _back_to_earlier(story, state, scenario)
        if back_to is None:
            notices.append(f"The part you were at ('{place}') is no longer in the scenario, nor is any part "
                           "before it: you start again from the beginning.")
        else:
            notices.append(f"The part you were at ('{place}') is no longer in the scenario: you are back at "
                           f"'{back_to}', the nearest earlier part that is.")
    try:
        new, more = Story.restore(scenario, state.to_dict()) if state is not None else (Story(scenario, state0.framework), [])
    except ValueError as exc:  # StateError included: a framework that no longer applies, say
        raise ReloadError(f"the new version cannot carry on this playthrough ({exc})") from None
    return new, notices + more


def start_on_arrival(story: Story, node_id: str) -> StartedAt | None:
    """A part-way start at `node_id` with the flags and scores the playthrough had on arriving there the last
    time (the story map's "play from here"), or None when the playthrough never showed it."""
    visited = story.state.visited
    if node_id not in visited:
        return None
    index = len(visited) - 1 - visited[::-1].index(node_id)
    state = _as_on_arrival(story, story.state, index)
    return StartedAt(node=node_id, flags=list(state.flags), scores={k: v for k, v in state.scores.items() if v})


def _back_to_earlier(story: Story, state: PlayState, scenario: Scenario) -> tuple[PlayState | None, str | None]:
    """The state as it was on arriving at the latest visited node still in `scenario` (None, None: none is)."""
    for i in range(len(state.visited) - 1, -1, -1):
        if state.visited[i] in scenario.nodes:
            return _as_on_arrival(story, state, i), state.visited[i]
    return None, None


def _as_on_arrival(story: Story, state: PlayState, index: int) -> PlayState:
    """Undo every move after visited[index]. Each move after the first node added one visited entry; a move
    from a node with choices was a step, one from narration was not, so the steps kept are those made at
    the nodes before `index`. Flags and scores are worked out again from where the run began."""
    kept = 0
    for node_id in state.visited[:index]:
        if kept < len(state.steps) and state.steps[kept].node == node_id:
            kept += 1
    steps = state.steps[:kept]
    begun = state.started_at
    flags = set(begun.flags) if begun else set()
    scores = {sid: 0 for sid in state.scores} | (dict(begun.scores) if begun else {})
    old = story.scenario.nodes  # the flags a step set are the old version's: that is what happened
    for step in steps:
        choices = old[step.node].choices if step.node in old else None
        if choices and step.choice < len(choices):
            flags.update(choices[step.choice].set_flags)
            flags.difference_update(choices[step.choice].clear_flags)
        for sid, delta in step.scores.items():
            scores[sid] = scores.get(sid, 0) + delta
    return dataclasses.replace(state, node=state.visited[index], ending=None, flags=sorted(flags), scores=scores,
                               visited=state.visited[:index + 1], steps=steps)
