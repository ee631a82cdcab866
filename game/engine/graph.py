"""The story graph: where a scenario can go from each node, and under which conditions.

The rules of a node's way on are written here once, for the engine (what happens in play), the validator
(what can happen at all), the tests and the trainer tools to come (a story map, a path analysis):

- an id that is both a node and an ending is the ending: going there ends the story;
- a node with routes routes on at once: the first route whose condition holds is taken, and the node's
  choices and `next` are never used;
- otherwise the player picks among the choices whose conditions hold;
- when no choice is shown (none written, or every one hidden), `next` is the way on;
- an empty list counts as absent.

Edges are small frozen values, so a map can label them (choice number and text, route condition) and a
path analysis can apply them (flags set and cleared, scores) without reading the model itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .conditions import holds, walk
from .model import Condition, Node, Scenario

EdgeKind = Literal["choice", "route", "next"]
Way = Literal["choices", "routes", "next"]
Flags = set[str] | frozenset[str]
MAX_ROUTE_HOPS = 1000  # a routing cycle is a validator error; this only stops a broken file from hanging


@dataclass(frozen=True, slots=True)
class Edge:
    """One way from a node to a node or an ending. Two edges are equal when they are the same line of the
    file (source, kind, index), whatever they carry."""

    source: str
    kind: EdgeKind
    index: int  # 0-based position among the node's choices or routes; 0 for next
    target: str
    when: Condition | None = field(default=None, compare=False)
    text: str | None = field(default=None, compare=False)  # a choice's text
    sets: tuple[str, ...] = field(default=(), compare=False)
    clears: tuple[str, ...] = field(default=(), compare=False)
    scores: tuple[tuple[str, int], ...] = field(default=(), compare=False)  # as written, in the own framework

    @property
    def number(self) -> int:
        """1-based, as an author counts choices and routes in the file."""
        return self.index + 1

    @property
    def path(self) -> tuple:
        """Where the target is written, for diagnostics: ('nodes', id, 'choices', 2, 'goto')."""
        if self.kind == "next":
            return ("nodes", self.source, "next")
        return ("nodes", self.source, "choices" if self.kind == "choice" else "routes", self.index, "goto")


# --- one node --------------------------------------------------------------------------------------------

def written_ways(node: Node) -> list[Way]:
    """Every way on the node has in the file (more than one is worth a warning)."""
    ways: list[Way] = []  # called for every node of a large file: plain tests, no tuples
    if node.choices:
        ways.append("choices")
    if node.routes:
        ways.append("routes")
    if node.next is not None:
        ways.append("next")
    return ways


def way_on(node: Node) -> Way | None:
    """The way on the engine uses on arrival: routes win; then choices (with `next` only when every one is
    hidden); then `next`. None is a dead end."""
    if node.routes:
        return "routes"
    if node.choices:
        return "choices"
    return "next" if node.next is not None else None


def successors(node: Node) -> list[str]:
    """Every id the story can go to from the node, whatever the conditions (duplicates kept)."""
    if node.routes:
        return [r.goto for r in node.routes]
    out = [c.goto for c in node.choices or ()]
    if node.next is not None:
        out.append(node.next)
    return out


def written_targets(node: Node) -> list[str]:
    """Every id the node names as a target, used or not (for checking that each one exists)."""
    out = [c.goto for c in node.choices or ()] + [r.goto for r in node.routes or ()]
    if node.next is not None:
        out.append(node.next)
    return out


def edges(node_id: str, node: Node, written: bool = False) -> list[Edge]:
    """The node's edges as the engine can take them, or (`written`) every one in the file."""
    out: list[Edge] = []
    if written or not node.routes:
        out += [Edge(node_id, "choice", i, c.goto, c.when, c.text, tuple(c.set_flags), tuple(c.clear_flags),
                     tuple(c.scores.items())) for i, c in enumerate(node.choices or ())]
    if node.routes:
        routes = [Edge(node_id, "route", i, r.goto, r.when) for i, r in enumerate(node.routes)]
        out = out + routes if written else routes
    if node.next is not None and (written or not node.routes):
        out.append(Edge(node_id, "next", 0, node.next))
    return out


def shown_choices(node: Node, flags: Flags, scores: Mapping[str, int]) -> list[int]:
    """Indices of the choices whose conditions hold: what the player is offered."""
    return [i for i, c in enumerate(node.choices or ()) if holds(c.when, flags, scores)]


def route_taken(node: Node, flags: Flags, scores: Mapping[str, int]) -> int | None:
    """Index of the first route whose condition holds, or None."""
    return next((i for i, r in enumerate(node.routes or ()) if holds(r.when, flags, scores)), None)


