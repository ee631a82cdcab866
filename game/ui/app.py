"""The desktop game: `python main.py` / `python main.py play [--projector]`.

The App holds what every window shares: the playthrough (a pygame-free PlaySession), the preferences, the
saves, the scenario catalogue, the voice and the caches of fonts and rendered text. Each window is a View
(game/ui/view.py) with its own screens and look; today there is one, the game window.

Screens return intents; the app acts on each through one handler per intent class (HANDLERS). Another
thread (the phone-vote server) hands intents over with `post`: a queue the loop drains once per frame and
never waits on. Idle costs nothing: a window is drawn only when something visible changed, and the loop
ticks at 10 Hz when nothing is happening (60 Hz for half a second after any input).
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn

import pygame

from game import paths, settings
from game.settings import Preferences

from .assets import Assets
from .blocks import words
from .fonts import Fonts
from .intents import (
    ChangeSetting,
    Choose,
    Confirm,
    ContinueLatest,
    EndGroup,
    GroupAllFeedback,
    GroupDecide,
    GroupNext,
    GroupPeek,
    GroupReveal,
    GroupSetCount,
    GroupShowSplit,
    GroupSummary,
    GroupTimer,
    GroupVote,
    GroupVoting,
    Intent,
    LoadFrom,
    Pop,
    Proceed,
    Push,
    Quit,
    Replace,
    Restart,
    ResumeGroup,
    RunGroup,
    SaveTo,
    ShowDebrief,
    StartNewSaveFile,
    StartScenario,
    ToggleFullscreen,
    ToTitle,
)
from .keymap import KeyMap
from .phone_run import PHONE_HANDLERS
from .phone_run import tick as phone_tick
from .records_run import RECORDS_HANDLERS
from .screens import screen_class
from .text import LineCache
from .view import DEFAULT_SIZE, MIN_SIZE, View
from .voice import Voice

if TYPE_CHECKING:
    import argparse

    from game.play import PlaySession
    from game.saves import SaveSlot

    from .hot_reload import HotReload
    from .look import Look
    from .page import Screen

log = logging.getLogger("crossing_paths.ui")

IDLE_FPS, BUSY_FPS, BUSY_SECONDS = 10, 60, 0.5
POSTED_PER_FRAME = 64  # a flood of posted intents is spread over frames, so a frame stays short
ALLOW_DUMMY_ENV = "CROSSING_PATHS_ALLOW_DUMMY"
FIRST_FRAME_ENV = "CROSSING_PATHS_FIRST_FRAME"  # =1: draw one frame, say so, quit (bench/startup.py)
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
        self.session: PlaySession | None = None
        self.group = None  # a facilitated group session running (game/ui/group_run.py), if any
        self.group_setup = None  # how group sessions open (facilitate's options); None: found out
        self.phones = None  # phone voting for the group session (game/ui/phone_run.py), while it is on
        self.hot_reload: HotReload | None = None  # `play PATH --watch`: follow saves of the file played
        self.xapi = None  # game/records/recorder.Recording: statements kept, and sent in the background (main)
        self.trainer = False  # trainer tools (the story map in the pause menu): --trainer, --watch, --map, --from
        self.running = True
        self.windowed_size = DEFAULT_SIZE
        self.lines = LineCache()
        self.assets = Assets()
        self._fonts: dict[str, Fonts] = {}
        self._catalog: tuple[tuple, list] | None = None  # (the folder's state when scanned, the entries)
        self._posted: queue.SimpleQueue[Intent] = queue.SimpleQueue()
        self.view = View(self, "Crossing Paths")  # the game window
        self.views: list[View] = [self.view]
        self.view.push(self.view.make("title"))

    # --- what the windows share ---------------------------------------------------------------------------

    def fonts(self, name: str) -> Fonts:
        fonts = self._fonts.get(name)
        if fonts is None:
            fonts = self._fonts[name] = Fonts(name)
        return fonts

    def catalog(self) -> list:
        """Every scenario file, checked; scanned again when the folder has changed (a file added or edited)."""
        from game.engine import library

        from . import catalog as catalog_mod

        files = library.scenario_files(self.scenarios_dir)
        state = tuple(_file_state(p) for p in files)
        if self._catalog is None or self._catalog[0] != state:
            self._catalog = (state, [catalog_mod.check(p) for p in files])
        return self._catalog[1]

    def ladder(self):
        from game.engine import reference

        return reference.ladder()

    def _store_call(self, what: str, default: Any, *args: Any) -> Any:
        if self.store is None:
            return default
        try:
            return getattr(self.store, what)(*args)
        except Exception as exc:  # noqa: BLE001 - a damaged save file must not stop the menus
            log.warning("saves: %s failed: %s", what, exc)
            return default

    def latest_autosave(self) -> SaveSlot | None:
        return self._store_call("latest_autosave", None)

    def slots(self) -> list:
        return self._store_call("slots", [])

    def best_outcomes(self) -> dict:
        return self._store_call("best_outcomes", {})

    def speak(self, text: str, force: bool = False) -> None:
        if self.voice.enabled and text:
            self.voice.say(text)

    def speak_control(self, button: Any) -> None:
        self.speak(words(button))

    # --- the game window, for callers that know only one (tests, snapshot, benches) -----------------------

    @property
    def top(self) -> Screen:
        return self.view.top

    def names(self) -> list[str]:
        return self.view.names()

    def look(self, size: tuple[int, int]) -> Look:
        return self.view.look(size)

    @property
    def version(self) -> int:
        return self.view.version

    @version.setter
    def version(self, value: int) -> None:
        self.view.version = value

    @property
    def frames_drawn(self) -> int:
        return self.view.frames_drawn

    def message(self, title: str, text: str, action: tuple[str, Any] | None = None) -> None:
        self.view.message(title, text, action)

    def needs_draw(self, surface: pygame.Surface | None = None) -> bool:
        return self.view.needs_draw(surface)

    def draw(self, surface: pygame.Surface | None = None) -> list | None:
        return self.view.draw(surface)

    def present(self, rects: list | None) -> None:
        self.view.present(rects)

    def open_display(self, size: tuple[int, int] | None = None) -> pygame.Surface:
        """Open (or re-open) the game window. Raises pygame.error when there is no display."""
        if size is not None:
            self.windowed_size = size
        return self.view.open(self.windowed_size, fullscreen=self.prefs.fullscreen)

    # --- saves that cannot be used ------------------------------------------------------------------------

    def saves_unusable(self, problem: str) -> None:
        """Saving is off: say why, and where the file is there, offer to move it aside and start afresh."""
        action = None
        if paths.save_file().exists():
            action = ("Keep it aside and start a new save file", StartNewSaveFile())
        self.message("Saving is off", problem, action)

    # --- intents ------------------------------------------------------------------------------------------

    def post(self, intent: Intent) -> None:
        """Hand an intent to the game from any thread; the loop applies it on its next frame (for the game
        window). Never blocks, and the loop never waits for it."""
        self._posted.put(intent)

    def act(self, intent: Intent | None, view: View | None = None) -> None:
        """Do what `intent` asks, for the window it came from (the game window if none)."""
        if intent is None:
            return
        handler = HANDLERS.get(type(intent))
        if handler is None:
            log.warning("unknown intent %r ignored", intent)
            return
        handler(self, intent, view or self.view)

    def _push(self, intent: Push, view: View) -> None:
        if type(view.top) is screen_class(intent.screen):
            return  # already showing (F1 on the help screen)
        view.push(view.make(intent.screen, **intent.args))

    def _replace(self, intent: Replace, view: View) -> None:
        view.stack.pop()
        view.push(view.make(intent.screen, **intent.args))

    def _pop(self, intent: Pop, view: View) -> None:
        view.pop()

    def _quit(self, intent: Quit, view: View) -> None:
        self.running = False

    def _to_title(self, intent: ToTitle, view: View) -> None:
        view.to_base()

    def _confirm(self, intent: Confirm, view: View) -> None:
        view.push(view.make("confirm", confirm=intent))

    def _start_scenario(self, intent: StartScenario, view: View) -> None:
        self.start(Path(intent.path), view, intent.start)

    def _continue_latest(self, intent: ContinueLatest, view: View) -> None:
        slot = self.latest_autosave()
        if slot is None:
            view.message("Nothing to continue", "There is no autosave yet: choose a scenario to start.")
        else:
            self.resume(slot, view)

    def _load_from(self, intent: LoadFrom, view: View) -> None:
        self.resume(intent.slot, view)

    def _save_to(self, intent: SaveTo, view: View) -> None:
        self.save(intent.slot, view)

    def _choose(self, intent: Choose, view: View) -> None:
        from game.engine.story import ChoiceError

        session = self.session
        if session is None or not session.can_choose(intent.number):
            return
        try:
            feedback = session.choose(intent.number)
        except ChoiceError:
            return
        self._show_step(view, feedback)

    def _proceed(self, intent: Proceed, view: View) -> None:
        from game.engine.story import ChoiceError

        session = self.session
        if session is None or not session.can_proceed:
            return
        try:
            session.proceed()
        except ChoiceError:
            return
        self._show_step(view, None)

    def _restart(self, intent: Restart, view: View) -> None:
        if self.session is not None:
            # start afresh rather than rewind, so that a standards setting changed since applies
            self.start(self.session.path, view)

    def _show_debrief(self, intent: ShowDebrief, view: View) -> None:
        view.push(view.make("debrief"))

    def _change_setting(self, intent: ChangeSetting, view: View) -> None:
        self.change(intent.name, intent.value)
        self.act(intent.then, view)

    def _toggle_fullscreen(self, intent: ToggleFullscreen, view: View) -> None:
        self.change("fullscreen", not self.prefs.fullscreen)

    def _start_new_save_file(self, intent: StartNewSaveFile, view: View) -> None:
        from game.saves import SaveError, SaveStore, set_aside

        try:
            kept = set_aside(paths.save_file())
            self.store = SaveStore.open()
        except SaveError as exc:
            view.message("Saving is still off", str(exc))
            return
        self.store_problem = ""
        self._catalog = None
        view.message("A new save file was started",
                     f"The old file is kept, unchanged, as {kept}. You can delete it yourself once you no longer "
                     "need it.")

    # --- the playthrough ----------------------------------------------------------------------------------

    def _show_session(self, view: View) -> None:
        """Show a new or resumed playthrough where it is: [title, play] or [title, ending]."""
        del view.stack[1:]
        view.push(view.make("ending" if self.session.story.is_over else "play"))

    def _show_step(self, view: View, feedback: Any) -> None:
        """After a step: the scene it led to (the same play screen, refreshed) or the ending, and on top the
        feedback of a choice when the player wants it straight away. Whatever was open above the scene (a
        choice posted from elsewhere) closes: the story has moved on."""
        from .screens.play import PlayScreen

        over = self.session.story.is_over
        scene = view.stack[1] if len(view.stack) > 1 and isinstance(view.stack[1], PlayScreen) else None
        del view.stack[1:]
        if over or scene is None:
            view.stack.append(view.make("ending" if over else "play"))
        else:
            scene.refresh()
            view.stack.append(scene)
        if feedback is not None and self.prefs.feedback == "after_choice":
            view.push(view.make("feedback", feedback=feedback, ending=over))
        else:
            view.changed()

    def start(self, path: Path, view: View | None = None, start: Any = None) -> None:
        """Play `path` from its beginning (or part-way at `start`, a StartedAt), scored against the standards
        setting as it is now."""
        from game.engine.partway import StartError
        from game.play import CannotPlay, PlaySession

        from . import catalog as catalog_mod

        view = view or self.view
        entry = catalog_mod.check(path)
        if entry.errors:
            view.message("This scenario cannot be played", f"{path.name} has errors:\n" + "\n".join(entry.errors[:5]))
            return
        try:
            self.session = PlaySession.start(entry.loaded, path, self.store, self.prefs.standards, start=start,
                                            front_end="desktop", observers=self._observers())
        except (CannotPlay, StartError) as exc:
            view.message("This scenario cannot be played", str(exc))
            return
        self._show_session(view)

    def resume(self, slot: Any, view: View | None = None) -> None:
        from game.play import PlaySession
        from game.saves import SaveError, StartAgain, resume

        view = view or self.view
        if getattr(slot, "damaged", None):
            view.message("This save cannot be opened", f"{slot.label} is damaged ({slot.damaged}).")
            return
        entry = next((e for e in self.catalog() if e.scenario is not None and e.scenario.id == slot.scenario), None)
        if entry is None:
            view.message("This save cannot be opened",
                         f"The scenario '{slot.scenario}' is no longer in the scenarios folder, or has errors.")
            return
        try:
            record = self.store.load(slot)
            story, notices = resume(record, entry.loaded)
        except StartAgain as exc:
            view.message("The scenario has changed", f"{exc}")
            return
        except SaveError as exc:
            view.message("This save cannot be opened", str(exc))
            return
        self.session = PlaySession(story, entry.loaded, entry.path, self.store, notices, front_end="desktop",
                                   observers=self._observers())
        self._show_session(view)
        if notices:
            view.message("Note", "\n".join(notices))

    def save(self, slot: str, view: View | None = None) -> None:
        from .screens.confirm import ConfirmScreen
        from .screens.save import SaveScreen

        view = view or self.view
        if self.session is None:
            return
        try:
            self.session.save(slot)
        except Exception as exc:  # noqa: BLE001 - SavingOff, SaveError: the message is for the player
            view.message("Not saved", str(exc))
            return
        while len(view.stack) > 1 and isinstance(view.top, SaveScreen | ConfirmScreen):
            view.stack.pop()  # the save screen, and the question whether to save over a slot
        view.message("Saved", f"Saved as “{slot}”.")

    def _observers(self) -> list:
        return [self.xapi.recorder] if self.xapi is not None else []

    def change(self, name: str, value: Any) -> None:
        if name == "xapi_identity" and value == "anonymous" and not self.saved_prefs.xapi_account:
            from game.records.recorder import new_account_id

            self.change("xapi_account", new_account_id())  # the anonymous id is made once, when first chosen
        self.prefs = self.prefs.with_value(name, value)
        self.saved_prefs = self.saved_prefs.with_value(name, value)
        if self.settings_path is not None:
            try:
                settings.save(self.saved_prefs, self.settings_path)
            except OSError as exc:
                log.warning("settings: cannot save %s: %s", self.settings_path, exc)
        if self.xapi is not None:
            self.xapi.sender.nudge()  # sending may have been turned on, or the LRS changed
        if name == "fullscreen":
            self.view.set_fullscreen(self.prefs.fullscreen)
        if name == "self_voicing":
            self.voice.enabled = bool(value) and self.voice.available
            if not self.voice.enabled:
                self.voice.stop()
        for view in self.views:
            view.refresh()

    # --- events and frames --------------------------------------------------------------------------------

    def view_of(self, event: pygame.event.Event) -> View:
        """The view whose window the event happened in; the game window for events that carry none."""
        return next((v for v in self.views if v.owns(event)), self.view)

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        view = self.view_of(event)
        if event.type == pygame.WINDOWCLOSE and view is self.view:
            self.running = False  # closing the game window ends the game
            return
        if view.window_event(event):
            return
        action = self.keymap.action(event)
        if action == "fullscreen":
            self.act(ToggleFullscreen(), view)
        elif action == "help":
            self.act(Push(getattr(view.top, "help_screen", "help")), view)  # a group session has its own keys
        elif action == "speak":
            self.speak(view.top.speech(), force=True)
        else:
            screen = view.top
            intent = screen.handle_event(event)
            if intent is not None and screen.closes_when_answered and not isinstance(intent, Pop) \
                    and view.top is screen:
                view.stack.pop()  # the question is answered
            self.act(intent, view)

    def _apply_posted(self) -> bool:
        """Act on the intents other threads posted since the last frame (a bounded number per frame)."""
        applied = 0
        while applied < POSTED_PER_FRAME:
            try:
                intent = self._posted.get_nowait()
            except queue.Empty:
                break
            self.act(intent)
            applied += 1
        return applied > 0

    def step(self, dt: float = 0.0) -> bool:
        """One turn of the loop: the queued events, then the posted intents, then a frame of each window that
        changed. Returns whether anything happened (the loop stays quick for a while after)."""
        events = pygame.event.get()
        for event in events:
            self.handle(event)
            if not self.running:
                return True
        posted = self._apply_posted()
        phone_tick(self)  # publish what phones may see; never waits on the network
        if self.hot_reload is not None:
            self.hot_reload.tick(self)  # --watch: one stat, and a reload only after a finished save
        for view in self.views:
            view.frame(dt)
        return bool(events) or posted

    def run(self, max_seconds: float | None = None) -> None:
        clock = pygame.time.Clock()
        busy_until = 0.0
        started = time.monotonic()
        dt = 0.0
        warming = None
        while self.running:
            if self.step(dt):
                busy_until = time.monotonic() + BUSY_SECONDS
            if warming is None:  # the title is on the screen: load what the heavier screens need, meanwhile
                from . import warmup

                warming = warmup.start()
            now = time.monotonic()
            if max_seconds is not None and now - started >= max_seconds:
                break
            dt = clock.tick(BUSY_FPS if now < busy_until else IDLE_FPS) / 1000
        self.close_screens()
        self.voice.stop()

    def close(self) -> None:
        """The game is closing: stop the xAPI sender (never waited on) and close the save file."""
        if self.xapi is not None:
            self.xapi.finish()
        if self.store is not None:  # the one it opened, or a new one started since
            self.store.close()

    def close_screens(self) -> None:
        """The game is closing: a screen holding something not yet kept (a reflection being written) says
        what to keep, through its `closing()` intent."""
        for view in self.views:
            for screen in list(view.stack):
                closing = getattr(screen, "closing", None)
                if closing is not None:
                    self.act(closing(), view)


def _file_state(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return (path.name, None)
    return (path.name, st.st_mtime_ns, st.st_size)


def _group(app: App, intent: Any, view: View) -> None:
    """A group session's intent, acted on by game/ui/group_run.py: that module (the session, its windows and
    slides) is imported with the first one, not before the title's first frame."""
    from .group_run import GROUP_HANDLERS

    GROUP_HANDLERS[type(intent)](app, intent, view)


