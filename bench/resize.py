"""Open files and memory over a long session: many window resizes of the play and debrief screens.

    python bench/resize.py                 # 600 resizes; last line: key=value pairs
    python bench/resize.py --resizes 100

Each resize opens a new window size, so every size-keyed cache (fonts by pixel size, rendered lines, page
layers, card layouts) sees a new key. Bounded caches keep open files and memory level however long the
session; an unbounded one shows as growth that never stops. Open files are counted in /proc/self/fd and
memory is the resident set (VmRSS in /proc/self/status), so this runs on Linux.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import paths  # noqa: E402
from game.settings import Preferences  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.intents import StartScenario  # noqa: E402
from game.ui.pilot import Pilot  # noqa: E402
from game.ui.voice import Voice  # noqa: E402


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def to_debrief(app: App, pilot: Pilot) -> None:
    """Play on (first choice, Continue) until the debrief."""
    for _ in range(200):
        name = app.top.name
        if name == "debrief":
            return
        if name == "play" and app.session.story.scene.choices:
            pilot.press("choose_1")
        else:
            pilot.press("activate")
    raise RuntimeError(f"no debrief reached (at {app.top.name})")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--resizes", type=int, default=600)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    rng = random.Random(args.seed)
    app = App(Preferences(text_scale=150), voice=Voice(exe=None))
    app.open_display((1280, 720))
    pilot = Pilot(app)
    app.act(StartScenario(paths.scenarios_dir() / "friend-request.yaml"))
    pilot.step()
    start_files, start_mb = open_files(), rss_mb()
    print(f"start: {start_files} open files, {start_mb:.0f} MB")
    peak_files, peak_mb = start_files, start_mb
    half = args.resizes // 2
    for i in range(args.resizes):
        if i == half:
            to_debrief(app, pilot)
        pilot.resize(rng.randint(480, 2560), rng.randint(360, 1440))
        pilot.step()
        peak_files, peak_mb = max(peak_files, open_files()), max(peak_mb, rss_mb())
        if (i + 1) % 100 == 0:
            print(f"{i + 1:4} resizes ({app.top.name}): {open_files()} open files, {rss_mb():.0f} MB")
    end_files, end_mb = open_files(), rss_mb()
    print(f"resizes={args.resizes} start_files={start_files} end_files={end_files} peak_files={peak_files} "
          f"start_mb={start_mb:.0f} end_mb={end_mb:.0f} peak_mb={peak_mb:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
