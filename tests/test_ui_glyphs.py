"""Emoji in scenario text without the emoji font (a trainer deleted it): the text fonts cannot draw them, so
the desktop names them in words instead of drawing empty boxes; reactions keyed by emoji get their proper icon
and name. With the font, emoji are pictures: tests/test_ui_emoji.py."""

from __future__ import annotations

import pygame
import pytest

from game.ui import emoji
from game.ui.cards.parts import REACTIONS, reaction_name
from game.ui.glyphs import displayable
from game.ui.text import wrap

from .conftest import ROOT


@pytest.fixture(scope="module")
def font():
    pygame.font.init()
    return pygame.font.Font(str(ROOT / "assets/fonts/AtkinsonHyperlegible-Regular.ttf"), 18)


@pytest.fixture
def no_emoji_font(tmp_path):
    emoji.reset(tmp_path / "deleted.ttf")
    yield
    emoji.reset()


def test_emoji_are_named_in_words_and_plain_text_is_untouched(font, no_emoji_font):
    assert displayable(font, "Good luck \U0001F4AA") == "Good luck (flexed biceps)"
    assert displayable(font, "Love it \u2764\ufe0f") == "Love it (heavy black heart)"
    assert displayable(font, "Plain text — with ‘quotes’ and 9.40\u00a0pm") == \
        "Plain text — with ‘quotes’ and 9.40\u00a0pm"


def test_wrapped_choice_text_never_contains_an_undrawable_character(no_emoji_font):
    font = pygame.font.Font(str(ROOT / "assets/fonts/AtkinsonHyperlegible-Regular.ttf"), 18)  # nothing measured
    lines = wrap(font, 'Like it and add a comment: "Good luck tomorrow, you\'ve got this! \U0001F4AA"', 300)
    assert "(flexed biceps)" in " ".join(lines)
    assert all("\U0001F4AA" not in line for line in lines)


@pytest.mark.parametrize(("key", "name"), [("👍", "like"), ("❤️", "love"), ("❤", "love"), ("😡", "angry"),
                                           ("😢", "sad"), ("👏", "clap"), ("like", "like")])
def test_reactions_keyed_by_emoji_read_as_their_names(key, name):
    assert reaction_name(key) == name
    assert name in REACTIONS


def test_projector_snapshots_default_to_full_hd():
    from game.ui.snapshot import DEFAULT_SIZES

    assert DEFAULT_SIZES["projector"] == (1920, 1080)


def test_a_lone_surrogate_never_reaches_the_renderer():
    import pygame

    pygame.font.init()
    font = pygame.font.Font(None, 20)
    text = displayable(font, "before\ud800after\udfff")
    assert text == "beforeafter"
    assert font.size(text)[0] > 0  # SDL_ttf raises on a lone surrogate; this must not
