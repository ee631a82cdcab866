"""The cue names what goes on below: "More of the card below" only when the card alone does. On a projector the
friend request's narration no longer runs on beside its card: the scene is in parts, the opening paragraph whole
on the first, the last line beside the card on the second, where only the card goes on below."""

from __future__ import annotations

import shutil

from game.settings import Preferences
from tests.conftest import SCENARIOS
from tests.ui_support import make_app, start


def _first_scene(tmp_path, name: str, size, profile: str = "desktop"):
    app, pilot = make_app(tmp_path, size=size, prefs=Preferences(profile=profile), files=())
    shutil.copy(SCENARIOS / name, app.scenarios_dir / name)
    start(app, pilot, name)
    story = app.session.story
    while story.scene is not None and not story.scene.choices:
        pilot.press("activate")
    return app, pilot


def test_a_projector_scene_in_parts_keeps_its_narration_in_view(tmp_path):
    app, pilot = _first_scene(tmp_path, "friend-request.yaml", (1920, 1080), "projector")
    screen = pilot.top
    assert screen.two_slides() and not screen.on_decision  # the scene slide: narration and card, no choices
    assert screen.part == 0 and screen.max_scroll == 0  # the opening paragraph whole, nothing below
    pilot.press("right")  # the next part: the last line beside the card, which goes on below
    assert screen.part == 1 and not screen.on_decision and screen.max_scroll > 0
    assert screen.more_below_words() == "More of the card below"


def test_a_card_alone_running_on_is_named(tmp_path):
    app, pilot = _first_scene(tmp_path, "named-online.yaml", (1280, 720))
    pilot.press("choose_2")
    while pilot.top.name != "play" or app.session.story.scene.card is None \
            or app.session.story.scene.card.type != "search_results":
        pilot.press("activate")
    assert pilot.top.more_below_words() == "More of the card below"
