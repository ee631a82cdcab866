"""The way a playthrough took through the story map: the nodes it passed (with the step each was first
reached at) and the map's edges it followed, for the in-game map to draw thicker, with markers. Pure Python.

A playthrough records the nodes it showed (`visited`, routing nodes left out: they route on at once) and the
choice made at each; between two shown nodes the way is the chosen choice's edge (or the `next`/route edge
of a narration node), then any routes through routing nodes to the next node shown.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .state import PlayState
from .storymap import StoryMap


@dataclass(frozen=True)
class Trail:
    order: dict[str, int] = field(default_factory=dict)  # node id -> the step (1-based) it was first reached at
    edges: frozenset[int] = frozenset()  # indices into StoryMap.edges
    here: str | None = None  # the node or ending the playthrough is at now


def trail(story_map: StoryMap, state: PlayState) -> Trail:
    by_id = {n.id: n for n in story_map.nodes}
    ids = {n.key: n.id for n in story_map.nodes}
    out: dict[str, list[int]] = {}
    for i, e in enumerate(story_map.edges):
        out.setdefault(e.source, []).append(i)
    places = [p for p in state.visited if p in by_id]
    if state.ending is not None and state.ending in by_id:
        places.append(state.ending)
    order: dict[str, int] = {}
    taken: set[int] = set()
    steps = iter(state.steps)
    pending = next(steps, None)
    for i, place in enumerate(places):
        order.setdefault(place, len(order) + 1)
        if i + 1 == len(places):
            break
        chosen = None
        if pending is not None and pending.node == place:
            chosen, pending = pending.choice + 1, next(steps, None)
        first = [j for j in out.get(by_id[place].key, [])
                 if chosen is None or (story_map.edges[j].kind == "choice" and story_map.edges[j].number == chosen)]
        way = _routes_to(story_map, out, ids, by_id, first, by_id[places[i + 1]].key)
        for j in way:
            taken.add(j)
            target = ids[story_map.edges[j].target]
            if by_id[target].kind == "routing":
                order.setdefault(target, len(order) + 1)
    here = state.ending if state.ending is not None else state.node
    return Trail(order, frozenset(taken), here)


def _routes_to(story_map: StoryMap, out: dict, ids: dict, by_id: dict, first: list[int], goal: str) -> list[int]:
    """The edges from one of `first` to `goal`, passing only through routing nodes (breadth first)."""
    back: dict[int, int | None] = dict.fromkeys(first)
    queue = deque(first)
    while queue:
        j = queue.popleft()
        target = story_map.edges[j].target
        if target == goal:
            way = [j]
            while back[way[-1]] is not None:
                way.append(back[way[-1]])
            return way[::-1]
        if by_id[ids[target]].kind != "routing":
            continue
        for k in out.get(target, []):
            if k not in back:
                back[k] = j
                queue.append(k)
    return []
