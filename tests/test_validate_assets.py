"""Asset paths: never outside assets/ (resolve_asset, CP314), and present (CP313) wherever a scenario names one."""

from __future__ import annotations

import os

import pytest

from game.engine.assets import ASSETS, escape_reason, resolve_asset
from game.engine.loader import load_text
from game.engine.validate import validate
from tests.conftest import FIXTURES

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")


@pytest.fixture
def assets(tmp_path):
    root = tmp_path / "assets"
    (root / "portraits").mkdir(parents=True)
    (root / "portraits" / "sam.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_a_path_inside_resolves_to_the_file(assets):
    assert resolve_asset(assets, "portraits/sam.png") == (assets / "portraits" / "sam.png").resolve()
    assert resolve_asset(assets, "portraits/new.png") == (assets / "portraits" / "new.png").resolve()


@pytest.mark.parametrize("rel, reason", [
    ("/etc/passwd", "absolute"),
    ("~/secret.png", "absolute"),
    ("../outside.png", ".."),
    ("portraits/../../outside.png", ".."),
    ("C:/Windows/win.ini", "drive letter"),
    ("C:portrait.png", "drive letter"),
    ("portraits\\sam.png", "backslash"),
    ("file:///etc/passwd", "drive letter"),
    ("portraits/sam\x00.png", "NUL"),
    ("", "empty"),
])
def test_paths_that_leave_assets_are_refused(assets, rel, reason):
    assert resolve_asset(assets, rel) is None
    assert reason in escape_reason(rel)


def test_a_symlink_pointing_outside_is_refused(assets, tmp_path):
    (tmp_path / "secret.png").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.png", assets / "portraits" / "link.png")
    os.symlink(tmp_path, assets / "escape")
    assert escape_reason("portraits/link.png") is None  # the text is fine; where it leads is not
    assert resolve_asset(assets, "portraits/link.png") is None
    assert resolve_asset(assets, "escape/secret.png") is None


def test_a_symlink_inside_assets_is_allowed(assets):
    os.symlink(assets / "portraits" / "sam.png", assets / "portraits" / "samantha.png")
    assert resolve_asset(assets, "portraits/samantha.png") == (assets / "portraits" / "sam.png").resolve()


def test_a_symlink_loop_is_refused_not_raised(assets):
    os.symlink(assets / "loop-b", assets / "loop-a")
    os.symlink(assets / "loop-a", assets / "loop-b")
    assert resolve_asset(assets, "loop-a/x.png") is None


def test_the_default_root_is_the_projects_assets_folder():
    assert ASSETS.name == "assets" and (ASSETS / "fonts").is_dir()


CARDS = TINY.replace("  b:\n    lines: [{text: later}]", """  b:
    lines: [{text: later}]
    card:
      type: post
      platform: facebook
      author: {name: Jo, avatar: portraits/jo.png}
      text: A post
      image: {alt: A picture, asset: ../photo.png}
      comments:
        - author: {name: Sam, avatar: portraits/sam.png}
          text: Nice""").replace("""    lines:
      - text: Hello""", """    card: {type: friend_request, platform: facebook, from: {name: Sam, avatar: portraits/sma.png}}
    lines:
      - text: Hello""")


def test_every_asset_in_cards_is_checked(assets):
    found = validate(load_text("cards.yaml", CARDS), assets)
    assert [(d.code, d.line, d.col) for d in found] == [
        ("CP313", 15, 80),  # the friend request's avatar (a typo: the hint finds sam.png)
        ("CP313", 31, 34),  # the post author's avatar
        ("CP314", 33, 38),  # the post image climbs out
    ]
    assert found[0].hint == "did you mean 'sam.png'?"
    assert "climbs out" in found[2].message


def test_a_missing_folder_is_a_missing_file_not_a_crash(tmp_path):
    found = validate(load_text("cards.yaml", CARDS), tmp_path / "no-assets")
    assert [d.code for d in found] == ["CP313", "CP313", "CP314", "CP313"]
