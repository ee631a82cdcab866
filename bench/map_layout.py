"""How long the in-game story map's layout takes (game/engine/layout.py) on a generated 1,000-node story.

    python bench/map_layout.py [--nodes 1000] [--repeat 5]

The story is shaped like a large scenario: a spine of scenes, each with three choices to scenes a few steps
on (some back to an earlier scene), and 1 node in 20 an ending, every ending on the bottom layer. Target: a
map opens without a long wait (<= 1 s for 1,000 nodes on the project's 2-core machine).

Then the map screen itself (headless, 1920x1080) on bench/load_validate.py's generated 1,000-node scenario: the
time to draw a frame while panning (every frame culls every node and edge, then draws those in view). The last
line is exactly `nodes=N edges=E waypoints=W crossings=C median_s=T pan_frame_median_ms=M pan_frame_p95_ms=P`.
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
    pan = pan_frames(args.nodes)
    print(f"{len(result.layers)} layers, widest {max(len(r) for r in result.layers)} nodes; "
          f"{result.width:.0f} x {result.height:.0f} em at 14 x 4 em a node")
    print(f"runs: {', '.join(f'{t:.3f}' for t in times)} s")
    print(f"pan frames at 1920x1080 (zoom 1, 0.5, 0.15): median {statistics.median(pan) * 1000:.1f} ms")
    print(f"nodes={len(nodes)} edges={len(result.routes)} waypoints={waypoints} crossings={result.crossings} "
          f"median_s={statistics.median(times):.3f} pan_frame_median_ms={statistics.median(pan) * 1000:.1f} "
          f"pan_frame_p95_ms={statistics.quantiles(pan, n=20)[-1] * 1000:.1f}")


def pan_frames(n: int) -> list[float]:
    """Frame times of the story map screen panning over a generated n-node scenario."""
    import os
    import tempfile

    os.environ["SDL_VIDEODRIVER"] = "dummy"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from load_validate import scenario_text

    from game.settings import Preferences
    from game.ui.app import App
    from game.ui.intents import Push
    from game.ui.pilot import Pilot
    from game.ui.voice import Voice

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.yaml"
        path.write_text(scenario_text(n), encoding="utf-8")
        app = App(Preferences(), voice=Voice(exe=None))
        app.open_display((1920, 1080))
        pilot = Pilot(app)
        app.act(Push("map", {"path": path}))
        pilot.step()
        screen = app.top
        times = []
        for zoom in (1.0, 0.5, 0.15):
            screen.cam.zoom = zoom
            for _ in range(30):
                screen.pan(37, 23)
                started = time.perf_counter()
                app.draw()
                times.append(time.perf_counter() - started)
    return times
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
