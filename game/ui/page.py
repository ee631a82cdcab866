"""Screens, and the page every screen is: a fixed header, a scrolling body and a fixed footer.

A screen is `handle_event(event) -> Intent | None`, `update(dt)`, `draw(surface)` (Tuxemon's states, Textual's
screens). The page owns what every screen shares: keyboard focus (a visible ring; Tab, arrows), hover and
clicks, the mouse wheel and a draggable scrollbar. Subclasses only say what is on the page (`build`).

Drawing is cheap because it is layered: the laid-out page is painted once into a cached surface (the
layer) and each frame blits it and draws only what moves on top: the hovered and focused controls.
`version` changes whenever something visible changed, so the app redraws only then.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from .blocks import Block, Button, Canvas, Panel, Stack, Text
from .icons import draw_icon
from .intents import Intent, Pop
from .look import Look
from .measure import text_width
from .text import draw_line

if TYPE_CHECKING:
    from .env import Env

WHEEL_LINES = 3
# shown at the foot of the view while the page goes on below it: in words and with an arrow, never colour alone
MORE_BELOW = "More below"
TOO_SMALL = "Window too small for this text size, so text is shown smaller: make the window larger or the text smaller."


@dataclass
class Page:
    """What a screen shows: `width_em` caps the body's width (reading comfort); header/footer are fixed."""

    body: Block
    header: Block | None = None
    footer: Block | None = None
    width_em: float = 44.0
    centre: bool = False  # a short page sits in the middle of the window
    pad_em: float = 1.0  # space above and below the body (a slide that must fit one screen takes less)
    gutter: bool = True  # keep room beside the column for a scroll bar (a slide made to fit has none)


@dataclass
class Target:
    button: Button
    region: str  # "header" | "body" | "footer"
    rect: pygame.Rect  # in the region's coordinates (the body's are content coordinates)


class Screen:
    """The protocol the app drives."""

    name = "screen"
    modal = False  # a modal screen (confirmations) is drawn over the one beneath
    closes_when_answered = False  # a question: any answer but Pop (back) closes it before the app acts

    def __init__(self, env: Env):
        self.env = env
        self.version = 0

    def touch(self) -> None:
        self.version += 1

    def handle_event(self, event: pygame.event.Event) -> Intent | None:
        return None

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def speech(self) -> str:
        """What self-voicing reads when this screen appears."""
        return ""

    def refresh(self) -> None:
        """The world changed (settings, the story): rebuild on the next draw."""
        self.touch()


