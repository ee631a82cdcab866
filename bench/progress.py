"""How long My progress takes to open with 10,000 records: `python bench/progress.py [--records N] [--runs N]`.

A save file in a temporary folder gets N finished playthroughs (8 scenarios, 3 frameworks, 4-6 standards
each), then the real app, on a headless 1280x720 window, opens My progress from the title and draws its first
frame, again and again (a new screen each time, so the save file is read each time). "Open" is from the
intent to the frame drawn: reading the summary from SQLite, building the page, laying it out, painting it.
The first open in a session is reported apart, two ways. As the game does it: after the title's first frame
a background thread (game/ui/warmup.py) imports the screen's modules (the chart and card toolkit, the
scenario model) and reads the frameworks' data files; the bench runs that warm-up, then times the first open.
Cold, as when the player opens My progress before the warm-up is done (in a fresh process: imports cannot be
undone): the imports, then the first open.

Target: median <= 100 ms at 10,000 records. The last line is key=value.
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
    p.add_argument("--cold-from", metavar="FOLDER", help=argparse.SUPPRESS)  # the child that times a cold open
    args = p.parse_args(argv)
    if args.cold_from:
        return cold_open(Path(args.cold_from))

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

    store.close()  # the cold child opens the same file
    cold = subprocess.run([sys.executable, __file__, "--cold-from", str(folder)], capture_output=True, text=True,
                          timeout=300)
    import_ms, cold_ms = (float(cold.stdout.split(key + "=")[1].split()[0]) for key in ("import_ms", "first_ms"))
    store = app.store = SaveStore.open(folder / "saves.sqlite3")
    from game.ui import warmup

    t = time.perf_counter()
    missed = warmup.warm()  # what the game's warm-up thread does after the title's first frame
    warm_ms = (time.perf_counter() - t) * 1000
    assert not missed, missed
    first, _, _ = open_once()
    times, reads, draws = zip(*(open_once() for _ in range(args.runs)), strict=True)
    summary = store.progress()
    store.close()
    pygame.quit()
    median = statistics.median(times)
    p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
    print(f"{args.records:,} records ({summary.plays:,} read back, {len(summary.scenarios)} scenarios, "
          f"{len(summary.frameworks)} frameworks); filled in {fill_s:.1f} s")
    print(f"first open in a session, after the warm-up (game/ui/warmup.py: {warm_ms:.0f} ms in the background "
          f"once the title is drawn): {first:.1f} ms")
    print(f"first open before the warm-up is done: importing the screen and what it draws with (the chart and "
          f"card toolkit, the scenario model) {import_ms:.0f} ms, then {cold_ms:.1f} ms")
    print(f"My progress opens: median {median:.1f} ms, p95 {p95:.1f} ms over "
          f"{args.runs} opens")
    print(f"  of which reading the summary from the save file (store.progress): median "
          f"{statistics.median(reads):.1f} ms; building, laying out and drawing the screen: median "
          f"{statistics.median(draws):.1f} ms")
    print(f"target: median <= 100 ms: {'met' if median <= 100 else 'NOT MET'}")
    print(f"records={args.records} first_ms={first:.1f} warmup_ms={warm_ms:.0f} cold_import_ms={import_ms:.0f} "
          f"cold_first_ms={cold_ms:.1f} median_ms={median:.1f} p95_ms={p95:.1f} "
          f"read_median_ms={statistics.median(reads):.1f} draw_median_ms={statistics.median(draws):.1f}")
    return 0


def cold_open(folder: Path) -> int:
    """In a fresh process: the title drawn, then My progress opened at once, its imports timed apart."""
    from game.saves import SaveStore
    from game.settings import Preferences
    from game.ui.app import App
    from game.ui.intents import Push
    from game.ui.voice import Voice

    store = SaveStore.open(folder / "saves.sqlite3")
    app = App(Preferences(), store=store, voice=Voice(exe=None))
    surface = app.open_display((1280, 720))
    app.draw(surface)
    t = time.perf_counter()
    import game.ui.screens.progress  # noqa: F401 - what the first open imports when nothing has yet
    import_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    app.act(Push("progress"))
    app.draw(surface)
    first_ms = (time.perf_counter() - t) * 1000
    store.close()
    print(f"import_ms={import_ms:.1f} first_ms={first_ms:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
