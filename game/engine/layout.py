"""A layered layout of a directed graph (Sugiyama's method), for drawing the story map in the game. Pure Python.

1. Layers: every node's longest distance from a root (the start first), after turning the edges that close
   a cycle (found by a depth-first walk from the start, then from the nodes it never reached) round, so a
   loop back to an earlier scene never drags that scene down. Nodes in `bottom` (the endings) share the last
   layer, as in the exported map.
2. Edges that skip layers get one waypoint per layer crossed, so they are routed between the nodes rather
   than across them, and take part in the ordering.
3. Order within each layer: barycentre sweeps down and up, keeping the order with the fewest crossings.
4. Coordinates: each layer's nodes packed left to right, then pulled towards their neighbours' centres in
   both directions with the order kept and a gap between every two.

The sizes are the caller's (the UI measures its labels); the result is in the same units, top-left origin.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

SWEEPS = 8  # barycentre passes (down + up each): crossings stop improving long before this in practice
PULLS = 3  # coordinate passes (down and up each)
WAYPOINTS = 3  # waypoints on long edges, per node of the graph, at most


@dataclass(frozen=True)
class Placed:
    x: float  # top-left corner
    y: float
    w: float
    h: float
    layer: int
    order: int

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass
class Layout:
    nodes: dict[Hashable, Placed]
    # each edge as given, with the waypoints it passes through (centres of its skipped layers' slots)
    routes: dict[tuple[Hashable, Hashable], list[tuple[float, float]]] = field(default_factory=dict)
    layers: list[list[Hashable]] = field(default_factory=list)  # real nodes only, in order
    reversed: set[tuple[Hashable, Hashable]] = field(default_factory=set)  # edges that close a cycle
    crossings: int = 0
    width: float = 0.0
    height: float = 0.0


class _Dummy:
    """A waypoint of a long edge: one per layer the edge crosses."""

    __slots__ = ("edge", "i")

    def __init__(self, edge: tuple, i: int):
        self.edge, self.i = edge, i


def layered(nodes: Sequence[Hashable], edges: Iterable[tuple[Hashable, Hashable]], start: Hashable | None = None,
            size: Callable[[Hashable], tuple[float, float]] = lambda _node: (1.0, 1.0), gap_x: float = 1.0,
            gap_y: float = 2.0, bottom: Iterable[Hashable] = (), waypoint_w: float = 0.5) -> Layout:
    """Lay out `nodes` (in the order given, which breaks ties) joined by `edges` (pairs of nodes; edges to
    unknown nodes, self-loops and repeats are left out of the layout)."""
    known = dict.fromkeys(nodes)
    pairs = list(dict.fromkeys((a, b) for a, b in edges if a in known and b in known and a != b))
    flipped = _cycle_edges(known, pairs, start)
    dag = list(dict.fromkeys(((b, a) if (a, b) in flipped else (a, b)) for a, b in pairs))
    layer = _layers(known, dag, start, set(bottom) & set(known))
    rows, succ, pred = _with_waypoints(known, dag, layer)
    crossings = _order(rows, succ, pred)
    sizes: dict = {n: size(n) for n in known}
    for row in rows:
        for n in row:
            if isinstance(n, _Dummy):
                sizes[n] = (waypoint_w, 0.0)
    xs = _coordinates(rows, succ, pred, sizes, gap_x)
    out: dict[Hashable, Placed] = {}
    y = 0.0
    way: dict[tuple, list[tuple[float, float]]] = {}
    heights = []
    for li, row in enumerate(rows):
        h = max((sizes[n][1] for n in row), default=0.0)
        heights.append(h)
        for oi, n in enumerate(row):
            w, nh = sizes[n]
            if isinstance(n, _Dummy):
                way.setdefault(n.edge, []).append((n.i, (xs[n] + w / 2, y + h / 2)))
            else:
                out[n] = Placed(xs[n], y + (h - nh) / 2, w, nh, li, oi)
        y += h + gap_y
    routes = {}
    for a, b in pairs:  # waypoints run from the upper end to the lower: an edge going up reads them backwards
        down = (a, b) in way or (b, a) not in way
        points = [p for _, p in sorted(way.get((a, b) if down else (b, a), []), key=lambda t: t[0])]
        routes[(a, b)] = points if down else points[::-1]
    width = max((p.x + p.w for p in out.values()), default=0.0)
    height = max(0.0, y - gap_y)
    layers = [[n for n in row if not isinstance(n, _Dummy)] for row in rows]
    return Layout(out, routes, layers, flipped, crossings, width, height)


def _cycle_edges(known: dict, pairs: list[tuple], start) -> set[tuple]:
    """The edges that go back to a node still on the walk's path (a depth-first walk from `start`, then from
    each node not yet seen, preferring nodes nothing leads to). Iterative: a 10,000-node chain is fine."""
    out: dict = {n: [] for n in known}
    has_pred = set()
    for a, b in pairs:
        out[a].append(b)
        has_pred.add(b)
    roots = ([start] if start in known else []) + [n for n in known if n not in has_pred] + list(known)
    state: dict = {}  # 1 on the path, 2 done
    back: set[tuple] = set()
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(out[root]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(out[nxt])))
    return back


def _layers(known: dict, dag: list[tuple], start, bottom: set) -> dict:
    """Longest path from a root, in topological order (Kahn's); `bottom` nodes one below everything else."""
    out: dict = {n: [] for n in known}
    indeg = dict.fromkeys(known, 0)
    for a, b in dag:
        out[a].append(b)
        indeg[b] += 1
    layer = dict.fromkeys(known, 0)
    ready = [n for n in known if indeg[n] == 0]
    if start in known and start in ready:  # the start is read first: it heads the first layer
        ready.remove(start)
        ready.insert(0, start)
    i = 0
    while i < len(ready):
        node = ready[i]
        i += 1
        for t in out[node]:
            layer[t] = max(layer[t], layer[node] + 1)
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    if bottom:
        others = [layer[n] for n in known if n not in bottom]
        last = max(others, default=-1) + 1
        for n in bottom:
            layer[n] = last
    return layer


def _with_waypoints(known: dict, dag: list[tuple], layer: dict):
    """The rows (layers) with a waypoint per skipped layer on long edges, and the adjacency between
    neighbouring rows. Waypoints are budgeted (WAYPOINTS a node): the shortest long edges get theirs first,
    and an edge past the budget is drawn straight and left out of the ordering, so a huge tangled story
    still lays out in a moment (a readable scenario never comes near the budget)."""
    depth = max(layer.values(), default=-1) + 1
    rows: list[list] = [[] for _ in range(depth)]
    for n in known:  # first seen first: the caller's order is the starting order
        rows[layer[n]].append(n)
    succ: dict = {n: [] for n in known}
    pred: dict = {n: [] for n in known}
    spans = []
    for a, b in dag:
        if layer[b] < layer[a]:  # a bottom node's own way on points up: route it the other way round
            a, b = b, a
        spans.append((layer[b] - layer[a], a, b))
    budget = max(200, WAYPOINTS * len(known))
    for span, a, b in sorted(spans, key=lambda t: t[0]):
        if span == 0:  # two bottom nodes joined: no layer between to route through
            continue
        if span - 1 > budget:
            continue
        budget -= span - 1
        prev = a
        for i, li in enumerate(range(layer[a] + 1, layer[b])):
            d = _Dummy((a, b), i)
            rows[li].append(d)
            succ[d], pred[d] = [], []
            succ[prev].append(d)
            pred[d].append(prev)
            prev = d
        succ[prev].append(b)
        pred[b].append(prev)
    return rows, succ, pred


def _crossings(rows: list[list], succ: dict) -> int:
    total = 0
    for upper, lower in pairwise(rows):
        pos = {n: i for i, n in enumerate(lower)}
        ends = [i for n in upper for i in sorted(pos[t] for t in succ[n] if t in pos)]
        total += _inversions(ends)
    return total


def _inversions(seq: list[int]) -> int:
    """Pairs out of order (edge crossings between two layers), by a Fenwick tree: n log n."""
    if len(seq) < 2:
        return 0
    size = max(seq) + 2
    tree = [0] * size
    count = 0
    for seen, v in enumerate(seq):
        i, le = v + 1, 0
        while i > 0:  # how many seen so far are <= v
            le += tree[i]
            i -= i & -i
        count += seen - le
        i = v + 1
        while i < size:
            tree[i] += 1
            i += i & -i
    return count


def _sweep(rows: list[list], near: dict, downward: bool) -> None:
    indices = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
    for li in indices:
        fixed = rows[li - 1] if downward else rows[li + 1]
        pos = {n: i for i, n in enumerate(fixed)}
        row = rows[li]
        keyed = []
        for i, n in enumerate(row):
            ps = [pos[m] for m in near[n] if m in pos]
            keyed.append((sum(ps) / len(ps) if ps else float(i), i, n))  # no neighbours there: stay put
        keyed.sort(key=lambda t: (t[0], t[1]))
        rows[li] = [n for _, _, n in keyed]


def _order(rows: list[list], succ: dict, pred: dict) -> int:
    best = [list(r) for r in rows]
    best_x = _crossings(rows, succ)
    for _ in range(SWEEPS):
        if best_x == 0:
            break
        _sweep(rows, pred, True)
        _sweep(rows, succ, False)
        x = _crossings(rows, succ)
        if x < best_x:
            best, best_x = [list(r) for r in rows], x
        else:
            break  # no better than the best so far: further sweeps tend to cycle
    rows[:] = best
    return best_x


def _coordinates(rows: list[list], succ: dict, pred: dict, sizes: dict, gap: float) -> dict:
    width = {n: wh[0] for n, wh in sizes.items()}
    xs: dict = {}
    for row in rows:
        x = 0.0
        for n in row:
            xs[n] = x
            x += width[n] + gap
    widest = max((xs[r[-1]] + width[r[-1]] for r in rows if r), default=0.0)
    for row in rows:  # centre each layer under the widest to start with
        if row:
            shift = (widest - (xs[row[-1]] + width[row[-1]])) / 2
            for n in row:
                xs[n] += shift
    for _ in range(PULLS):
        for near, indices in ((pred, range(1, len(rows))), (succ, range(len(rows) - 2, -1, -1))):
            for li in indices:
                _pull(rows[li], near, width, xs, gap)
    low = min(xs.values(), default=0.0)
    return {n: x - low for n, x in xs.items()}


def _pull(row: list, near: dict, width: dict, xs: dict, gap: float) -> None:
    """Move each node of `row` towards the mean centre of its neighbours in `near`, keeping the order and
    at least `gap` between two nodes: wanted places, pushed apart left to right, then right to left, and
    the two averaged."""
    want = []
    for n in row:
        ns = near[n]
        if ns:
            total = 0.0
            for m in ns:
                total += xs[m] + width[m] / 2
            want.append(total / len(ns) - width[n] / 2)
        else:
            want.append(xs[n])
    if len(row) == 1:  # nothing to keep apart
        xs[row[0]] = want[0]
        return
    left = []
    edge = float("-inf")
    for n, x in zip(row, want, strict=True):
        x = max(x, edge)
        left.append(x)
        edge = x + width[n] + gap
    right = [0.0] * len(row)
    edge = float("inf")
    for i in range(len(row) - 1, -1, -1):
        n = row[i]
        x = min(want[i], edge - width[n])
        right[i] = x
        edge = x - gap
    edge = float("-inf")  # the average of two orderly placings can still overlap: one more push right
    for i, n in enumerate(row):
        x = max((left[i] + right[i]) / 2, edge)
        xs[n] = x
        edge = x + width[n] + gap
