"""The "More below" cue never hides words: while it is shown, the foot of the view is kept for it (its band)
and the page scrolls in the view above. A choice half in view used to peek out under the pill with its words
hidden behind it ("Choice 3 below" over choice 3). Checked at 100 % and 200 % on the desktop (and on a
projector's scene slide, the one projector page that still scrolls), at
scroll positions where a choice straddles the band's edge, both in the text drawn and in the frame's pixels
(which also catches the focus ring, drawn over the page, and the scrolled layer reused between frames)."""

from __future__ import annotations

import shutil

import pygame
import pytest

from game.settings import Preferences
from tests.conftest import SCENARIOS
from tests.ui_support import make_app, start

# desktop only: a projector's decision slide never scrolls, at any text size (its text steps down to fit, see
# tests/test_projector_decision_layout.py), so no choice can meet the band there
CONFIGS = [("desktop", (1280, 720), 100), ("desktop", (1280, 720), 200)]


def _first_decision(tmp_path, name: str, profile: str, size, scale: int):
    app, pilot = make_app(tmp_path, size=size, prefs=Preferences(profile=profile, text_scale=scale), files=())
    shutil.copy(SCENARIOS / name, app.scenarios_dir / name)
    start(app, pilot, name)
    story = app.session.story
    while story.scene is not None and not story.scene.choices:
        pilot.press("activate")
    screen = pilot.top
    if screen.two_slides():
        screen.show_decision()  # the choices are on the decision slide
        pilot.step()
    return app, pilot


def _choice_positions(screen) -> list[int]:
    """Scroll positions at which a choice is a quarter, half and three quarters above the band's edge."""
    edge = screen.viewport.bottom - screen._cue_room()
    out = []
    for t in screen.targets:
        if t.button.id.startswith("choice-"):
            for part in (0.25, 0.5, 0.75):
                y = round(t.rect.top + screen.viewport.y - edge + t.rect.h * part)
                if 0 <= y < screen.max_scroll:
                    out.append(y)
    return sorted(set(out))


def _foreign_pixels(frame: pygame.Surface, screen) -> int:
    """Pixels in the cue's band (below its rule, across the page's column) that are neither the page nor the
    pill: something drawn under the cue."""
    band, cue = screen.cue_band(), screen.more_below_rect()
    paper = screen._look.theme.background
    right = screen.content_x + screen.content_w
    bars = screen.scrollbar_rects()
    if bars is not None:
        right = min(right, bars[0].left - 2)
    line = screen._look.metrics.border
    strip = pygame.Rect(screen.content_x, band.y + line, right - screen.content_x, band.h - line)
    seen = frame.subsurface(strip).copy()
    seen.fill(paper, cue.move(-strip.x, -strip.y))
    same = pygame.mask.from_threshold(seen, paper, (1, 1, 1, 255)).count()
    return strip.w * strip.h - same


def _check(pilot, where: str) -> bool:
    """Nothing drawn under the cue; True if a choice straddled the band here (the case this is about)."""
    screen = pilot.top
    frame = pilot.frame()
    band, cue = screen.cue_band(), screen.more_below_rect()
    if cue is None:
        return False
    assert band.contains(cue) and screen.region_clip("body").bottom <= band.top, where
    for b in pilot.texts():
        seen = b.rect.clip(b.clip) if b.clip is not None else b.rect
        assert not seen.colliderect(band), f"{where}: {b.text!r} drawn under '{screen.more_below_words()}'"
    assert _foreign_pixels(frame, screen) == 0, f"{where}: something drawn under the cue"
    return any(t.button.id.startswith("choice-") and screen.screen_rect(t).colliderect(band)
               for t in screen.targets)


@pytest.mark.parametrize("profile, size, scale", CONFIGS, ids=[f"{p}-{s[0]}x{s[1]}-{sc}" for p, s, sc in CONFIGS])
def test_no_words_of_a_choice_lie_under_the_cue(tmp_path, profile, size, scale):
    app, pilot = _first_decision(tmp_path, "friend-request.yaml", profile, size, scale)
    screen = pilot.top
    assert screen.max_scroll > 0 and screen.more_below_rect() is not None  # the case under test arises
    straddled = 0
    for y in _choice_positions(screen):
        screen.scroll_to(y)
        straddled += _check(pilot, f"{profile} {scale}% at {y}")
    assert straddled, "no scroll position put a choice across the band's edge"
    # scrolled by the wheel from the top: each frame reuses the last one's pixels, moved
    screen.scroll_to(0)
    pilot.step()
    while screen.scroll < screen.max_scroll:
        before = screen.scroll
        pilot.wheel(-1)
        assert screen.scroll > before
        _check(pilot, f"{profile} {scale}% wheeled to {screen.scroll}")
    assert screen.cue_band() is None and screen.region_clip("body") == screen.viewport  # the end: all in view


@pytest.mark.parametrize("profile, size, scale", CONFIGS, ids=[f"{p}-{sc}" for p, _s, sc in CONFIGS])
def test_focus_and_the_cue_keep_every_choice_clear_of_the_band(tmp_path, profile, size, scale):
    app, pilot = _first_decision(tmp_path, "named-online.yaml", profile, size, scale)
    screen = pilot.top
    for choice in app.session.story.scene.choices:
        screen.scroll_to(0)
        screen.set_focus(f"choice-{choice.number}")
        r = screen.screen_rect(screen.target(f"choice-{choice.number}"))
        assert screen.region_clip("body").contains(r), f"choice {choice.number} not wholly above the cue"
        _check(pilot, f"focus on choice {choice.number}")
    # a click on the cue scrolls what is seen of the page, less two lines kept in view: nothing skipped
    screen.scroll_to(0)
    pilot.step()
    seen, cue = screen.region_clip("body").h, screen.more_below_rect()
    pilot.click(cue.center)
    assert 0 < screen.scroll <= seen - screen.line_step() and not app.session.story.state.steps


def test_a_projector_scene_slide_keeps_its_words_clear_of_the_band(tmp_path):
    app, pilot = make_app(tmp_path, size=(1920, 1080), prefs=Preferences(profile="projector"), files=())
    shutil.copy(SCENARIOS / "friend-request.yaml", app.scenarios_dir / "friend-request.yaml")
    start(app, pilot, "friend-request.yaml")
    screen = pilot.top
    pilot.press("right")  # the opening's second part: its last line beside the card, which scrolls
    assert screen.slide == "scene" and screen.part == 1 and screen.max_scroll > 0
    pilot.step()
    _check(pilot, "projector scene at the top")
    while screen.scroll < screen.max_scroll:
        before = screen.scroll
        pilot.wheel(-1)
        assert screen.scroll > before
        _check(pilot, f"projector scene wheeled to {screen.scroll}")