GROUP_INTENTS = (RunGroup, ResumeGroup, EndGroup, GroupNext, GroupVoting, GroupReveal, GroupDecide, GroupVote,
                 GroupSetCount, GroupTimer, GroupAllFeedback, GroupSummary, GroupPeek, GroupShowSplit)

HANDLERS: dict[type, Callable[[App, Any, View], None]] = {
    Push: App._push, Replace: App._replace, Pop: App._pop, Quit: App._quit, ToTitle: App._to_title,
    Confirm: App._confirm, StartScenario: App._start_scenario, ContinueLatest: App._continue_latest,
    LoadFrom: App._load_from, SaveTo: App._save_to, Choose: App._choose, Proceed: App._proceed,
    Restart: App._restart, ShowDebrief: App._show_debrief, ChangeSetting: App._change_setting,
    ToggleFullscreen: App._toggle_fullscreen, StartNewSaveFile: App._start_new_save_file,
    **dict.fromkeys(GROUP_INTENTS, _group), **PHONE_HANDLERS, **RECORDS_HANDLERS,
}
"""One handler per intent class: how the app acts on it, given the window it came from."""


# --- the command ----------------------------------------------------------------------------------------------

def _size(text: str) -> tuple[int, int]:
    import argparse

    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from None
    if w < MIN_SIZE[0] or h < MIN_SIZE[1] or w > 16384 or h > 16384:
        raise argparse.ArgumentTypeError(f"'{text}': the window must be at least {MIN_SIZE[0]}x{MIN_SIZE[1]}")
    return w, h


