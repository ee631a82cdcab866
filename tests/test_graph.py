"""The story graph: one set of way-on rules, which the engine, the validator and the tests share."""

from __future__ import annotations

import itertools
import random

import pytest

from game.engine.graph import Edge, StoryGraph, edges, successors, way_on, written_targets, written_ways
from game.engine.loader import load_file
from game.engine.story import Story, autoplay

from .conftest import SCENARIOS
from .scenario_text import load_nodes

ENDINGS = """endings:
  end: {title: E, text: t, outcome: commended, debrief: {what_happened: x, reflection: [q]}}
  other: {title: O, text: t, outcome: commended, debrief: {what_happened: x, reflection: [q]}}
"""

MIXED = """
a:
  routes: [{when: {flag: f}, goto: other}, {goto: b}]
  choices: [{text: Never shown, goto: other, feedback: f}]
  next: other
b:
  choices:
    - {text: Go, goto: c, feedback: f, set_flags: [f], scores: {"1": 2}}
    - {text: Hidden, goto: other, feedback: f, when: {flag: f}}
  next: other
c:
  choices: [{text: Only with f, goto: end, feedback: f, when: {flag: f}}]
  next: end
"""


def graph_of(nodes: str = MIXED) -> StoryGraph:
    return StoryGraph(load_nodes("graph", nodes, ENDINGS).scenario)


def test_routes_win_over_choices_and_next():
    g = graph_of()
    a = g.nodes["a"]
    assert way_on(a) == "routes" and written_ways(a) == ["choices", "routes", "next"]
    assert successors(a) == ["other", "b"]
    assert [e.kind for e in g.edges("a")] == ["route", "route"]
    assert written_targets(a) == ["other", "other", "b", "other"]
    assert [(e.kind, e.index) for e in edges("a", a, written=True)] == \
        [("choice", 0), ("route", 0), ("route", 1), ("next", 0)]


def test_the_way_on_of_each_kind_of_node():
    g = graph_of("""
        a: {choices: [{text: Go, goto: b, feedback: f}]}
        b: {next: end}
        c: {choices: [], next: end}
        d: {lines: [{text: stuck}]}
        """)
    assert [way_on(g.nodes[n]) for n in "abcd"] == ["choices", "next", "next", None]
    assert written_ways(g.nodes["c"]) == ["next"]  # an empty list counts as absent


def test_moves_in_a_state_are_what_the_engine_offers():
    g = graph_of()
    assert [e.target for e in g.moves("a", set(), {})] == ["b"]
    assert [e.target for e in g.moves("a", {"f"}, {})] == ["other"]
    assert [e.text for e in g.moves("b", set(), {})] == ["Go"]
    assert [e.text for e in g.moves("b", {"f"}, {})] == ["Go", "Hidden"]
    assert [(e.kind, e.target) for e in g.moves("c", set(), {})] == [("next", "end")]  # every choice hidden


def test_edges_carry_what_a_map_and_a_path_analysis_need():
    go, hidden, fallback = graph_of().edges("b")
    assert (go.kind, go.number, go.text, go.sets, go.clears, go.scores) == ("choice", 1, "Go", ("f",), (), (("1", 2),))
    assert hidden.when is not None and hidden.number == 2
    assert (fallback.kind, fallback.target, fallback.path) == ("next", "other", ("nodes", "b", "next"))
    assert go.path == ("nodes", "b", "choices", 0, "goto")
    assert go == Edge("b", "choice", 0, "c") and len({go, hidden, fallback}) == 3
    with pytest.raises(AttributeError):
        go.target = "end"  # frozen


def test_arriving_follows_routes_and_an_ending_wins():
    g = graph_of()
    assert g.arrive("a", set(), {}) == "b"
    assert g.arrive("a", {"f"}, {}) == "other"
    assert g.arrive("end", set(), {}) == "end"
    both = graph_of("""
        a: {next: end}
        end: {next: a}
        """)
    assert both.is_ending("end") and not both.is_node("end") and both.arrive("end", set(), {}) == "end"


@pytest.mark.parametrize(("nodes", "words"), [
    ("a: {routes: [{when: {flag: f}, goto: end}]}\n", "no route out of 'a' matches"),
    ("a: {routes: [{goto: nowhere}]}\n", "'nowhere' is neither a node nor an ending"),
    ("a: {routes: [{goto: b}]}\nb: {routes: [{goto: a}]}\n", "goes round in circles"),
])
def test_a_broken_way_on_is_a_value_error_in_words(nodes, words):
    with pytest.raises(ValueError, match=words):
        graph_of(nodes).arrive("a", set(), {})


def test_reachability_both_ways():
    g = graph_of("""
        a: {choices: [{text: Go, goto: b, feedback: f}, {text: Loop, goto: a, feedback: f}]}
        b: {next: end}
        lost: {next: lost}
        """)
    assert g.reachable() == {"a", "b", "end"}
    assert g.reachable("zz") == set()
    assert g.reaching(["end"]) == {"a", "b", "end"}
    assert "lost" not in g.reaching(g.endings)


def test_conditions_are_listed_with_their_paths():
    found = graph_of().conditions("b")
    assert [(type(c).__name__, path) for c, path in found] == \
        [("FlagSet", ("nodes", "b", "choices", 1, "when"))]
    assert [path for _, path in graph_of().conditions("a")] == [("nodes", "a", "routes", 0, "when")]
    assert graph_of().conditions("c")[0][1] == ("nodes", "c", "choices", 0, "when")


def test_the_engine_plays_the_graph_rules():
    story = Story(load_nodes("graph", MIXED, ENDINGS).scenario)
    assert story.scene.node == "b"  # routed on from a at once; a's own choice is never offered
    assert [c.text for c in story.scene.choices] == [e.text for e in story.graph.moves("b", story.flags, {})]
    story.choose(1)  # sets f, so c's one choice is shown and its `next` is not used
    assert (story.scene.node, [c.text for c in story.scene.choices]) == ("c", ["Only with f"])
    story.choose(1)
    assert story.is_over and story.state.ending == "end"
    story.restart()
    assert story.state.visited == ["b"]


def one_step(graph: StoryGraph, here: str) -> set[str]:
    """Where the story can stop next: a successor, or beyond it through nodes that route on at once."""
    found, todo = set(), list(graph.successors(here))
    while todo:
        target = todo.pop()
        if target not in found:
            found.add(target)
            if graph.is_node(target) and way_on(graph.nodes[target]) == "routes":
                todo.extend(graph.successors(target))
    return found


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_step_of_random_play_follows_an_edge(path):
    scenario = load_file(path).scenario
    graph = StoryGraph(scenario)
    for seed in range(5):
        story = Story(scenario)
        autoplay(story, random.Random(seed))
        stops = [*story.state.visited, story.state.ending]
        for here, there in itertools.pairwise(stops):
            assert there in one_step(graph, here), (here, there)
        assert set(stops) <= graph.reachable()
