"""Hostile input, all of it: the four suites in tests/hostile/, with what each found and how long it took.

    python bench/hostile.py [--layouts 1000] [--show 10]

- layout: random window sizes x text scales x screens (tests/hostile/layout.py, run(n=...))
- settings_files: broken settings.json files
- save_files: broken or foreign save files (checksums of refused files before and after)
- strings: hostile strings through every renderer and terminal printer (tests/hostile/strings.py)

A suite not written yet is skipped with a note. Each suite's counts and seconds are printed, with up to
--show of the problems it describes; the last line sums them:
`cases=N tracebacks=T hangs=H changed=C raw_controls=R seconds=S` (the goal: every count but cases 0).
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TOTALS = ("cases", "tracebacks", "hangs", "changed", "raw_controls")


def _suites(layouts: int) -> list[tuple[str, dict]]:
    return [("layout", {"n": layouts}), ("settings_files", {}), ("save_files", {}), ("strings", {})]


def _run(module, kwargs: dict, problems: list[str]) -> dict:
    """The suites that take a `problems` list get one; any other is called with its own arguments only."""
    if "problems" in inspect.signature(module.run).parameters:
        kwargs = {**kwargs, "problems": problems}
    return module.run(**kwargs)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python bench/hostile.py", description=__doc__.split("\n")[0])
    parser.add_argument("--layouts", type=int, default=1000, help="random layouts for the layout suite")
    parser.add_argument("--show", type=int, default=10, help="problems to print per suite")
    args = parser.parse_args(argv)
    totals = dict.fromkeys(TOTALS, 0)
    started = time.perf_counter()
    for name, kwargs in _suites(args.layouts):
        try:
            module = importlib.import_module(f"tests.hostile.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.hostile.{name}":
                raise
            print(f"{name}: skipped (tests/hostile/{name}.py does not exist yet)", flush=True)
            continue
        problems: list[str] = []
        t0 = time.perf_counter()
        result = _run(module, kwargs, problems)
        seconds = time.perf_counter() - t0
        figures = " ".join(f"{k}={v}" for k, v in result.items() if not isinstance(v, list | dict))
        print(f"{name}: {figures} seconds={seconds:.1f}", flush=True)
        for problem in problems[: args.show]:
            print(f"    {problem.splitlines()[0] if problem else problem}")
        if len(problems) > args.show:
            print(f"    ... and {len(problems) - args.show} more")
        for key in TOTALS:
            value = result.get(key, 0)
            totals[key] += value if isinstance(value, int) else 0
    print(" ".join(f"{k}={v}" for k, v in totals.items()) + f" seconds={time.perf_counter() - started:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