def parser() -> argparse.ArgumentParser:
    import argparse  # here, not at the top: `python main.py` alone never builds the parser (NO_OPTIONS)

    p = argparse.ArgumentParser(prog="python main.py play", description="The Crossing Paths desktop game.")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO",
                   help="start this scenario at once: a file anywhere (a trainer's draft), or a name from scenarios/")
    p.add_argument("--projector", action="store_true",
                   help="the projector profile: type readable from the back of a room (this session only)")
    p.add_argument("--size", type=_size, metavar="WxH", help="the window size (default 1280x720)")
    p.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 switches)")
    p.add_argument("--from", dest="from_node", metavar="NODE",
                   help="with SCENARIO: start part-way, at this node (its routes apply as on arrival)")
    p.add_argument("--flags", metavar="a,b", help="with --from: the flags the run has there")
    p.add_argument("--scores", metavar="2=-1,3=1", help="with --from: the scores there, standard=number")
    p.add_argument("--watch", action="store_true",
                   help="with SCENARIO: reload it whenever the file is saved, keeping your place (for trainers)")
    p.add_argument("--map", action="store_true",
                   help="with SCENARIO: open its story map, to play from any node (for trainers)")
    p.add_argument("--trainer", action="store_true",
                   help="trainer tools: the story map in the pause menu (on with --watch, --map and --from)")
    return p


