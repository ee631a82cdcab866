"""How long My progress takes to open with 10,000 records: `python bench/progress.py [--records N] [--runs N]`.

A save file in a temporary folder gets N finished playthroughs (8 scenarios, 3 frameworks, 4-6 standards
each), then the real app, on a headless 1280x720 window, opens My progress from the title and draws its first
frame, again and again (a new screen each time, so the save file is read each time). "Open" is from the
intent to the frame drawn: reading the summary from SQLite, building the page, laying it out, painting it.
The first open in a session is reported apart: importing the screen's modules (the chart and card toolkit and
the scenario model, which any scenario played loads too), then its first open (which reads the frameworks'
data files).

Target: median <= 100 ms at 10,000 records. The last line is key=value.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.records.playthrough import Playthrough

FRAMEWORKS = {"hcpc-2016": "HCPC standards (2016)", "hcpc-2012": "HCPC standards (2012)",
              "swe-2019": "Social Work England professional standards (2019)"}
OUTCOMES = [("commended", "Commended for good practice", 0), ("advice", "Advice from your manager", 1),
            ("warning", "Warning — 2 years", 4), ("suspension", "Suspension order — 6 months", 6),
            ("struck-off", "Striking-off order", 8)]


def records(n: int, seed: int = 7) -> list[Playthrough]:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        scenario = f"scenario-{i % 8}"
        framework = list(FRAMEWORKS)[rng.randrange(3)]
        outcome, label, severity = OUTCOMES[rng.randrange(len(OUTCOMES))]
        finished = start + timedelta(minutes=37 * i)
        out.append(Playthrough(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), scenario=scenario,
            title=f"Scenario {i % 8}", version="1", content_hash="x", framework=framework,
            framework_title=FRAMEWORKS[framework], front_end="desktop", started_at=finished - timedelta(minutes=15),
            finished_at=finished, duration_s=900.0, path=(), ending="end", ending_title="End", outcome=outcome,
            outcome_label=label, severity=severity, regulator=None,
            scores={str(s): rng.randint(-3, 3) for s in range(1, rng.randint(5, 7))}))
    return out


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=21)
    args = p.parse_args(argv)

    import pygame

    from game.saves import SaveStore
    from game.saves.records import insert
    from game.settings import Preferences
    from game.ui.app import App
    from game.ui.intents import Pop, Push
    from game.ui.voice import Voice

    folder = Path(tempfile.mkdtemp(prefix="cp-progress-"))
    store = SaveStore.open(folder / "saves.sqlite3")
    made = records(args.records)
    t0 = time.perf_counter()
    # one transaction for all of them (the game keeps one per playthrough, as it finishes): setting up only
    store._write_with("bench", lambda db: [insert(db, r) for r in made])
    fill_s = time.perf_counter() - t0

    app = App(Preferences(), store=store, voice=Voice(exe=None))
    surface = app.open_display((1280, 720))
    app.draw(surface)

    def open_once() -> tuple[float, float]:
        t = time.perf_counter()
        app.act(Push("progress"))
        t_read = time.perf_counter()
        app.draw(surface)
        done = time.perf_counter()
        assert app.names()[-1] == "progress", app.names()
        app.act(Pop())
        app.draw(surface)
        return (done - t) * 1000, (t_read - t) * 1000, (done - t_read) * 1000

    t = time.perf_counter()
    import game.ui.screens.progress  # noqa: F401 - what the first open in a session imports, timed apart
    import_ms = (time.perf_counter() - t) * 1000
    first, _, _ = open_once()
    times, reads, draws = zip(*(open_once() for _ in range(args.runs)), strict=True)
    summary = store.progress()
    store.close()
    pygame.quit()
    median = statistics.median(times)
    p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
    print(f"{args.records:,} records ({summary.plays:,} read back, {len(summary.scenarios)} scenarios, "
          f"{len(summary.frameworks)} frameworks); filled in {fill_s:.1f} s")
    print(f"first open in a session: importing the screen and what it draws with (the chart and card toolkit, "
          f"the scenario model; loaded already once a scenario was played) {import_ms:.0f} ms, then {first:.1f} ms")
    print(f"My progress opens: median {median:.1f} ms, p95 {p95:.1f} ms over "
          f"{args.runs} opens")
    print(f"  of which reading the summary from the save file (store.progress): median "
          f"{statistics.median(reads):.1f} ms; building, laying out and drawing the screen: median "
          f"{statistics.median(draws):.1f} ms")
    print(f"target: median <= 100 ms: {'met' if median <= 100 else 'NOT MET'}")
    print(f"records={args.records} import_ms={import_ms:.0f} first_ms={first:.1f} median_ms={median:.1f} p95_ms={p95:.1f} "
          f"read_median_ms={statistics.median(reads):.1f} draw_median_ms={statistics.median(draws):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
