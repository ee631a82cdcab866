"""The story map: a scenario's shape as labelled nodes and edges, worked out from the one story graph.

Nothing here is stored or drawn: `python main.py map` writes it as Mermaid or Graphviz, and an in-game map
can lay out the same nodes and edges. Every label is plain text (no markup), already cleaned of control
characters; each format escapes it its own way.

- scenes by title (the id when there is none), the start and any node no playthrough reaches said in words;
- choices as numbered edges, numbered as written (the terminal numbers the choices shown, so a choice after a
  hidden one moves up: a conditional choice says when it is shown);
- routes with their condition in words, and 'otherwise' for the default;
- endings with their outcome and its rung on the ladder, and a band (`BANDS`) that a format draws as a shape;
- the flags each choice sets and clears and each condition tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from . import reference, tokens
from .controls import BIDI, UNDRAWABLE
from .graph import Edge, StoryGraph
from .model import Scenario
from .wording.conditions import flags_tested, when_choice, when_route

NodeKind = Literal["scene", "routing", "ending", "missing"]
LABEL_CHARS = 48  # a title's words on the map; the whole text goes in the tooltip
CHOICE_CHARS = 64  # a choice's words: two short lines, so that the edges beside it stay close together
EDGE_LINE = 26  # an edge label's line: narrow, as the edges of one node are drawn side by side
NODE_LINE = 28  # a node label's line: endings share the bottom row, so each must be narrow


@dataclass(frozen=True)
class Band:
    key: str  # names the shape (and a fill) a format draws: never the only sign of the band
    words: str
    worst: int  # the highest severity in the band


# Bands of the outcome ladder (game/data/outcomes.yaml, severity 0 best): drawn as four different shapes.
BANDS = (
    Band("good", "no concern", 1),
    Band("work", "dealt with at work", 3),
    Band("regulator", "regulator, no restriction", 6),  # up to a caution order (a warning)
    Band("sanction", "practice restricted or ended", 10**6),
)


def band(severity: int) -> Band:
    return next(b for b in BANDS if severity <= b.worst)


@dataclass(frozen=True)
class MapNode:
    key: str  # 'n1', 'n2'…: safe in every format, whatever the scenario's ids are
    id: str
    kind: NodeKind
    title: str  # shortened
    lines: tuple[str, ...] = ()  # more words under the title: 'start', the outcome and its rung
    tooltip: str = ""
    band: Band | None = None  # endings only
    reachable: bool = True

    @property
    def label_lines(self) -> tuple[str, ...]:
        return wrapped((self.title, *self.lines), NODE_LINE)


@dataclass(frozen=True)
class MapEdge:
    source: str  # node keys
    target: str
    kind: str  # 'choice', 'route' or 'next'
    number: int  # as written: the choice's or route's place in its node, 1-based
    head: str  # '1 · Accept the request', '2 · otherwise', 'continue'
    tooltip: str
    condition: str | None = None  # 'shown only if …' (a choice); a route's condition is in its head
    sets: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()

    @property
    def label_lines(self) -> tuple[str, ...]:
        out = [self.head]
        if self.condition:
            out.append(self.condition)
        if self.sets:
            out.append("sets " + ", ".join(self.sets))
        if self.clears:
            out.append("clears " + ", ".join(self.clears))
        return wrapped(out, EDGE_LINE)


@dataclass(frozen=True)
class StoryMap:
    scenario_id: str
    title: str
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]

    def node(self, node_id: str) -> MapNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)


def wrapped(lines, width: int = LABEL_CHARS) -> tuple[str, ...]:
    """Label lines no wider than `width`: a long title or condition wraps at words instead of widening.
    (Not textwrap: a 10,000-node map has 30,000 labels, and textwrap took seconds over them.)"""
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return tuple(out)


def clean(text: str) -> str:
    """One line of text fit for any format: no control or bidi characters, runs of white space as one."""
    return " ".join(BIDI.sub("", UNDRAWABLE.sub(" ", text)).split())


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """At most `limit` characters, cut at a word where there is one, with '…' when cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return re.sub(r"[\s,;:.\-–—]+$", "", cut) + "…"