# `python main.py`, as players start the game, has no options: these are what the parser would give, known
# without importing argparse and building the parser (7-9 ms before the title's first frame; a test checks
# that they match the parser's).
NO_OPTIONS = {"scenario": None, "projector": False, "size": None, "fullscreen": False, "from_node": None,
              "flags": None, "scores": None, "watch": False, "map": False, "trainer": False}


def options(argv: list[str]) -> argparse.Namespace | SimpleNamespace:
    return parser().parse_args(argv) if argv else SimpleNamespace(**NO_OPTIONS)


def _refuse(message: str) -> NoReturn:
    """Usage and the message on stderr, exit 2: as argparse reports a wrong command line."""
    parser().error(message)


def _start_point(args: argparse.Namespace | SimpleNamespace, scenario: Path, standards: str | None):
    """The part-way start asked for (a StartedAt), or None; a wrong one exits 2 with its reason, before any
    window opens."""
    from game.engine import library
    from game.engine.partway import StartError, parse_flags, parse_scores
    from game.engine.state import StartedAt
    from game.play import CannotPlay, story_for

    if args.from_node is None:
        return None
    try:
        start = StartedAt(node=args.from_node, flags=parse_flags(args.flags) if args.flags is not None else [],
                          scores=parse_scores(args.scores) if args.scores is not None else {})
        checked = library.open_scenario(str(scenario), paths.scenarios_dir())
        if not checked.ok:
            return None  # the game itself says what is wrong with the file when it starts it
        story_for(checked.loaded, standards)[0].begin_at(start)
    except (StartError, CannotPlay) as exc:
        _refuse(str(exc))
    return start


