"""The cue names what goes on below: "More of the card below" only when the card alone does. On a projector's
scene slide the narration of the friend request runs on below the window beside its card: the cue then says
"More below", not that only the card goes on."""

from __future__ import annotations

import shutil

from game.settings import Preferences
from game.ui.page import MORE_BELOW
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


def test_narration_running_on_beside_the_card_says_more_below(tmp_path):
    app, pilot = _first_scene(tmp_path, "friend-request.yaml", (1920, 1080), "projector")
    screen = pilot.top
    assert screen.two_slides() and not screen.on_decision  # the scene slide: narration and card, no choices
    assert screen.max_scroll > 0
    assert screen.more_below_words() == MORE_BELOW


def test_a_card_alone_running_on_is_named(tmp_path):
    app, pilot = _first_scene(tmp_path, "named-online.yaml", (1280, 720))
    pilot.press("choose_2")
    while pilot.top.name != "play" or app.session.story.scene.card is None \
            or app.session.story.scene.card.type != "search_results":
        pilot.press("activate")
    assert pilot.top.more_below_words() == "More of the card below"
