"""Layout: on every screen, at text size 100/150/200 % in a 1280x720 window (and with OpenDyslexic), and
in the projector profile at 1920x1080 and 3840x2160, every piece of text is recorded as it is drawn and
must lie inside its box and the window horizontally, overlap no other text, and every control must be
reachable by scrolling. Projector body text is at least 1/22 of the screen height."""

import pytest

from game.settings import Preferences
from game.ui.intents import Confirm, Pop, Push
from tests.ui_support import make_app, start

CONFIGS = [
    ("desktop", (1280, 720), 100, "atkinson"),
    ("desktop", (1280, 720), 150, "atkinson"),
    ("desktop", (1280, 720), 200, "atkinson"),
    ("desktop", (1280, 720), 200, "opendyslexic"),
    ("desktop", (640, 480), 200, "atkinson"),  # a small window at the largest text
    ("projector", (1920, 1080), 100, "atkinson"),
    ("projector", (3840, 2160), 100, "atkinson"),
]


def to_decision(pilot) -> bool:
    """On a projector a decision is two slides (the scene, in parts when it is long, then the decision): move
    on to the decision."""
    screen = pilot.top
    moved = False
    for _ in range(10):  # a bound: a scene has a few parts at most
        if not (screen.name == "play" and screen.two_slides() and not screen.on_decision):
            break
        pilot.press("right")
        moved = True
    return moved


def tour(app, pilot):
    """Visit every screen; yield its name once it is showing."""
    def go(*intents):
        for intent in intents:
            app.act(intent)
        pilot.step()

    yield "title"
    go(Push("scenarios"))
    yield "scenarios"
    go(Pop())
    start(app, pilot)
    yield "play (card, prompt, six choices)"
    if to_decision(pilot):
        yield "play (the decision's own slide)"
    pilot.press("choose_1")
    yield "feedback"
    pilot.press("activate")
    yield "play (card, two choices)"
    pilot.press("review")
    yield "review"
    pilot.press("back")
    pilot.press("history")
    yield "history"
    pilot.press("back")
    pilot.press("back")
    yield "pause"
    go(Push("save"))
    yield "save"
    go(Pop(), Push("load"))
    yield "load"
    go(Pop(), Push("settings"))
    yield "settings"
    go(Pop(), Push("help"))
    yield "help"
    go(Pop(), Confirm("Restart this scenario?", "Restart", Pop(), "You go back to the beginning."))
    yield "confirm"
    go(Pop(), Pop())
    to_decision(pilot)
    pilot.press("choose_2")
    pilot.press("activate")
    yield "play (narration only)"
    pilot.press("activate")
    pilot.press("activate")
    yield "ending"
    pilot.press("activate")
    yield "debrief"
    app.message("Note", "This scenario has changed since you saved (you saved version 1.0; this is version "
                "1.1). You carry on from where you were.")
    pilot.step()
    yield "message"


def check_screen(pilot, where):
    screen = pilot.top
    w, h = pilot.surface.get_size()
    texts = pilot.all_texts()
    assert texts.get("body"), f"{where}: no text at all"
    for region, blits in texts.items():
        for b in blits:
            r, c = b.rect, b.container
            assert r.left >= c.left - 1 and r.right <= c.right + 1, f"{where}: {b.text!r} sticks out of its box"
            assert r.top >= c.top - 1 and r.bottom <= c.bottom + 1, f"{where}: {b.text!r} leaves its box"
            assert r.left >= 0 and r.right <= w, f"{where}: {b.text!r} is cut off by the window"
            if region == "body":
                assert screen.content_x - 1 <= r.left and r.right <= screen.content_x + screen.content_w + 1, \
                    f"{where}: {b.text!r} leaves the page column"
        ordered = sorted(blits, key=lambda b: b.rect.top)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.rect.top >= a.rect.bottom:
                    break
                assert not a.rect.colliderect(b.rect), f"{where}: {a.text!r} overlaps {b.text!r}"
    # the body fits between the fixed header and footer, and scrolling reaches its end
    assert screen.viewport.top >= screen.header_rect.bottom and screen.viewport.bottom <= screen.footer_rect.top
    assert screen.max_scroll == max(0, screen.content_h - screen.viewport.h)
    last = max(b.rect.bottom for b in texts["body"])
    assert last - screen.viewport.top - screen.body_top <= screen.content_h, f"{where}: text below the end"
    for t in screen.targets:
        screen.ensure_visible(t)
        r = screen.screen_rect(t)
        clip = screen.region_clip(t.region)
        if r.h <= clip.h:
            assert clip.contains(r), f"{where}: control {t.button.id} cannot be scrolled into view"
        assert r.h >= screen._look.metrics.target - 1, f"{where}: control {t.button.id} is too small"
    screen.scroll_to(0)


@pytest.mark.parametrize("profile, size, scale, font", CONFIGS,
                         ids=[f"{p}-{s[0]}x{s[1]}-{sc}-{f}" for p, s, sc, f in CONFIGS])
def test_every_screen_fits(tmp_path, profile, size, scale, font):
    app, pilot = make_app(tmp_path, size=size, prefs=Preferences(profile=profile, text_scale=scale, font=font))
    seen = []
    for where in tour(app, pilot):
        check_screen(pilot, f"{where} [{profile} {size} {scale}% {font}]")
        seen.append(pilot.top.name)
    assert set(seen) >= {"title", "scenarios", "play", "feedback", "review", "history", "pause", "save", "load",
                         "settings", "help", "confirm", "ending", "debrief", "message"}


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_projector_type_reads_from_the_back_of_the_room(tmp_path, size):
    app, pilot = make_app(tmp_path, size=size, prefs=Preferences(profile="projector"))
    start(app, pilot)
    metrics = app.look(size).metrics
    assert metrics.body_px >= size[1] / 22  # >= 49 px at 1080p, >= 98 px at 2160p
    smallest = min(b.rect.h for region in pilot.all_texts().values() for b in region)
    font_h = app.look(size).font("body").get_height()
    assert smallest >= font_h * 0.85  # no small print anywhere on the play screen
    assert metrics.target >= 1.9 * metrics.body_px  # no small controls
