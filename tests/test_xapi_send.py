"""Sending the outbox: batches, headers, backoff, and every odd or hostile answer sorted, never raised."""

from __future__ import annotations

import random
import socket
import threading
import time

import pytest

from game.records import lrs, recorder, xapi
from game.records.outbox import Outbox
from tests.support.fake_lrs import FakeLrs
from tests.support.xapi_playthroughs import playthrough

AGENT = xapi.actor("anonymous", anonymous_id="0f7c2b1e")


@pytest.fixture
def fake():
    server = FakeLrs()
    yield server
    server.close()


@pytest.fixture
def box(tmp_path):
    with Outbox.open(tmp_path / "box.sqlite") as outbox:
        yield outbox


def _fill(box, playthroughs=3, choices=3) -> list[dict]:
    made = []
    for _ in range(playthroughs):
        made += recorder.statements_of(playthrough(choices))
    box.add(made)
    return made


def _config(fake, **kw):
    return lrs.LrsConfig(fake.url, "u", "p", **kw)


def test_backoff_doubles_with_jitter_up_to_a_cap():
    rng = random.Random(1)
    for attempts in range(1, 12):
        ceiling = min(lrs.BACKOFF_CAP, lrs.BACKOFF_BASE * 2 ** (attempts - 1))
        for _ in range(20):
            assert ceiling / 2 <= lrs.backoff_delay(attempts, rng) <= ceiling
    assert lrs.backoff_delay(10_000, rng) <= lrs.BACKOFF_CAP
    delays = {round(lrs.backoff_delay(3, rng), 6) for _ in range(20)}
    assert len(delays) > 10  # jitter: copies offline together do not all come back at once


def test_sends_in_batches_with_the_xapi_headers_and_the_learners_actor(fake, box):
    made = _fill(box)
    report = lrs.send_due(box, _config(fake), AGENT, batch=4)
    assert (report.stored, report.already, report.left, report.error) == (len(made), 0, 0, None)
    assert set(fake.stored) == {s["id"] for s in made}
    assert all(r["count"] <= 4 for r in fake.requests) and len(fake.requests) == 4
    first = fake.requests[0]
    assert first["path"] == "/xAPI/statements"
    assert first["headers"]["x-experience-api-version"] == "1.0.3"
    assert first["headers"]["authorization"] == fake.auth
    assert all(s["actor"] == AGENT for s in fake.stored.values())
    assert box.counts().sent == len(made)


def test_sending_again_duplicates_nothing(fake, box):
    made = _fill(box, 1)
    lrs.send_due(box, _config(fake), AGENT)
    assert lrs.send_due(box, _config(fake), AGENT).sent == 0  # nothing due
    again = lrs.send_due(box, _config(fake), AGENT, everything=True)  # asked to send again: nothing is queued
    assert again.sent == 0 and len(fake.stored) == len(made)
    with Outbox.open(box.path.with_name("second.sqlite")) as other:  # a second copy (a restored backup)
        other.add(made)
        report = lrs.send_due(other, _config(fake), AGENT)
    assert (report.stored, report.already) == (0, len(made)) and len(fake.stored) == len(made)


def test_a_conflicting_statement_does_not_hold_back_its_batch(fake, box):
    made = _fill(box, 1, 6)
    conflict = made[3]
    fake.stored[conflict["id"]] = {"id": conflict["id"], "other": "content"}  # sent before as someone else
    report = lrs.send_due(box, _config(fake), AGENT, batch=50)
    assert report.stored == len(made) - 1 and report.already == 1 and report.left == 0


def test_an_invalid_statement_is_set_aside_and_the_rest_go(fake, box):
    made = _fill(box, 1, 6)
    fake.reject = {made[2]["id"]}
    report = lrs.send_due(box, _config(fake), AGENT)
    assert (report.stored, report.rejected, report.left) == (len(made) - 1, 1, 0)
    assert box.counts().rejected == 1
    assert lrs.send_due(box, _config(fake), AGENT, everything=True).sent == 0  # never tried again