HEADLESS_DRIVERS = ("dummy", "offscreen")


def open_window(app: App, size: tuple[int, int]) -> bool:
    """Open the app's window, or say in one line why there is no display and return False (both commands
    that open windows, `play` and `facilitate`, go through here)."""
    try:
        app.open_display(size)
    except pygame.error as exc:
        print(f"{NO_DISPLAY} ({exc})", file=sys.stderr)
        return False
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and os.environ.get(ALLOW_DUMMY_ENV) != "1":
        pygame.quit()  # SDL fell back to an invisible window: that is no display for a player
        print(f"{NO_DISPLAY} (only the '{driver}' video driver is available)", file=sys.stderr)
        return False
    return True


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


def start_recording(app: App) -> None:
    """Keep xAPI statements of what is played from now on: the outbox, and a daemon thread sending them that
    the game never waits on (about 20 ms of imports and opening a database)."""
    from game.records.recorder import Recording

    app.xapi = Recording.open(lambda: app.prefs)


def main(argv: list[str]) -> int:
    args = options(argv)
    if args.from_node is not None and args.scenario is None:
        _refuse("--from needs a SCENARIO to start part-way in")
    if args.watch and args.scenario is None:
        _refuse("--watch needs a SCENARIO file to watch")
    if args.map and args.scenario is None:
        _refuse("--map needs a SCENARIO to draw")
    logging.basicConfig(level=logging.WARNING, format="crossing-paths: %(message)s")
    scenario = None
    if args.scenario is not None:  # found before any window opens, so a typo costs no waiting
        from game.engine import library
        from game.engine.diagnostics import Diagnostic, format_text

        scenario = library.find(args.scenario, paths.scenarios_dir())
        if isinstance(scenario, Diagnostic):
            print(format_text(scenario), file=sys.stderr)
            return 1
    settings_path = paths.saves_dir() / settings.SETTINGS_FILE
    prefs = settings.load(settings_path)
    if (args.flags is not None or args.scores is not None) and args.from_node is None:
        _refuse("--flags and --scores only go with --from NODE")
    # checked against the standards setting it will be played with, and before any window opens
    start = _start_point(args, scenario, prefs.standards) if scenario is not None else None
    reason = no_display_reason()
    if reason is not None:
        print(f"{NO_DISPLAY} ({reason})", file=sys.stderr)
        return 1
    store, problem = open_store()
    app = App(prefs, settings_path=settings_path, store=store, store_problem=problem)
    if args.projector:
        app.prefs = app.prefs.with_value("profile", "projector")
    if args.fullscreen:
        app.prefs = app.prefs.with_value("fullscreen", True)
    if not open_window(app, args.size or DEFAULT_SIZE):
        return 1
    if problem:
        app.saves_unusable(problem)
    if args.watch:
        # imported here: it loads the scenario model, which the title screen's first frame need not wait for
        from .hot_reload import HotReload

        app.hot_reload = HotReload()
    app.trainer = bool(args.trainer or args.watch or args.map or args.from_node is not None)
    if scenario is not None:
        start_recording(app)  # before the playthrough starts: it is recorded from its first step
        app.act(Push("map", {"path": scenario}) if args.map and start is None else StartScenario(scenario, start))
    try:
        show(app, record=scenario is None)
    finally:
        app.close()
        pygame.quit()
    return 0


def show(app: App, *, record: bool) -> None:
    """Draw each window's first frame, then run the game (CROSSING_PATHS_FIRST_FRAME=1: say so and stop).
    `record`: start the xAPI recording once the first frame is on the screen: the title has no use for it,
    and no event, so no playthrough, is handled before it."""
    for view in app.views:
        view.frame(0.0)  # before any event is handled: the windows as they open
    only_first = os.environ.get(FIRST_FRAME_ENV) == "1"
    if only_first:
        print(f"first frame: {' > '.join(app.names())}", flush=True)
    if record:
        start_recording(app)
    if not only_first:
        app.run()
