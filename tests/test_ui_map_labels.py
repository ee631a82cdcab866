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


def test_words_in_a_triple_bordered_ending_sit_inside_its_innermost_ring(tmp_path):
    from game.engine.storymap import band
    from game.ui.mapview import RING_EM

    app, _ = make_app(tmp_path, saves=False)
    look = app.view.look((1280, 720))
    pad = look.em(0.6)
    lines = ("Suspension order — 12 months", "rung 8 of 9", "practice restricted or ended")
    sanction = _label(MapNode("n1", "suspended", "ending", "Suspension order", lines, band=band(7)), look, pad)
    plain = _label(MapNode("n2", "declined", "ending", "Suspension order", lines, band=band(0)), look, pad)
    rings = 2 * look.em(RING_EM)  # the two inner rings of a triple border, RING_EM apart
    assert sanction.inset_x == sanction.inset_y == rings and plain.inset_x == plain.inset_y == 0
    assert sanction.h == plain.h + 2 * rings  # the words keep their padding inside the rings
    assert sanction.w >= plain.w
