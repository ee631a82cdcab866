"""The desktop game: `python main.py` / `python main.py play [--projector]`.

The App owns a stack of screens and acts on the intents they return (screens never import each other).
It is also the environment screens read from ("attributes down"): preferences, the session being played,
the saves, the scenario catalogue, and the Look for a window size.

Idle costs nothing: a frame is drawn only when something visible changed (each screen's `version`), and
the loop ticks at 10 Hz when nothing is happening (60 Hz for half a second after any input).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

import pygame

from game import paths, settings
from game.engine import reference
from game.engine.story import ChoiceError, Story
from game.settings import Preferences

from . import catalog as catalog_mod
from .assets import Assets
from .blocks import words
from .fonts import Fonts
from .intents import (
    ChangeSetting,
    Choose,
    Confirm,
    ContinueLatest,
    LoadFrom,
    Pop,
    Proceed,
    Push,
    Quit,
    Replace,
    Restart,
    SaveTo,
    ShowDebrief,
    StartNewSaveFile,
    StartScenario,
    ToggleFullscreen,
    ToTitle,
)
from .keymap import KeyMap
from .look import Look
from .metrics import Metrics
from .profiles import profile
from .screens.confirm import ConfirmScreen
from .screens.debrief import DebriefScreen
from .screens.ending import EndingScreen
from .screens.feedback import FeedbackScreen
from .screens.help import HelpScreen
from .screens.history import HistoryScreen
from .screens.load import LoadScreen
from .screens.message import MessageScreen
from .screens.pause import PauseScreen
from .screens.picker import PickerScreen
from .screens.play import PlayScreen
from .screens.review import ReviewScreen
from .screens.save import SaveScreen
from .screens.settings import SettingsScreen
from .screens.title import TitleScreen
from .session import Session
from .text import LineCache
from .theme import theme
from .voice import Voice

log = logging.getLogger("crossing_paths.ui")

SCREENS = {cls.name: cls for cls in (
    TitleScreen, PickerScreen, PlayScreen, FeedbackScreen, EndingScreen, DebriefScreen, PauseScreen,
    HistoryScreen, ReviewScreen, SettingsScreen, HelpScreen, ConfirmScreen, MessageScreen, LoadScreen, SaveScreen,
)}

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (480, 360)
IDLE_FPS, BUSY_FPS, BUSY_SECONDS = 10, 60, 0.5
ALLOW_DUMMY_ENV = "CROSSING_PATHS_ALLOW_DUMMY"
NO_DISPLAY = ("crossing-paths: no display is available for the desktop game; play in the terminal instead: "
              "python main.py text scenarios/friend-request.yaml")


class App:
    def __init__(self, prefs: Preferences | None = None, *, settings_path: Path | None = None, store: Any = None,
                 store_problem: str = "", scenarios_dir: Path | None = None, voice: Voice | None = None,
                 keymap: KeyMap | None = None):
        self.prefs = prefs or Preferences()
        self.saved_prefs = self.prefs  # what the settings file holds (command-line overrides stay out of it)
        self.settings_path = settings_path  # None: do not persist (tests, snapshots)
        self.store = store
        self.store_problem = store_problem
        self.scenarios_dir = scenarios_dir or paths.scenarios_dir()
        self.voice = voice or Voice.detect(enabled=self.prefs.self_voicing)
        self.keymap = keymap or KeyMap.load()
        self.session: Session | None = None
        self.stack: list = []
        self.running = True
        self.version = 0  # app-level changes that need a redraw (resize, stack changes)
        self._drawn: tuple | None = None
        self._looks: dict[tuple, Look] = {}
        self._fonts: dict[str, Fonts] = {}
        self._lines = LineCache()
        self._assets = Assets()
        self._catalog: list | None = None
        self.windowed_size = DEFAULT_SIZE
        self.frames_drawn = 0
        self.push(self.make("title"))

    # --- the environment screens read ---------------------------------------------------------------------

    def look(self, size: tuple[int, int]) -> Look:
        p = self.prefs
        key = (size, p.theme, p.font, p.profile, p.text_scale)
        look = self._looks.get(key)
        if look is None:
            if len(self._looks) > 8:
                self._looks.clear()
            fonts = self._fonts.setdefault(p.font, Fonts(p.font))
            metrics = Metrics(size[0], size[1], profile(p.profile), p.scale)
            look = self._looks[key] = Look(metrics, theme(p.theme), fonts, self._lines, self._assets)
        return look

    def catalog(self) -> list:
        if self._catalog is None:
            self._catalog = catalog_mod.scan(self.scenarios_dir)
        return self._catalog

    def ladder(self):
        return reference.ladder()

    def _store_call(self, what: str, default: Any, *args: Any) -> Any:
        if self.store is None:
            return default
        try:
            return getattr(self.store, what)(*args)
        except Exception as exc:  # noqa: BLE001 - a damaged save file must not stop the menus
            log.warning("saves: %s failed: %s", what, exc)
            return default

    def latest_autosave(self):
        return self._store_call("latest_autosave", None)

    def slots(self) -> list:
        return self._store_call("slots", [])

    def best_outcomes(self) -> dict:
        return self._store_call("best_outcomes", {})

    # --- the stack ----------------------------------------------------------------------------------------

    @property
    def top(self):
        return self.stack[-1]

    def names(self) -> list[str]:
        return [s.name for s in self.stack]

    def make(self, name: str, **args: Any):
        screen = SCREENS[name](self, **args)
        screen.on_focus = self._speak_control
        return screen

    def push(self, screen) -> None:
        self.stack.append(screen)
        self._changed()

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.refresh()
            self._changed()

    def _changed(self) -> None:
        self.version += 1
        self.speak(self.top.speech())

    def message(self, title: str, text: str, action: tuple[str, Any] | None = None) -> None:
        self.push(self.make("message", title=title, text=text, action=action))

    def saves_unusable(self, problem: str) -> None:
        """Saving is off: say why, and where the file is there, offer to move it aside and start afresh."""
        action = None
        if paths.save_file().exists():
            action = ("Keep it aside and start a new save file", StartNewSaveFile())
        self.message("Saving is off", problem, action)

    def start_new_save_file(self) -> None:
        from game.saves import SaveError, SaveStore, set_aside

        try:
            kept = set_aside(paths.save_file())
            self.store = SaveStore.open()
        except SaveError as exc:
            self.message("Saving is still off", str(exc))
            return
        self.store_problem = ""
        self._catalog = None
        self.message("A new save file was started",
                     f"The old file is kept, unchanged, as {kept}. You can delete it yourself once you no longer "
                     "need it.")

    # --- intents ------------------------------------------------------------------------------------------

    def act(self, intent: Any) -> None:
        if intent is None:
            return
        if isinstance(self.top, ConfirmScreen) and not isinstance(intent, Pop):
            self.stack.pop()  # the question is answered
        if isinstance(intent, Push):
            if intent.screen == "scenarios":
                self._catalog = None  # pick up files added since
            self.push(self.make(intent.screen, **intent.args))
        elif isinstance(intent, Replace):
            self.stack.pop()
            self.push(self.make(intent.screen, **intent.args))
        elif isinstance(intent, Pop):
            self.pop()
        elif isinstance(intent, Quit):
            self.running = False
        elif isinstance(intent, ToTitle):
            del self.stack[1:]
            self.top.refresh()
            self._changed()
        elif isinstance(intent, Confirm):
            self.push(self.make("confirm", confirm=intent))
        elif isinstance(intent, StartScenario):
            self.start(Path(intent.path))
        elif isinstance(intent, ContinueLatest):
            slot = self.latest_autosave()
            if slot is None:
                self.message("Nothing to continue", "There is no autosave yet: choose a scenario to start.")
            else:
                self.resume(slot)
        elif isinstance(intent, LoadFrom):
            self.resume(intent.slot)
        elif isinstance(intent, SaveTo):
            self.save(intent.slot)
        elif isinstance(intent, Choose):
            self.choose(intent.number)
        elif isinstance(intent, Proceed):
            self.proceed()
        elif isinstance(intent, StartNewSaveFile):
            self.stack.pop()  # the message that offered it
            self.start_new_save_file()
        elif isinstance(intent, Restart):
            if self.session is not None:
                # start afresh rather than rewind, so that a standards setting changed since applies
                self.start(self.session.path)
        elif isinstance(intent, ShowDebrief):
            self.push(self.make("debrief"))
        elif isinstance(intent, ChangeSetting):
            self.change(intent.name, intent.value)
        elif isinstance(intent, ToggleFullscreen):
            self.change("fullscreen", not self.prefs.fullscreen)
        else:
            log.warning("unknown intent %r ignored", intent)

    def _playing(self) -> None:
        """Show the session where it is: [title, play] or [title, ending]."""
        del self.stack[1:]
        over = self.session.story.is_over
        self.push(self.make("ending" if over else "play"))

    def start(self, path: Path) -> None:
        entry = catalog_mod.check(path)
        if entry.errors:
            self.message("This scenario cannot be played", f"{path.name} has errors:\n" + "\n".join(entry.errors[:5]))
            return
        chosen = self.prefs.standards
        framework = None if chosen in ("as_written", entry.loaded.scenario.framework) else chosen
        try:
            story = Story(entry.loaded.scenario, framework)
        except ValueError as exc:
            if framework is None:
                self.message("This scenario cannot be played", str(exc))
                return
            log.warning("standards setting: %s; scoring against the scenario's own framework", exc)
            story = Story(entry.loaded.scenario)
        self.session = Session(story, entry.loaded, path, self.store)
        self.session.after_step()  # an autosave at the start, so Continue works at once
        self._playing()

    def resume(self, slot: Any) -> None:
        from game.saves import SaveError, StartAgain, resume

        if getattr(slot, "damaged", None):
            self.message("This save cannot be opened", f"{slot.label} is damaged ({slot.damaged}).")
            return
        entry = next((e for e in self.catalog() if e.scenario is not None and e.scenario.id == slot.scenario), None)
        if entry is None:
            self.message("This save cannot be opened",
                         f"The scenario '{slot.scenario}' is no longer in the scenarios folder, or has errors.")
            return
        try:
            record = self.store.load(slot)
            story, notices = resume(record, entry.loaded)
        except StartAgain as exc:
            self.message("The scenario has changed", f"{exc}")
            return
        except SaveError as exc:
            self.message("This save cannot be opened", str(exc))
            return
        self.session = Session(story, entry.loaded, entry.path, self.store, notices)
        self._playing()
        if notices:
            self.message("Note", "\n".join(notices))

    def save(self, slot: str) -> None:
        try:
            self.session.save(slot)
        except Exception as exc:  # noqa: BLE001 - SaveError: the message is for the player
            self.message("Not saved", str(exc))
            return
        while self.top.name in ("save", "confirm"):
            self.stack.pop()
        self.message("Saved", f"Saved as “{slot}”.")

    def choose(self, number: int) -> None:
        if self.session is None or self.top.name != "play":
            return
        try:
            feedback = self.session.choose(number)
        except ChoiceError:
            return
        over = self.session.story.is_over
        if over:
            self.stack.pop()
            self.stack.append(self.make("ending"))
        else:
            self.top.refresh()
        if self.prefs.feedback == "after_choice":
            self.push(self.make("feedback", feedback=feedback, ending=over))
        else:
            self._changed()

    def proceed(self) -> None:
        if self.session is None or self.top.name != "play":
            return
        try:
            self.session.proceed()
        except ChoiceError:
            return
        if self.session.story.is_over:
            self.stack.pop()
            self.push(self.make("ending"))
        else:
            self.top.refresh()
            self._changed()

    def change(self, name: str, value: Any) -> None:
        self.prefs = self.prefs.with_value(name, value)
        self.saved_prefs = self.saved_prefs.with_value(name, value)
        if self.settings_path is not None:
            try:
                settings.save(self.saved_prefs, self.settings_path)
            except OSError as exc:
                log.warning("settings: cannot save %s: %s", self.settings_path, exc)
        if name == "fullscreen" and pygame.display.get_surface() is not None:
            self.apply_display()
        if name == "self_voicing":
            self.voice.enabled = bool(value) and self.voice.available
            if not self.voice.enabled:
                self.voice.stop()
        for screen in self.stack:
            screen.refresh()
        self.version += 1

    # --- the window ---------------------------------------------------------------------------------------

    def open_display(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """Open (or re-open) the window. Raises pygame.error when there is no display."""
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Crossing Paths")
        if size is not None:
            self.windowed_size = size
        return self.apply_display()

    def apply_display(self) -> pygame.Surface:
        if self.prefs.fullscreen:
            try:
                surface = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                self.version += 1
                return surface
            except pygame.error as exc:
                log.warning("full screen is not available: %s", exc)
        surface = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        self.version += 1
        return surface

    # --- events and frames --------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE:
            if not self.prefs.fullscreen:
                self.windowed_size = (max(MIN_SIZE[0], event.w), max(MIN_SIZE[1], event.h))
            self.version += 1
            return
        if event.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE,
                          pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            self.version += 1
            return
        action = self.keymap.action(event)
        if action == "fullscreen":
            self.act(ToggleFullscreen())
            return
        if action == "help" and self.top.name != "help":
            self.act(Push("help"))
            return
        if action == "speak":
            self.speak(self.top.speech(), force=True)
            return
        self.act(self.top.handle_event(event))

    def speak(self, text: str, force: bool = False) -> None:
        if self.voice.enabled and text:
            self.voice.say(text)

    def _speak_control(self, button: Any) -> None:
        self.speak(words(button))

    def needs_draw(self, surface: pygame.Surface) -> bool:
        return self._drawn != (id(self.top), self.top.version, surface.get_size(), self.version)

    def draw(self, surface: pygame.Surface | None = None) -> list | None:
        """Draw the top screen; returns the rectangles that changed (None: all of it)."""
        surface = surface or pygame.display.get_surface()
        drawn = self._drawn
        if drawn is None or drawn[0] != id(self.top) or drawn[2] != surface.get_size() or drawn[3] != self.version:
            forget = getattr(self.top, "forget_frame", None)
            if forget is not None:
                forget()
        rects = self.top.draw(surface)
        self._drawn = (id(self.top), self.top.version, surface.get_size(), self.version)
        self.frames_drawn += 1
        return rects

    def present(self, rects: list | None) -> None:
        if rects is None:
            pygame.display.flip()
        elif rects:
            pygame.display.update(rects)

    def step(self, dt: float = 0.0) -> bool:
        """One turn of the loop: handle the queued events, then draw if anything visible changed."""
        events = pygame.event.get()
        for event in events:
            self.handle(event)
            if not self.running:
                return True
        self.top.update(dt)
        surface = pygame.display.get_surface()
        if surface is not None and self.needs_draw(surface):
            self.present(self.draw(surface))
        return bool(events)

    def run(self, max_seconds: float | None = None) -> None:
        clock = pygame.time.Clock()
        busy_until = 0.0
        started = time.monotonic()
        dt = 0.0
        while self.running:
            if self.step(dt):
                busy_until = time.monotonic() + BUSY_SECONDS
            now = time.monotonic()
            if max_seconds is not None and now - started >= max_seconds:
                break
            dt = clock.tick(BUSY_FPS if now < busy_until else IDLE_FPS) / 1000
        self.voice.stop()


# --- the command ----------------------------------------------------------------------------------------------

def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from None
    if w < MIN_SIZE[0] or h < MIN_SIZE[1] or w > 16384 or h > 16384:
        raise argparse.ArgumentTypeError(f"'{text}': the window must be at least {MIN_SIZE[0]}x{MIN_SIZE[1]}")
    return w, h


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py play", description="The Crossing Paths desktop game.")
    p.add_argument("--projector", action="store_true",
                   help="the projector profile: type readable from the back of a room (this session only)")
    p.add_argument("--size", type=_size, metavar="WxH", help="the window size (default 1280x720)")
    p.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 switches)")
    return p


HEADLESS_DRIVERS = ("dummy", "offscreen")


def no_display_reason() -> str | None:
    """Why the desktop game cannot open a window here, or None. SDL's dummy and offscreen drivers count
    as no display (they open an invisible window) unless CROSSING_PATHS_ALLOW_DUMMY=1, which tests set."""
    allowed = os.environ.get(ALLOW_DUMMY_ENV) == "1"
    driver = os.environ.get("SDL_VIDEODRIVER", "").strip().lower()
    if driver in HEADLESS_DRIVERS and not allowed:
        return f"SDL_VIDEODRIVER={driver}"
    if not driver and sys.platform.startswith("linux") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        return "neither DISPLAY nor WAYLAND_DISPLAY is set"
    return None


def open_store() -> tuple[Any, str]:
    try:
        from game.saves import SaveError, SaveStore
    except ImportError as exc:  # pragma: no cover
        return None, f"saves are not available ({exc})"
    try:
        return SaveStore.open(), ""
    except SaveError as exc:
        return None, str(exc)


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="crossing-paths: %(message)s")
    reason = no_display_reason()
    if reason is not None:
        print(f"{NO_DISPLAY} ({reason})", file=sys.stderr)
        return 1
    settings_path = paths.saves_dir() / settings.SETTINGS_FILE
    prefs = settings.load(settings_path)
    store, problem = open_store()
    app = App(prefs, settings_path=settings_path, store=store, store_problem=problem)
    if args.projector:
        app.prefs = app.prefs.with_value("profile", "projector")
    if args.fullscreen:
        app.prefs = app.prefs.with_value("fullscreen", True)
    try:
        app.open_display(args.size or DEFAULT_SIZE)
    except pygame.error as exc:
        print(f"{NO_DISPLAY} ({exc})", file=sys.stderr)
        return 1
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and os.environ.get(ALLOW_DUMMY_ENV) != "1":
        pygame.quit()  # SDL fell back to an invisible window: that is no display for a player
        print(f"{NO_DISPLAY} (only the '{driver}' video driver is available)", file=sys.stderr)
        return 1
    if problem:
        app.saves_unusable(problem)
    try:
        app.run()
    finally:
        if app.store is not None:  # the one it opened, or a new one started since
            app.store.close()
        pygame.quit()
    return 0