# --- the whole scenario ----------------------------------------------------------------------------------

class StoryGraph:
    """A scenario's nodes and endings as a graph. Cheap to make: everything is worked out when asked."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.nodes = scenario.nodes
        self.endings = scenario.endings
        self.start = scenario.start
        self._edges: dict[str, list[Edge]] = {}
        self._conditions: dict[str, list[tuple[object, tuple]]] = {}

    def is_ending(self, target: str) -> bool:
        return target in self.endings

    def is_node(self, target: str) -> bool:
        """A node the story can stop at: not also an ending (the ending wins)."""
        return target in self.nodes and target not in self.endings

    def knows(self, target: str) -> bool:
        return target in self.nodes or target in self.endings

    @cached_property
    def ids(self) -> set[str]:
        """Every node and ending id: `ids.issuperset(targets)` checks many targets at C speed."""
        return {*self.nodes, *self.endings}

    def successors(self, node_id: str) -> list[str]:
        return successors(self.nodes[node_id])

    def edges(self, node_id: str) -> list[Edge]:
        """The node's edges as the engine can take them (made once per node, on demand)."""
        found = self._edges.get(node_id)
        if found is None:
            found = self._edges[node_id] = edges(node_id, self.nodes[node_id])
        return found

    def successor_map(self) -> dict[str, list[str]]:
        """Every node the story can stop at, with the ids it can go to from there."""
        endings = self.endings
        return {n: successors(node) for n, node in self.nodes.items() if n not in endings}

    def reachable(self, start: str | None = None, out: Mapping[str, list[str]] | None = None) -> set[str]:
        """Every node and ending some playthrough can arrive at from `start` (the scenario's own start by
        default), whatever the conditions allow. Breadth-first: a long chain needs no recursion."""
        start = self.start if start is None else start
        if not self.knows(start):
            return set()
        out = self.successor_map() if out is None else out
        reached, queue = {start}, deque([start])
        while queue:
            for target in out.get(queue.popleft(), ()):
                if target not in reached:
                    reached.add(target)
                    queue.append(target)
        return reached

    def reaching(self, goals: Iterable[str], out: Mapping[str, list[str]] | None = None) -> set[str]:
        """Every id from which one of `goals` can be reached (the goals included)."""
        out = self.successor_map() if out is None else out
        back: dict[str, list[str]] = {}
        for n, targets in out.items():
            for t in targets:
                back.setdefault(t, []).append(n)
        queue = deque(goals)
        found = set(queue)
        while queue:
            for source in back.get(queue.popleft(), ()):
                if source not in found:
                    found.add(source)
                    queue.append(source)
        return found

    def conditions(self, node_id: str) -> list[tuple[object, tuple]]:
        """Every condition and sub-condition on the node's choices and routes as written, with its path in
        the file. Most nodes have none, so the common case builds no paths."""
        found = self._conditions.get(node_id)
        if found is not None:
            return found
        node = self.nodes[node_id]
        if not node.routes and all(c.when is None for c in node.choices or ()):
            found = []
        else:
            found = [pair for kind, items in (("choices", node.choices), ("routes", node.routes))
                     for i, item in enumerate(items or ()) if item.when is not None
                     for pair in walk(item.when, ("nodes", node_id, kind, i, "when"))]
        self._conditions[node_id] = found
        return found

    # --- in play: one state ------------------------------------------------------------------------------

    def arrive(self, target: str, flags: Flags, scores: Mapping[str, int]) -> str:
        """Where the story stops on going to `target`: an ending, or the first node that does not route on.
        Raises ValueError (words for people) when the file is broken in a way the validator reports."""
        for _ in range(MAX_ROUTE_HOPS):
            if target in self.endings:
                return target
            node = self.nodes.get(target)
            if node is None:
                raise ValueError(f"'{target}' is neither a node nor an ending")
            if not node.routes:
                return target
            taken = route_taken(node, flags, scores)
            if taken is None:
                raise ValueError(f"no route out of '{target}' matches and none is a default")
            target = node.routes[taken].goto
        raise ValueError(f"routing from '{target}' goes round in circles")

    def moves(self, node_id: str, flags: Flags, scores: Mapping[str, int]) -> list[Edge]:
        """The edges that can be taken at the node in this state: the route taken; or the choices shown;
        or, when none is shown, `next`. Empty at a dead end."""
        node = self.nodes[node_id]
        all_edges = self.edges(node_id)
        if node.routes:
            taken = route_taken(node, flags, scores)
            return [] if taken is None else [all_edges[taken]]
        shown = [all_edges[i] for i in shown_choices(node, flags, scores)]
        if shown:
            return shown
        return [e for e in all_edges if e.kind == "next"]
