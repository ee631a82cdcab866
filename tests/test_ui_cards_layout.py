"""Card layouts at every width and scale the game uses: nothing outside the card, no text on text, every line
of text fully on the panel it claims to sit on, and exactly the size its font renders."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pygame
import pytest

from game.ui import emoji
from game.ui.cards import CardContext, clear_cache, layout_card, measure_card
from game.ui.cards.boxes import Avatar, CardLayout, Fill, Hatch, Icon, Picture, Text
from game.ui.fonts import Fonts
from tests.conftest import ROOT
from tests.support.cards_gallery import examples

FONTS = Fonts()
ASSETS = ROOT / "assets"
CARDS = examples(stress=True)

# desktop widths at text scales 1.0-2.0, then projector sizes (1920x1080 and 3840x2160 at 2.2-4.5)
DESKTOP = [(w, s) for w in (360, 520, 800, 1280, 1800) for s in (1.0, 1.5, 2.0)]
PROJECTOR = [(1920, 2.2), (1920, 3.0), (1920, 4.5), (3840, 3.3), (3840, 4.5)]


def ctx(scale: float, hc: bool = False, assets: Path = ASSETS) -> CardContext:
    return CardContext(FONTS, scale, hc, assets)


def problems(layout: CardLayout) -> list[str]:
    """Everything wrong with a layout's geometry, in words (empty when all is well)."""
    found = []
    bounds = pygame.Rect(0, 0, layout.width, layout.height)
    texts = [b for b in layout.boxes if isinstance(b, Text)]
    for b in layout.boxes:
        if isinstance(b, (Text, Icon, Avatar, Picture, Hatch, Fill)) and not bounds.contains(b.rect):
            found.append(f"{type(b).__name__} {getattr(b, 'text', getattr(b, 'name', ''))!r} at {b.rect} "
                         f"leaves the card {bounds}")
    # no two pieces of text (or icons beside them) overlap
    marks = [b for b in layout.boxes if isinstance(b, (Text, Icon, Avatar))]
    rects = [b.rect for b in marks]
    for i, b in enumerate(marks):
        for j in b.rect.collidelistall(rects):
            if j > i:
                found.append(f"{b.rect} {getattr(b, 'text', '')!r} overlaps {marks[j].rect} "
                             f"{getattr(marks[j], 'text', '')!r}")
    # each text sits wholly on the last filled panel under its centre, whose colour is the text's `bg`
    for t in texts:
        index = layout.boxes.index(t)
        under = [b for b in layout.boxes[:index] if isinstance(b, Fill) and b.filled
                 and b.rect.collidepoint(t.rect.center) and b.rect.h > 2]
        if not under:
            found.append(f"text {t.text!r} sits on nothing")
            continue
        panel = under[-1]
        if panel.color != t.bg:
            found.append(f"text {t.text!r} claims bg {t.bg} but sits on {panel.color}")
        if not panel.rect.contains(t.rect):
            found.append(f"text {t.text!r} at {t.rect} spills out of its panel {panel.rect}")
        font = FONTS.get(t.font.px, t.font.bold, t.font.italic)
        rendered = emoji.render(font, t.text, (0, 0, 0)).get_size()  # what paint draws (emoji as pictures)
        if rendered != t.rect.size:
            found.append(f"text {t.text!r}: box {t.rect.size} but renders {rendered}")
        if not t.text.strip():
            found.append(f"an empty text box at {t.rect}")
    return found


@pytest.fixture(autouse=True)
def _fresh():
    clear_cache()
    yield
    clear_cache()


@pytest.mark.parametrize("name", sorted(CARDS))
def test_every_card_lays_out_cleanly_at_desktop_and_projector_sizes(name):
    card = CARDS[name]
    stress = name.startswith("stress")
    sizes = DESKTOP + PROJECTOR if not stress else [(360, 2.0), (800, 1.0), (1800, 1.5), (1920, 4.5), (3840, 3.3)]
    for width, scale in sizes:
        layout = layout_card(card, width, ctx(scale))
        assert layout.width <= width
        bad = problems(layout)
        assert not bad, f"{name} at {width}px, scale {scale}: " + "; ".join(bad[:5])


@pytest.mark.parametrize("name", ["post-facebook", "messages-whatsapp", "privacy-facebook", "request-linkedin",
                                  "search-name", "stress-post-forum"])
def test_high_contrast_layouts_are_clean_too(name):
    for width, scale in [(360, 2.0), (1280, 1.0), (1920, 3.0)]:
        bad = problems(layout_card(CARDS[name], width, ctx(scale, hc=True)))
        assert not bad, f"{name} hc at {width}px, scale {scale}: " + "; ".join(bad[:5])


def test_text_is_body_size_from_the_scale_and_the_card_grows_with_it():
    card = CARDS["post-facebook"]
    small, big = layout_card(card, 1800, ctx(1.0)), layout_card(card, 1800, ctx(2.0))
    body = {t.font.px for t in small.texts() if not t.font.bold and not t.font.italic}
    assert round(18 * 1.0) in body
    assert round(18 * 2.0) in {t.font.px for t in big.texts()}
    assert big.width == 2 * small.width  # capped at the same number of ems
    assert big.height > 1.8 * small.height


def test_a_wide_rect_caps_the_card_at_a_readable_width_and_a_narrow_one_fills_it():
    card = CARDS["post-linkedin"]
    assert layout_card(card, 1800, ctx(1.0)).width == (38 * 18)
    assert layout_card(card, 400, ctx(1.0)).width == 400


def test_narrower_cards_wrap_into_more_lines_and_measure_taller():
    card = CARDS["post-x"]
    heights = [measure_card(card, w, ctx(1.0)) for w in (680, 520, 400, 360)]
    assert heights == sorted(heights) and heights[-1] > heights[0]


def test_a_long_url_is_broken_across_lines_within_the_width():
    card = CARDS["stress-search"]
    layout = layout_card(card, 360, ctx(2.0))
    url_lines = [t for t in layout.texts() if "northfield-gazette" in t.text or "utm_" in t.text]
    assert len(url_lines) >= 3
    assert all(t.rect.right <= layout.width for t in url_lines)


def test_measure_is_the_layout_height_and_layouts_are_cached_per_card_width_scale_and_theme():
    card = CARDS["messages-whatsapp"]
    first = layout_card(card, 600, ctx(1.0))
    assert layout_card(card, 600, ctx(1.0)) is first
    assert measure_card(card, 600, ctx(1.0)) == first.height
    assert layout_card(card, 500, ctx(1.0)) is not first
    assert layout_card(card, 1800, ctx(1.0)) is layout_card(card, 900, ctx(1.0))  # both capped at 38 ems
    assert layout_card(card, 600, ctx(1.25)) is not first
    assert layout_card(card, 600, ctx(1.0, hc=True)) is not first
    same_data = copy.copy(card)
    assert layout_card(same_data, 600, ctx(1.0)) is not first  # identity, not equality: never a stale hit


def test_every_platform_gets_its_name_in_words_in_the_bar():
    card = CARDS["post-facebook"]
    labels = {"facebook": "Facebook", "x": "X (Twitter)", "instagram": "Instagram", "linkedin": "LinkedIn",
              "whatsapp": "WhatsApp", "tiktok": "TikTok", "blog": "Blog", "forum": "Forum", "search": "Web search",
              "email": "Email", "other": "Social media"}
    for platform, label in labels.items():
        layout = layout_card(dataclasses.replace(card, platform=platform), 800, ctx(1.0))
        assert label in [t.text for t in layout.texts()][:3], platform
        assert not problems(layout), platform
