"""A story map node is as wide as its words as they are drawn: an emoji in a title is a picture, wider than
the font's own measure of it, so the label is measured with game.ui.measure (as the text is laid out), not
with font.size, and the title is never clipped at the node's edge."""

from __future__ import annotations

from game.engine.storymap import MapNode
from game.ui.mapview import _label
from game.ui.measure import text_width
from tests.ui_support import make_app


def test_a_title_with_emoji_gets_a_label_as_wide_as_its_pictures(tmp_path):
    app, _ = make_app(tmp_path, saves=False)
    look = app.view.look((1280, 720))
    pad = look.em(0.5)
    title = "Late 😴😴😴 night 🙌🙌"
    label = _label(MapNode("n1", "late", "scene", title), look, pad)
    font = look.font("body", True)
    drawn = text_width(font, title)
    assert drawn > font.size(title)[0], "the emoji are drawn wider than the font measures them (the case this tests)"
    assert label.w >= drawn + 2 * pad


def test_a_way_on_reads_without_doubled_punctuation():
    from game.ui.screens.story_map import _way

    assert _way("choice 2: Decline the request.") + "to: Declined" == "choice 2: Decline the request, to: Declined"
    assert _way("choice 1: Reply to reassure her. Tell…") == "choice 1: Reply to reassure her. Tell… "
    assert _way("choice 3: Why not?") == "choice 3: Why not? "
    assert _way("continue") == "continue, "
