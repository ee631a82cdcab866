"""Turn a save back into a Story, saying plainly what happens when the scenario changed since.

Same scenario file (same content hash): resume exactly. Changed, but the node saved at is still there:
resume there, with a notice. Changed and the node is gone: StartAgain, so the caller can offer the start.
A save whose state cannot be read: SaveError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..engine.state import PlayState, StateError
from ..engine.story import Story
from .store import SaveError, SaveRecord

if TYPE_CHECKING:
    from ..engine.loader import Loaded


class StartAgain(SaveError):
    """The scenario changed so much since the save that it cannot be resumed: offer the start instead."""


def _changed_notice(saved_version: str, version: str) -> str:
    versions = f" (you saved version {saved_version}; this is version {version})" if saved_version != version else ""
    return (f"This scenario has changed since you saved{versions}. You carry on from where you were, "
            "but some text, choices or scores may differ from before.")


def resume(record: SaveRecord, loaded: Loaded) -> tuple[Story, list[str]]:
    """The saved playthrough as a Story, and notices for the player. Raises StartAgain or SaveError."""
    scenario = loaded.scenario
    slot = record.slot
    if scenario is None:
        raise SaveError(f"the scenario file {loaded.file} has errors, so {slot.label} cannot be resumed")
    if slot.scenario != scenario.id:
        raise SaveError(f"{slot.label} is of the scenario '{slot.scenario}', not '{scenario.id}'")
    try:
        state = PlayState.from_dict(record.state)
    except StateError as exc:
        raise SaveError(f"{slot.label} cannot be used: {exc}") from None
    changed = slot.content_hash != loaded.content_hash
    place = state.ending if state.ending is not None else state.node
    present = place in (scenario.endings if state.ending is not None else scenario.nodes)
    if not present:
        if changed:
            raise StartAgain(f"This scenario has changed since you saved, and the part you had reached "
                             f"('{place}') is no longer in it. Start it again from the beginning.")
        raise SaveError(f"{slot.label} is damaged: it names '{place}', which this scenario never had")
    try:
        story, notices = Story.restore(scenario, record.state)
    except ValueError as exc:  # StateError included; a changed route can fail too
        if changed:
            raise StartAgain(f"This scenario has changed since you saved and the save no longer fits it ({exc}). "
                             "Start it again from the beginning.") from None
        raise SaveError(f"{slot.label} cannot be used: {exc}") from None
    if changed:
        notices = [_changed_notice(slot.version, scenario.version), *notices]
    return story, notices
