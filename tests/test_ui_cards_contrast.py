"""WCAG contrast of every colour pair the cards actually draw: each card type on each platform, in both themes.

Text needs 4.5:1 (7:1 in high contrast); icons, which always sit beside words, need 3:1 (4.5:1 in high
contrast). The pairs come from real layouts, so a new colour anywhere is checked the moment it is used.
"""

from __future__ import annotations

import dataclasses

import pytest

from game.engine.reference import framework
from game.engine.yamlsafe import read_file
from game.ui.cards import CardContext, clear_cache, layout_card
from game.ui.cards.boxes import Avatar, Hatch, Icon, Text
from game.ui.cards.media import initials
from game.ui.cards.style import STYLES_FILE, StyleError, contrast, parse, styles
from game.ui.chart import layout_chart, totals_from_scores
from game.ui.fonts import Fonts
from tests.conftest import ROOT
from tests.support.cards_gallery import examples

FONTS = Fonts()
CARDS = examples()
ONE_OF_EACH = ["request-facebook", "post-facebook", "messages-whatsapp", "messages-linkedin", "messages-email",
               "search-name", "privacy-facebook"]
PLATFORMS = ["facebook", "x", "instagram", "linkedin", "whatsapp", "tiktok", "blog", "forum", "search", "email",
             "other"]


def pairs(layout) -> tuple[list, list]:
    texts = [(b.fg, b.bg, b.text) for b in layout.boxes if isinstance(b, Text)]
    marks = [(b.fg, b.bg, b.name) for b in layout.boxes if isinstance(b, Icon)]
    marks += [(b.on_color, b.color, "initials " + initials(b.name)) for b in layout.boxes
              if isinstance(b, Avatar) and not b.asset]
    return texts, marks


@pytest.mark.parametrize("hc", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_text_and_icon_on_every_platform_is_readable(platform, hc):
    clear_cache()
    need_text, need_icon = (7.0, 4.5) if hc else (4.5, 3.0)
    ctx = CardContext(FONTS, 1.0, hc, ROOT / "assets")
    failures = []
    for name in [*ONE_OF_EACH, "post-x", "post-instagram", "post-blog", "post-forum", "privacy-x"]:
        card = dataclasses.replace(CARDS[name], platform=platform)
        texts, marks = pairs(layout_card(card, 700, ctx))
        assert texts, name
        for fg, bg, what in texts:
            if contrast(fg, bg) < need_text:
                failures.append(f"{name}: text {what!r} {fg} on {bg} = {contrast(fg, bg):.2f}")
        for fg, bg, what in marks:
            if contrast(fg, bg) < need_icon:
                failures.append(f"{name}: icon {what} {fg} on {bg} = {contrast(fg, bg):.2f}")
    assert not failures, "\n".join(sorted(set(failures))[:20])


@pytest.mark.parametrize("hc", [False, True], ids=["normal", "high-contrast"])
def test_the_chart_is_readable(hc):
    need_text, need_mark = (7.0, 4.5) if hc else (4.5, 3.0)
    fw = framework("hcpc-2012")
    layout = layout_chart(totals_from_scores({"1": 2, "2": -3, "3": 0}, fw), 900,
                          CardContext(FONTS, 1.0, hc, ROOT / "assets"), fw)
    texts, marks = pairs(layout)
    assert all(contrast(fg, bg) >= need_text for fg, bg, _ in texts)
    assert all(contrast(fg, bg) >= need_mark for fg, bg, _ in marks)
    hatches = [b for b in layout.boxes if isinstance(b, Hatch)]
    assert hatches and all(contrast(b.fg, b.bg) >= need_mark for b in hatches)


def test_every_avatar_colour_carries_its_initials_and_every_sender_name_is_readable():
    for platform in PLATFORMS:
        for hc in (False, True):
            pal = styles().platform(platform).palette(hc)
            need = 7.0 if hc else 4.5
            assert all(contrast(pal.on_avatar, c) >= need for c in pal.avatars), (platform, hc)
            assert all(contrast(n, pal.incoming) >= need for n in pal.names), (platform, hc)


def test_contrast_is_computed_as_wcag_defines_it():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_a_style_file_with_a_bad_colour_or_a_missing_role_is_refused_with_a_clear_message():
    data = read_file(STYLES_FILE).data
    bad = {**data, "platforms": {**data["platforms"], "x": {**data["platforms"]["x"], "normal": {"bar": "black"}}}}
    with pytest.raises(StyleError, match="not a colour"):
        parse(bad)
    theme = dict(data["themes"]["normal"])
    del theme["muted"]
    with pytest.raises(StyleError, match="muted"):
        parse({**data, "themes": {**data["themes"], "normal": theme}})


def test_a_style_file_mistake_names_its_line_and_column(tmp_path):
    text = STYLES_FILE.read_text(encoding="utf-8")
    path = tmp_path / "card_styles.yaml"
    path.write_text(text.replace("actions:", "actions: 7\n  _was_actions:", 1), encoding="utf-8")
    with pytest.raises(StyleError, match=r"card_styles\.yaml:\d+:\d+: ") as caught:
        styles.__wrapped__(path)
    assert "Traceback" not in str(caught.value)
