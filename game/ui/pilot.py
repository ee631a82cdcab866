"""A test pilot (Textual's idea): drive the real app by posting real pygame events through its event
handling, then step frames. Tests assert on the screen stack, the story and the frames.

A pilot drives one window (the game window unless given another view): its events carry that window, as
SDL's do, so the app routes them as it would a player's.

    pilot = Pilot(app)
    pilot.press("choose_2")          # an action from the key map, a key name ("escape") or a key code
    pilot.click("continue")          # a control's id on the current screen, or (x, y)
    pilot.type("My save"); pilot.wheel(-3); pilot.resize(1920, 1080)
"""

from __future__ import annotations

import pygame

from .keymap import key_code
from .text import TextBlit, record_text


class Pilot:
    def __init__(self, app, view=None):
        self.app = app
        self.view = view or app.view
        if self.view.window is None:
            if self.view is app.view:
                app.open_display()
            else:
                self.view.open()
        self.step()

    # --- reading --------------------------------------------------------------------------------------

    @property
    def top(self):
        return self.view.top

    @property
    def names(self) -> list[str]:
        return self.view.names()

    @property
    def surface(self) -> pygame.Surface:
        return self.view.surface

    def frame(self) -> pygame.Surface:
        """The current frame (drawn now if anything changed)."""
        self.step()
        return self.surface.copy()

    def texts(self) -> list[TextBlit]:
        """Every text blit of the current screen, painted afresh."""
        screen = self.top
        screen.ensure(self.surface.get_size())
        layer = pygame.Surface(self.surface.get_size())
        with record_text() as blits:
            screen.paint_layer(layer)
        return blits

    def all_texts(self) -> dict[str, list[TextBlit]]:
        """Every text blit of the current screen by region ("header", "body", "footer"), the body painted
        whole (as if the window were tall enough), in window coordinates at scroll 0."""
        from .blocks import Canvas

        screen = self.top
        screen.ensure(self.surface.get_size())
        look = screen._look
        out: dict[str, list[TextBlit]] = {}
        probe = pygame.Surface((self.surface.get_width(), 1))
        pad = look.em(0.5)
        parts = [("header", screen.fixed_header, look.metrics.margin, pad),
                 ("body", screen._body, screen.content_x,
                  screen.viewport.y + screen.content_pad + screen.body_top),
                 ("footer", screen.fixed_footer, screen.content_x, screen.footer_rect.y + pad)]
        for region, block, x, y in parts:
            if block is None:
                continue
            with record_text() as blits:
                block.paint(Canvas(probe, look, record=True, cull=False), x, y)
            out[region] = blits
        return out

    def words(self) -> str:
        return "\n".join(b.text for b in self.texts())

    # --- acting ---------------------------------------------------------------------------------------

    def step(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.app.step()

    def _key(self, key: str | int) -> int:
        if isinstance(key, int):
            return key
        names = self.app.keymap.names.get(key)
        if names:
            code = key_code(names[0])
        else:
            code = key_code(key) or key_code(key.upper())
        if code is None:
            raise ValueError(f"no key or action called {key!r}")
        return code

    def press(self, key: str | int, mod: int = 0, times: int = 1) -> None:
        code = self._key(key)
        name = pygame.key.name(code)
        uni = name if len(name) == 1 else ""
        for _ in range(times):
            self._post(pygame.KEYDOWN, key=code, mod=mod, unicode=uni, scancode=0)
            self._post(pygame.KEYUP, key=code, mod=mod, unicode=uni, scancode=0)
            self.step()

    def type(self, text: str) -> None:
        for ch in text:
            self._post(pygame.TEXTINPUT, text=ch)
        self.step()

    def point(self, target: str | tuple[int, int]) -> tuple[int, int]:
        if isinstance(target, tuple):
            return target
        screen = self.top
        screen.ensure(self.surface.get_size())
        t = screen.target(target)
        if t is None:
            raise ValueError(f"no control {target!r} on the {screen.name} screen (has {screen.button_ids()})")
        screen.ensure_visible(t)
        self.step()
        return screen.screen_rect(t).center

    def hover(self, target: str | tuple[int, int]) -> None:
        pos = self.point(target)
        self._post(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        self.step()

    def click(self, target: str | tuple[int, int]) -> None:
        pos = self.point(target)
        for kind, extra in ((pygame.MOUSEMOTION, {"rel": (0, 0), "buttons": (0, 0, 0)}),
                            (pygame.MOUSEBUTTONDOWN, {"button": 1}), (pygame.MOUSEBUTTONUP, {"button": 1})):
            self._post(kind, pos=pos, **extra)
        self.step()

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        self._post(pygame.MOUSEBUTTONDOWN, pos=start, button=1)
        self._post(pygame.MOUSEMOTION, pos=end, rel=(0, 0), buttons=(1, 0, 0))
        self._post(pygame.MOUSEBUTTONUP, pos=end, button=1)
        self.step()

    def wheel(self, n: int) -> None:
        """n > 0 scrolls up (towards the top), n < 0 down, as a mouse wheel does."""
        self._post(pygame.MOUSEWHEEL, x=0, y=n, flipped=False, precise_x=0.0, precise_y=float(n))
        self.step()

    def resize(self, w: int, h: int) -> None:
        """As a player dragging the window's edge would (SDL sends the window's size-changed event)."""
        self.view.window.size = (w, h)
        self.step()

    def _post(self, kind: int, **attributes) -> None:
        pygame.event.post(pygame.event.Event(kind, window=self.view.window, **attributes))
