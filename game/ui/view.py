"""One window of the desktop game: its own stack of screens, its own look (a profile of its own, or the
player's) and the pygame Window it draws into. The App holds what the windows share (the playthrough, the
preferences, the saves) and routes each event to the view whose window it carries.

A view is also what its screens read (game/ui/env.py): the shared game through the app, and the look of
this window. Nothing here reaches for a global display surface: a second view (the projector beside the
facilitator's console) is another View with its own Window.

Idle costs nothing: a view draws only when something visible changed (its screens' `version`, its own).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pygame

from . import pixels
from .look import Look
from .metrics import Metrics
from .profiles import profile
from .screens import screen_class
from .theme import theme

if TYPE_CHECKING:
    from .app import App
    from .page import Screen

log = logging.getLogger("crossing_paths.ui")

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (480, 360)
REDRAW_EVENTS = frozenset({pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                           pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED, pygame.VIDEORESIZE, pygame.VIDEOEXPOSE})


class View:
    def __init__(self, app: App, title: str = "Crossing Paths", *, profile_id: str | None = None,
                 speaks: bool = True):
        self.app = app
        self.title = title
        self.profile_id = profile_id  # None: the player's profile setting
        self.speaks = speaks  # self-voicing reads this window's screens (the projector's would not)
        self.stack: list[Screen] = []
        self.window: pygame.Window | None = None
        self.version = 0  # changes that need a redraw beyond the screens' own (resize, stack, settings)
        self.frames_drawn = 0
        self._drawn: tuple | None = None
        self._looks: dict[tuple, Look] = {}

    # --- what its screens read (Env) --------------------------------------------------------------------

    @property
    def prefs(self):
        return self.app.prefs

    @property
    def keymap(self):
        return self.app.keymap

    @property
    def voice(self):
        return self.app.voice

    @property
    def session(self):
        return self.app.session

    @property
    def store(self):
        return self.app.store

    @property
    def store_problem(self) -> str:
        return self.app.store_problem

    @property
    def xapi(self):
        """The xAPI recording (game/records/recorder.Recording: its outbox and sender), or None."""
        return self.app.xapi

    @property
    def trainer(self) -> bool:
        """Trainer tools are on (the story map in the pause menu): by the setting, or for this run."""
        return self.app.trainer or self.app.prefs.trainer_tools

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_surface().get_size() if self.window is not None else DEFAULT_SIZE

    def look(self, size: tuple[int, int]) -> Look:
        p = self.app.prefs
        profile_id = self.profile_id or p.profile
        key = (size, p.theme, p.font, profile_id, p.text_scale)
        look = self._looks.get(key)
        if look is None:
            if len(self._looks) > 8:
                self._looks.clear()
            metrics = Metrics(size[0], size[1], profile(profile_id), p.scale)
            look = self._looks[key] = Look(metrics, theme(p.theme), self.app.fonts(p.font), self.app.lines,
                                           self.app.assets)
        return look

    def catalog(self) -> list:
        return self.app.catalog()

    def ladder(self):
        return self.app.ladder()

    def latest_autosave(self):
        return self.app.latest_autosave()

    def slots(self) -> list:
        return self.app.slots()

    def best_outcomes(self) -> dict:
        return self.app.best_outcomes()

    # --- the stack ----------------------------------------------------------------------------------------

    @property
    def top(self) -> Screen:
        return self.stack[-1]

    def names(self) -> list[str]:
        """The screens open, bottom first (for tests and logs: nothing decides by a screen's name)."""
        return [s.name for s in self.stack]

    def make(self, name: str, **args: Any) -> Screen:
        screen = screen_class(name)(self, **args)
        if self.speaks:
            screen.on_focus = self.app.speak_control
        return screen

    def push(self, screen: Screen) -> None:
        self.stack.append(screen)
        self.changed()

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.refresh()
            self.changed()

    def to_base(self) -> None:
        """Close everything down to the first screen (the title)."""
        del self.stack[1:]
        self.top.refresh()
        self.changed()

    def changed(self) -> None:
        self.version += 1
        if self.speaks:
            self.app.speak(self.top.speech())

    def message(self, title: str, text: str, action: tuple[str, Any] | None = None) -> None:
        self.push(self.make("message", title=title, text=text, action=action))

    def refresh(self) -> None:
        """The world changed (a setting): every screen rebuilds when next drawn."""
        for screen in self.stack:
            screen.refresh()
        self.version += 1

    # --- the window ---------------------------------------------------------------------------------------

    def open(self, size: tuple[int, int] = DEFAULT_SIZE, fullscreen: bool = False) -> pygame.Surface:
        """Open the window (again). Raises pygame.error when there is no display."""
        pygame.display.init()
        pygame.font.init()
        if self.window is not None:
            self.window.destroy()
        self.window = pygame.Window(self.title, size, resizable=True)
        self.window.minimum_size = MIN_SIZE
        self.window.get_surface()  # taking it sets the pixel format surfaces are converted to
        pixels.windows_open()
        if fullscreen:
            self.set_fullscreen(True)
        self.version += 1
        return self.window.get_surface()

    def set_fullscreen(self, on: bool) -> None:
        """Full screen at the display's own size (no mode change: kind to projectors), or back to the window
        as it was."""
        if self.window is None:
            return
        try:
            if on:
                self.window.set_fullscreen(desktop=True)
            else:
                self.window.set_windowed()
        except pygame.error as exc:
            log.warning("full screen is not available: %s", exc)
        self.version += 1

    def close(self) -> None:
        if self.window is not None:
            self.window.destroy()
            self.window = None

    @property
    def surface(self) -> pygame.Surface | None:
        return self.window.get_surface() if self.window is not None else None

    def owns(self, event: pygame.event.Event) -> bool:
        window = getattr(event, "window", None)
        return window is not None and window is self.window

    def window_event(self, event: pygame.event.Event) -> bool:
        """A resize, an exposure or a restore of this window: redraw whole. True when it was one."""
        if event.type in REDRAW_EVENTS:
            self.version += 1
            return True
        return False

    # --- frames -------------------------------------------------------------------------------------------

    def needs_draw(self, surface: pygame.Surface | None = None) -> bool:
        surface = surface or self.surface
        return surface is not None and self._drawn != (id(self.top), self.top.version, surface.get_size(),
                                                       self.version)

    def draw(self, surface: pygame.Surface | None = None) -> list | None:
        """Draw the top screen; returns the rectangles that changed (None: all of it)."""
        surface = surface or self.surface
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
        # a pygame Window shows its whole surface (it has no update of parts); an unchanged frame shows nothing
        if self.window is not None and (rects is None or rects):
            self.window.flip()

    def frame(self, dt: float) -> None:
        """One frame of this window: let the top screen move on, and draw if anything visible changed."""
        self.top.update(dt)
        if self.window is not None and self.needs_draw():
            self.present(self.draw())
