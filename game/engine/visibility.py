"""Can a node's conditions hide every one of its choices? (the reasoning behind CP310)

The rule, conservative on purpose (it may warn about a combination no playthrough can produce, but it
never misses one that some playthrough does produce):

1. A choice without `when` is always shown, so such a node is safe.
2. Flags: a forward data-flow over the story graph works out, for each node, which flags MAY be set on
   arrival (set on some path) and which MUST be set (set on every path). Every edge counts as takeable,
   whatever its condition. A flag no choice ever sets is always unset.
3. Scores: each standard a test names (and 'total') is treated as an independent whole number, except
   that a standard no choice ever scores is always 0. Only values either side of each threshold matter,
   so a handful of values per score covers every case.
4. Every combination of those flag and score values is tried. If one makes every `when` false, that
   combination is reported as the example. If there are too many combinations to try, the node is
   reported as unproven rather than passed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from itertools import product

from .conditions import holds, walk
from .graph import StoryGraph
from .model import FlagSet, FlagUnset, Node, ScoreTest

MAX_COMBINATIONS = 4096


class FlagFlow:
    """Which flags may be, and which must be, set when the story arrives at each node."""

    def __init__(self, graph: StoryGraph):
        self.bit: dict[str, int] = {}
        for node in graph.nodes.values():
            for choice in node.choices or ():
                for flag in choice.set_flags:
                    self.bit.setdefault(flag, 1 << len(self.bit))
        self.may: dict[str, int] = {}
        self.must: dict[str, int] = {}
        if graph.is_node(graph.start):
            self._flow(graph)

    def _mask(self, flags: Iterable[str]) -> int:
        mask = 0
        for flag in flags:
            mask |= self.bit.get(flag, 0)
        return mask

    def _flow(self, graph: StoryGraph) -> None:
        # Each node's edges as (target, bits set, bits cleared), for the nodes the story can stop at: an id
        # that is also an ending ends the story there. Routes and `next` set and clear nothing.
        edges: dict[str, list[tuple[str, int, int]]] = {}
        for node_id in graph.successor_map():
            edges[node_id] = [(e.target, self._mask(e.sets), self._mask(e.clears)) for e in graph.edges(node_id)]
        start = graph.start
        may, must = self.may, self.must
        may[start] = must[start] = 0
        queue, queued = deque([start]), {start}
        while queue:
            here = queue.popleft()
            queued.discard(here)
            for target, set_bits, clear_bits in edges[here]:
                if target not in edges:
                    continue
                out_may = (may[here] | set_bits) & ~clear_bits
                out_must = (must[here] | set_bits) & ~clear_bits
                if target in may:
                    new_may, new_must = may[target] | out_may, must[target] & out_must
                    if new_may == may[target] and new_must == must[target]:
                        continue
                    may[target], must[target] = new_may, new_must
                else:
                    may[target], must[target] = out_may, out_must
                if target not in queued:
                    queued.add(target)
                    queue.append(target)

    def values(self, node_id: str, flag: str) -> tuple[bool, ...]:
        """The values `flag` can have on arrival at `node_id`."""
        bit = self.bit.get(flag)
        if bit is None:
            return (False,)
        if node_id not in self.may:  # never reached from the start: assume anything settable
            return (False, True)
        can_be_set = bool(self.may[node_id] & bit)
        must_be_set = bool(self.must[node_id] & bit)
        return tuple(v for v, ok in ((False, not must_be_set), (True, can_be_set)) if ok)


def _atoms(condition, flags: set[str], tests: list[ScoreTest]) -> None:
    for part, _ in walk(condition):
        kind = type(part)
        if kind is FlagSet:
            flags.add(part.flag)
        elif kind is FlagUnset:
            flags.add(part.not_flag)
        elif kind is ScoreTest:
            tests.append(part)


def _score_values(name: str, tests: list[ScoreTest], scored: set[str]) -> list[int]:
    if (name not in scored) if name != "total" else not scored:  # never scored: always 0
        return [0]
    values = {0}
    for t in tests:
        if t.score == name:
            if t.at_least is not None:
                values.update((t.at_least - 1, t.at_least))
            if t.at_most is not None:
                values.update((t.at_most, t.at_most + 1))
    return sorted(values)


def _describe(flags: Mapping[str, bool], scores: Mapping[str, int]) -> str:
    parts = [f"flag '{f}' is {'set' if on else 'not set'}" for f, on in sorted(flags.items())]
    parts += [("the total score" if s == "total" else f"the score for standard {s}") + f" is {v}"
              for s, v in sorted(scores.items())]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0] if parts else "always"


def hiding_example(node_id: str, node: Node, flow: FlagFlow, scored: set[str]) -> str | None:
    """None when some choice is always shown; otherwise a description of a state that hides them all
    (or of why it could not be proven that one is always shown)."""
    choices = node.choices or []
    if not choices or any(c.when is None for c in choices):
        return None
    flag_names: set[str] = set()
    tests: list[ScoreTest] = []
    for c in choices:
        _atoms(c.when, flag_names, tests)
    flag_list = sorted(flag_names)
    score_list = sorted({t.score for t in tests})
    flag_options = [flow.values(node_id, f) for f in flag_list]
    score_options = [_score_values(s, tests, scored) for s in score_list]
    count = 1
    for options in (*flag_options, *score_options):
        count *= len(options)
    if count > MAX_COMBINATIONS:
        return f"its conditions combine {count:,} ways, too many to prove that one choice is always shown"
    for flag_values in product(*flag_options):
        flags = dict(zip(flag_list, flag_values, strict=True))
        on = {f for f, value in flags.items() if value}
        for score_values in product(*score_options):
            scores = dict(zip(score_list, score_values, strict=True))
            if not any(holds(c.when, on, scores) for c in choices):
                return "for example when " + _describe(flags, scores)
    return None


def may_be_set(scenario, bits: dict[str, int]) -> dict[str | None, int]:
    """For the flags in `bits` only: which may be set on arrival at each node reached from the start (the
    `may` half of FlagFlow, without building edges: the validator runs it on every file, FlagFlow only for
    nodes whose choices may all be hidden). Key None holds the flags some choice sets at all."""
    nodes, endings = scenario.nodes, scenario.endings
    ways: dict[str, list[tuple[str, int, int]]] = {}
    every = 0
    for node_id, node in nodes.items():
        if node_id in endings:
            continue
        out = []
        if node.routes:
            out = [(r.goto, 0, 0) for r in node.routes]
        else:
            for c in node.choices or ():
                set_bits = clear_bits = 0
                for flag in c.set_flags:
                    set_bits |= bits.get(flag, 0)
                for flag in c.clear_flags:
                    clear_bits |= bits.get(flag, 0)
                every |= set_bits
                out.append((c.goto, set_bits, clear_bits))
            if node.next is not None:
                out.append((node.next, 0, 0))
        ways[node_id] = out
    may: dict[str | None, int] = {None: every}
    start = scenario.start
    if start not in ways:
        return may
    may[start] = 0
    queue, queued = deque([start]), {start}
    while queue:
        here = queue.popleft()
        queued.discard(here)
        now = may[here]
        for target, set_bits, clear_bits in ways[here]:
            if target not in ways:
                continue
            arriving = (now | set_bits) & ~clear_bits
            before = may.get(target)
            if before is not None and arriving | before == before:
                continue
            may[target] = arriving if before is None else before | arriving
            if target not in queued:
                queued.add(target)
                queue.append(target)
    return may
