"""Scrolling (issue 14 §10): at 1280x720 a decision's later choices and the foot of its card can be below the
fold. The view then says so at its foot, in words and with an arrow ("Choices 2 and 3 below", "More of the
card below", "More below"), the scroll bar is drawn, number keys choose wherever the choice is, focus brings
a choice into view clear of the cue, and a click on the cue scrolls (never presses what is under it)."""

from __future__ import annotations

import shutil

import pytest

from game.settings import Preferences
from game.ui.page import MORE_BELOW
from tests.conftest import SCENARIOS
from tests.ui_support import make_app, start

LIBRARY = sorted(p.name for p in SCENARIOS.glob("*.yaml"))


def _app(tmp_path, name: str, scale: int = 100):
    app, pilot = make_app(tmp_path, prefs=Preferences(text_scale=scale), files=())
    shutil.copy(SCENARIOS / name, app.scenarios_dir / name)
    start(app, pilot, name)
    return app, pilot


def _ink_pixels(pilot, rect) -> int:
    """Pixels of the page's text colour inside `rect` (the cue is a pill in that colour)."""
    frame = pilot.frame()
    ink = pilot.top._look.colour("text")
    return sum(1 for x in range(rect.left, rect.right, 2) for y in range(rect.top, rect.bottom, 2)
               if tuple(frame.get_at((x, y)))[:3] == ink)


def test_choices_below_the_fold_are_named_at_the_foot_of_the_view(tmp_path):
    app, pilot = _app(tmp_path, "named-online.yaml")
    screen = pilot.top
    scene = app.session.story.scene
    assert screen.max_scroll > 0 and screen.scrollbar_rects() is not None
    cue = screen.more_below_rect()
    assert cue is not None and screen.viewport.contains(cue)
    words = screen.more_below_words()
    assert words.startswith("Choices ") and words.endswith(" below")
    assert all(str(c.number) in words for c in scene.choices)  # all three are below the fold here
    assert _ink_pixels(pilot, cue) > cue.w * cue.h // 16  # drawn, not just computed
    pilot.press("end")
    assert screen.more_below_rect() is None  # at the end of the page: nothing below


def test_a_click_on_the_cue_scrolls_and_presses_nothing_under_it(tmp_path):
    app, pilot = _app(tmp_path, "friend-request.yaml")
    screen = pilot.top
    story, node = app.session.story, app.session.story.state.node
    cue = screen.more_below_rect()
    assert cue is not None
    pilot.click(cue.center)  # a choice lies under the cue at 1280x720
    assert screen.scroll > 0
    assert pilot.names[-1] == "play" and story.state.node == node and not story.state.steps


def test_number_keys_choose_a_choice_below_the_fold(tmp_path):
    app, pilot = _app(tmp_path, "named-online.yaml")
    screen = pilot.top
    last = app.session.story.scene.choices[-1].number
    t = screen.target(f"choice-{last}")
    assert not screen.viewport.contains(screen.screen_rect(t))  # below the fold
    pilot.press(f"choose_{last}")
    assert app.session.story.state.steps  # chosen at once: nothing extra asked of the player


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("name", LIBRARY)
def test_every_first_decision_can_be_reached_and_is_never_hidden_by_the_cue(tmp_path, name, scale):
    """At 1280x720, 100 % and 200 %: while the page goes on below, the cue says so; tabbing to each choice brings
    it wholly into view, above the cue."""
    app, pilot = _app(tmp_path, name, scale)
    story = app.session.story
    for _ in range(6):  # narration-only parts first
        if story.scene is None or story.scene.choices:
            break
        pilot.press("activate")
    screen = pilot.top
    if story.scene is None or not story.scene.choices:
        pytest.skip("no decision within the first parts")
    assert (screen.more_below_rect() is not None) == (screen.scroll < screen.max_scroll) or \
        screen.viewport.h < 3 * screen._cue_room()
    for choice in story.scene.choices:
        screen.set_focus(f"choice-{choice.number}")
        r = screen.screen_rect(screen.target(f"choice-{choice.number}"))
        assert screen.viewport.contains(r) or r.h > screen.viewport.h, f"choice {choice.number} out of view"
        cue = screen.more_below_rect()
        assert cue is None or not cue.colliderect(r), f"choice {choice.number} under '{screen.more_below_words()}'"


def test_any_long_page_says_more_below(tmp_path):
    from game.ui.intents import Push

    app, pilot = make_app(tmp_path, size=(1280, 480))
    app.act(Push("help"))
    pilot.step()
    screen = pilot.top
    assert screen.name == "help" and screen.max_scroll > 0
    assert screen.more_below_words() == MORE_BELOW
    assert _ink_pixels(pilot, screen.more_below_rect()) > 0


def test_a_card_going_on_below_the_fold_is_named(tmp_path):
    """going-dark: four search results, the fourth below the fold at 1280x720 (the story refers to it later)."""
    app, pilot = _app(tmp_path, "going-dark.yaml")
    story = app.session.story
    while story.scene is not None and not story.scene.choices:
        pilot.press("activate")
    screen = pilot.top
    assert story.scene.card is not None
    assert screen.more_below_words().endswith("more of the card below") or \
        screen.more_below_words() == "More of the card below"
    pilot.press("end")
    assert screen.more_below_rect() is None
