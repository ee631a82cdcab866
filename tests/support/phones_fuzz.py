"""Hostile requests against the phone server (loopback only), shared by bench/phones_fuzz.py and the tests:
broken JSON, huge bodies, wrong room codes, path traversal, slow partial requests, replayed and forged
tokens, garbage request lines. Every one must be refused: afterwards the tally is what the valid votes
made it, the server still answers, and nothing was logged with a traceback."""

from __future__ import annotations

import http.client
import io
import json
import logging
import random
import socket
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from tests.support.phones import LOOPBACK, Phone, Rig

TRAVERSAL = ["/../../etc/passwd", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/", "//etc/passwd", "/api/../../x",
             "/api/state/../../../etc/shadow", "/C:\\Windows\\win.ini", "/static/../game/phones/server.py",
             "/%00", "/api/vote/..;/x", "/?room=../../etc/passwd", "/" + "a/" * 2000]


@dataclass
class FuzzReport:
    sent: int = 0
    statuses: Counter = field(default_factory=Counter)
    accepted: int = 0  # hostile requests answered 202: must stay 0
    tracebacks: int = 0
    log_lines: int = 0
    seconds: float = 0.0
    slowest_s: float = 0.0


class _Catch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def raw(port: int, data: bytes, *, pause: float = 0.0, timeout: float = 3.0) -> int:
    """Send bytes as they are; returns the status answered (0: the connection was closed without one)."""
    with socket.create_connection((LOOPBACK, port), timeout=timeout) as sock:
        try:
            sock.sendall(data)
            if pause:
                time.sleep(pause)
            sock.shutdown(socket.SHUT_WR)
            got = sock.recv(64)
        except OSError:
            return 0
    try:
        return int(got.split(b" ", 2)[1]) if got.startswith(b"HTTP/") else 0
    except (IndexError, ValueError):
        return 0


def hostile(rig: Rig, rng: random.Random, victim: Phone, other: Phone, removed: Phone):
    """One hostile request, as a function that sends it and returns its status."""
    port, room = rig.port, rig.voting.room_code
    decision = rig.session.decision_key
    body_ok = {"room": room, "decision": decision, "option": 1, "csrf": victim.csrf}

    def post(phone: Phone | None, body: bytes, kind: str = "application/json", path: str = "/api/vote"):
        p = phone or Phone(port, room)
        return lambda: p.request("POST", path, body, {"Content-Type": kind}).status

    def js(d: dict) -> bytes:
        return json.dumps(d).encode()

    choices = [
        post(victim, rng.choice([b"{", b"[1,2", b'{"room":', b"null", b"[]", b'"x"', b"\xff\xfe", b"{}" * 50,
                                 b'{"room":"' + room.encode() + b'","option":1e999}', b"NaN"])),
        post(victim, js({**body_ok, "option": rng.choice([0, 4, -1, 10**30, True, "1", 1.0, None, [1], {}])})),
        post(victim, js({**body_ok, "room": rng.choice(["", "QQQQ", room + "X", "../", "\u0000", 5, None])})),
        post(victim, js({**body_ok, "decision": rng.choice(["", "1-x", None, 3, decision + " ", "2-request"])})),
        post(victim, js({**body_ok, "csrf": rng.choice(["", "0" * 32, other.csrf, None, 7, "x" * 5000])})),
        post(other, js(body_ok)),  # replayed: another phone sends the victim's vote (its CSRF token)
        post(None, js(body_ok)),  # replayed without any cookie
        post(removed, js({**body_ok, "csrf": removed.csrf})),  # a removed phone
        post(Phone(port, room, cookie=rng.choice(["cp_device=", "cp_device=" + "A" * 43, "cp_device=;;;",
                                                  "cp_device=\"x\"", "a=b; cp_device=" + "-" * 70])), js(body_ok)),
        post(victim, js(body_ok), kind=rng.choice(["text/plain", "", "application/jsonx", "multipart/form-data"])),
        post(victim, b"room=" + room.encode() + b"&option=1", kind="application/json"),
        post(victim, b"room=" + room.encode() + b"&decision=x&option=1&csrf=" + other.csrf.encode(),
             kind="application/x-www-form-urlencoded", path="/vote"),
        post(victim, b"&".join([b"a=1"] * 100), kind="application/x-www-form-urlencoded", path="/vote"),
        lambda: victim.request("GET", rng.choice(TRAVERSAL)).status,
        lambda: victim.request("GET", "/api/state?room=" + rng.choice(["", "ZZZZ", "%ZZ", "&" * 50, "x" * 3000])).status,
        lambda: victim.request(rng.choice(["PUT", "DELETE", "OPTIONS", "TRACE", "PATCH"]), "/api/vote").status,
        lambda: raw(port, b"POST /api/vote HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + str(rng.choice([10**7, 99999, 2049])).encode() + b"\r\n\r\n" + b"x" * 4096),
        lambda: raw(port, b"POST /api/vote HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{",
                    pause=0.02),  # a body that never comes in full
        lambda: raw(port, b"POST /api/vote HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"),
        lambda: raw(port, b"GET /api/state?room=" + room.encode(), pause=0.02),  # slow and partial
        lambda: raw(port, bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) + b"\r\n\r\n"),
        lambda: raw(port, b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 150 + b"\r\n"),
        lambda: raw(port, b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n"),
        lambda: raw(port, b"GET / HTTP/1.1\r\nCookie: " + b"cp_device=" * 2000 + b"\r\n\r\n"),
    ]
    return rng.choice(choices)


def fuzz(rig: Rig, count: int, seed: int = 1) -> FuzzReport:
    """`count` hostile requests at a rig at its first decision; the rig's valid votes are made first."""
    rng = random.Random(seed)
    victim, other, removed = rig.phone(), rig.phone(), rig.phone()
    for phone, option in ((victim, 2), (other, 3), (removed, 1)):
        phone.state()
        assert phone.vote(option).status == 202
    rig.frame()
    rig.voting.remove_device(rig.session, removed.state().json["phone"])
    rig.frame()
    before = rig.session.counts
    catch = _Catch()
    logger = logging.getLogger("crossing_paths")
    logger.addHandler(catch)
    stderr, sys.stderr = sys.stderr, io.StringIO()  # socketserver prints tracebacks here unless told not to
    report = FuzzReport()
    started = time.monotonic()
    try:
        for _ in range(count):
            send = hostile(rig, rng, victim, other, removed)
            t0 = time.monotonic()
            try:
                status = send()
            except (OSError, http.client.HTTPException):  # the server closed on it: refused
                status = 0
            report.slowest_s = max(report.slowest_s, time.monotonic() - t0)
            report.sent += 1
            report.statuses[status] += 1
            report.accepted += status == 202
            if report.sent % 50 == 0:
                rig.frame()
        rig.frame()
    finally:
        report.seconds = time.monotonic() - started
        captured, sys.stderr = sys.stderr.getvalue(), stderr
        logger.removeHandler(catch)
    report.log_lines = len(catch.records)
    report.tracebacks = captured.count("Traceback") + sum(
        1 for r in catch.records if r.exc_info or "Traceback" in r.getMessage())
    assert rig.session.counts == before, (rig.session.counts, before)
    assert victim.state().json["your_vote"] == 2 and other.state().json["your_vote"] == 3
    return report
