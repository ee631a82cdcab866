"""Phone voting through the real server on loopback: joining, votes and their rules, what a phone may
read (no split before the reveal), cookies and CSRF, the form post, limits, removal, rejoin, restart and
the port fallback. Each test is bounded: every client has a 5 s timeout."""

from __future__ import annotations

import logging
import socket
import time

import pytest

from game.group.tally import device_key
from game.phones.room import CODE_ALPHABET, device_id, tally_key
from tests.support.phones import Phone, Rig


@pytest.fixture
def rig(tmp_path):
    rig = Rig(tmp_path).start()
    rig.to_decision()
    yield rig
    rig.stop()


def joined(rig: Rig) -> Phone:
    phone = rig.phone()
    assert phone.state().status == 200
    return phone


def test_room_code_is_four_unambiguous_characters(rig):
    code = rig.voting.room_code
    assert len(code) == 4 and set(code) <= set(CODE_ALPHABET)
    assert not set("0O1IL2Z5S8B") & set(CODE_ALPHABET)


def test_the_server_key_matches_the_tally_key():
    device = device_id("a" * 43)
    assert tally_key(device) == device_key(device)


def test_join_vote_change_and_the_game_counts_it(rig):
    phone = joined(rig)
    state = phone.state().json
    assert state["phase"] == "open" and state["decision"] == rig.session.decision_key
    assert [o["number"] for o in state["options"]] == [1, 2, 3] and state["options"][0]["text"] == "Accept it"
    reply = phone.vote(2)
    assert reply.status == 202 and reply.json["your_vote"] == 2
    assert phone.state().json["your_vote"] == 2  # in flight, not yet applied: still shown
    rig.frame()
    assert rig.session.counts == (0, 1, 0)
    assert phone.state().json["words"].startswith("Your vote: 2 — you can change it until voting closes")
    assert phone.vote(3).status == 202
    rig.frame()
    assert rig.session.counts == (0, 0, 1)  # changed, not added


def test_a_vote_after_close_is_refused(rig):
    phone = joined(rig)
    rig.session.close_voting(3.0)
    rig.frame()
    assert phone.state().json["phase"] == "closed"
    assert phone.vote(1).status == 409
    assert rig.session.counts == (0, 0, 0)


def test_a_vote_that_crossed_the_close_in_flight_is_refused_by_the_game(rig):
    phone = joined(rig)
    assert phone.vote(1).status == 202
    rig.session.close_voting(3.0)  # closed before the frame applied it
    rig.frame()
    assert rig.session.counts == (0, 0, 0) and rig.refused
    assert phone.state().json["your_vote"] is None


def test_a_vote_for_another_decision_is_refused(rig):
    phone = joined(rig)
    assert phone.vote(1, decision="9-elsewhere").status == 409
    assert phone.vote(1, decision=None).status == 409
    rig.frame()
    assert rig.session.counts == (0, 0, 0)


def test_wrong_room_code_is_refused_everywhere(rig):
    phone = joined(rig)
    assert phone.state(room="QQQQ").status == 403
    assert phone.page(room="QQQQ").status == 403
    assert phone.vote(1, room="QQQQ").status == 403
    assert phone.state(room=rig.voting.room_code.lower()).status == 200  # typed in lower case: same room
    rig.frame()
    assert rig.session.counts == (0, 0, 0)


def test_no_tally_reaches_a_phone_before_the_reveal(rig):
    phones = [joined(rig) for _ in range(3)]
    for phone, option in zip(phones, (1, 1, 2), strict=True):
        assert phone.vote(option).status == 202
    rig.frame()
    for phase in ("open", "closed"):
        for phone in phones:
            reply = phone.state()
            data = reply.json
            assert data["phase"] == phase
            assert "result" not in data and "count" not in reply.text and "percent" not in reply.text
            assert '<div id="result"></div>' in phone.page().text
        if phase == "open":
            rig.session.close_voting(3.0)
            rig.frame()
    rig.session.reveal(4.0)
    rig.frame()
    data = phones[2].state().json
    assert data["phase"] == "revealed"
    assert [(r["number"], r["count"]) for r in data["result"]] == [(1, 2), (2, 1), (3, 0)]
    assert data["your_vote"] == 2
    assert "Option 1" in phones[0].page().text


