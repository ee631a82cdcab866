"""Drawing cards on a real (headless) surface: only inside the rect, pictures from assets/ or a placeholder
with a warning when they cannot be used, and a plain-words description of every card."""

from __future__ import annotations

import logging

import pygame
import pytest

from game.engine import shape
from game.engine.model import Card
from game.ui.cards import CardContext, card_alt_text, clear_cache, draw_card, layout_card, measure_card, media
from game.ui.cards.boxes import Avatar, Picture
from game.ui.fonts import Fonts
from tests.conftest import ROOT
from tests.support.cards_gallery import examples

FONTS = Fonts()
CARDS = examples()
SENTINEL = (1, 2, 3)


@pytest.fixture(autouse=True)
def _fresh():
    clear_cache()
    media.load.cache_clear()
    media.picture.cache_clear()
    media.avatar.cache_clear()
    yield
    clear_cache()


def ctx(scale=1.0, hc=False, assets=ROOT / "assets") -> CardContext:
    return CardContext(FONTS, scale, hc, assets)


def card(data: dict):
    return shape.build(Card, data)


def test_drawing_touches_only_pixels_inside_the_rect_and_centres_a_capped_card():
    for name in ("post-facebook", "messages-whatsapp", "privacy-facebook"):
        c = ctx(1.0)
        h = measure_card(CARDS[name], 1000, c)
        surface = pygame.Surface((1200, h + 100))
        surface.fill(SENTINEL)
        rect = pygame.Rect(100, 50, 1000, h)
        draw_card(surface, rect, CARDS[name], c)
        outside = pygame.mask.from_threshold(surface, SENTINEL, (1, 1, 1, 255))
        inside = outside.overlap_area(pygame.mask.Mask(rect.size, fill=True), rect.topleft)
        assert outside.count() - inside == surface.get_width() * surface.get_height() - rect.w * rect.h, name
        # the card is 684 px wide (38 ems) in a 1000 px rect: centred, with untouched margins either side
        width = layout_card(CARDS[name], 1000, c).width
        margin = (rect.w - width) // 2
        assert surface.get_at((rect.x + margin // 2, rect.y + h // 2))[:3] == SENTINEL
        assert surface.get_at((rect.x + margin + width // 2, rect.y + h // 2))[:3] != SENTINEL


def test_drawing_at_an_offset_paints_the_same_pixels_as_at_the_origin():
    c = ctx(1.5)
    item = CARDS["post-x"]
    h = measure_card(item, 700, c)
    a = pygame.Surface((700, h))
    b = pygame.Surface((900, h + 80))
    draw_card(a, pygame.Rect(0, 0, 700, h), item, c)
    draw_card(b, pygame.Rect(200, 80, 700, h), item, c)
    draw_card(a, pygame.Rect(0, 0, 700, h), item, c)  # a second paint (from cached surfaces) changes nothing
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b.subsurface((200, 80, 700, h)), "RGB")


def test_a_clip_already_set_on_the_surface_is_respected_and_restored():
    surface = pygame.Surface((800, 600))
    surface.fill(SENTINEL)
    surface.set_clip(pygame.Rect(0, 0, 800, 100))
    draw_card(surface, pygame.Rect(0, 0, 800, 600), CARDS["post-facebook"], ctx())
    assert surface.get_clip() == pygame.Rect(0, 0, 800, 100)
    assert surface.get_at((400, 300))[:3] == SENTINEL


def test_missing_refused_and_broken_assets_draw_placeholders_and_log_a_warning(tmp_path, caplog):
    assets = tmp_path / "assets"
    (assets / "portraits").mkdir(parents=True)
    (assets / "portraits" / "broken.png").write_bytes(b"not a picture at all")
    (tmp_path / "secret.png").write_bytes(b"outside")
    item = card({"type": "post", "platform": "facebook", "author": {"name": "Sam Lee", "avatar": "portraits/none.png"},
                 "text": "Hello", "image": {"alt": "A dog on a beach", "asset": "portraits/broken.png"},
                 "comments": [{"author": {"name": "Ann", "avatar": "../secret.png"}, "text": "hi"}]})
    c = ctx(assets=assets)
    with caplog.at_level(logging.WARNING, logger="game.ui.cards.media"):
        h = measure_card(item, 600, c)
        surface = pygame.Surface((600, h))
        draw_card(surface, pygame.Rect(0, 0, 600, h), item, c)
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "none.png" in messages and "not found" in messages
    assert "broken.png" in messages and "could not be read" in messages
    assert "../secret.png" in messages and "refused" in messages
    layout = layout_card(item, 600, c)
    assert not any(isinstance(b, Picture) for b in layout.boxes)
    assert "A dog on a beach" in " ".join(t.text for t in layout.texts())  # the alt text stands in


def test_a_real_image_and_avatar_are_drawn_from_assets(tmp_path):
    assets = tmp_path / "assets"
    (assets / "img").mkdir(parents=True)
    photo = pygame.Surface((400, 300))
    photo.fill((250, 0, 250))
    pygame.image.save(photo, str(assets / "img" / "photo.png"))
    face = pygame.Surface((64, 64))
    face.fill((0, 250, 0))
    pygame.image.save(face, str(assets / "img" / "face.png"))
    item = card({"type": "post", "platform": "facebook", "author": {"name": "Sam Lee", "avatar": "img/face.png"},
                 "text": "Hello", "image": {"alt": "Magenta", "asset": "img/photo.png"}})
    c = ctx(assets=assets)
    layout = layout_card(item, 600, c)
    pic = next(b for b in layout.boxes if isinstance(b, Picture))
    assert pic.rect.w == 600 and pic.rect.h == 450  # the width of the card, the picture's own shape
    assert "Magenta" not in " ".join(t.text for t in layout.texts())
    surface = pygame.Surface((600, layout.height))
    draw_card(surface, pygame.Rect(0, 0, 600, layout.height), item, c)
    assert surface.get_at(pic.rect.center)[:3] == (250, 0, 250)
    av = next(b for b in layout.boxes if isinstance(b, Avatar))
    r, g, b = surface.get_at(av.rect.center)[:3]
    assert r < 10 and g > 240 and b < 10  # green, give or take the round mask's rounding


def test_avatars_without_pictures_show_initials():
    assert media.initials("Maya Patel") == "MP"
    assert media.initials("chlo.barnes") == "CB"
    assert media.initials("Bo") == "B"
    assert media.initials("!!!") == "?"


def test_alt_text_says_what_the_card_shows_in_reading_order():
    text = card_alt_text(CARDS["request-facebook"])
    assert text.startswith("Facebook: friend request from Jade Thompson")
    assert "2 mutual friends" in text and "Buttons: Confirm, Delete." in text
    post = card_alt_text(CARDS["post-facebook"])
    for words in ("Karen Holt", "audience: Friends", "Image: A map of Chelmsford", "3 comments", "Lisa Moore"):
        assert words in post
    assert post.index("Dave Brooks") < post.index("Priya Shah") < post.index("Lisa Moore")
    chat = card_alt_text(CARDS["messages-whatsapp"])
    assert "group chat" in chat and "You, 14:09" in chat
    settings = card_alt_text(CARDS["privacy-facebook"])
    assert "3 at risk" in settings and "At risk: anyone, including the families" in settings
    search = card_alt_text(CARDS["search-name"])
    assert "https://www.facebook.com/rachel.dunmore.9" in search


def test_group_chats_name_each_sender_and_keep_the_players_messages_on_the_right():
    layout = layout_card(CARDS["messages-whatsapp"], 700, ctx())
    texts = layout.texts()
    names = [t for t in texts if t.text in ("Tom Ellis", "Beth Kaur")]
    assert [t.text for t in names] == ["Tom Ellis", "Beth Kaur", "Tom Ellis"]  # once per run of messages
    mine = next(t for t in texts if t.text.startswith("Beth, please"))
    theirs = next(t for t in texts if t.text.startswith("Is the 3pm"))
    assert mine.rect.x > layout.width // 4 and theirs.rect.x < layout.width // 4


def test_an_at_risk_setting_is_flagged_by_icon_and_words_not_only_colour():
    layout = layout_card(CARDS["privacy-x"], 700, ctx())
    words = [t.text.strip() for t in layout.texts()]
    assert "At risk:" in words
    icons = [b.name for b in layout.boxes if type(b).__name__ == "Icon"]
    assert icons.count("warning") == 2  # the summary line and the row
    current = [t.text for t in layout.texts() if "(current)" in t.text]
    assert current == ["Off (current)", "Only people you follow (current)"]


def test_emoji_are_named_in_words_without_the_emoji_font(tmp_path):
    from game.ui import emoji
    from game.ui.cards import clear_cache

    emoji.reset(tmp_path / "deleted.ttf")
    clear_cache()  # layouts made with pictures are not reused
    try:
        item = card({"type": "post", "platform": "facebook", "author": {"name": "K"}, "text": "Long day \U0001F629"})
        words = " ".join(t.text for t in layout_card(item, 600, ctx()).texts())
    finally:
        emoji.reset()
        clear_cache()
    assert "(weary face)" in words
    item = card({"type": "post", "platform": "facebook", "author": {"name": "K"}, "text": "Long day \U0001F629"})
    assert "\U0001F629" in card_alt_text(item)  # a screen reader can say the emoji itself


def test_drawing_a_typical_post_is_fast_once_laid_out():
    import time

    c = ctx(1.0)
    item = CARDS["post-facebook"]
    h = measure_card(item, 1920, c)
    surface = pygame.Surface((1920, h))
    draw_card(surface, pygame.Rect(0, 0, 1920, h), item, c)
    start = time.perf_counter()
    for _ in range(50):
        draw_card(surface, pygame.Rect(0, 0, 1920, h), item, c)
    per_draw = (time.perf_counter() - start) / 50
    assert per_draw < 0.01  # ~0.3 ms on a laptop; generous so a busy CI machine does not flake
