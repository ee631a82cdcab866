"""My progress says how many xAPI statements wait to be sent and, with sending on, its Send now button makes
them due and wakes the background sender (the frame never waits on it)."""

from __future__ import annotations

import time

from game.records.outbox import Outbox
from game.records.recorder import Recording
from game.settings import Preferences
from game.ui.intents import Push
from tests.support.fake_lrs import FakeLrs
from tests.ui_support import make_app, play_tiny_to_its_end, words


def _progress(app, pilot) -> None:
    app.view.to_base()
    app.act(Push("progress"))
    pilot.step()


def test_waiting_statements_are_counted_and_send_now_sends_them(tmp_path):
    fake = FakeLrs()
    app, pilot = make_app(tmp_path, settings=True, files=("tiny.yaml",),
                          prefs=Preferences(lrs_endpoint=fake.url, lrs_user="u", lrs_password="p",
                                            xapi_identity="anonymous", xapi_account="acct-1"))
    app.xapi = Recording(Outbox.open(tmp_path / "xapi-outbox.sqlite"), lambda: app.prefs)
    app.xapi.sender.start()
    try:
        play_tiny_to_its_end(app, pilot)
        _progress(app, pilot)
        shown = words(pilot)
        assert "3 xAPI statements waiting to be sent; sending is off" in shown
        assert "send-now" not in app.top.button_ids() and "3 xAPI statements" in app.top.speech()
        # the LRS was out of reach: the statements are not due again for an hour
        ids = [s["id"] for s in app.xapi.outbox.statements()]
        app.xapi.outbox.mark_failed(ids, "unreachable", time.time() + 3600)
        app.change("lrs_sending", True)
        time.sleep(0.3)
        assert fake.stored == {}  # woken, but nothing is due
        _progress(app, pilot)
        assert "in the background" in words(pilot)
        started = time.perf_counter()
        pilot.click("send-now")
        assert time.perf_counter() - started < 0.5 and app.top.name == "message"
        deadline = time.monotonic() + 5
        while len(fake.stored) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(fake.stored) == 3
        pilot.press("back")  # the message closes; My progress reads the count again
        assert app.top.name == "progress" and "No xAPI statements waiting" in words(pilot)
        assert "send-now" not in app.top.button_ids()  # shown, but not offered: nothing to send
    finally:
        app.close()
        fake.close()


def test_send_now_without_an_lrs_says_what_is_missing(tmp_path):
    app, pilot = make_app(tmp_path, files=("tiny.yaml",), prefs=Preferences(lrs_sending=True))
    app.xapi = Recording(Outbox.open(tmp_path / "xapi-outbox.sqlite"), lambda: app.prefs)
    try:
        play_tiny_to_its_end(app, pilot)
        _progress(app, pilot)
        pilot.click("send-now")
        assert app.top.name == "message" and "no LRS address is set" in words(pilot)
    finally:
        app.close()


def test_without_an_outbox_the_screen_shows_the_records_alone(tmp_path):
    app, pilot = make_app(tmp_path, files=("tiny.yaml",))
    play_tiny_to_its_end(app, pilot)
    _progress(app, pilot)
    assert "xAPI" not in words(pilot) and "export-csv" in app.top.button_ids()
