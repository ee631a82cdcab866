"""Paths to every ending, worked out over the story's states, never by listing its paths.

A state is where the story stops (a node that does not route on, or an ending) with what can still change
what happens: the flags some condition tests and the scores some condition reads. Flags nobody tests and
scores nobody reads are left out of the state: two playthroughs that differ only in them can do the same
things from there on. Real scenarios have up to about 2,000 paths but a few dozen states; a generated
10,000-node one has about 40,000 states and astronomically many paths.

`analyse(scenario)` walks the reachable states once, breadth-first, and keeps the state graph; then, in
topological order (the state graph has no cycle unless the story loops, which is an AnalysisError), one
pass works out for each state:
- a shortest way there, counted in choices (as `python main.py text --choices` takes them: 1-based among
  the choices shown at each step);
- the lowest and highest total of every standard over every way there.
An ending is one state whatever the flags and scores on arrival, so its range covers every way to it.

Scores are those written in the scenario's own framework: a mapping to another framework changes the
numbers, not which ways exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from operator import add
from typing import NamedTuple

from .graph import Edge, StoryGraph, route_taken
from .loader import gc_paused
from .model import FlagSet, FlagUnset, Scenario, ScoreTest

MAX_STATES = 400_000  # ~0.5 GB at worst; beyond it a file's conditions multiply states faster than is useful
_END = "\0end"  # an ending's state key starts with this (no node id can: ids start with a letter or digit)


class AnalysisError(ValueError):
    """The story cannot be analysed (it loops, is broken, or has too many states); the message is for people."""


@dataclass(frozen=True)
class Way:
    """One way through, as evidence: the choice numbers and the totals it ends with."""

    choices: tuple[int, ...]
    scores: dict[str, int]


@dataclass(frozen=True)
class EndingPaths:
    id: str
    outcome: str
    reachable: bool
    choices: tuple[int, ...] = ()  # a shortest sequence; () when unreachable
    flags: tuple[str, ...] = ()  # the flags set when that sequence arrives
    scores: dict[str, tuple[int, int]] = field(default_factory=dict)  # standard -> (lowest, highest)


class Step(NamedTuple):
    """One edge of the state graph: to state `target`, by choice `number` (0 for next or a route), adding
    `delta` to the standards' totals. Stored as plain tuples in this order (made by the ten thousand)."""

    target: int
    number: int
    delta: tuple[int, ...]
    edge: Edge
    span: tuple[int, ...] | None  # delta then -delta (see _ranges); None when delta is all zeros


