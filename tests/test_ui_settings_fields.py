"""Settings' text fields (the learner's name and email, the LRS's address, user and password), driven with real
pygame events: typed, kept when left, checked, masked, and used by the background sender."""

from __future__ import annotations

import json
import logging
import time

import pygame

from game.records.outbox import Outbox
from game.records.recorder import Recording
from game.settings import Preferences
from game.ui.intents import Push
from tests.support.fake_lrs import FakeLrs
from tests.ui_support import make_app, play_tiny_to_its_end, words


def _settings(tmp_path, **kw):
    app, pilot = make_app(tmp_path, settings=True, **kw)
    app.act(Push("settings"))
    pilot.step()
    return app, pilot


def _kept(tmp_path) -> dict:
    return json.loads((tmp_path / "settings.json").read_text())


def _focus(pilot, field_id: str) -> None:
    """By keyboard alone: Tab until the field has the focus."""
    for _ in range(60):
        if pilot.top.focus_id == field_id:
            return
        pilot.press(pygame.K_TAB)
    raise AssertionError(f"Tab never reached {field_id}")


def test_typed_by_keyboard_alone_kept_on_tab_and_enter(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-xapi_name")
    pilot.type("Sam Ó Briain")
    pilot.press(pygame.K_TAB)  # leaving the field keeps it
    assert app.prefs.xapi_name == "Sam Ó Briain" and _kept(tmp_path)["xapi_name"] == "Sam Ó Briain"
    assert pilot.top.focus_id == "field-xapi_email"
    pilot.type("sam@example.org")
    pilot.press(pygame.K_RETURN)  # Enter keeps it and stays
    assert _kept(tmp_path)["xapi_email"] == "sam@example.org" and pilot.top.focus_id == "field-xapi_email"
    pilot.press(pygame.K_BACKSPACE, times=4)
    pilot.type(".uk")
    pilot.press("back")  # Escape from inside the field keeps it, then leaves
    assert _kept(tmp_path)["xapi_email"] == "sam@example.uk" and app.top.name != "settings"


def test_a_pasted_paragraph_becomes_one_line(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-lrs_user")
    pilot.type("a\nb\tc\x07")
    pilot.press(pygame.K_RETURN)
    assert app.prefs.lrs_user == "a b c"


def test_an_implausible_email_is_not_kept_and_says_why(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-xapi_email")
    pilot.type("sam at example")
    pilot.press(pygame.K_RETURN)
    assert app.prefs.xapi_email == "" and not (tmp_path / "settings.json").exists()
    assert "name@example.org" in words(pilot) and "Not saved" in words(pilot)
    pilot.press("back")  # asked once: still here, on the field
    assert app.top.name == "settings" and pilot.top.focus_id == "field-xapi_email"
    pilot.press(pygame.K_BACKSPACE, times=len(" at example"))
    pilot.type("@example.org")
    pilot.press("back")
    assert app.prefs.xapi_email == "sam@example.org" and app.top.name != "settings"


def test_an_address_with_a_password_in_it_is_refused(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-lrs_endpoint")
    pilot.type("https://sam:hunter2@lrs.example.org/xAPI/")
    pilot.press(pygame.K_TAB)
    assert app.prefs.lrs_endpoint == ""
    assert "their own fields" in words(pilot)
    pilot.press("back")
    pilot.press("back")  # the second Back leaves it behind
    assert app.top.name != "settings" and app.prefs.lrs_endpoint == ""


def test_the_password_is_masked_never_spoken_or_logged(tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-lrs_password")
    pilot.type("hunter2")
    field = pilot.top.focused()
    assert field.shown == "\u2022" * 7
    from game.ui.blocks import words as control_words

    spoken = control_words(field)
    assert "hunter2" not in spoken and "7 characters" in spoken
    pilot.press(pygame.K_c, mod=pygame.KMOD_CTRL)  # not copied out
    assert "not copied" in field.message
    pilot.press(pygame.K_TAB)
    assert app.prefs.lrs_password == "hunter2"
    pilot.step()
    assert "hunter2" not in words(pilot) and "hunter2" not in pilot.top.speech()
    assert "hunter2" not in caplog.text
    from game.ui.intents import ChangeSetting

    assert "hunter2" not in repr(ChangeSetting("lrs_password", "hunter2"))


def test_mouse_alone_click_a_field_then_back(tmp_path):
    app, pilot = _settings(tmp_path)
    pilot.click("field-lrs_user")
    assert pilot.top.focus_id == "field-lrs_user"
    pilot.type("learner-7")
    pilot.click("back")  # pressing Back takes the focus (the field is kept), releasing it leaves
    assert app.prefs.lrs_user == "learner-7" and app.top.name != "settings"


def test_closing_the_game_keeps_what_was_typed(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-xapi_name")
    pilot.type("Ada")
    app.close_screens()  # what the main loop does when the window is closed
    assert _kept(tmp_path)["xapi_name"] == "Ada"


def test_fields_at_200_percent_high_contrast_and_a_small_window(tmp_path):
    prefs = Preferences(text_scale=200, theme="high-contrast", xapi_name="名前 Sam", lrs_password="pw")
    app, pilot = _settings(tmp_path, prefs=prefs, size=(640, 480))
    _focus(pilot, "field-lrs_endpoint")
    pilot.type("https://lrs.example.org/" + "x" * 300)  # longer than the box: it wraps inside one row
    pilot.press(pygame.K_RETURN)
    assert app.prefs.lrs_endpoint.endswith("x" * 300)
    shown = words(pilot)
    assert "名前" in shown and "Sam" in shown  # other scripts are drawn in a fallback font, a piece each
    assert "\u2022\u2022" in shown and "pw" not in shown.split()


def test_settings_typed_in_the_screen_send_real_statements(tmp_path):
    fake = FakeLrs(user="sam", password="hunter2")
    app, pilot = make_app(tmp_path, settings=True, files=("tiny.yaml",))
    app.xapi = Recording(Outbox.open(tmp_path / "xapi-outbox.sqlite"), lambda: app.prefs)
    app.xapi.sender.start()
    try:
        play_tiny_to_its_end(app, pilot)
        app.act(Push("settings"))
        pilot.step()
        for field, text in (("field-xapi_name", "Sam"), ("field-xapi_email", "sam@example.org"),
                            ("field-lrs_endpoint", fake.url), ("field-lrs_user", "sam"),
                            ("field-lrs_password", "hunter2")):
            pilot.click(field)
            pilot.type(text)
        pilot.press(pygame.K_RETURN)
        pilot.click("xapi_identity-named")
        pilot.click("lrs_sending-True")
        deadline = time.monotonic() + 5
        while len(fake.stored) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(fake.stored) == 3
        assert {s["actor"]["mbox"] for s in fake.stored.values()} == {"mailto:sam@example.org"}
        assert {s["actor"]["name"] for s in fake.stored.values()} == {"Sam"}
    finally:
        app.close()
        fake.close()


def test_up_and_down_at_a_fields_ends_move_on_and_keep_it(tmp_path):
    app, pilot = _settings(tmp_path)
    _focus(pilot, "field-xapi_email")
    pilot.type("sam@example.org")
    pilot.press(pygame.K_LEFT)  # inside the text, Left and Right move the cursor, not the focus
    assert pilot.top.focus_id == "field-xapi_email" and pilot.top.focused().buffer.cursor == 14
    pilot.press(pygame.K_UP)  # one line: Up is the page's, as from any control (spatial navigation)
    assert pilot.top.focus_id != "field-xapi_email" and app.prefs.xapi_email == "sam@example.org"
    _focus(pilot, "field-lrs_user")
    pilot.type("sam")
    pilot.press(pygame.K_DOWN)
    assert pilot.top.focus_id != "field-lrs_user" and app.prefs.lrs_user == "sam"