def test_a_result_not_shared_is_not_sent(rig):
    rig.share_result = False
    phone = joined(rig)
    phone.vote(1)
    rig.frame()
    rig.session.reveal(3.0)
    rig.frame()
    assert phone.state().json["phase"] == "revealed" and "result" not in phone.state().json


def test_scenario_text_is_escaped_on_the_page(rig):
    rig.session.current.options[0] = "<script>alert(1)</script> & \"quotes\""
    rig.session.current.question = "<img src=x onerror=alert(2)>"
    rig.frame()
    html = joined(rig).page().text
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_page_is_self_contained_with_a_strict_policy(rig):
    reply = joined(rig).page()
    html = reply.text
    assert reply.status == 200 and "http://" not in html and "https://" not in html and "<link" not in html
    policy = reply.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'nonce-" in policy
    assert 'aria-live="polite"' in html and "prefers-color-scheme:dark" in html


def test_numbers_only_setting_sends_no_option_text(rig):
    rig.numbers_only = True
    rig.frame()
    phone = joined(rig)
    assert "Accept it" not in phone.page().text and "Accept it" not in phone.state().text


def test_cookie_is_httponly_samesite_strict_and_csrf_is_tied_to_it(rig):
    phone = joined(rig)
    cookie = phone.cookies_seen[0]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    other = joined(rig)
    assert phone.vote(1, csrf=other.csrf).status == 403  # another device's token does not fit this cookie
    assert phone.vote(1, csrf="").status == 403
    stranger = rig.phone()  # no cookie at all: a vote cannot join
    stranger.csrf, stranger.decision = phone.csrf, phone.decision
    assert stranger.vote(1).status == 403
    replayed = Phone(rig.port, rig.voting.room_code, cookie="cp_device=" + "x" * 43, csrf=phone.csrf,
                     decision=phone.decision)
    assert replayed.vote(1).status == 403  # a made-up token with a stolen CSRF token
    cross = phone.request("POST", "/api/vote", b'{"room":"x"}',
                          {"Content-Type": "application/json", "Origin": "http://evil.example"})
    assert cross.status == 403
    rig.frame()
    assert rig.session.counts == (0, 0, 0)


def test_strict_content_type(rig):
    phone = joined(rig)
    body = f'{{"room":"{phone.room}","decision":"{phone.decision}","option":1,"csrf":"{phone.csrf}"}}'.encode()
    assert phone.request("POST", "/api/vote", body, {"Content-Type": "text/plain"}).status == 415
    assert phone.request("POST", "/api/vote", body, {"Content-Type": "application/json; charset=utf-8"}).status == 202


def test_form_post_works_without_scripts(rig):
    phone = rig.phone()
    page = phone.page()
    assert page.status == 200 and 'action="/vote"' in page.text and 'name="option" value="2"' in page.text
    csrf = page.text.split('name="csrf" value="')[1].split('"')[0]
    phone.csrf, phone.decision = csrf, rig.session.decision_key
    reply = phone.form_vote(2)
    assert reply.status == 303 and reply.headers["location"] == f"/?room={phone.room}"
    rig.frame()
    assert rig.session.counts == (0, 1, 0)
    assert "Your vote: 2 — you can change it until voting closes." in phone.page().text
    assert phone.form_vote(1, csrf="forged").status == 403


def test_rate_limit_per_device(tmp_path):
    from game.phones.limits import RateLimit

    rig = Rig(tmp_path, device_limit=RateLimit(1.0, 5.0)).start()
    try:
        phone = joined(rig)
        statuses = [phone.state().status for _ in range(8)]
        assert statuses.count(429) >= 3 and statuses[:4] == [200] * 4
        assert joined(rig).state().status == 200  # another phone is not slowed
    finally:
        rig.stop()


