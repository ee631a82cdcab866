"""Hot reload (`play PATH --watch`): the time from saving the scenario file to the frame that shows the edit.

    python bench/reload.py                 # 15 saves; last line: key=value pairs
    python bench/reload.py --saves 30

The game runs its real loop (a headless window, the real watcher polling at its default rate, ticks at the
idle rate since nobody is pressing keys) on a copy of scenarios/friend-request.yaml. Each save rewrites the
opening's first line by atomic rename, as most editors do, at a random moment of the frame; the time runs
until a frame is drawn in which the reload has happened. The goal is well under a second.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.settings import Preferences  # noqa: E402
from game.ui.app import IDLE_FPS, App  # noqa: E402
from game.ui.hot_reload import HotReload  # noqa: E402
from game.ui.intents import StartScenario  # noqa: E402
from game.ui.voice import Voice  # noqa: E402

OPENING = "          You are on the sofa with your phone"


def save(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--saves", type=int, default=15)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "friend-request.yaml"
        shutil.copy(ROOT / "scenarios" / "friend-request.yaml", path)
        original = path.read_text(encoding="utf-8")
        app = App(Preferences(), scenarios_dir=Path(tmp), voice=Voice(exe=None))
        app.open_display((1280, 720))
        app.hot_reload = HotReload()
        app.act(StartScenario(path))
        clock = pygame.time.Clock()
        rng = random.Random(1)
        times: list[float] = []
        for n in range(args.saves + 1):
            for _ in range(3):  # a few idle frames between saves, as in play
                app.step()
                clock.tick(IDLE_FPS)
            time.sleep(rng.random() / IDLE_FPS)  # the save lands anywhere in a frame
            before, drawn = app.hot_reload.reloads, app.frames_drawn
            save(path, original.replace(OPENING, f"{OPENING} (edit {n})", 1))
            saved = time.perf_counter()
            while app.hot_reload.reloads == before or app.frames_drawn == drawn:
                app.step()
                if time.perf_counter() - saved > 5:
                    print(f"no reload within 5 s of save {n}", file=sys.stderr)
                    return 1
                if app.hot_reload.reloads == before:
                    clock.tick(IDLE_FPS)
            if n:  # the first reload warms caches that a player's first save would also warm
                times.append((time.perf_counter() - saved) * 1000)
        pygame.quit()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"saves={len(times)} reload_ms_median={statistics.median(times):.0f} reload_ms_p95={p95:.0f} "
          f"reload_ms_max={times[-1]:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
