"""The story map's layered layout (game/engine/layout.py): layers by longest distance from the start,
cycles and unreachable nodes, waypoints on long edges, crossing reduction, and no two nodes overlapping,
on hand-made graphs and on every library scenario's story map."""

from __future__ import annotations

import random
from itertools import pairwise

from game.engine import layout, storymap
from game.engine.checked import check_file
from tests.conftest import SCENARIOS


def _no_overlap(result: layout.Layout, gap: float) -> None:
    for row in result.layers:
        placed = [result.nodes[n] for n in row]
        for a, b in pairwise(placed):
            assert a.x + a.w + gap <= b.x + 1e-6, (a, b)


def test_layers_are_the_longest_distance_from_the_start():
    # a -> b -> c and a -> c: c sits below b (longest path), not beside it
    result = layout.layered(["a", "b", "c"], [("a", "b"), ("b", "c"), ("a", "c")], start="a")
    assert [result.nodes[n].layer for n in "abc"] == [0, 1, 2]
    assert result.layers == [["a"], ["b"], ["c"]]
    assert len(result.routes[("a", "c")]) == 1  # a waypoint in the layer it skips
    assert result.routes[("a", "b")] == []
    assert result.nodes["a"].y < result.nodes["b"].y < result.nodes["c"].y


def test_a_loop_back_does_not_drag_earlier_scenes_down():
    edges = [("start", "mid"), ("mid", "late"), ("late", "start"), ("late", "end")]
    result = layout.layered(["start", "mid", "late", "end"], edges, start="start")
    assert result.reversed == {("late", "start")}
    assert [result.nodes[n].layer for n in ("start", "mid", "late", "end")] == [0, 1, 2, 3]
    assert len(result.routes[("late", "start")]) == 1
    # a route going up lists its waypoints from its source (below) to its target (above)
    route = result.routes[("late", "start")]
    assert result.nodes["start"].y < route[0][1] < result.nodes["late"].y


def test_self_loops_repeats_and_unknown_targets_are_left_out():
    result = layout.layered(["a", "b"], [("a", "a"), ("a", "b"), ("a", "b"), ("a", "ghost")], start="a")
    assert set(result.nodes) == {"a", "b"}
    assert set(result.routes) == {("a", "b")}


def test_unreachable_nodes_are_placed_too():
    result = layout.layered(["s", "t", "lost", "lost2"], [("s", "t"), ("lost", "lost2")], start="s")
    assert set(result.nodes) == {"s", "t", "lost", "lost2"}
    assert result.nodes["lost2"].layer == result.nodes["lost"].layer + 1
    assert result.layers[0][0] == "s"  # the start heads the first layer
    _no_overlap(result, 1.0)


def test_bottom_nodes_share_the_last_layer():
    edges = [("s", "a"), ("a", "b"), ("b", "good"), ("s", "bad")]
    result = layout.layered(["s", "a", "b", "good", "bad"], edges, start="s", bottom=["good", "bad"])
    assert result.nodes["good"].layer == result.nodes["bad"].layer == 3
    assert len(result.routes[("s", "bad")]) == 2


def test_barycentre_sweeps_untangle_a_crossed_pair():
    # given in the order that crosses both pairs of edges: a->y, b->x
    edges = [("r", "a"), ("r", "b"), ("a", "y"), ("b", "x")]
    result = layout.layered(["r", "a", "b", "x", "y"], edges, start="r")
    assert result.crossings == 0
    assert result.layers[2] == ["y", "x"]


def test_sizes_and_gaps_are_kept():
    sizes = {"s": (10, 2), "a": (4, 5), "b": (6, 1), "c": (3, 3)}
    result = layout.layered(list(sizes), [("s", "a"), ("s", "b"), ("s", "c")], start="s",
                            size=sizes.__getitem__, gap_x=2, gap_y=3)
    assert all((result.nodes[n].w, result.nodes[n].h) == sizes[n] for n in sizes)
    _no_overlap(result, 2)
    assert result.nodes["a"].y == 2 + 3  # the first layer's height, then the gap
    assert result.height == 2 + 3 + 5
    assert min(p.x for p in result.nodes.values()) == 0


def test_a_long_chain_and_a_random_graph_are_fine():
    n = 5000
    chain = layout.layered(list(range(n)), [(i, i + 1) for i in range(n - 1)] + [(n - 1, 0)], start=0)
    assert chain.nodes[n - 1].layer == n - 1  # no recursion limit on the walk
    rng = random.Random(4)
    nodes = list(range(300))
    edges = [(rng.randrange(300), rng.randrange(300)) for _ in range(900)]
    result = layout.layered(nodes, edges, start=0, bottom=range(290, 300))
    assert set(result.nodes) == set(nodes)
    _no_overlap(result, 1.0)
    for (a, b), points in result.routes.items():
        if (a, b) in result.reversed:
            continue
        la, lb = result.nodes[a].layer, result.nodes[b].layer
        # a waypoint per layer crossed, or none at all: past the budget a long edge is drawn straight
        assert len(points) in (0, max(0, abs(lb - la) - 1))


def test_every_library_map_lays_out_without_overlaps():
    for path in sorted(SCENARIOS.glob("*.yaml")):
        checked = check_file(path)
        if checked.scenario is None:
            continue  # a file mid-edit in the library: the library's own tests report it
        story_map = storymap.build(checked.scenario)
        keys = [node.key for node in story_map.nodes]
        edges = [(e.source, e.target) for e in story_map.edges]
        endings = [n.key for n in story_map.nodes if n.kind == "ending"]
        result = layout.layered(keys, edges, start=keys[0], bottom=endings, size=lambda _k: (8.0, 3.0))
        assert set(result.nodes) == set(keys), path.name
        assert result.layers[0][0] == keys[0]
        assert all(result.nodes[k].layer == len(result.layers) - 1 for k in endings)
        _no_overlap(result, 1.0)
