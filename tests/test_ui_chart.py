"""The debrief's per-standard bar chart: bars on the right side of zero for upheld standards and the left for
breached ones, told apart by pattern, icon and words as well as colour, laid out cleanly at every size."""

from __future__ import annotations

import random

import pygame
import pytest

from game.engine.checked import load_scenario
from game.engine.reference import framework
from game.engine.story import Effect, Story
from game.ui.cards import CardContext
from game.ui.cards.boxes import Fill, Hatch, Icon
from game.ui.cards.style import styles
from game.ui.chart import (
    chart_alt_text,
    clear_cache,
    draw_chart,
    layout_chart,
    measure_chart,
    totals_from_effects,
    totals_from_scores,
    value_words,
)
from game.ui.fonts import Fonts
from tests.conftest import FIXTURES, ROOT
from tests.test_ui_cards_layout import problems

FONTS = Fonts()
FW = framework("hcpc-2012")
TOTALS = totals_from_scores({"13": -2, "1": 3, "2": -4, "9": 0, "3": 1}, FW)


def ctx(scale=1.0, hc=False) -> CardContext:
    return CardContext(FONTS, scale, hc, ROOT / "assets")


@pytest.fixture(autouse=True)
def _fresh():
    clear_cache()


def test_values_are_said_with_their_sign_and_in_words():
    assert value_words(3) == "+3 upheld"
    assert value_words(-2) == "\u22122 breached"
    assert value_words(0) == "0 at stake"


def test_rows_follow_the_frameworks_order_and_read_number_title_value():
    layout = layout_chart(TOTALS, 1000, ctx(), FW)
    words = [t.text for t in layout.texts()]
    numbers = [w for w in words if w in {"1", "2", "3", "9", "13"}]
    assert numbers == ["1", "2", "3", "9", "13"]
    for expected in ("Best interests", "Confidentiality", "+3 upheld", "\u22124 breached", "0 at stake",
                     FW.title):
        assert expected in words


def test_upheld_bars_are_solid_to_the_right_of_zero_and_breached_ones_hatched_to_the_left():
    layout = layout_chart(TOTALS, 1000, ctx(), FW)
    zero = max((b for b in layout.boxes if isinstance(b, Fill) and b.filled and b.rect.w <= 4 and b.rect.h > 100),
               key=lambda b: b.rect.h)
    zx = zero.rect.centerx
    hatches = [b for b in layout.boxes if isinstance(b, Hatch) and b.rect.w > 0]
    green = styles().platform("other").normal.good
    good = [b for b in layout.boxes if isinstance(b, Fill) and b.filled and b.color == green and b.rect.h > 4]
    assert len([h for h in hatches if h.rect.right <= zx + 1]) >= 2  # -4 and -2 (plus the legend's swatch)
    bars = [b for b in good if b.rect.w > 40]  # the +3 and +1 bars, not the legend's swatch
    assert len(bars) == 2 and all(b.rect.left >= zx - 1 for b in bars)
    icons = [b.name for b in layout.boxes if isinstance(b, Icon)]
    assert icons.count("check_circle") == 2 and icons.count("cross_circle") == 2 and "dash_circle" in icons
    # bar length follows the value: -4 is twice as long as -2
    lengths = sorted(h.rect.w for h in hatches if h.rect.right >= zx - 2)
    assert lengths[-1] == pytest.approx(2 * lengths[-2], abs=2)


@pytest.mark.parametrize("width,scale", [(360, 1.0), (360, 2.0), (800, 1.0), (1280, 1.5), (1800, 2.0),
                                         (1920, 3.0), (3840, 4.5)])
@pytest.mark.parametrize("hc", [False, True])
def test_the_chart_lays_out_cleanly_at_every_size(width, scale, hc):
    layout = layout_chart(TOTALS, width, ctx(scale, hc), FW)
    assert layout.width <= width
    assert not problems(layout)
    assert measure_chart(TOTALS, width, ctx(scale, hc), FW) == layout.height


def test_drawing_stays_inside_the_rect():
    h = measure_chart(TOTALS, 900, ctx(), FW)
    surface = pygame.Surface((1100, h + 40))
    surface.fill((1, 2, 3))
    draw_chart(surface, pygame.Rect(100, 20, 900, h), TOTALS, FW, ctx())
    outside = pygame.mask.from_threshold(surface, (1, 2, 3), (1, 1, 1, 255))
    assert outside.count() == surface.get_width() * surface.get_height() - 900 * h + outside.overlap_area(
        pygame.mask.Mask((900, h), fill=True), (100, 20))


def test_totals_come_from_a_play_state_or_from_effects():
    story = Story(load_scenario(FIXTURES / "tiny.yaml"))
    story.choose(1)
    totals = totals_from_scores(story.state.scores, story.framework)
    assert ("2", "Confidentiality", -2) in totals and ("3", "Personal conduct", -1) in totals
    effects = [Effect("2", "Confidentiality", "t", -2), Effect("3", "Personal conduct", "t", 1),
               Effect("2", "Confidentiality", "t", -1)]
    assert totals_from_effects(effects) == [("2", "Confidentiality", -3), ("3", "Personal conduct", 1)]
    rng = random.Random(4)
    assert layout_chart(totals, rng.randint(360, 1800), ctx(), story.framework).height > 0


def test_the_alt_text_lists_every_row_in_words_and_an_empty_chart_says_so():
    text = chart_alt_text(TOTALS, FW)
    assert text.startswith("Scores by standard (HCPC")
    assert "Standard 2 · Confidentiality: \u22124 breached" in text
    assert "Standard 1 · Best interests: +3 upheld" in text
    assert chart_alt_text([], FW) == "No standards were scored."
    empty = layout_chart([], 800, ctx(), FW)
    assert "No standards were scored." in [t.text for t in empty.texts()]