class Analysis:
    """The reachable states of a scenario and what they say. Made by `analyse`."""

    def __init__(self, scenario: Scenario, standards: list[str]):
        self.scenario = scenario
        self.standards = standards  # every standard a choice scores, in the framework's order
        self.keys: list[tuple] = []
        self.steps: list[list[tuple]] = []  # of each state: Step's fields
        self.order: list[int] = []  # topological
        self.parent: list[tuple[int, int] | None] = []  # (state, index in its steps) on a shortest way
        self.low: list[tuple[int, ...] | None] = []
        self.high: list[tuple[int, ...] | None] = []
        self.reached_nodes: set[str] = set()  # stops and the routing nodes passed through
        self.shown: set[tuple[str, int]] = set()  # (node, 0-based choice index) ever shown
        self.taken_routes: set[tuple[str, int]] = set()
        self.ending_state: dict[str, int] = {}

    @property
    def states(self) -> int:
        return len(self.keys)

    def way_to(self, state: int, parent: list | None = None) -> list[Step]:
        """The steps of the recorded way to `state` (a shortest one unless `parent` says otherwise)."""
        parent = self.parent if parent is None else parent
        out = []
        link = parent[state]
        while link is not None:
            source, k = link
            out.append(Step._make(self.steps[source][k]))
            link = parent[source]
        out.reverse()
        return out

    @staticmethod
    def numbers(steps: list[Step]) -> tuple[int, ...]:
        return tuple(s.number for s in steps if s.number)

    def totals(self, steps: list[Step]) -> dict[str, int]:
        sums = [0] * len(self.standards)
        for s in steps:
            sums = [a + b for a, b in zip(sums, s.delta, strict=True)]
        return dict(zip(self.standards, sums, strict=True))

    @staticmethod
    def flags_after(steps: list[Step]) -> tuple[str, ...]:
        flags: set[str] = set()
        for s in steps:
            flags.update(s.edge.sets)
            flags.difference_update(s.edge.clears)
        return tuple(sorted(flags))

    @property
    def endings(self) -> list[EndingPaths]:
        out = []
        for ending_id, ending in self.scenario.endings.items():
            state = self.ending_state.get(ending_id)
            if state is None:
                out.append(EndingPaths(ending_id, ending.outcome, False))
                continue
            steps = self.way_to(state)
            low, high = self.low[state], self.high[state]
            out.append(EndingPaths(ending_id, ending.outcome, True, self.numbers(steps), self.flags_after(steps),
                                   {s: (low[i], high[i]) for i, s in enumerate(self.standards)}))
        return out

    @property
    def unreached_nodes(self) -> list[str]:
        endings = self.scenario.endings
        return [n for n in self.scenario.nodes if n not in self.reached_nodes and n not in endings]

    @property
    def never_shown_choices(self) -> list[tuple[str, int]]:
        """(node, 1-based number as written) of every choice at a reached stop that no state shows."""
        graph_nodes = self.scenario.nodes
        return [(n, i + 1) for n in graph_nodes if n in self.reached_nodes and not graph_nodes[n].routes
                for i in range(len(graph_nodes[n].choices or ())) if (n, i) not in self.shown]

    @property
    def never_taken_routes(self) -> list[tuple[str, int]]:
        nodes = self.scenario.nodes
        return [(n, i + 1) for n in nodes if n in self.reached_nodes
                for i in range(len(nodes[n].routes or ())) if (n, i) not in self.taken_routes]

    @property
    def unreached_endings(self) -> list[str]:
        return [e for e in self.scenario.endings if e not in self.ending_state]

    def extreme_ways(self, standard: int | None, span: int, highest: bool) -> list[tuple[int, int] | None]:
        """Parent links of the ways that make the total highest (or lowest) at every state, or, given a
        `standard` (its index), that standard's total times `span` plus the total (the total breaks ties):
        one pass over the state graph in topological order."""
        best: list[int | None] = [None] * len(self.keys)
        parent: list[tuple[int, int] | None] = [None] * len(self.keys)
        best[0] = 0
        extra = span - 1 if standard is not None else 0
        at = standard or 0
        for s in self.order:
            here = best[s]
            if here is None:
                continue
            for k, (target, total, delta) in enumerate(self._weighed[s]):
                value = here + total + extra * delta[at] if delta else here
                there = best[target]
                if there is None or (value > there if highest else value < there):
                    best[target] = value
                    parent[target] = (s, k)
        return parent

    @cached_property
    def _weighed(self) -> list[list[tuple[int, int, tuple[int, ...]]]]:
        """Each state's steps as (target, the delta's sum, delta): sums worked out once for every objective
        of extreme_ways, not once an objective (the validator asks for a handful of objectives a file)."""
        return [[(step[0], sum(step[2]), step[2] if any(step[2]) else ()) for step in steps] for steps in self.steps]


def scored_standards(scenario: Scenario, framework_ids: list[str] | None = None) -> list[str]:
    """Every standard some choice scores: the framework's order first, then any others sorted."""
    used = {sid for node in scenario.nodes.values() for c in node.choices or () for sid in c.scores}
    known = [s for s in framework_ids or () if s in used]
    return known + sorted(used - set(known))


def _seen(scenario: Scenario, graph: StoryGraph) -> tuple[list[str], list[str]]:
    """The flags some condition tests, and the scores some condition reads ('total' included)."""
    flags: dict[str, None] = {}
    scores: dict[str, None] = {}
    for node_id in scenario.nodes:
        for cond, _ in graph.conditions(node_id):
            kind = type(cond)
            if kind is FlagSet:
                flags[cond.flag] = None
            elif kind is FlagUnset:
                flags[cond.not_flag] = None
            elif kind is ScoreTest:
                scores[cond.score] = None
    return list(flags), list(scores)


def analyse(scenario: Scenario, framework_ids: list[str] | None = None, max_states: int = MAX_STATES) -> Analysis:
    """Walk the reachable states and work out shortest ways and score ranges. Raises AnalysisError."""
    graph = StoryGraph(scenario)
    standards = scored_standards(scenario, framework_ids)
    result = Analysis(scenario, standards)
    _no_loops(graph)
    with gc_paused():  # tens of thousands of small tuples and no cycles: see loader.gc_paused
        _Walk(scenario, graph, result, max_states).run()
        _order(result)
        _ranges(result)
    return result


