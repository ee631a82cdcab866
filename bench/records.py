"""How long the learner's records take with 10,000 playthroughs: `python bench/records.py [--records N] [--runs N]`.

A save file in a temporary folder gets N finished playthroughs (8 scenarios, 3 frameworks, 4-5 standards
each, 5 choices of about 410 characters of option and feedback, like
the library's, a reflection on one in ten). Timed, each `--runs` times, median reported (wall and CPU):
- export CSV and JSON through the command itself (`results export --format F --out FILE`, export_cmd.main):
  opening the save file, reading every record, writing the text and the file;
- the same in a fresh process (`python main.py results export`), Python's start and imports included, once;
- `playthroughs(limit=50)`, what the Reflect picker reads, and `playthroughs()`, every record decoded;
- `SaveStore.progress()`, the summary My progress shows, worked out in SQL.
Targets: export <= 1 s each; progress well under 50 ms. The last line is key=value.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import paths
from game.records import export_cmd
from game.records.playthrough import ChoiceMade, Playthrough, Reflection
from game.saves import SaveStore

ROOT = Path(__file__).resolve().parent.parent

FRAMEWORKS = {"hcpc-2012": ["1", "2", "3", "7", "13"], "hcpc-2016": ["1", "2", "5", "6", "9"],
              "swe-2019": ["1", "2", "3", "5"]}
START = datetime(2025, 1, 1, tzinfo=UTC)
# The library's choices average about 410 characters of option and feedback together: so do these.
OPTION = ("Accept the request, then message her to say you cannot talk about her case online but are glad she "
          "got in touch, and suggest she rings the duty desk if she needs anything from the service.") * 2
FEEDBACK = ("Accepting keeps a former service user in your personal life, where she can see your posts and you can "
            "see hers; the kind message does not undo that. Personal conduct: your employer's social media "
            "policy and your regulator both expect a clear line between your private and professional lives, "
            "and the request was the moment to draw it.") * 2


def made_up(n: int, rng: random.Random) -> Playthrough:
    framework = rng.choice(sorted(FRAMEWORKS))
    standards = FRAMEWORKS[framework]
    finished = START + timedelta(minutes=37 * n)
    path = tuple(ChoiceMade(f"node-{i}", rng.randint(1, 3), OPTION[: 130 + i * 5], FEEDBACK[: 270 + i * 5],
                            {rng.choice(standards): rng.choice((-2, -1, 1, 2))},
                            finished - timedelta(minutes=10 - i), rng.randint(0, 3)) for i in range(5))
    scores = {sid: rng.randint(-4, 4) for sid in standards}
    severity = rng.randint(0, 9)
    reflection = Reflection({"happened": "A friend request.", "learnt": "Boundaries.\nAnd records."}, finished) \
        if n % 10 == 0 else None
    return Playthrough(
        id=f"00000000-0000-4000-8000-{n:012d}", scenario=f"scenario-{n % 8}", title=f"Scenario {n % 8}",
        version="3", content_hash="ab" * 32, framework=framework, framework_title=framework.upper(),
        front_end=rng.choice(("desktop", "terminal")), started_at=finished - timedelta(minutes=12),
        finished_at=finished, duration_s=rng.uniform(300, 1500), path=path, ending=f"ending-{severity}",
        ending_title=f"Ending {severity}", outcome=f"rung-{severity}", outcome_label=f"Rung {severity}",
        severity=severity, regulator="Social Work England" if severity > 4 else None, scores=scores,
        reflection=reflection)


CPU: dict[str, float] = {}  # the same runs' median processor time: on a shared machine, wall time is also waiting


def _median_ms(run, runs: int, name: str = "") -> float:
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU[name] = statistics.median(cpu) * 1000
    return statistics.median(times) * 1000


def _fresh_process_ms(fmt: str, out: Path) -> float:
    """The whole command in a new process (what a learner waits for), wall time."""
    started = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "results", "export", "--format", fmt, "--out", str(out)],
                   check=True, capture_output=True, timeout=120)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(13)
    with tempfile.TemporaryDirectory(prefix="bench-records-") as tmp:
        os.environ[paths.SAVES_ENV] = tmp  # the command reads the save file from there, as the game does
        save_file, out = paths.save_file(), Path(tmp) / "out"
        with SaveStore.open(save_file) as store:
            store.record_playthroughs(made_up(n, rng) for n in range(args.records))
        csv_ms = _median_ms(lambda: export_cmd.main(["--format", "csv", "--out", str(out)]), args.runs, "csv")
        csv_bytes = out.stat().st_size
        json_ms = _median_ms(lambda: export_cmd.main(["--format", "json", "--out", str(out)]), args.runs, "json")
        json_bytes = out.stat().st_size
        fresh = {fmt: _fresh_process_ms(fmt, out) for fmt in ("csv", "json")}
        with SaveStore.open(save_file) as store:
            latest_ms = _median_ms(lambda: store.playthroughs(limit=50), max(args.runs, 20), "latest")
            read_ms = _median_ms(store.playthroughs, args.runs, "read")
            store.progress()  # the first call imports the frameworks' data: not what a second opening costs
            progress_ms = _median_ms(store.progress, max(args.runs, 20), "progress")
        size = save_file.stat().st_size
    print(f"{args.records} records ({size / 1e6:.1f} MB save file; CSV {csv_bytes / 1e6:.1f} MB, JSON "
          f"{json_bytes / 1e6:.1f} MB), median of {args.runs} runs (wall / CPU):")
    print(f"  export CSV           {csv_ms:8.1f} / {CPU['csv']:7.1f} ms   (target <= 1000)")
    print(f"  export JSON          {json_ms:8.1f} / {CPU['json']:7.1f} ms   (target <= 1000)")
    print(f"  in a fresh process   {fresh['csv']:8.1f} (CSV), {fresh['json']:.1f} (JSON) ms wall, start-up included")
    print(f"  latest 50 records    {latest_ms:8.1f} / {CPU['latest']:7.1f} ms")
    print(f"  every record decoded {read_ms:8.1f} / {CPU['read']:7.1f} ms")
    print(f"  progress()           {progress_ms:8.1f} / {CPU['progress']:7.1f} ms   (target < 50)")
    print(f"records={args.records} export_csv_ms={csv_ms:.0f} export_csv_cpu_ms={CPU['csv']:.0f} "
          f"export_json_ms={json_ms:.0f} export_json_cpu_ms={CPU['json']:.0f} latest50_ms={latest_ms:.1f} "
          f"read_ms={read_ms:.0f} progress_ms={progress_ms:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
