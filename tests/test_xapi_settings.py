"""The sending settings: typed values checked like every preference, the password never shown, spoken or
logged, sending off until the learner turns it on, and the settings screen saying where records go."""

from __future__ import annotations

import json
import logging

import pytest

from game import settings
from game.records import recorder
from game.settings import Preferences
from tests.ui_support import make_app, words


def test_sending_is_off_and_nobody_by_default():
    prefs = Preferences()
    assert prefs.lrs_sending is False and prefs.xapi_identity == "none"
    assert recorder.send_setup(prefs) is None
    assert recorder.why_not_sending(prefs) == "sending is off"


@pytest.mark.parametrize("changes, why", [
    ({"lrs_sending": True}, "no LRS address"),
    ({"lrs_sending": True, "lrs_endpoint": "file:///etc/passwd"}, "http://"),
    ({"lrs_sending": True, "lrs_endpoint": "https://lrs.example.org/xAPI/"}, "no learner identity"),
    ({"lrs_sending": True, "lrs_endpoint": "https://lrs.example.org/xAPI/", "xapi_identity": "named"},
     "no learner identity"),
    ({"lrs_sending": True, "lrs_endpoint": "https://lrs.example.org/xAPI/", "xapi_identity": "named",
      "xapi_email": "sam@example.org"}, None),
])
def test_nothing_is_sent_until_everything_is_set(changes, why):
    prefs = Preferences(**changes)
    found = recorder.why_not_sending(prefs)
    assert (found is None) if why is None else (why in found)
    assert (recorder.send_setup(prefs) is None) == (why is not None)


def test_an_anonymous_id_is_made_once():
    prefs = recorder.with_account(Preferences(xapi_identity="anonymous"))
    assert len(prefs.xapi_account) == 36
    assert recorder.with_account(prefs) == prefs
    assert recorder.with_account(Preferences()).xapi_account == ""  # only when the learner chose it


@pytest.mark.parametrize("key, bad", [
    ("lrs_endpoint", 42), ("lrs_endpoint", "x" * 2001), ("xapi_name", "a\nb"), ("xapi_email", ["a"]),
    ("lrs_password", None), ("lrs_password", "p\x00"), ("lrs_sending", "yes"), ("xapi_identity", "everyone"),
])
def test_bad_values_fall_back_and_a_password_is_never_logged(tmp_path, caplog, key, bad):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: bad, "lrs_user": "kept"}))
    with caplog.at_level(logging.WARNING, logger="crossing_paths.settings"):
        prefs = settings.load(path)
    assert getattr(prefs, key) == getattr(Preferences(), key) and prefs.lrs_user == "kept"
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert key in logged
    if key == "lrs_password":
        assert "p\\x00" not in logged and "None" not in logged
    assert Preferences(lrs_password="hunter2").with_value("lrs_password", 7).lrs_password == "hunter2"


def test_the_screen_says_where_records_go_and_never_shows_the_password(tmp_path):
    prefs = Preferences(lrs_endpoint="https://lrs.example.org/xAPI/", xapi_identity="named",
                        xapi_email="sam@example.org", lrs_password="hunter2", lrs_user="sam")
    app, pilot = make_app(tmp_path, prefs=prefs)
    from game.ui.intents import Push

    app.act(Push("settings"))
    pilot.step()
    shown = words(pilot)
    spoken = app.view.top.speech()
    for text in (shown, spoken):
        assert "https://lrs.example.org/xAPI/" in text and "sam@example.org" in text
        assert "Nothing is sent: sending is off." in text
        assert "hunter2" not in text
    assert "Send my records to a learning record store" in shown


def test_turning_sending_on_in_the_app_saves_it_and_choosing_anonymous_makes_the_id(tmp_path):
    app, pilot = make_app(tmp_path, settings=True)
    app.change("xapi_identity", "anonymous")
    app.change("lrs_sending", True)
    kept = json.loads((tmp_path / "settings.json").read_text())
    assert kept["lrs_sending"] is True and kept["xapi_identity"] == "anonymous" and len(kept["xapi_account"]) == 36
    account = kept["xapi_account"]
    app.change("xapi_identity", "none")
    app.change("xapi_identity", "anonymous")
    assert json.loads((tmp_path / "settings.json").read_text())["xapi_account"] == account  # made once
