"""Phone voting wired into the desktop app: PhonesOn starts the server for the group session, a phone's
vote arrives as a PhoneVote intent applied by the next frame (the frame never waits), the published view
follows the session, removal and joining work through intents, and the server stops with the session.
Loopback only."""

from __future__ import annotations

import pytest

from game.phones import lan
from game.ui import phone_run
from game.ui.intents import EndGroup, PhoneJoining, PhoneRemove, PhonesOn
from tests.support.phones import Phone
from tests.test_group_ui import group_app, run


@pytest.fixture
def phones_app(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    monkeypatch.setenv(phone_run.PORT_ENV, "0")
    monkeypatch.setattr(phone_run, "HOST", "127.0.0.1")
    monkeypatch.setattr(lan, "lan_address", lambda: None)  # as on a machine with loopback only
    app, pilot, clock = group_app(tmp_path, one_window=True)
    run(app, pilot)
    yield app, pilot
    if app.phones is not None:
        app.phones.stop()


def test_phones_vote_through_intents_and_stop_with_the_session(phones_app):
    app, pilot = phones_app
    app.act(PhonesOn(True))
    voting = app.phones.voting
    assert voting.running and "Phones cannot reach this computer" in app.group.notice
    assert voting.join_url().endswith(f"/?room={voting.room_code}") and voting.qr_matrix()
    phone = Phone(voting.server.port, voting.room_code)
    assert phone.state().json["phase"] == "waiting"
    session = app.group.session
    session.next(1.0)
    session.next(2.0)
    pilot.step()  # the frame publishes the decision
    assert phone.state().json["phase"] == "open"
    assert phone.vote(2).status == 202
    assert session.counts == (0, 0, 0)  # posted, not applied between frames
    pilot.step()
    assert session.counts == (0, 1, 0) and session.batch_votes
    app.act(PhoneJoining(False))
    assert Phone(voting.server.port, voting.room_code).state().status == 403
    app.act(PhoneRemove(phone.state().json["phone"]))
    assert session.counts == (0, 0, 0) and phone.state().status == 403 and app.phones.votes_changed
    app.act(EndGroup())
    pilot.step()
    assert app.phones is None and not voting.running


def test_phones_off_keeps_the_votes_and_on_again_works(phones_app):
    app, pilot = phones_app
    app.act(PhonesOn(True))
    session = app.group.session
    session.next(1.0)
    session.next(2.0)
    pilot.step()
    voting = app.phones.voting
    phone = Phone(voting.server.port, voting.room_code)
    phone.state()
    phone.vote(1)
    pilot.step()
    app.act(PhonesOn(False))
    assert app.phones is None and session.counts == (1, 0, 0) and not session.batch_votes
    app.act(PhonesOn(True))
    assert app.phones.voting.running
