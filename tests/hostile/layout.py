"""Random window sizes x text scales x display settings x screens, laid out and painted by the real screens.

    run(n=1000, seed=0, problems=None) -> {"cases": n, "tracebacks": k, "hangs": h, "slowest_ms": ...}

A case is one screen (title, scenario list, play, feedback, ending, debrief, pause, history, settings, help,
load, save) in one window size from the smallest the game allows (480x360) to 4K, at one text size
(100-200 %), profile (desktop or projector), font and theme: the window is resized and a frame drawn at
the top of the page and at its end. A case over HANG_SECONDS is a hang (SIGALRM stops the stuck layout loop, so
the run goes on); one that raises is a traceback. Either way the app is rebuilt for the next case.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
import traceback
from pathlib import Path

from tests.hostile.bounded import Hang, time_limit
from tests.hostile.scenario_files import playthrough

HANG_SECONDS = 5.0
ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = (ROOT / "tests" / "fixtures" / "ui-rich.yaml", ROOT / "scenarios" / "friend-request.yaml",
             Path("hostile.yaml"))  # written by _Driver: hostile texts in every part of a scene
# a long URL, a 12,000-letter word, accents stacked, emoji with joiners and skin tones, right to left, wide
HOSTILE_TEXT = " ".join([
    "https://example.org/" + "/".join(f"path-{i}.html?q={i}&r=#x" for i in range(150)),
    "y" * 12_000, "Z\u0351\u0352a\u0354\u0355l\u0357g\u035ao" * 40, "e" + "\u0301" * 300,
    "👩‍👩‍👧 🙏🏽 😩 שלום עליכם العربية 全角の文字と漢字"])
SCREENS = ("title", "scenarios", "play", "feedback", "ending", "debrief", "pause", "history", "settings",
           "help", "load", "save", "map")
SIZES = ((480, 360), (480, 1080), (800, 600), (1280, 720), (1920, 1080), (3840, 2160), (2560, 480))


def random_case(rng: random.Random) -> dict:
    if rng.random() < 0.3:
        w, h = rng.choice(SIZES)
    else:
        w, h = rng.randint(480, 3840), rng.randint(360, 2160)
    return {"screen": rng.choice(SCREENS), "scenario": rng.choice(SCENARIOS), "size": (w, h),
            "text_scale": rng.randrange(100, 201, 10), "profile": rng.choice(("desktop", "projector")),
            "font": rng.choice(("atkinson", "opendyslexic")), "theme": rng.choice(("default", "high-contrast"))}


class _Driver:
    """One app on a headless window, brought to a screen once and then resized and re-styled per case."""

    def __init__(self, folder: Path) -> None:
        from game.saves import SaveStore
        from game.settings import Preferences
        from game.ui.app import App
        from game.ui.pilot import Pilot
        from game.ui.voice import Voice

        scenarios = folder / "scenarios"
        scenarios.mkdir(parents=True, exist_ok=True)
        for path in SCENARIOS[:-1]:
            shutil.copy(path, scenarios / path.name)
        (scenarios / SCENARIOS[-1].name).write_text(playthrough([HOSTILE_TEXT]), encoding="utf-8")
        store = SaveStore.open(folder / "saves.sqlite3")
        self.app = App(Preferences(feedback="after_choice"), store=store, scenarios_dir=scenarios,
                       voice=Voice(exe=None))
        self.app.open_display((1280, 720))
        self.pilot = Pilot(self.app)
        self.at: tuple | None = None

    def go(self, screen: str, scenario: Path) -> None:
        """Bring the app to `screen` (a scenario started where the screen needs one)."""
        from game.ui.intents import Push, StartScenario, ToTitle

        if self.at == (screen, scenario.name):
            return
        app, pilot = self.app, self.pilot
        app.act(ToTitle())
        pilot.step()
        if screen == "scenarios":
            app.act(Push("scenarios"))
        elif screen != "title":
            app.act(StartScenario(app.scenarios_dir / scenario.name))
            pilot.step()
            if screen == "feedback":
                self._until(lambda: app.top.name == "feedback")
            elif screen in ("ending", "debrief"):
                self._until(lambda: app.top.name in ("ending", "debrief"))
                if screen == "debrief" and app.top.name == "ending":
                    pilot.press("activate")
            elif screen != "play":
                app.act(Push(screen))
        pilot.step()
        self.at = (screen, scenario.name)

    def _until(self, done) -> None:
        app, pilot = self.app, self.pilot
        for _ in range(60):
            if done():
                return
            story = app.session.story if app.session else None
            if app.top.name == "play" and story is not None and story.scene.choices:
                pilot.press("choose_1")
            else:
                pilot.press("activate")

    def show(self, case: dict) -> None:
        from game.ui.intents import ChangeSetting

        self.go(case["screen"], case["scenario"])
        prefs = self.app.prefs
        for name in ("text_scale", "profile", "font", "theme"):
            if getattr(prefs, name) != case[name]:
                self.app.act(ChangeSetting(name, case[name]))
        self.pilot.resize(*case["size"])
        self.pilot.step()
        top = self.app.top
        if hasattr(top, "max_scroll") and top.max_scroll:  # the end of the page painted too, as scrolled to
            top.scroll_to(top.max_scroll)
            self.pilot.step()


def describe(case: dict) -> str:
    w, h = case["size"]
    return (f"{case['screen']} of {case['scenario'].name} at {w}x{h}, {case['text_scale']} %, "
            f"{case['profile']}, {case['font']}, {case['theme']}")


def run(n: int = 1000, seed: int = 0, problems: list[str] | None = None) -> dict:
    import pygame

    rng = random.Random(seed)
    cases = [random_case(rng) for _ in range(n)]
    # one navigation per screen, not per case: cases are grouped by where they happen
    cases.sort(key=lambda c: (c["screen"], c["scenario"].name))
    problems = problems if problems is not None else []
    tracebacks = hangs = unreached = 0
    slowest = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        driver: _Driver | None = None
        for i, case in enumerate(cases):
            if driver is None:
                driver = _Driver(Path(tmp) / str(i))
            started = time.perf_counter()
            try:
                with time_limit(HANG_SECONDS):
                    driver.show(case)
                if driver.app.top.name != case["screen"]:  # a case that tested another screen than it says
                    unreached += 1
                    problems.append(f"not reached (at {driver.app.top.name}): {describe(case)}")
            except Hang:
                hangs += 1
                problems.append(f"hang (over {HANG_SECONDS:.0f} s): {describe(case)}")
                driver = None
            except Exception:  # noqa: BLE001 - every traceback is what this counts
                tracebacks += 1
                problems.append(f"traceback: {describe(case)}\n{traceback.format_exc()}")
                driver = None
            slowest = max(slowest, time.perf_counter() - started)
        pygame.display.quit()
    return {"cases": n, "tracebacks": tracebacks, "hangs": hangs, "unreached": unreached,
            "slowest_ms": round(slowest * 1000)}