class _Walk:
    """The breadth-first walk over states. Flags are a bit mask of the tested flags; the seen scores are a
    tuple in a fixed order. Each node's choices are turned into masks and score vectors once."""

    def __init__(self, scenario: Scenario, graph: StoryGraph, result: Analysis, max_states: int):
        self.graph = graph
        self.result = result
        self.max_states = max_states
        tested_flags, self.seen_scores = _seen(scenario, graph)
        self.bit = {f: 1 << i for i, f in enumerate(tested_flags)}
        self.flagsets: dict[int, frozenset[str]] = {}
        self.position = {s: i for i, s in enumerate(result.standards)}
        self.zero = (0,) * len(result.standards)
        self.made: dict[str, list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]] = {}
        self.index: dict[tuple, int] = {}
        self.plans: dict[str, list[tuple] | None] = {}

    def mask(self, flags) -> int:
        bit = self.bit
        return sum(bit[f] for f in set(flags) if f in bit)

    def flagset(self, mask: int) -> frozenset[str]:
        found = self.flagsets.get(mask)
        if found is None:
            found = self.flagsets[mask] = frozenset(f for f, b in self.bit.items() if mask & b)
        return found

    def scoremap(self, seen: tuple[int, ...]) -> dict[str, int]:
        return dict(zip(self.seen_scores, seen, strict=True))

    def choice_effects(self, node_id: str) -> list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]:
        """(set mask, clear mask, delta over the standards, delta over the seen scores, span) of each choice."""
        found = self.made.get(node_id)
        if found is None:
            found = []
            for choice in self.graph.nodes[node_id].choices or ():
                delta = [0] * len(self.zero)
                for sid, value in choice.scores.items():
                    delta[self.position[sid]] += value
                total = sum(choice.scores.values())
                seen = tuple(total if s == "total" else choice.scores.get(s, 0) for s in self.seen_scores)
                span = (*delta, *(-d for d in delta)) if any(delta) else None
                delta = tuple(delta) if span else self.zero
                found.append((self.mask(choice.set_flags), self.mask(choice.clear_flags), delta, seen, span))
            self.made[node_id] = found
        return found

    def state(self, key: tuple) -> int:
        found = self.index.get(key)
        if found is None:
            result = self.result
            if len(result.keys) >= self.max_states:
                raise AnalysisError(f"the story has more than {self.max_states:,} states (places × the flags "
                                    "and scores its conditions test): too many to analyse")
            found = self.index[key] = len(result.keys)
            result.keys.append(key)
        return found

    def arrive(self, target: str, mask: int, seen: tuple[int, ...]) -> tuple:
        """The state key where the story stops on going to `target` (as StoryGraph.arrive, noting the
        routing nodes passed and the routes taken)."""
        graph, result = self.graph, self.result
        node = graph.nodes.get(target)
        if node is not None and not node.routes and target not in graph.endings:  # nearly always
            result.reached_nodes.add(target)
            return (target, mask, seen)
        for _ in range(1000):
            if target in graph.endings:
                return (_END, target)
            node = graph.nodes.get(target)
            if node is None:
                raise AnalysisError(f"'{target}' is neither a node nor an ending")
            result.reached_nodes.add(target)
            if not node.routes:
                return (target, mask, seen)
            taken = route_taken(node, self.flagset(mask), self.scoremap(seen))
            if taken is None:
                raise AnalysisError(f"no route out of '{target}' matches and none is a default")
            result.taken_routes.add((target, taken))
            target = node.routes[taken].goto
        raise AnalysisError(f"routing from '{target}' goes round in circles")

    def plan(self, node_id: str) -> list[tuple] | None:
        """A node whose choices have no conditions offers the same moves in every state: (edge, number,
        set mask, clear mask, delta, seen delta) for each, worked out once. None for a node with conditions."""
        if node_id in self.plans:
            return self.plans[node_id]
        found = None
        if not self.graph.conditions(node_id):
            found = []
            effects = None
            for edge in self.graph.moves(node_id, frozenset(), {}):
                if edge.kind == "choice":
                    effects = effects or self.choice_effects(node_id)
                    found.append((edge, len(found) + 1, *effects[edge.index]))
                else:
                    found.append((edge, 0, 0, 0, self.zero, None, None))
        self.plans[node_id] = found
        return found

    def moves(self, node_id: str, mask: int, seen: tuple[int, ...]) -> list[tuple]:
        found = self.plan(node_id)
        if found is not None:
            return found
        effects = self.choice_effects(node_id)
        found = []
        for edge in self.graph.moves(node_id, self.flagset(mask), self.scoremap(seen)):
            if edge.kind == "choice":
                found.append((edge, len(found) + 1, *effects[edge.index]))
            else:
                found.append((edge, 0, 0, 0, self.zero, None, None))
        return found

    def run(self) -> None:
        result, graph = self.result, self.graph
        start = graph.start
        if not graph.knows(start):
            raise AnalysisError(f"start names no node: '{start}'")
        self.state(self.arrive(start, 0, (0,) * len(self.seen_scores)))
        keys, steps, shown, state, arrive = result.keys, result.steps, result.shown, self.state, self.arrive
        i = 0
        while i < len(keys):
            key = keys[i]
            out: list[tuple] = []
            steps.append(out)
            if key[0] == _END:
                result.ending_state[key[1]] = i
                i += 1
                continue
            i += 1
            node_id, mask, seen = key
            for edge, number, sets, clears, delta, seen_delta, span in self.moves(node_id, mask, seen):
                if number:
                    shown.add((node_id, edge.index))
                    new_mask = (mask | sets) & ~clears
                    new_seen = tuple(map(add, seen, seen_delta)) if seen else seen
                    out.append((state(arrive(edge.target, new_mask, new_seen)), number, delta, edge, span))
                else:
                    out.append((state(arrive(edge.target, mask, seen)), 0, delta, edge, None))


