"""Word-wrap: lines never exceed the width; long words and URLs break (at '/' or '.' where possible)."""

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.controls import CONTROL
from game.ui.fonts import Fonts
from game.ui.text import wrap

URL = "https://www.example-social-network.example/profile/jo.marsh.1987/photos/albums/family-2019-summer"


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    return Fonts("atkinson").get(20)


def test_short_text_is_one_line(font):
    assert wrap(font, "Hello there", 500) == ["Hello there"]


def test_lines_fit_and_keep_every_word(font):
    text = "Accepting a friend request from a service user, even a former one, blurs the boundary. " * 4
    lines = wrap(font, text, 300)
    assert len(lines) > 3
    assert all(font.size(line)[0] <= 300 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_url_breaks_at_soft_points(font):
    lines = wrap(font, f"The link: {URL} was sent.", 260)
    assert all(font.size(line)[0] <= 260 for line in lines)
    assert "".join(lines).replace(" ", "") == f"Thelink:{URL}wassent."
    url_lines = [line for line in lines if "/" in line or "." in line]
    # pieces end after a soft break character rather than mid-word wherever one is close enough
    assert sum(1 for line in url_lines[:-1] if line[-1] in "/-._") >= 2


def test_newlines_start_new_lines(font):
    assert wrap(font, "one\n\ntwo", 500) == ["one", "", "two"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), min_size=0, max_size=200),
       st.integers(min_value=30, max_value=400))
def test_wrap_property(text, width):
    pygame.font.init()
    f = Fonts("atkinson").get(18)
    lines = wrap(f, text, width)
    widest_glyph = max((f.size(ch)[0] for ch in text), default=0)
    for line in lines:
        assert f.size(line)[0] <= max(width, widest_glyph)
    def squash(t):  # control characters are dropped before drawing (glyphs.displayable)
        return "".join(ch for ch in t if ch not in " \t\r\n" and not CONTROL.match(ch))

    assert squash("".join(lines)) == squash(text)


def test_no_break_space_keeps_words_together(font):
    lines = wrap(font, "It is 9.40\u00a0pm on Tuesday evening", font.size("It is 9.40 pm")[0] - 5)
    assert any("9.40\u00a0pm" in line for line in lines)
