"""Sending 1,000 xAPI statements to a local learning record store, in batches: the target is 10 s.

    python bench/lrs_send.py                  # 5 runs of 1,000 statements; last line: key=value pairs
    python bench/lrs_send.py --runs 3 --statements 2000 --batch 100

Ralph (requirements-test.txt) runs on loopback with its filesystem backend, as in tests/test_xapi_ralph.py.
Each run queues fresh statements (new playthroughs: 1 attempted, 8 answered, 1 completed each) in a new outbox
and times `send_due` from the first POST until the outbox is empty, with the learner's actor added and the
outbox marked as it goes. The LRS keeps every run's statements, so later runs also pay for Ralph checking a
larger store for duplicates, as a real LRS would. Then the same statements are sent once more, all already
there, which is what a learner's second `results send` costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.records import lrs, recorder, xapi  # noqa: E402
from game.records.outbox import Outbox  # noqa: E402
from tests.support import ralph_lrs  # noqa: E402
from tests.support.xapi_playthroughs import playthrough  # noqa: E402

AGENT = xapi.actor("anonymous", anonymous_id="bench-learner")


def queued(path: Path, statements: int) -> Outbox:
    box = Outbox.open(path)
    made: list[dict] = []
    while len(made) < statements:
        made += recorder.statements_of(playthrough(8))
    box.add(made[:statements])
    return box


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--statements", type=int, default=1000)
    p.add_argument("--batch", type=int, default=lrs.BATCH)
    args = p.parse_args()
    why = ralph_lrs.unavailable()
    if why:
        print(f"bench/lrs_send.py: {why}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        started = time.perf_counter()
        ralph = ralph_lrs.Ralph(root / "ralph").start()
        print(f"Ralph up in {time.perf_counter() - started:.1f} s at {ralph.url}")
        config = lrs.LrsConfig(ralph.url, ralph_lrs.USER, ralph_lrs.PASSWORD, timeout=60)
        times, again = [], []
        try:
            for run in range(args.runs):
                box = queued(root / f"outbox-{run}.sqlite", args.statements)
                t0 = time.perf_counter()
                report = lrs.send_due(box, config, AGENT, batch=args.batch)
                times.append(time.perf_counter() - t0)
                if report.stored != args.statements or report.left or report.error:
                    print(f"run {run}: not all sent: {report}", file=sys.stderr)
                    return 1
                with Outbox.open(root / f"copy-{run}.sqlite") as copy:
                    copy.add(box.statements())
                    t0 = time.perf_counter()
                    report = lrs.send_due(copy, config, AGENT, batch=args.batch)
                    again.append(time.perf_counter() - t0)
                if report.already != args.statements:
                    print(f"run {run}: a second send was not all 'already there': {report}", file=sys.stderr)
                    return 1
                box.close()
                print(f"run {run + 1}: {args.statements} sent in {times[-1]:.2f} s "
                      f"({args.statements / args.batch:.0f} batches); sent again (all already there) in "
                      f"{again[-1]:.2f} s")
            held = len(ralph.statements())
        finally:
            ralph.stop()
    print(f"statements={args.statements} batch={args.batch} runs={args.runs} send_s_median={statistics.median(times):.2f} "
          f"send_s_max={max(times):.2f} again_s_median={statistics.median(again):.2f} lrs_holds={held} "
          f"target_s=10 met={'yes' if statistics.median(times) <= 10 else 'no'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