def _no_loops(graph: StoryGraph) -> None:
    """A story that can come back to a node has no end to its ways (and a score read by a condition would
    make endless states): refused before the walk, as Kahn's order over the nodes leaves the loop over."""
    out = graph.successor_map()
    reached = graph.reachable(out=out)  # a loop nothing leads to is CP303's, not ours
    out = {n: targets for n, targets in out.items() if n in reached}
    incoming = dict.fromkeys(out, 0)
    for targets in out.values():
        for t in targets:
            if t in incoming:
                incoming[t] += 1
    ready = [n for n, k in incoming.items() if not k]
    while ready:
        for t in out[ready.pop()]:
            if t in incoming:
                incoming[t] -= 1
                if not incoming[t]:
                    ready.append(t)
    looped = [n for n, k in incoming.items() if k]
    if looped:
        _loop_error(looped)


def _loop_error(looped: list[str]) -> None:
    shown = ", ".join(f"'{n}'" for n in looped[:6]) + (" …" if len(looped) > 6 else "")
    raise AnalysisError(f"the story can go round in a loop through {shown}, so there is no end to the ways "
                        "through it: lead every loop out towards an ending without coming back")


def _order(result: Analysis) -> None:
    """Kahn's topological order of the states; a state left over lies on a loop."""
    count = len(result.keys)
    incoming = [0] * count
    for out in result.steps:
        for step in out:
            incoming[step[0]] += 1
    ready = [s for s in range(count) if not incoming[s]]
    order = []
    while ready:
        s = ready.pop()
        order.append(s)
        for step in result.steps[s]:
            t = step[0]
            incoming[t] -= 1
            if not incoming[t]:
                ready.append(t)
    if len(order) < count:
        _loop_error(sorted({result.keys[s][0] for s in range(count) if incoming[s]} - {_END}))
    result.order = order


def _ranges(result: Analysis) -> None:
    """Shortest ways (fewest choices, then the first found) and score ranges, in topological order.

    The lowest and highest totals travel as one tuple, the lows then the highs negated, so that one
    `map(add)` moves both along an edge (adding the step's span: delta then -delta) and one `map(min)`
    merges two ways in."""
    count = len(result.keys)
    width = len(result.standards)
    fewest: list[float] = [float("inf")] * count
    parent: list[tuple[int, int] | None] = [None] * count
    bounds: list[tuple[int, ...] | None] = [None] * count
    fewest[0] = 0
    bounds[0] = (0,) * (2 * width)
    steps = result.steps
    for s in result.order:
        here, span_here = fewest[s], bounds[s]
        for k, (t, number, _, _, span) in enumerate(steps[s]):
            d = here + 1 if number else here
            if d < fewest[t]:
                fewest[t], parent[t] = d, (s, k)
            new = tuple(map(add, span_here, span)) if span else span_here
            old = bounds[t]
            if old is None:
                bounds[t] = new
            elif old != new:
                bounds[t] = tuple(map(min, old, new))
    result.parent = parent
    result.low = [None if b is None else b[:width] for b in bounds]
    result.high = [None if b is None else tuple(-v for v in b[width:]) for b in bounds]