def build(scenario: Scenario) -> StoryMap:
    """The map of a scenario: nodes from the start outwards (breadth first), then any never reached, then the
    endings in ladder order; edges as the engine can take them."""
    framework = reference.framework(scenario.framework)
    if framework is not None:  # titles and choices as its own framework's players read them ($regulator filled in)
        scenario = tokens.render_scenario(scenario, framework.regulator.words)
    graph = StoryGraph(scenario)
    shorts = {s.id: s.short for s in framework.standards} if framework else {}
    reached = graph.reachable()
    order = _order(graph)
    missing = [t for n in order if graph.is_node(n) for t in graph.successors(n) if not graph.knows(t)]
    ids = list(dict.fromkeys([*order, *missing]))
    keys = {node_id: f"n{i}" for i, node_id in enumerate(ids, 1)}
    nodes = tuple(_node(graph, node_id, keys[node_id], node_id in reached) for node_id in ids)
    edges = tuple(_edge(e, keys, shorts) for n in order if graph.is_node(n) for e in graph.edges(n))
    return StoryMap(scenario.id, clean(scenario.title), nodes, edges)


def _order(graph: StoryGraph) -> list[str]:
    out = graph.successor_map()
    seen: dict[str, None] = {}
    queue = [graph.start] if graph.is_node(graph.start) else []
    for node_id in queue:  # grows as it goes: breadth first without recursion
        if node_id in seen:
            continue
        seen[node_id] = None
        queue.extend(t for t in out.get(node_id, ()) if graph.is_node(t) and t not in seen)
    nodes = [*seen, *(n for n in graph.nodes if graph.is_node(n) and n not in seen)]
    ladder = reference.ladder()
    rank = {o.id: o.severity for o in ladder.outcomes}
    endings = sorted(graph.endings, key=lambda e: rank.get(graph.endings[e].outcome, len(rank)))
    return nodes + endings


def _node(graph: StoryGraph, node_id: str, key: str, reachable: bool) -> MapNode:
    never = () if reachable else ("never reached",)
    if graph.is_ending(node_id):
        return _ending(graph, node_id, key, reachable)
    if not graph.is_node(node_id):
        return MapNode(key, node_id, "missing", shorten(f"missing: {node_id}"),
                       ("no such node or ending",), f"'{node_id}' is neither a node nor an ending")
    node = graph.nodes[node_id]
    title = clean(node.title) if node.title else clean(node_id)
    start = ("start",) if node_id == graph.start else ()
    kind: NodeKind = "routing" if node.routes else "scene"
    routes = ("routes on at once",) if node.routes else ()
    return MapNode(key, node_id, kind, shorten(title), (*start, *routes, *never),
                   f"{title} (node {clean(node_id)})", None, reachable)


def _ending(graph: StoryGraph, node_id: str, key: str, reachable: bool) -> MapNode:
    ending = graph.endings[node_id]
    ladder = reference.ladder()
    framework = reference.framework(graph.scenario.framework)
    played = ladder.get(ending.outcome) if framework is None else ladder.played_rung(ending.outcome, framework)
    title = clean(ending.title)
    never = () if reachable else ("never reached",)
    if played is None:  # the validator reports it; the map still shows the ending
        return MapNode(key, node_id, "ending", shorten(title), (f"unknown outcome {clean(ending.outcome)}", *never),
                       title, None, reachable)
    # as the scenario's own framework words it: its regulator's sanction, on its ladder
    outcome, sanction = played if framework is not None else (played, None)
    rungs = ladder.played(framework).outcomes if framework is not None else ladder.outcomes
    place = next(i for i, o in enumerate(rungs) if o.id == outcome.id)
    rung, words = f"rung {place + 1} of {len(rungs)}", band(outcome.severity).words
    label = outcome.label(sanction.months_played(ending.months) if sanction else ending.months)
    return MapNode(key, node_id, "ending", shorten(title), (label, rung, words, *never),
                   f"Ending: {title}. Outcome: {label}, {rung} on the outcome ladder (rung 1 is the best): {words}.",
                   band(outcome.severity), reachable)


def _edge(edge: Edge, keys: dict[str, str], shorts: dict[str, str]) -> MapEdge:
    tests = tuple(flags_tested(edge.when))
    if edge.kind == "next":
        return MapEdge(keys[edge.source], keys[edge.target], "next", 1, "continue", "continue")
    if edge.kind == "route":
        words = clean(when_route(edge.when, shorts))
        return MapEdge(keys[edge.source], keys[edge.target], "route", edge.number, f"{edge.number} · {words}",
                       f"route {edge.number}: {words}", tests=tests)
    text = clean(edge.text or "")
    shown = when_choice(edge.when, shorts)
    tooltip = f"choice {edge.number}: {text}" + (f" ({shown})" if shown else "")
    return MapEdge(keys[edge.source], keys[edge.target], "choice", edge.number,
                   shorten(f"{edge.number} · {text}", CHOICE_CHARS), tooltip, shown, edge.sets, edge.clears, tests)
