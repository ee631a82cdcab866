"""Word-wrap: lines never exceed the width; long words and URLs break (at '/' or '.' where possible)."""


import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.engine.controls import CONTROL
from game.ui.fonts import Fonts
from game.ui.text import wrap
from tests.hostile.bounded import time_limit

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
    f = _font(18, False)
    with time_limit(5.0):  # it once looped for ever where only one character fitted a line
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


# --- hostile text at any width and scale: always finishes, every line fits, nothing lost ------------------

HOSTILE_PARTS = ["e\u0301", "Z\u0351\u0352a\u0354l\u0357", "\u0301", "👩\u200d👩\u200d👧", "🙏🏽", "😩", "שלום",
                 "العربية", "全角の文字", "漢字", "https://example.org/a/b.c?d=e&f#g", "-", "/", " ", "\n",
                 "\u00a0", "word", "x" * 50]
hostile_texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.lists(st.sampled_from(HOSTILE_PARTS), max_size=80).map("".join),
    st.builds(lambda ch, n, tail: ch * n + tail, st.sampled_from(["x", "W", "i", "\u0301", "漢", "😩", "/"]),
              st.integers(1, 20_000), st.text(max_size=20)),
)


def _clusters(line: str) -> int:
    from game.ui.wordbreak import _continues

    return sum(1 for i in range(len(line)) if i == 0 or not _continues(line, i))


_FONTS = {}


def _font(px: int, bold: bool):
    if not pygame.font.get_init():
        pygame.font.init()
    fonts = _FONTS.setdefault("atkinson", Fonts("atkinson"))
    return fonts.get(px, bold)


@settings(max_examples=50, deadline=None)
@given(hostile_texts, st.integers(min_value=1, max_value=4000), st.sampled_from([1.0, 1.25, 1.5, 2.0]),
       st.sampled_from([18, 48]), st.booleans())
def test_hostile_text_wraps_fast_at_any_width_and_scale(text, width, scale, base, bold):
    from game.ui.cards.boxes import FontSpec
    from game.ui.cards.text import FontCache, Run
    from game.ui.cards.text import wrap as wrap_runs
    from game.ui.glyphs import displayable

    font = _font(round(base * scale), bold)
    with time_limit(5.0):
        lines = wrap(font, text, width)
        runs = [Run(text, FontSpec(round(base * scale), bold), (0, 0, 0))]
        para = wrap_runs(FontCache(_FONTS["atkinson"]), runs, width)
    shown = displayable(font, text)
    from game.ui import emoji

    for line in lines:  # only one character cluster (a letter and its accents) may be wider than the line
        assert emoji.width(font, line) <= width or _clusters(line) == 1  # as drawn: emoji as pictures

    def squash(t):
        return "".join(ch for ch in t if ch not in " \t\r\n")

    assert squash("".join(lines)) == squash(shown)  # nothing lost, nothing added
    assert len(lines) <= len(shown) + 1
    for ln in para.lines:
        assert ln.width <= width or len(ln.pieces) == 1
