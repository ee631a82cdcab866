"""How long the path analysis takes (game/engine/analysis.py): a generated large scenario and the library.

    python bench/paths.py [--nodes 10000] [--repeat 5]

The large scenario is bench/load_validate.py's generator; loading it is not timed (bench/load_validate.py
measures that). Times `analyse` (states, shortest ways, score ranges, dead content) and, apart, the outcome
consistency check on top of it. Targets on the project's 2-core machine: the generated 10,000-node scenario
analysed in <= 2 s, each library scenario in <= 50 ms. The last line is exactly
`nodes=N states=S seconds=T library_max_ms=M`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_validate import scenario_text

from game.engine import reference
from game.engine.analysis import analyse
from game.engine.checked import load_scenario
from game.engine.consistency import inconsistencies
from game.engine.loader import load_text


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    ladder = reference.ladder()
    worst = 0.0
    for path in sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path)
        ids = reference.framework(scenario.framework).ids
        seconds = _median(lambda s=scenario, i=ids: analyse(s, i), args.repeat * 4)
        check = _median(lambda s=scenario, i=ids: inconsistencies(analyse(s, i), ladder), args.repeat * 4)
        worst = max(worst, seconds)
        print(f"{path.stem:18} analyse {seconds * 1000:6.1f} ms   with the consistency check {check * 1000:6.1f} ms")
    scenario = load_text("bench.yaml", scenario_text(args.nodes)).scenario
    states = analyse(scenario).states
    seconds = _median(lambda: analyse(scenario), args.repeat)
    analysis = analyse(scenario)
    started = time.perf_counter()
    inconsistencies(analysis, ladder)
    check = time.perf_counter() - started
    print(f"generated {args.nodes:,} nodes, {states:,} states: analyse {seconds:.3f} s (median of {args.repeat}); "
          f"consistency check {check:.3f} s (once)")
    print(f"nodes={args.nodes} states={states} seconds={seconds:.3f} library_max_ms={worst * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
