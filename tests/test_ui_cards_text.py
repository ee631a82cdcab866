"""Word wrap: whole words where they fit, long words and URLs broken (at a '/' or '-' when there is one),
styles kept apart, hard line breaks kept — and the layout checker the other card tests rely on really does
catch a broken layout."""

from __future__ import annotations

import pygame
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.cards.boxes import CardLayout, Fill, FontSpec, Text
from game.ui.cards.text import FontCache, IconRun, Run, wrap
from game.ui.fonts import Fonts
from tests.test_ui_cards_layout import problems

FONTS = FontCache(Fonts())
BODY = FontSpec(18)
BOLD = FontSpec(18, bold=True)
INK = (0, 0, 0)


def lines_of(par) -> list[str]:
    return ["".join(p.text for p in line.pieces) for line in par.lines]


def test_words_wrap_whole_and_every_line_fits():
    par = wrap(FONTS, [Run("the quick brown fox jumps over the lazy dog " * 4, BODY, INK)], 200)
    assert len(par.lines) > 3
    assert all(line.width <= 200 for line in par.lines)
    words = " ".join(lines_of(par)).split()
    assert words == ("the quick brown fox jumps over the lazy dog " * 4).split()  # none broken, none lost


def test_a_url_longer_than_the_line_breaks_after_a_separator_and_loses_nothing():
    url = "https://www.example.org/news/local/2024/03/12/a-very-long-slug-that-goes-on-and-on?utm_source=x"
    par = wrap(FONTS, [Run(url, BODY, INK)], 160)
    assert "".join(lines_of(par)) == url
    assert all(line.width <= 160 for line in par.lines)
    assert sum(text[-1] in "/-.?&=_" for text in lines_of(par)[:-1]) >= len(par.lines) // 2


def test_one_character_per_line_when_even_a_letter_barely_fits():
    par = wrap(FONTS, [Run("WWW", BODY, INK)], 3)
    assert lines_of(par) == ["W", "W", "W"]


def test_styles_stay_separate_pieces_and_line_breaks_are_kept():
    par = wrap(FONTS, [Run("Karen Holt", BOLD, INK), Run(" wrote:\nHello\n\nthere", BODY, INK)], 600)
    assert lines_of(par) == ["Karen Holt wrote:", "Hello", "", "there"]
    first = par.lines[0].pieces
    assert [p.run.font for p in first] == [BOLD, BODY]
    assert first[1].x == first[0].w


def test_an_inline_icon_takes_room_on_the_line():
    par = wrap(FONTS, [IconRun("globe", INK, 18, 6), Run("Public", BODY, INK)], 600)
    pieces = par.lines[0].pieces
    assert isinstance(pieces[0].run, IconRun) and pieces[1].x == 24


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from([*list("abc XYZ-/.\n"), "Supercalifragilistic"]), max_size=60).map("".join),
       width=st.integers(min_value=20, max_value=400))
def test_wrapping_never_overflows_and_never_loses_a_visible_character(text, width):
    par = wrap(FONTS, [Run(text, BODY, INK)], width)
    assert all(line.width <= width for line in par.lines)
    assert "".join("".join(lines_of(par)).split()) == "".join(text.split())


def test_the_layout_checker_catches_overlap_overflow_and_the_wrong_background():
    white, grey = (255, 255, 255), (200, 200, 200)
    font = Fonts().get(18)
    w, h = font.size("Hello")

    def text(x, y, bg=white):
        return Text(pygame.Rect(x, y, w, h), "Hello", BODY, INK, bg)

    card = Fill(pygame.Rect(0, 0, 300, 100), white)
    assert problems(CardLayout(300, 100, (card, text(10, 10), text(10, 50)))) == []
    assert any("overlaps" in p for p in problems(CardLayout(300, 100, (card, text(10, 10), text(20, 15)))))
    assert any("leaves the card" in p for p in problems(CardLayout(300, 100, (card, text(290, 10)))))
    assert any("claims bg" in p for p in problems(CardLayout(300, 100, (card, text(10, 10, grey)))))
    bubble = Fill(pygame.Rect(0, 0, 30, 60), grey)
    assert any("spills out" in p for p in problems(CardLayout(300, 100, (card, bubble, text(5, 10, grey)))))


def test_a_column_too_narrow_to_read_lays_out_a_bounded_prefix_and_says_so():
    from game.ui.cards.text import ELLIPSIS, NARROW_MAX_CHARS

    word = "x" * 20_000
    narrow = lines_of(wrap(FONTS, [Run(word, BODY, INK)], 5))
    assert len(narrow) <= NARROW_MAX_CHARS + 1 and narrow[-1].endswith(ELLIPSIS)
    assert sum(len(line) for line in narrow) <= NARROW_MAX_CHARS + 1
    wide = lines_of(wrap(FONTS, [Run(word, BODY, INK)], 400))  # readable: nothing is cut
    assert "".join(wide) == word