class PageScreen(Screen):
    initial_focus: str | None = None  # the id of the button focused when the screen opens
    start_at_end = False  # open scrolled to the bottom (history: where the player is now)

    def __init__(self, env: Env):
        super().__init__(env)
        self.scroll = 0
        self.focus_id: str | None = None
        self.hover_id: str | None = None
        self._pressed: str | None = None
        self._dragging: int | None = None  # pointer offset into the thumb while dragging the scrollbar
        self._size: tuple[int, int] | None = None
        self._look: Look | None = None  # what the page is laid out with: the wanted look, or a readable one
        self._wanted_look: Look | None = None
        self._page: Page | None = None
        self._stale = True
        self._opened = False
        self._layer: pygame.Surface | None = None
        self._layer_key: tuple | None = None
        self._composed_on: tuple | None = None
        self._overlay_rects: list[pygame.Rect] = []
        self.targets: list[Target] = []
        self.on_focus: Callable[[Button], None] | None = None

    # --- what the page shows (subclasses) ---------------------------------------------------------------

    def build(self, look: Look) -> Page:
        raise NotImplementedError

    def back(self) -> Intent | None:
        return Pop()

    def on_action(self, action: str) -> Intent | None:
        """Keys beyond navigation (1-9, h, …)."""
        return None

    def activate(self, button: Button) -> Intent | None:
        intent = button.intent
        return intent() if callable(intent) else intent

    # --- layout ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = True
        self.touch()

    def ensure(self, size: tuple[int, int]) -> None:
        wanted = self.env.look(size)
        if not self._stale and size == self._size and wanted is self._wanted_look:
            return
        self._size, self._wanted_look, self._stale = size, wanted, False
        # the one place a window too small for its text size is handled: the text shrinks until the column
        # is readable, and the page says so (see Look.readable)
        look = self._look = wanted.readable()
        self._page = self.build(look)
        if look is not wanted:
            self._page.body = Stack([Text(TOO_SMALL, "small", "muted"), self._page.body], gap=0.6)
        self._layout()
        self._layer_key = None

    def _layout(self) -> None:
        look, page = self._look, self._page
        w, h = self._size
        m = look.metrics
        margin = m.margin
        pad = look.em(0.5)
        gutter = m.gutter if page.gutter else 0
        avail = max(1, w - 2 * margin - gutter)
        self.content_w = min(avail, look.em(page.width_em))
        self.content_x = margin + (avail - self.content_w) // 2
        self.content_pad = look.em(page.pad_em)
        # The header and footer stay put while the body scrolls, unless the window is too small for
        # that (big text, a small window): then they scroll with the body, so nothing is ever cut off.
        self.fixed_header: Block | None = None
        self.fixed_footer: Block | None = None
        self.header_rect = pygame.Rect(0, 0, w, 0)
        self.footer_rect = pygame.Rect(0, h, w, 0)
        scrolled_head: Block | None = None
        scrolled_foot: Block | None = None
        if page.header is not None:
            page.header.layout(look, max(1, w - 2 * margin))
            hh = page.header.h + 2 * pad
            if hh <= h * 0.22:
                self.fixed_header = page.header
                self.header_rect.h = hh
            else:
                scrolled_head = Panel(page.header, bg="header", border=None, pad=0.5)
        if page.footer is not None:
            self.footer_x = self.content_x
            page.footer.layout(look, self.content_w)
            fh = page.footer.h + 2 * pad
            if self.header_rect.h + fh <= h * 0.36:
                self.fixed_footer = page.footer
                self.footer_rect = pygame.Rect(0, h - fh, w, fh)
            else:
                scrolled_foot = page.footer
        top = self.header_rect.bottom
        self.viewport = pygame.Rect(0, top, w, max(1, self.footer_rect.top - top))
        body = page.body
        if scrolled_head is not None or scrolled_foot is not None:
            body = Stack([scrolled_head, page.body, scrolled_foot], gap=1.2)
        body.layout(look, self.content_w)
        self._body = body
        self.content_h = body.h + 2 * self.content_pad
        self.max_scroll = max(0, self.content_h - self.viewport.h)
        # short pages (the title, menus, questions) sit in the middle of the window
        self.body_top = (self.viewport.h - self.content_h) // 2 if page.centre and not self.max_scroll else 0
        if self.start_at_end and not self._opened:
            self.scroll = self.max_scroll
        self._opened = True
        self.scroll = min(self.scroll, self.max_scroll)
        self._collect_targets()

    def _collect_targets(self) -> None:
        look = self._look
        pad = look.em(0.5)
        margin = look.metrics.margin
        targets: list[Target] = []
        regions = [("header", self.fixed_header, margin, pad),
                   ("body", self._body, self.content_x, self.content_pad + self.body_top),
                   ("footer", self.fixed_footer, self.content_x, pad)]
        for region, root, x0, y0 in regions:
            if root is None:
                continue
            for block, bx, by in root.walk(x0, y0):
                if isinstance(block, Button) and block.focusable:
                    targets.append(Target(block, region, pygame.Rect(bx, by, block.w, block.h)))
        # reading order: body first (the choices), then the footer, then the header's tools
        order = {"body": 0, "footer": 1, "header": 2}
        self.targets = sorted(targets, key=lambda t: order[t.region])
        ids = [t.button.id for t in self.targets]
        if self.focus_id not in ids:
            wanted = self.initial_focus if self.initial_focus in ids else None
            self.focus_id = wanted or (ids[0] if ids else None)
        if self.hover_id not in ids:
            self.hover_id = None

    # --- geometry ----------------------------------------------------------------------------------------

    def screen_rect(self, t: Target) -> pygame.Rect:
        if t.region == "body":
            return t.rect.move(0, self.viewport.y - self.scroll)
        if t.region == "footer":
            return t.rect.move(0, self.footer_rect.y)
        return t.rect.copy()

    def reading_rect(self, t: Target) -> pygame.Rect:
        """Where a control sits in the page read top to bottom: the header, then the whole body unscrolled,
        then the footer after the body's end. Arrow keys navigate here, not on screen, where the fixed footer
        sits above a body control scrolled below the window and Down would jump to Back."""
        if t.region == "body":
            return t.rect.move(0, self.viewport.y)
        if t.region == "footer":
            return t.rect.move(0, self.viewport.y + max(self.content_h, self.viewport.h))
        return t.rect.copy()

    def region_clip(self, region: str) -> pygame.Rect:
        """Where a region is seen: the body's is the viewport less the cue's band while the cue is shown."""
        if region == "body":
            return self.body_clip()
        return {"header": self.header_rect, "footer": self.footer_rect}.get(region, self.viewport)

    def body_clip(self) -> pygame.Rect:
        band = self.cue_band()
        return self.viewport if band is None else self.viewport.clip(
            pygame.Rect(self.viewport.x, self.viewport.y, self.viewport.w, band.y - self.viewport.y))

    def target(self, button_id: str | None) -> Target | None:
        return next((t for t in self.targets if t.button.id == button_id), None)

    def target_at(self, pos: tuple[int, int]) -> Target | None:
        for t in self.targets:
            if self.region_clip(t.region).collidepoint(pos) and self.screen_rect(t).collidepoint(pos):
                return t
        return None

    def scrollbar_rects(self) -> tuple[pygame.Rect, pygame.Rect] | None:
        if self.max_scroll <= 0:
            return None
        look = self._look
        sw = look.metrics.scrollbar
        vp = self.viewport
        track = pygame.Rect(vp.right - sw - look.em(0.25), vp.y + look.em(0.25), sw, vp.h - look.em(0.5))
        thumb_h = max(look.metrics.target // 2, round(track.h * vp.h / self.content_h))
        thumb_y = track.y + round((track.h - thumb_h) * self.scroll / self.max_scroll)
        return track, pygame.Rect(track.x, thumb_y, sw, thumb_h)

    def cue_band(self) -> pygame.Rect | None:
        """The strip at the foot of the view kept for the "More below" cue while the page goes on below it, or
        None. The body is not drawn there: it scrolls in the view above, so the cue never hides a word (a
        choice half under a pill read as a choice with no words). At the end of the page the band goes and
        the last lines take its place."""
        if self.max_scroll <= 0 or self.scroll >= self.max_scroll or self._look is None:
            return None
        room = self._cue_room()
        if room * 3 >= self.viewport.h:
            return None  # a view too short for it keeps its scroll bar only
        vp = self.viewport
        return pygame.Rect(vp.x, vp.bottom - room, vp.w, room)

    def more_below_rect(self) -> pygame.Rect | None:
        """Where the "More below" cue is drawn (in the middle of its band), or None when nothing is below it.
        A click on it scrolls a screenful; it is not a focus stop (Page Down and the arrows do the same)."""
        band = self.cue_band()
        if band is None:
            return None
        look = self._look
        font = look.font("body", True)
        fh = font.get_height()
        pad = look.em(0.45)
        r = pygame.Rect(0, 0, text_width(font, self.more_below_words()) + fh + 3 * pad, fh + pad)
        r.center = (self.content_x + self.content_w // 2, band.centery)
        return r

    def more_below_words(self) -> str:
        """What the cue says (a screen may say what is below: the play screen names the choices)."""
        return MORE_BELOW

    def _cue_room(self) -> int:
        """The height of the cue's band on a page that scrolls (the pill and a margin above and below it): a
        control scrolled into view stays above it."""
        if self.max_scroll <= 0 or self._look is None:
            return 0
        font = self._look.font("body", True)
        return font.get_height() + self._look.em(0.45) + 2 * self._look.em(0.25)

    def page_step(self) -> int:
        """A screenful for Page Down and a click on the cue: what is seen of the body, less two lines that stay
        in view to read on from."""
        return max(self.line_step(), self.body_clip().h - self.line_step() * 2)

    # --- scrolling and focus -----------------------------------------------------------------------------

    def scroll_to(self, y: float) -> None:
        y = max(0, min(self.max_scroll, round(y)))  # a drag or a wheel can ask for a fraction
        if y != self.scroll:
            self.scroll = y
            self.touch()

    def scroll_by(self, dy: int) -> None:
        self.scroll_to(self.scroll + dy)

    def line_step(self) -> int:
        return self._look.metrics.line_height("body") if self._look else 20

    def ensure_visible(self, t: Target) -> None:
        if t.region != "body":
            return
        gap = self._look.em(0.8)
        top, bottom = t.rect.top - gap, t.rect.bottom + gap + self._cue_room()
        if top < self.scroll:
            self.scroll_to(top)
        elif bottom > self.scroll + self.viewport.h:
            self.scroll_to(min(top, bottom - self.viewport.h))

    def set_focus(self, button_id: str | None, reveal: bool = True) -> None:
        if button_id != self.focus_id:
            self.focus_id = button_id
            self.touch()
            t = self.target(button_id)
            if t is not None and self.on_focus is not None:
                self.on_focus(t.button)
        t = self.target(button_id)
        if t is not None and reveal:
            self.ensure_visible(t)

    def _visible_fraction(self, t: Target) -> bool:
        r = self.screen_rect(t)
        clip = self.region_clip(t.region)
        return clip.colliderect(r)

    def move_focus(self, direction: str) -> bool:
        """Spatial navigation: the nearest control in that direction. False if there is none."""
        current = self.target(self.focus_id)
        if current is None:
            visible = [t for t in self.targets if self._visible_fraction(t)]
            if visible:
                self.set_focus(visible[0].button.id)
                return True
            return False
        c = self.reading_rect(current)
        best, best_score = None, None
        for t in self.targets:
            if t is current:
                continue
            r = self.reading_rect(t)
            if direction == "down":
                ok, primary, secondary = r.top >= c.bottom - 2, r.top - c.bottom, abs(r.centerx - c.centerx)
            elif direction == "up":
                ok, primary, secondary = r.bottom <= c.top + 2, c.top - r.bottom, abs(r.centerx - c.centerx)
            elif direction == "right":
                ok = r.left >= c.right - 2 and r.bottom > c.top and r.top < c.bottom
                primary, secondary = r.left - c.right, abs(r.centery - c.centery)
            else:
                ok = r.right <= c.left + 2 and r.bottom > c.top and r.top < c.bottom
                primary, secondary = c.left - r.right, abs(r.centery - c.centery)
            if not ok:
                continue
            score = (primary, secondary)
            if best_score is None or score < best_score:
                best, best_score = t, score
        if best is None:
            return False
        if best.region == "body" and direction in ("up", "down") and not self._visible_fraction(best):
            # the next control is beyond the visible page: scroll towards it first, so text between is read
            distance = (self.screen_rect(best).top - self.viewport.bottom if direction == "down"
                        else self.viewport.top - self.screen_rect(best).bottom)
            if distance > self.viewport.h // 3:
                self.scroll_by(self.viewport.h * 2 // 3 * (1 if direction == "down" else -1))
                return True
        self.set_focus(best.button.id)
        return True

    def cycle_focus(self, step: int) -> None:
        if not self.targets:
            return
        ids = [t.button.id for t in self.targets]
        i = ids.index(self.focus_id) if self.focus_id in ids else (-1 if step > 0 else 0)
        self.set_focus(ids[(i + step) % len(ids)])

    # --- events --------------------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> Intent | None:
        if self._size is None:
            self.ensure(self.env.size)  # an event before the first frame: lay out for this window
        if event.type == pygame.KEYDOWN:
            return self._key(self.env.keymap.action(event))
        if event.type == pygame.MOUSEMOTION:
            return self._motion(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._press(event.pos)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            return self._release(event.pos)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-round(event.y * WHEEL_LINES * self.line_step()))
        return None

    def _key(self, action: str | None) -> Intent | None:
        if action is None:
            return None
        if action == "activate":
            t = self.target(self.focus_id)
            return self.activate(t.button) if t is not None else None
        if action == "back":
            return self.back()
        if action in ("next", "previous"):
            self.cycle_focus(1 if action == "next" else -1)
        elif action in ("up", "down", "left", "right"):
            if not self.move_focus(action) and action in ("up", "down"):
                self.scroll_by(self.line_step() * 2 * (1 if action == "down" else -1))
        elif action in ("page_up", "page_down"):
            self.scroll_by(self.page_step() * (1 if action == "page_down" else -1))
        elif action == "home":
            self.scroll_to(0)
        elif action == "end":
            self.scroll_to(self.max_scroll)
        else:
            return self.on_action(action)
        return None

    def _motion(self, event: pygame.event.Event) -> None:
        if self._dragging is not None:
            bars = self.scrollbar_rects()
            if bars:
                track, thumb = bars
                span = max(1, track.h - thumb.h)
                self.scroll_to((event.pos[1] - self._dragging - track.y) * self.max_scroll / span)
            return
        cue = self.more_below_rect()
        t = None if cue is not None and cue.collidepoint(event.pos) else self.target_at(event.pos)
        hover = t.button.id if t else None
        if hover != self.hover_id:
            self.hover_id = hover
            self.touch()

    def _press(self, pos: tuple[int, int]) -> None:
        bars = self.scrollbar_rects()
        if bars:
            track, thumb = bars
            if thumb.collidepoint(pos):
                self._dragging = pos[1] - thumb.y
                self.touch()
                return
            if track.collidepoint(pos):
                self.scroll_by((self.body_clip().h - self.line_step()) * (1 if pos[1] > thumb.bottom else -1))
                return
        cue = self.more_below_rect()
        if cue is not None and cue.collidepoint(pos):  # never a press on what lies under it
            self._pressed = None
            self.scroll_by(self.page_step())
            return
        t = self.target_at(pos)
        self._pressed = t.button.id if t else None
        if t is not None:
            self.set_focus(t.button.id, reveal=False)

    def _release(self, pos: tuple[int, int]) -> Intent | None:
        if self._dragging is not None:
            self._dragging = None
            self.touch()
            return None
        pressed, self._pressed = self._pressed, None
        t = self.target_at(pos)
        if t is not None and t.button.id == pressed:
            return self.activate(t.button)
        return None

    # --- drawing -------------------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Compose the frame. Returns the rectangles that changed, or None when the whole frame did.

        When only focus or hover moved, the areas the old overlay covered are restored from the cached
        layer and the new overlay is drawn: a few small blits instead of a full-screen copy."""
        self.ensure(surface.get_size())
        key = (id(self._page), self.scroll, self._size)
        full = False
        old = self._layer_key
        # the cue's band comes and goes at the end of the page: then the whole body is painted again
        if self._layer is not None and old is not None and old[0] == key[0] and old[2] == key[2] \
                and old[1] != key[1] and abs(old[1] - key[1]) < self.viewport.h // 2 \
                and (old[1] < self.max_scroll) == (key[1] < self.max_scroll):
            self.scroll_layer(old[1] - key[1])  # only scrolled: move the pixels, paint the strip uncovered
            self._layer_key = key
            full = True
        elif self._layer is None or self._layer_key != key or self._layer.get_size() != self._size:
            if self._layer is None or self._layer.get_size() != self._size:
                self._layer = pygame.Surface(self._size, 0, surface)  # in the window's own pixel format
            self.paint_layer(self._layer)
            self._layer_key = key
            full = True
        if full or self._composed_on != (id(surface), key):
            surface.blit(self._layer, (0, 0))
            self._overlay_rects = self.paint_overlay(surface)
            self._composed_on = (id(surface), key)
            return None
        dirty = list(self._overlay_rects)
        for r in dirty:
            surface.blit(self._layer, r, r)
        self._overlay_rects = self.paint_overlay(surface)
        return dirty + self._overlay_rects

    def forget_frame(self) -> None:
        """Another screen drew on the window since: the next frame must be drawn whole."""
        self._composed_on = None

    def paint_layer(self, layer: pygame.Surface, record: bool = True) -> None:
        """Everything that does not move with focus or hover."""
        look = self._look
        theme = look.theme
        cv = Canvas(layer, look, record)
        layer.fill(theme.background)
        pad = look.em(0.5)
        line = look.metrics.border
        if self.fixed_header is not None:
            layer.fill(theme.header, self.header_rect)
            layer.set_clip(self.header_rect)
            self.fixed_header.paint(cv, look.metrics.margin, pad)
            layer.set_clip(None)
            pygame.draw.rect(layer, theme.border, (0, self.header_rect.bottom - line, self._size[0], line))
        self.paint_body(layer, self.viewport, record)
        if self.fixed_footer is not None:
            layer.fill(theme.background, self.footer_rect)
            pygame.draw.rect(layer, theme.border, (0, self.footer_rect.y, self._size[0], line))
            layer.set_clip(self.footer_rect)
            self.fixed_footer.paint(cv, self.content_x, self.footer_rect.y + pad)
            layer.set_clip(None)
        self.paint_scrollbar(layer)

    def paint_body(self, layer: pygame.Surface, clip: pygame.Rect, record: bool = True) -> None:
        """The body, where `clip` meets the part of the view it is seen in, and the cue's band where `clip`
        meets that (plain page: the cue itself is drawn over it with the focus ring)."""
        look = self._look
        area = clip.clip(self.body_clip())
        if area:
            layer.set_clip(area)
            layer.fill(look.theme.background, area)
            self._body.paint(Canvas(layer, look, record), self.content_x,
                             self.viewport.y - self.scroll + self.content_pad + self.body_top)
        band = self.cue_band()
        if band is not None and band.colliderect(clip):
            layer.set_clip(band.clip(clip))
            layer.fill(look.theme.background, band)
            # a rule where the body stops, as the fixed footer has: the page is cut here, not ended
            pygame.draw.rect(layer, look.theme.border, (band.x, band.y, band.w, look.metrics.border))
        layer.set_clip(None)

    def scroll_layer(self, dy: int) -> None:
        """Scroll the cached layer by dy pixels (positive: content moves down) and repaint what came into view
        (the cue's band, the same before and after, stays put)."""
        layer, vp = self._layer, self.body_clip()
        layer.set_clip(vp)
        layer.scroll(0, dy)
        layer.set_clip(None)
        strip = pygame.Rect(vp.x, vp.y, vp.w, dy) if dy > 0 else pygame.Rect(vp.x, vp.bottom + dy, vp.w, -dy)
        self.paint_body(layer, strip, record=False)
        self.paint_scrollbar(layer)

    def paint_scrollbar(self, layer: pygame.Surface) -> None:
        bars = self.scrollbar_rects()
        if bars:
            theme = self._look.theme
            track, thumb = bars
            layer.fill(theme.background, track.inflate(2, 2))
            pygame.draw.rect(layer, theme.scrollbar_track, track, border_radius=track.w // 2)
            # outlined, so the bar reads as one even where its track is close to the page's colour
            pygame.draw.rect(layer, theme.scrollbar_thumb, track, max(1, self._look.metrics.border),
                             border_radius=track.w // 2)
            pygame.draw.rect(layer, theme.scrollbar_thumb, thumb, border_radius=thumb.w // 2)

    def paint_overlay(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """What changes with hover and focus: repaint those controls in their state, then the focus ring.
        Returns the areas painted."""
        look = self._look
        cv = Canvas(surface, look, record=False)
        ring = look.metrics.ring
        painted: list[pygame.Rect] = []
        for button_id, state in ((self.hover_id, "hover"), (self.focus_id, "focus")):
            t = self.target(button_id)
            if t is None or (state == "hover" and button_id == self.focus_id):
                continue
            r = self.screen_rect(t)
            clip = self.region_clip(t.region)
            outer = r.inflate(ring * 2 + 2, ring * 2 + 2)
            area = outer.clip(clip)
            if not area:
                continue
            surface.set_clip(area)
            t.button.paint(cv, r.x, r.y, state)
            if state == "focus":
                pygame.draw.rect(surface, look.theme.focus_ring, outer, ring,
                                 border_radius=look.metrics.radius + ring)
            surface.set_clip(None)
            painted.append(area)
        bars = self.scrollbar_rects()
        if bars and self._dragging is not None:
            pygame.draw.rect(surface, look.theme.scrollbar_thumb_active, bars[1], border_radius=bars[1].w // 2)
            painted.append(bars[1].copy())
        cue = self.more_below_rect()
        if cue is not None:
            self.paint_more_below(surface, cue)
            painted.append(cue.inflate(look.metrics.border * 4, look.metrics.border * 4))
        return painted

    def paint_more_below(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """A pill in the text's colour on the page's, with the words and a down arrow, in its band (drawn with
        the focus ring, not into the cached layer: its words change as the page scrolls)."""
        look = self._look
        ink, paper = look.colour("text"), look.theme.background
        surface.set_clip(self.viewport)
        pygame.draw.rect(surface, ink, r, border_radius=r.h // 2)
        font = look.font("body", True)
        fh = font.get_height()
        pad = look.em(0.45)
        text = self.more_below_words()
        words = look.lines.render(font, text, paper)
        draw_line(surface, words, r.x + pad * 3 // 2, r.y + (r.h - words.get_height()) // 2, text, r,
                  record=False)
        arrow = pygame.Rect(r.right - pad - fh, r.y + (r.h - fh) // 2, fh, fh).inflate(-fh // 5, -fh // 5)
        draw_icon(surface, "down", arrow, paper)
        surface.set_clip(None)

    # --- helpers for tests and self-voicing -------------------------------------------------------------------

    def button_ids(self) -> list[str]:
        return [t.button.id for t in self.targets]

    def focused(self) -> Button | None:
        t = self.target(self.focus_id)
        return t.button if t else None