@pytest.mark.parametrize("answer, words", [
    ((500, b"boom", {}), "HTTP 500"),
    ((503, b"", {"Retry-After": "120"}), "HTTP 503"),
    ((429, b'{"detail": "slow down"}', {}), "slow down"),
    ((401, b"", {}), "password"),
    ((403, b"", {}), "password"),
    ((404, b"", {}), "check the LRS address"),
    ((302, b"", {"Location": "http://elsewhere.invalid/xAPI/statements"}), "redirect"),
    ((500, "\x1b[31mred\x00\u202e".encode() * 500, {}), "HTTP 500"),
])
def test_a_failure_keeps_everything_queued_for_a_later_try(fake, box, answer, words):
    made = _fill(box, 1)
    fake.script = lambda body: answer
    report = lrs.send_due(box, _config(fake), AGENT)
    assert report.sent == 0 and report.left == len(made) and words in report.error
    assert report.error.isprintable() and len(report.error) < 400
    assert box.pending(100) == []  # not due again before its backoff
    box.retry_now()
    assert all(p.attempts == 1 for p in box.pending(100))
    fake.script = None
    assert lrs.send_due(box, _config(fake), AGENT).stored == len(made)


@pytest.mark.parametrize("answer", [
    (200, b"not json at all", {}),
    (200, b'{"an": "object"}', {}),
    (200, b"[1, null, {\"x\": 2}]", {}),
    (200, b"[" * 100_000, {}),
])
def test_an_accepted_batch_with_an_odd_answer_counts_as_sent(fake, box, answer):
    made = _fill(box, 1)
    fake.script = lambda body: answer
    report = lrs.send_due(box, _config(fake), AGENT)
    assert report.sent == len(made) and report.left == 0


def _closing_server() -> tuple[socket.socket, str]:
    """Accepts and closes at once, without an answer."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def serve():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.close()
    threading.Thread(target=serve, daemon=True).start()
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/"


def _silent_server() -> tuple[socket.socket, str]:
    """Accepts and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    return listener, f"http://127.0.0.1:{listener.getsockname()[1]}/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("make", ["closing", "silent", "nobody"])
def test_no_answer_at_all_is_a_later_try(box, make):
    _fill(box, 1)
    listener = None
    if make == "closing":
        listener, url = _closing_server()
    elif make == "silent":
        listener, url = _silent_server()
    else:
        url = f"http://127.0.0.1:{_free_port()}/"
    started = time.monotonic()
    report = lrs.send_due(box, lrs.LrsConfig(url, timeout=0.5), AGENT)
    assert time.monotonic() - started < 5
    assert report.sent == 0 and report.left == 5 and "LRS" in report.error
    if listener:
        listener.close()


@pytest.mark.parametrize("url, ok", [
    ("https://lrs.example.org/xAPI/", "https://lrs.example.org/xAPI/"),
    ("http://127.0.0.1:8100/xAPI/statements/", "http://127.0.0.1:8100/xAPI"),
    ("file:///etc/passwd", None), ("ftp://lrs.example.org/", None), ("lrs.example.org", None), ("", None),
    ("http://", None), ("http://host/a b", None), ("http://host/\x00", None), ("https://sam:pw@lrs.example.org/", None),
])
def test_only_http_addresses_are_lrs_addresses(url, ok):
    if ok is None:
        with pytest.raises(ValueError):
            lrs.check_endpoint(url)
    else:
        assert lrs.check_endpoint(url) == ok


def test_the_sender_sends_only_once_turned_on(fake, box):
    made = _fill(box, 1)
    setup: list = [None]
    sender = lrs.Sender(box, lambda: setup[0]).start()
    sender.nudge()
    time.sleep(0.3)
    assert fake.requests == []  # sending off: nothing leaves the machine
    setup[0] = lrs.SendSetup(_config(fake), AGENT)
    sender.nudge()
    deadline = time.monotonic() + 5
    while len(fake.stored) < len(made) and time.monotonic() < deadline:
        time.sleep(0.05)
    sender.stop()
    assert len(fake.stored) == len(made)


def test_flush_at_exit_gives_up_after_its_cap(box):
    _fill(box, 1)
    listener, url = _silent_server()
    sender = lrs.Sender(box, lambda: lrs.SendSetup(lrs.LrsConfig(url, timeout=30), AGENT))
    started = time.monotonic()
    lrs.flush(sender, cap=1.0)
    assert time.monotonic() - started < 2.5
    listener.close()
    assert box.counts().queued == 5  # nothing lost: it goes next time
