"""How long loading and validating a large scenario takes, against a bare libyaml load of the same file.

    python bench/load_validate.py [--nodes 10000] [--repeat 5]

Writes an N-node scenario to a temporary folder (2-3 lines per node, 2-3 scored choices with feedback,
a post card now and then, routing nodes that test flags set by earlier choices), then times
`load_file` + `validate` and `yaml.load(text, Loader=yaml.CSafeLoader)` over several runs and prints the
medians. The last line is exactly `nodes=N seconds=S ratio=R` (S: our median; R: ours / bare yaml).
Targets on the project's 2-core machine: S <= 2.0 and R <= 2.0 for 10,000 nodes. Memory-heavy work varies
from run to run on a shared machine (here up to a third between runs of the same build): run it a few times.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine.loader import load_file
from game.engine.validate import validate

FLAGS = 20
ENDINGS = ("commended", "no_concern", "manager_advice", "caution_order", "suspension_order")


def _target(i: int, step: int, nodes: int) -> str:
    j = i + step
    if j >= nodes or (step == 3 and i % 30 == 0):  # now and then a choice ends the story early
        return f"end-{(i // 30 + step) % len(ENDINGS)}"
    return f"n{j}"


def _node(i: int, nodes: int) -> list[str]:
    out = [f"  n{i}:"]
    if i % 10 == 9:  # a routing node: where the story goes depends on an earlier choice
        out += ["    routes:",
                f"      - when: {{flag: f{i % FLAGS}}}",
                f"        goto: {_target(i, 1, nodes)}",
                f"      - goto: {_target(i, 2, nodes)}"]
        return out
    out += [f"    title: \"Day {i // 10 + 1}, {9 + i % 8}.{i % 6}0 am\"", "    lines:"]
    for k in range(2 + i % 2):
        if k == 1:
            out.append(f"      - speaker: {'sam' if i % 2 else 'jo'}")
            out.append(f"        text: \"Scene {i}: can we talk about what you saw?\"")
        else:
            out.append(f"      - text: Scene {i}. A message arrives from someone you supported last year.")
    if i % 7 == 3:
        out += ["    card:", "      type: post", "      platform: facebook",
                "      author: {name: Jordan Reeve, subtitle: 2 mutual friends}",
                f"      text: \"Great day at the family centre! #{i}\"", "      audience: friends",
                "      comments:", "        - author: {name: Sam Patel}", "          text: Looks lovely!"]
    out.append("    choices:")
    for k in range(2 + (i % 3 == 0)):
        out += [f"      - text: Option {k + 1} in scene {i}, reply from your personal account",
                f"        goto: {_target(i, k + 1, nodes)}",
                f"        feedback: Why option {k + 1} in scene {i} upholds or breaches the standards.",
                f"        scores: {{1: {k - 1}, 2: {1 - k}, 9: {k % 2}}}"]
        if k == 0 and i % 10 == 8:
            out.append(f"        set_flags: [f{(i + 1) % FLAGS}]")
        if k == 1 and i % 5 == 0:
            out.append(f"        reasons: {{1: 'Choice {k + 1} protects the interests of service users.'}}")
    return out


def scenario_text(nodes: int) -> str:
    lines = ["# yaml-language-server: $schema=../docs/scenario.schema.json",
             "format: 1", "id: bench", "title: Benchmark", "summary: A generated scenario for timing.",
             "minutes: 60", "audience: [students]", 'version: "1"', "author: bench", "objectives: [time it]",
             "framework: hcpc-2016", "start: n0",
             "characters:", "  sam: {name: Sam, role: Former service user}",
             "  jo: {name: Jo, role: Colleague}", "nodes:"]
    for i in range(nodes):
        lines += _node(i, nodes)
    lines.append("endings:")
    for k, outcome in enumerate(ENDINGS):
        months = "\n    months: 12" if outcome in ("caution_order", "suspension_order") else ""
        lines.append(f"  end-{k}:\n    title: Ending {k}\n    text: What happened next.\n"
                     f"    outcome: {outcome}{months}\n"
                     "    debrief:\n      what_happened: A summary.\n      standards: [1, 2]\n"
                     "      reflection: [What would you do differently?]\n"
                     "      real_case: {summary: A similar case.}")
    return "\n".join(lines) + "\n"


def _median_seconds(run, repeat: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds. CPU time is steadier when other work shares the machine.

    The clock stops when `run` returns its result, before the result is freed: loading ends when the
    scenario is ready (a program keeps it), and freeing a large tree takes a tenth of a second or more
    that belongs to neither side. Both sides are timed the same way."""
    wall, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        started, started_cpu = time.perf_counter(), time.process_time()
        result = run()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        del result
    return statistics.median(wall), statistics.median(cpu)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(scenario_text(args.nodes), encoding="utf-8")
        found = validate(load_file(path))
        if found:
            print(f"the generated scenario is not clean ({len(found)} diagnostics), e.g. {found[0]}",
                  file=sys.stderr)
            return 1

        def ours() -> tuple:
            loaded = load_file(path)
            return loaded, validate(loaded)

        def bare() -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        size = path.stat().st_size
        ours_s, ours_cpu = _median_seconds(ours, args.repeat)
        bare_s, bare_cpu = _median_seconds(bare, args.repeat)
    print(f"file: {size / 1e6:.1f} MB, {args.nodes:,} nodes, median of {args.repeat} runs")
    print(f"load_file + validate:    {ours_s:.3f} s wall, {ours_cpu:.3f} s CPU")
    print(f"yaml.load (CSafeLoader): {bare_s:.3f} s wall, {bare_cpu:.3f} s CPU")
    print(f"nodes={args.nodes} seconds={ours_s:.3f} ratio={ours_s / bare_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
