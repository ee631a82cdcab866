"""The desktop game keeps xAPI statements as it is played (the App's recording is the play session's
observer), and sends them in the background only once the learner turns sending on."""

from __future__ import annotations

import time

from game.records import xapi
from game.records.outbox import Outbox
from game.records.recorder import Recording
from game.settings import Preferences
from tests.support.fake_lrs import FakeLrs
from tests.ui_support import make_app, play_tiny_to_its_end


def _wait_for(condition, seconds=5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def test_playing_on_the_desktop_keeps_statements_and_sends_once_turned_on(tmp_path):
    fake = FakeLrs()
    prefs = Preferences(lrs_endpoint=fake.url, lrs_user="u", lrs_password="p")
    app, pilot = make_app(tmp_path, prefs=prefs, settings=True, files=("tiny.yaml",))
    app.xapi = Recording(Outbox.open(tmp_path / "xapi-outbox.sqlite"), lambda: app.prefs)
    app.xapi.sender.start()
    try:
        play_tiny_to_its_end(app, pilot)
        kept = app.xapi.outbox.statements()
        assert [s["verb"]["id"] for s in kept] == [xapi.VERB_ATTEMPTED, xapi.VERB_ANSWERED, xapi.VERB_COMPLETED]
        assert kept[0]["context"]["registration"] == app.session.playthrough.id
        assert kept[2]["context"]["extensions"][xapi.EXT_FRONT_END] == "desktop"
        time.sleep(0.3)
        assert fake.requests == []  # sending is off: nothing has left
        app.change("xapi_identity", "anonymous")
        app.change("lrs_sending", True)  # nudges the sender
        assert _wait_for(lambda: len(fake.stored) == 3)
        assert {s["actor"]["account"]["name"] for s in fake.stored.values()} == {app.prefs.xapi_account}
    finally:
        app.close()
        fake.close()
