"""Facilitator notes, read only here: the Story and its Scene never carry them, so nothing a learner or
the room is shown can contain them by accident."""

from __future__ import annotations

from game.engine.model import Notes, Scenario


def notes_for(scenario: Scenario, node_or_ending_id: str) -> Notes | None:
    """The notes of a node or an ending (a node first, as the story does), or None."""
    place = scenario.nodes.get(node_or_ending_id) or scenario.endings.get(node_or_ending_id)
    return place.notes if place is not None else None


def notes_dict(notes: Notes | None) -> dict | None:
    if notes is None:
        return None
    return {"points": list(notes.points), "model_answer": notes.model_answer, "timing": notes.timing}
