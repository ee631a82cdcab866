"""Fuzz the phone server: `python bench/phones_fuzz.py [--count 2000]` (loopback only).

Hostile requests of every kind in tests/support/phones_fuzz.py against the real server at a decision with
valid votes in: afterwards the tally is unchanged, the valid phones still read their votes, and the number
of tracebacks logged is counted. Last line:

    requests=2000 accepted=0 tracebacks=0 still_answers=1 seconds=… slowest_s=…
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    from game.phones.limits import RateLimit
    from tests.support.phones import Rig
    from tests.support.phones_fuzz import fuzz

    with tempfile.TemporaryDirectory() as tmp:
        # Limits high enough that the parsers, not the rate limit, meet every request; cut-off at 1 s.
        rig = Rig(Path(tmp), request_seconds=1.0, device_limit=RateLimit(1e6, 1e6),
                  address_limit=RateLimit(1e6, 1e6)).start()
        try:
            rig.to_decision()
            report = fuzz(rig, args.count, args.seed)
            answers = int(rig.phone().state().status == 200)
        finally:
            rig.stop()
    print("statuses:", dict(sorted(report.statuses.items())), f"log lines: {report.log_lines}")
    print(f"requests={report.sent} accepted={report.accepted} tracebacks={report.tracebacks} "
          f"still_answers={answers} seconds={report.seconds:.1f} slowest_s={report.slowest_s:.2f}")
    return 0 if report.accepted == 0 and report.tracebacks == 0 and answers else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
