"""A card's action bar keeps each action whole: the word beside its icon, never dropped below it. At a width
where "Comment" is too long for a quarter of the bar but all four actions fit on one row, they stay on one row
(a TikTok or LinkedIn card beside the story at 1280x720 once showed "Comment" under its icon)."""

from __future__ import annotations

import pytest

from game.ui.cards import CardContext, layout_card
from game.ui.cards.boxes import Icon, Text
from game.ui.fonts import Fonts
from tests.conftest import ROOT
from tests.support.cards_gallery import examples, fresh_cards  # noqa: F401 - an autouse fixture

FONTS = Fonts()
CARDS = examples()
ACTIONS = {"post-tiktok": ("Like", "Comment", "Share", "Save"), "post-linkedin": ("Like", "Comment", "Repost", "Send")}



@pytest.mark.parametrize("name", sorted(ACTIONS))
@pytest.mark.parametrize("width", [395, 420, 640])
def test_each_action_word_sits_beside_its_icon_on_one_row(name, width):
    layout = layout_card(CARDS[name], width, CardContext(FONTS, 1.0, False, ROOT / "assets"))
    words = {b.text.strip(): b for b in layout.boxes if isinstance(b, Text) and b.text.strip() in ACTIONS[name]}
    assert set(words) == set(ACTIONS[name])
    icons = [b for b in layout.boxes if isinstance(b, Icon)]
    for word, box in words.items():
        beside = [i for i in icons if i.rect.right <= box.rect.left and abs(i.rect.centery - box.rect.centery) <= 3
                  and box.rect.left - i.rect.right < box.rect.height]
        assert beside, f"{name} at {width} px: '{word}' has no icon just before it on its line"
    rows = {box.rect.centery for box in words.values()}
    assert max(rows) - min(rows) <= 3, f"{name} at {width} px: the actions take more than one row"