def test_rate_limit_per_address(tmp_path):
    from game.phones.limits import RateLimit

    rig = Rig(tmp_path, address_limit=RateLimit(1.0, 4.0)).start()
    try:
        statuses = [rig.phone().state().status for _ in range(7)]  # new devices: only the address repeats
        assert statuses[:4] == [200] * 4 and 429 in statuses
    finally:
        rig.stop()


def test_body_too_large(rig):
    phone = joined(rig)
    body = b'{"pad":"' + b"x" * 5000 + b'"}'
    assert phone.request("POST", "/api/vote", body, {"Content-Type": "application/json"}).status == 413


def test_slow_partial_request_is_cut_off(tmp_path):
    rig = Rig(tmp_path, request_seconds=0.6).start()
    try:
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", rig.port), timeout=5) as sock:
            sock.sendall(b"GET /api/state?room=")
            got = b""
            try:
                for _ in range(30):  # a byte every 0.1 s: never idle long enough for a read timeout
                    sock.sendall(b"A")
                    time.sleep(0.1)
                got = sock.recv(100)
            except OSError:
                pass
        assert time.monotonic() - started < 4.0 and got == b""
        assert joined(rig).state().status == 200  # and the server still answers
    finally:
        rig.stop()


def test_removed_device_is_refused_and_its_vote_withdrawn(rig):
    phone, other = joined(rig), joined(rig)
    phone.vote(1)
    other.vote(2)
    rig.frame()
    label = phone.state().json["phone"]
    assert rig.voting.remove_device(rig.session, label)
    rig.frame()
    assert rig.session.counts == (0, 1, 0)
    assert phone.state().status == 403 and phone.vote(1).status == 403
    assert other.state().status == 200


def test_closed_joining_refuses_new_phones_but_not_joined_ones(rig):
    phone = joined(rig)
    rig.voting.close_joining()
    assert rig.phone().state().status == 403
    assert phone.state().status == 200 and phone.vote(3).status == 202


def test_rejoin_after_reload_keeps_the_vote(rig):
    phone = joined(rig)
    phone.vote(2)
    rig.frame()
    again = Phone(rig.port, rig.voting.room_code, cookie=phone.cookie)  # the page reloaded: same cookie
    assert again.state().json["your_vote"] == 2
    assert 'aria-pressed="true"' in again.page().text


def test_server_stop_during_a_vote_keeps_votes_and_restart_works(rig):
    phone = joined(rig)
    phone.vote(1)
    rig.frame()
    rig.voting.stop()
    with pytest.raises(OSError):
        phone.state()
    assert rig.session.counts == (1, 0, 0)
    assert rig.voting.start()  # the same room: the phones' cookies still count
    phone.port = rig.port
    rig.frame()
    assert phone.state().json["your_vote"] == 1
    assert phone.vote(3).status == 202
    rig.frame()
    assert rig.session.counts == (0, 0, 1)


def test_port_fallback(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        rig = Rig(tmp_path, port=busy).start()
        try:
            assert rig.port != busy and joined(rig).state().status == 200
        finally:
            rig.stop()


def test_unknown_paths_and_traversal_are_404(rig):
    phone = joined(rig)
    for path in ("/../../etc/passwd", "/static/../game/phones/server.py", "/%2e%2e/%2e%2e/etc/passwd",
                 "/api/state/../../x", "//etc/passwd"):
        assert phone.request("GET", path).status == 404


def test_no_addresses_or_tracebacks_in_the_logs(rig, caplog):
    caplog.set_level(logging.DEBUG)
    phone = joined(rig)
    phone.request("POST", "/api/vote", b"{broken", {"Content-Type": "application/json"})
    phone.request("GET", "/api/state?room=" + "A" * 5000)
    phone.vote(1)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "127.0.0.1" not in text and "Traceback" not in text
