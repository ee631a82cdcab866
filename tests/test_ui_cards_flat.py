"""Nothing on a card looks pressable (issue 14 §10): a card is a picture of the app, and the learner answers
with the decision's choices. A request's buttons ("Confirm", "Delete"…) are flat words on the card, not pills;
privacy settings show their values as words (the current one ticked), not drop-downs or radio buttons. Clicks
and keys on a card do nothing, and never pick a choice."""

from __future__ import annotations

import pytest

from game.ui.cards import CardContext, layout_card
from game.ui.cards.boxes import Fill, Icon, Text
from game.ui.cards.style import styles
from game.ui.fonts import Fonts
from tests.conftest import ROOT
from tests.support.cards_gallery import examples, fresh_cards  # noqa: F401 - an autouse fixture

FONTS = Fonts()
CARDS = examples()
CONTROL_ICONS = {"chevron_down", "radio_on", "radio_off"}



def layouts(name: str):
    for width, scale, hc in [(360, 2.0, False), (640, 1.0, False), (1280, 1.0, True), (1920, 3.0, False)]:
        yield layout_card(CARDS[name], width, CardContext(FONTS, scale, hc, ROOT / "assets"))


def panel_under(layout, text: Text) -> Fill:
    index = layout.boxes.index(text)
    under = [b for b in layout.boxes[:index] if isinstance(b, Fill) and b.filled and b.rect.contains(text.rect)]
    return under[-1]


@pytest.mark.parametrize("name", ["request-facebook", "request-linkedin", "request-instagram"])
def test_request_buttons_are_words_on_the_card_not_buttons(name):
    item = CARDS[name]
    words = styles().platform(item.platform).requests[item.kind]
    for layout in layouts(name):
        texts = [b for b in layout.boxes if isinstance(b, Text)]
        for label in (words.accept, words.decline):
            found = [t for t in texts if label in t.text]
            assert found, f"{label!r} is not on the card"
            for t in found:
                panel = panel_under(layout, t)
                # on the card's own background (the first box, as wide as the card), never on a pill of its own
                assert panel.rect.width == layout.boxes[0].rect.width, f"{label!r} sits on a button shape"
                assert t.fg != styles().platform(item.platform).palette(False).on_accent


@pytest.mark.parametrize("name", ["privacy-facebook", "privacy-x"])
def test_privacy_settings_have_no_drop_downs_or_radio_buttons(name):
    for layout in layouts(name):
        icons = {b.name for b in layout.boxes if isinstance(b, Icon)}
        assert not icons & CONTROL_ICONS
        outlined = [b for b in layout.boxes if isinstance(b, Fill) and b.outline is not None and b.rect.h < 200
                    and b.rect.width < layout.boxes[0].rect.width // 2]
        assert not outlined, "a value or option is drawn in an outlined box, like a control"
        assert any("(current)" in b.text for b in layout.boxes if isinstance(b, Text))


def test_clicks_anywhere_on_the_card_pick_no_choice(tmp_path):
    """Friend request at 1280x720: the card is the right-hand column; clicking all over it (its "Confirm" and
    "Delete" included) leaves the decision as it was."""
    import shutil

    from tests.ui_support import make_app, start

    app, pilot = make_app(tmp_path, files=())
    shutil.copy(ROOT / "scenarios/friend-request.yaml", app.scenarios_dir / "friend-request.yaml")
    start(app, pilot, "friend-request.yaml")
    story = app.session.story
    node, steps = story.state.node, len(story.state.steps)
    screens = list(pilot.names)
    confirm = [b for b in pilot.texts() if "Confirm" in b.text]
    for x in range(760, 1130, 40):
        for y in range(100, 500, 40):
            pilot.click((x, y))
    for b in confirm:
        pilot.click(b.rect.center)
    assert pilot.names == screens
    assert app.session.story is story and story.state.node == node and len(story.state.steps) == steps
