"""How long the in-game story map's layout takes (game/engine/layout.py) on a generated 1,000-node story.

    python bench/map_layout.py [--nodes 1000] [--repeat 5]

The story is shaped like a large scenario: a spine of scenes, each with three choices to scenes a few steps
on (some back to an earlier scene), and 1 node in 20 an ending, every ending on the bottom layer. Target: a
map opens without a long wait (<= 1 s for 1,000 nodes on the project's 2-core machine). The last line
is exactly `nodes=N edges=E waypoints=W crossings=C median_s=T`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.layout import layered


def story(n: int, seed: int = 12) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    rng = random.Random(seed)
    nodes = [f"n{i}" for i in range(n)]
    endings = [f"n{i}" for i in range(n) if i % 20 == 19]
    edges = []
    for i in range(n):
        if i % 20 == 19:
            continue  # an ending
        for _ in range(3):
            step = rng.choice((1, 1, 2, 3, 5, -4)) if i > 4 else 1
            edges.append((f"n{i}", f"n{min(n - 1, max(0, i + step))}"))
    return nodes, edges, endings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    nodes, edges, endings = story(args.nodes)
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        result = layered(nodes, edges, start="n0", bottom=endings, size=lambda _n: (14.0, 4.0))
        times.append(time.perf_counter() - started)
    waypoints = sum(len(p) for p in result.routes.values())
    print(f"{len(result.layers)} layers, widest {max(len(r) for r in result.layers)} nodes; "
          f"{result.width:.0f} x {result.height:.0f} em at 14 x 4 em a node")
    print(f"runs: {', '.join(f'{t:.3f}' for t in times)} s")
    print(f"nodes={len(nodes)} edges={len(result.routes)} waypoints={waypoints} crossings={result.crossings} "
          f"median_s={statistics.median(times):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
