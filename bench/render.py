"""Render benchmark for the desktop game: `python bench/render.py`.

Draw time of a changed frame (median and p95 over >= 200 frames) of real play screens with a card and
choices, at 1920x1080 and 3840x2160 in both display profiles: each frame moves the focus to another
choice, so every frame is genuinely different. Then the idle CPU of the real app loop over 10 s
(process CPU time, SDL dummy driver).

The group-session case: both windows open (the console at 1280x720, the audience view at 1080p and 4K) on a
decision of friend-request. A changed audience frame while the discussion timer runs (the clock moves one
second a frame) and while votes arrive (one vote a frame, as from clickers or phones): the time of the
audience window's whole frame (its update, draw and flip). Then the idle CPU of the real loop over 10 s with
both windows open and the timer paused. The LAST line is machine-readable:

    p95_ms_1080=… p95_ms_2160=… idle_cpu_pct=… group_timer_p95_ms_1080=… group_timer_p95_ms_2160=…
    group_votes_p95_ms_1080=… group_votes_p95_ms_2160=… group_idle_cpu_pct=…

(the play-screen p95 figures are the worse of the two profiles). Targets: p95 <= 4 ms at 1080p, <= 12 ms at
4K, idle <= 0.5 %, for the play screens and the group session alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.settings import Preferences  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.intents import StartScenario  # noqa: E402
from game.ui.voice import Voice  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "ui-rich.yaml"
GROUP_SCENARIO = ROOT / "scenarios" / "friend-request.yaml"


def make_app(size: tuple[int, int], profile: str) -> App:
    app = App(Preferences(profile=profile), voice=Voice(exe=None))
    app.open_display(size)
    app.act(StartScenario(FIXTURE))
    app.step()
    return app


def frame_times(size: tuple[int, int], profile: str, frames: int) -> list[float]:
    """Milliseconds to draw (and flip) each changed frame of the play screen."""
    app = make_app(size, profile)
    screen = app.top
    surface = app.view.surface
    app.draw(surface)  # the first frame lays out and paints the static layer
    if getattr(screen, "two_slides", lambda: False)():
        screen.show_decision()  # a projector shows the scene, then the decision with the choices
        app.draw(surface)
    first = screen.target("choice-1")  # where the player is when choosing: the choices in view
    screen.scroll_to(first.rect.top - screen.line_step())
    app.draw(surface)
    ids = [t.button.id for t in screen.targets
           if t.button.id.startswith("choice-") and screen.viewport.contains(screen.screen_rect(t))]
    assert len(ids) >= 2, "the bench needs at least two choices in view"
    times = []
    for n in range(frames):
        screen.set_focus(ids[(n + 1) % len(ids)], reveal=False)  # a real change: the focus moves
        assert app.needs_draw(surface)
        t0 = time.perf_counter()
        app.present(app.draw(surface))
        times.append((time.perf_counter() - t0) * 1000)
    return times


def scroll_times(size: tuple[int, int], profile: str, frames: int) -> list[float]:
    """Milliseconds per frame while the page scrolls (three lines a step, down then up)."""
    app = make_app(size, profile)
    screen = app.top
    surface = app.view.surface
    app.draw(surface)
    step = screen.line_step() * 3
    times, direction = [], 1
    for _ in range(frames):
        if not 0 <= screen.scroll + direction * step <= screen.max_scroll:
            direction = -direction
        screen.scroll_by(direction * step)
        t0 = time.perf_counter()
        app.present(app.draw(surface))
        times.append((time.perf_counter() - t0) * 1000)
    return times


def first_frame_ms(size: tuple[int, int], profile: str) -> float:
    """A whole new page: layout and painting of the static layer included."""
    app = make_app(size, profile)
    app.top.refresh()
    t0 = time.perf_counter()
    app.present(app.draw())
    return (time.perf_counter() - t0) * 1000


def idle_cpu(seconds: float) -> float:
    """Percent of one core the real loop uses while nothing happens."""
    app = make_app((1920, 1080), "desktop")
    app.draw()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    app.run(max_seconds=seconds)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return 100 * cpu / wall


class StillClock:
    """The group session's clock: moved by hand, so a timer tick happens exactly when the bench says."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def group_app(size: tuple[int, int]):
    """Both windows of a group session, at the scenario's first decision with voting open."""
    from game.group import GroupSession
    from game.ui.group_run import GroupRun, GroupSetup
    from game.ui.intents import GroupNext

    clock = StillClock()
    app = App(Preferences(), voice=Voice(exe=None))
    app.open_display((1280, 720))
    from game.engine.loader import load_file

    session = GroupSession.start(load_file(GROUP_SCENARIO), GROUP_SCENARIO, now=clock(), file=None)
    run = app.group = GroupRun(app, session, GroupSetup(one_window=False, clock=clock))
    run.open(app.view)
    run.audience.open(size)  # the projector's size (the dummy driver has one display: not full screen)
    while session.phase != "decision":
        app.act(GroupNext())
        app.step()
    app.step()
    return app, run, clock


