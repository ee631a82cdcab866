"""Arrow keys on a page taller than the window (game/ui/page.py): Down moves to the next control in reading
order and scrolls it into view; the fixed footer's Back comes only after the body's last control."""

from __future__ import annotations

import pygame

from game.ui.blocks import Button, Stack, Text
from game.ui.intents import Pop
from game.ui.page import Page, PageScreen
from tests.ui_support import make_app

PARAGRAPH = "A paragraph of reading between the controls, long enough to take a few lines of the column. " * 3


class TallScreen(PageScreen):
    """Eight controls down a body several windows tall, each after two paragraphs, and Back in the footer."""

    name = "tall"

    def build(self, look) -> Page:
        rows = []
        for i in range(8):
            rows += [Text(PARAGRAPH), Text(PARAGRAPH), Button(f"Option {i + 1}", id=f"option-{i + 1}")]
        return Page(body=Stack(rows), footer=Button("Back", Pop(), id="back"))


def _open(tmp_path):
    app, pilot = make_app(tmp_path, size=(800, 480), saves=False)
    app.view.push(TallScreen(app.view))
    pilot.step()
    return pilot, pilot.top


def _in_view(screen, button_id: str) -> bool:
    return screen.viewport.contains(screen.screen_rect(screen.target(button_id)))


def test_down_visits_every_body_control_in_order_before_the_footer(tmp_path):
    pilot, screen = _open(tmp_path)
    assert screen.max_scroll > 2 * screen.viewport.h  # the page really is taller than the window
    assert screen.fixed_footer is not None  # and Back sits on screen above the controls below the view
    assert screen.focus_id == "option-1"
    reached = ["option-1"]
    for _ in range(40):
        pilot.press(pygame.K_DOWN)
        if screen.focus_id != reached[-1]:
            reached.append(screen.focus_id)
            if screen.target(screen.focus_id).region == "body":
                assert _in_view(screen, screen.focus_id), f"{screen.focus_id} focused out of sight"
        if screen.focus_id == "back":
            break
    assert reached == [f"option-{i}" for i in range(1, 9)] + ["back"]


def test_up_from_back_returns_to_the_last_control_of_the_body_and_shows_it(tmp_path):
    pilot, screen = _open(tmp_path)
    screen.set_focus("back")
    screen.scroll_to(0)  # the body at its top: the last option is far below the window
    pilot.step()
    pilot.press(pygame.K_UP)
    assert screen.focus_id == "option-8"
    assert _in_view(screen, "option-8")
    pilot.press(pygame.K_UP)
    assert screen.focus_id in ("option-7", "option-8")  # Up may first scroll over the reading between
    for _ in range(4):
        if screen.focus_id == "option-7":
            break
        pilot.press(pygame.K_UP)
    assert screen.focus_id == "option-7" and _in_view(screen, "option-7")
