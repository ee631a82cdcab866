"""Render a group session's screens for a look from the back of the room (issue 10):

    SDL_VIDEODRIVER=dummy python tools/group_shots.py --out /tmp/group-shots [friend-request after-court ...]

Drives a session through every phase (scene, decision with voting open, closed, the chart, a tie at the
first decision, the chosen option's feedback, every option's feedback, the ending, the debrief and the
group's path) and saves the audience view at 1920x1080 and 3840x2160 in both themes, and the console at
1366x768 and 1920x1080, as PNGs. One line per image gives the body size in use and the smallest text
drawn, both as a share of the profile's body size, and whether the page scrolls: the numbers to check
the pictures against.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pygame

from game import paths
from game.engine import library
from game.settings import Preferences
from game.ui.app import App
from game.ui.group_run import GroupSetup, ending_pages
from game.ui.intents import RunGroup
from game.ui.text import record_text
from game.ui.voice import Voice

AUDIENCE = [(1920, 1080), (3840, 2160)]
CONSOLE = [(1366, 768), (1920, 1080)]
THEMES = ("default", "high-contrast")


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def measure(screen, size) -> str:
    """The body size in use, the smallest text drawn (by line height) against the profile's, and scrolling."""
    surface = pygame.Surface(size)
    screen.draw(surface)
    look, wanted = screen._look, screen._wanted_look
    layer = pygame.Surface(size)
    with record_text() as blits:
        screen.paint_layer(layer)
    full = wanted.metrics.line_height("body")
    smallest = min((b.rect.h for b in blits if b.text.strip()), default=0)
    off = [b.text for b in blits if b.rect.right > size[0] or b.rect.x < 0]
    return (f"body {look.metrics.body_px}px ({look.metrics.body_px / wanted.metrics.body_px:.0%}) "
            f"smallest line {smallest}px ({smallest / full:.0%}) scroll {screen.max_scroll}"
            + (f" OFF-SCREEN {off[:3]}" if off else "")), surface


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("scenarios", nargs="*", default=["friend-request", "after-court", "named-online"])
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--themes", nargs="*", default=list(THEMES))
    args = p.parse_args(argv)
    os.environ["CROSSING_PATHS_SAVES"] = str(args.out / "saves")
    for theme in args.themes:
        for name in args.scenarios:
            shoot(name, theme, args.out / theme / name)
    return 0


def shoot(name: str, theme: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = library.find(name, paths.scenarios_dir())
    app = App(Preferences(theme=theme), voice=Voice(exe=None))
    app.open_display(CONSOLE[0])
    clock = Clock()
    app.group_setup = GroupSetup(one_window=False, clock=clock, summary_dir=out / "summary")
    app.act(RunGroup(Path(path), fresh=True))
    app.step()
    run = app.group
    s = run.session
    count = 0

    def shot(label: str) -> None:
        nonlocal count
        count += 1
        app.step()
        for size in AUDIENCE:
            line, surface = measure(run.audience.top, size)
            target = out / f"{count:02d}-{label}-audience-{size[1]}.png"
            pygame.image.save(surface, target)
            print(f"{target}: {line}")
        for size in CONSOLE:
            line, surface = measure(run.console.top, size)
            target = out / f"{count:02d}-{label}-console-{size[0]}.png"
            pygame.image.save(surface, target)
            print(f"{target}: {line}")

    decision = 0
    for _ in range(200):
        if s.phase == "scene":
            shot(f"scene-{s.scene.node}")
            run.next(app.view)
        elif s.phase == "decision":
            decision += 1
            n = len(s.current.options)
            shot(f"d{decision}-open-empty")
            for option in range(1, n + 1):
                s.set_count(option, 0 if decision == 1 and option == 2 else 3 + 4 * ((option * 7 + decision) % 4))
            if decision == 1:  # a tie between options 1 and the last
                s.set_count(1, 9)
                s.set_count(n, 9)
            s.start_timer(clock.t)
            clock.t += 95
            shot(f"d{decision}-open")
            s.close_voting(clock.t)
            clock.t += 200
            shot(f"d{decision}-closed")
            s.reveal(clock.t)
            run.changed()
            shot(f"d{decision}-revealed")
            result = s.current.tally.result()
            s.decide(result.majority or result.tied[-1], now=clock.t)
            run.changed()
            shot(f"d{decision}-feedback")
            s.show_all_feedback(True)
            run.changed()
            shot(f"d{decision}-all")
            run.next(app.view)
        elif s.phase == "ending":
            for page in range(ending_pages(len(s.decisions))):
                run.page = page
                run.changed()
                shot(f"ending-{page}")
            break
    run.close()
    app.group = None
    pygame.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
