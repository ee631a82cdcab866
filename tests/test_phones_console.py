"""Phone voting from the facilitator's console, by mouse, with two windows on the dummy driver: "Let phones
vote" is off until clicked; then the room sees the join slide (QR code, address, room code) and, small, the
join corner on the decision slide; the console lists the phones, how many voted, removes one, closes
joining, sets numbers only, says when the server stopped and turns it on again; `facilitate --phones`.
Loopback only."""

from __future__ import annotations

import pytest

from game.phones import lan
from game.ui import phone_run
from game.ui.facilitate import parser
from game.ui.joinblocks import DARK, LIGHT, QrBlock
from tests.support.phones import Phone
from tests.test_group_ui import group_app, room_words, run


def console_words(pilot) -> str:
    pilot.step()
    return " ".join(b.text for blits in pilot.all_texts().values() for b in blits).replace("\u00a0", " ")


@pytest.fixture
def loopback(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSING_PATHS_SAVES", str(tmp_path / "saves"))
    monkeypatch.setenv(phone_run.PORT_ENV, "0")
    monkeypatch.setattr(phone_run, "HOST", "127.0.0.1")
    monkeypatch.setattr(lan, "lan_address", lambda: None)  # loopback only, as on a machine with no network


@pytest.fixture
def two_windows(tmp_path, loopback):
    app, pilot, clock = group_app(tmp_path)
    room = run(app, pilot)
    yield app, pilot, room
    if app.phones is not None:
        app.phones.stop()


def qr_pixels_crisp(room) -> bool:
    """The QR code is drawn in whole-pixel modules, pure black on white (never the theme's colours), each
    module one flat square where the matrix says."""
    screen = room.top
    surface = room.frame()
    origin = (screen.content_x, screen.viewport.y + screen.content_pad - screen.scroll)
    found = [(b, x, y) for b, x, y in screen._page.body.walk(*origin) if isinstance(b, QrBlock)]
    assert found, "no QR code on the slide"
    block, x, y = found[0]
    n = len(block.matrix)
    module = block.w // n
    assert block.w == module * n and module >= 2
    for r in range(n):
        for c in range(n):
            want = DARK if block.matrix[r][c] else LIGHT
            for dx, dy in ((0, 0), (module - 1, module - 1)):
                if tuple(surface.get_at((x + c * module + dx, y + r * module + dy)))[:3] != want:
                    return False
    return True


def test_phones_are_off_until_the_console_turns_them_on(two_windows):
    app, pilot, room = two_windows
    words = console_words(pilot)
    assert "Let phones vote" in words and "Hand counts and clicker keys work either way" in words
    assert app.phones is None and "Room code" not in room_words(room)

    pilot.click("phones-on")
    voting = app.phones.voting
    assert voting.running
    code, address = voting.room_code, voting.short_address()
    seen = room_words(room)
    assert "Join the vote" in seen and address in seen and " ".join(code) in seen
    assert "phones cannot reach it" in seen  # loopback only: the room is told to vote by hand
    words = console_words(pilot)
    assert "Phones can't reach this computer" in words and "hand counts still work" in words
    assert f"Room code: {code}" in words and f"Join at {address}" in words
    assert qr_pixels_crisp(room)

    pilot.click("next")  # the first N leaves the join slide for the step the room was on
    assert "Join the vote" not in room_words(room) and app.group.session.phase == "scene"
    for _ in range(3):  # the intro, the request, then its decision: voting opens, the join corner shows
        if app.group.session.phase != "decision":
            pilot.click("next")
    assert app.group.session.phase == "decision"
    assert f"Room code {code}" in room_words(room) and qr_pixels_crisp(room)


def test_console_lists_phones_removes_closes_joining_and_sets_numbers_only(two_windows):
    app, pilot, room = two_windows
    pilot.click("phones-on")
    for _ in range(4):  # past the join slide to the first decision
        if app.group.session.phase != "decision" or app.group.join_slide:
            pilot.click("next")
    voting = app.phones.voting
    phone = Phone(voting.server.port, voting.room_code)
    assert phone.state().json["phase"] == "open"
    assert phone.vote(2).status == 202
    pilot.step()
    words = console_words(pilot)
    assert "1 phone in; 1 voted on this decision" in words
    assert app.group.session.counts == (0, 1, 0)

    pilot.click("phones-numbers")
    assert app.phones.numbers_only
    pilot.step()
    state = phone.state().json
    assert state["numbers_only"] and all(o["text"] == "" for o in state["options"])  # eyes on the projector
    pilot.click("phones-joining")
    assert not voting.room.joining_open and Phone(voting.server.port, voting.room_code).state().status == 403
    assert "Let new phones join" in console_words(pilot)
    pilot.click("phone-remove-1")
    assert app.group.session.counts == (0, 0, 0) and phone.state().status == 403
    assert "0 phones in" in console_words(pilot)


def test_console_says_the_server_stopped_and_turns_it_on_again(two_windows):
    app, pilot, room = two_windows
    pilot.click("phones-on")
    voting = app.phones.voting
    voting.server.stop()  # the thread is gone, as after a crash: the console must say so
    words = console_words(pilot)
    assert "Phone voting stopped" in words and "Votes already in are kept" in words
    pilot.click("phones-again")
    assert app.phones.voting.running
    pilot.click("phones-off")
    assert app.phones is None and "Let phones vote" in console_words(pilot)


def test_facilitate_phones_flag_turns_phone_voting_on_at_the_start(tmp_path, loopback):
    args = parser().parse_args(["--phones", "--phone-port", "0"])
    assert args.phones and args.phone_port == 0
    with pytest.raises(SystemExit):
        parser().parse_args(["--phone-port", "70000"])
    app, pilot, clock = group_app(tmp_path)
    app.group_setup.phones = True
    room = run(app, pilot)
    try:
        assert app.phones is not None and app.phones.voting.running
        assert "Join the vote" in room_words(room)
    finally:
        app.phones.stop()