def group_times(size: tuple[int, int], what: str, frames: int) -> list[float]:
    """Milliseconds of each changed frame of the audience window: the timer ticking, or votes arriving."""
    from game.ui.intents import GroupTimer, GroupVote

    app, run, clock = group_app(size)
    room = run.audience
    if what == "timer":
        app.act(GroupTimer("start"))
        run.session.timer.length = run.session.timer.left = 10 * 3600.0  # never runs out while measured
    app.step()
    options = len(run.session.current.options)
    times = []
    for n in range(frames):
        if what == "timer":
            clock.t += 1.0
        else:
            app.act(GroupVote(1 + n % options))
        drawn = room.frames_drawn
        t0 = time.perf_counter()
        room.frame(0.1)
        times.append((time.perf_counter() - t0) * 1000)
        assert room.frames_drawn == drawn + 1, "every measured frame must be a changed one"
        app.view.frame(0.1)  # the console keeps up too (not measured: it is the laptop's window)
    return times


def group_idle_cpu(seconds: float) -> float:
    """Percent of one core the real loop uses with both windows open and nothing happening."""
    app, _run, _clock = group_app((1920, 1080))
    app.step()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    app.run(max_seconds=seconds)
    return 100 * (time.process_time() - cpu0) / (time.perf_counter() - wall0)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=300)
    ap.add_argument("--idle-seconds", type=float, default=10.0)
    ap.add_argument("--group-only", action="store_true", help="only the group-session case")
    args = ap.parse_args()
    worst = {1080: 0.0, 2160: 0.0}  # stays 0 with --group-only
    for size in ((1920, 1080), (3840, 2160)) if not args.group_only else ():
        for profile in ("desktop", "projector"):
            times = frame_times(size, profile, args.frames)
            first = first_frame_ms(size, profile)
            print(f"{size[0]}x{size[1]} {profile:9} changed frame: median {statistics.median(times):6.2f} ms  "
                  f"p95 {p95(times):6.2f} ms  max {max(times):6.2f} ms  (first frame {first:6.1f} ms, "
                  f"{len(times)} frames)")
            worst[size[1]] = max(worst[size[1]], p95(times))
            scrolling = scroll_times(size, profile, 100)
            print(f"{'':9} {'':9} scrolling frame: median {statistics.median(scrolling):6.2f} ms  "
                  f"p95 {p95(scrolling):6.2f} ms")
    idle = idle_cpu(args.idle_seconds) if not args.group_only else 0.0
    print(f"idle: {idle:.3f} % of one core over {args.idle_seconds:.0f} s")
    group = {}
    for size in ((1920, 1080), (3840, 2160)):
        for what in ("timer", "votes"):
            times = group_times(size, what, args.frames)
            group[what, size[1]] = p95(times)
            print(f"{size[0]}x{size[1]} group audience, {what:5} frame: median {statistics.median(times):6.2f} ms  "
                  f"p95 {p95(times):6.2f} ms  max {max(times):6.2f} ms  ({len(times)} frames)")
    group_idle = group_idle_cpu(args.idle_seconds)
    print(f"group session idle (both windows): {group_idle:.3f} % of one core over {args.idle_seconds:.0f} s")
    print(f"p95_ms_1080={worst[1080]:.2f} p95_ms_2160={worst[2160]:.2f} idle_cpu_pct={idle:.3f} "
          f"group_timer_p95_ms_1080={group['timer', 1080]:.2f} group_timer_p95_ms_2160={group['timer', 2160]:.2f} "
          f"group_votes_p95_ms_1080={group['votes', 1080]:.2f} group_votes_p95_ms_2160={group['votes', 2160]:.2f} "
          f"group_idle_cpu_pct={group_idle:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
