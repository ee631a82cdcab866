"""Smaller parts of the desktop game: the key map, fonts and images that fail, card placeholders, and the
real loop idling without drawing."""

import logging

import pygame

from game.ui import embeds
from game.ui.assets import Assets
from game.ui.blocks import Canvas
from game.ui.keymap import KeyMap
from game.ui.text import record_text
from tests.ui_support import make_app


def key(code, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode="", scancode=0)


def test_keymap_from_data(tmp_path, caplog):
    keymap = KeyMap.load()
    assert keymap.action(key(pygame.K_RETURN)) == "activate"
    assert keymap.action(key(pygame.K_KP_ENTER)) == "activate"
    assert keymap.action(key(pygame.K_SPACE)) == "activate"
    assert keymap.action(key(pygame.K_ESCAPE)) == "back"
    assert keymap.action(key(pygame.K_3)) == "choose_3"
    assert keymap.action(key(pygame.K_KP7)) == "choose_7"
    assert keymap.action(key(pygame.K_TAB, pygame.KMOD_LSHIFT)) == "previous"
    assert keymap.action(key(pygame.K_F11)) == "fullscreen"
    assert "Return" in keymap.keys_for("activate")
    custom = tmp_path / "keymap.yaml"
    custom.write_text("actions:\n  activate: [RETURN, NOSUCHKEY]\n  dance: [d]\n  back: 7\n")
    with caplog.at_level(logging.WARNING, logger="crossing_paths.ui"):
        keymap = KeyMap.load(custom)
    assert keymap.action(key(pygame.K_ESCAPE)) == "back"  # the bad entry kept its default
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "NOSUCHKEY" in messages and "dance" in messages and "back" in messages


def test_missing_portrait_draws_a_placeholder_and_warns(tmp_path, caplog):
    app, pilot = make_app(tmp_path)
    look = app.look((1280, 720))
    block = embeds.Portrait("portraits/nobody.png", "Jo Marsh")
    block.layout(look, 200)
    surface = pygame.Surface((200, 200))
    with caplog.at_level(logging.WARNING, logger="crossing_paths.ui"), record_text() as blits:
        block.paint(Canvas(surface, look), 0, 0)
    assert [b.text for b in blits] == ["JM"]
    assert any("portraits/nobody.png" in r.getMessage() for r in caplog.records)
    assert Assets().path("../main.py") is None  # never outside assets/


def test_pages_and_cards_refuse_the_same_asset_paths_as_the_validator():
    from game.engine.assets import escape_reason

    for rel in ("../main.py", "/etc/passwd", "C:portraits/x.png", "portraits\\x.png", "a\x00b", "~/x.png",
                "portraits/../../main.py"):
        assert Assets().path(rel) is None, rel
    assert escape_reason("portraits\\x.png") is not None  # refused on the page as by the validator
    assert Assets().path("fonts/OFL.txt") is not None
