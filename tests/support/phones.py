"""What the phone tests and benches share: a group session with phone voting on loopback, a stand-in
for the game's frame loop (drain the posted votes, publish the view), and a phone (an HTTP client with
its cookie). Loopback only: nothing here ever talks to another address."""

from __future__ import annotations

import http.client
import json
import queue
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from game.engine.loader import load_file
from game.group import GroupSession
from game.phones import PhoneVoting, phone_view

ROOT = Path(__file__).resolve().parents[2]
GROUP = ROOT / "tests" / "fixtures" / "group.yaml"
LOOPBACK = "127.0.0.1"


class Rig:
    """A session at its first decision, a phone server on loopback and the frame loop's part."""

    def __init__(self, tmp: Path | None = None, port: int = 0, **options):
        self.session = GroupSession.start(load_file(GROUP), GROUP, now=0.0,
                                          file=(tmp / "s.json") if tmp is not None else None)
        self.session.batch_votes = True
        self.posted: queue.SimpleQueue = queue.SimpleQueue()
        self.voting = PhoneVoting(lambda d, k, o: self.posted.put((d, k, o)), host=LOOPBACK, port=port,
                                  address=LOOPBACK, **options)
        self.refused: list[str] = []
        self.share_result = True
        self.numbers_only = False

    def start(self) -> Rig:
        assert self.voting.start(), self.voting.problem
        self.frame()
        return self

    @property
    def port(self) -> int:
        return self.voting.server.port

    def to_decision(self) -> None:
        self.session.next(1.0)  # past the narration-only intro
        self.session.next(2.0)  # the decision: voting opens
        self.frame()

    def frame(self, limit: int = 10_000) -> int:
        """One frame: apply the votes posted since the last, then publish what phones may see."""
        applied = 0
        while applied < limit:
            try:
                device, decision, option = self.posted.get_nowait()
            except queue.Empty:
                break
            why = self.voting.apply(self.session, device, decision, option)
            if why:
                self.refused.append(why)
            applied += 1
        self.voting.publish(phone_view(self.session, share_result=self.share_result,
                                       numbers_only=self.numbers_only))
        return applied

    def phone(self) -> Phone:
        return Phone(self.port, self.voting.room_code)

    def stop(self) -> None:
        self.voting.stop()


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Phone:
    port: int
    room: str
    cookie: str = ""
    csrf: str = ""
    decision: str | None = None
    source: str | None = None  # another loopback address (127.0.0.N) to come from: one per phone in benches
    timeout: float = 5.0
    cookies_seen: list = field(default_factory=list)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Reply:
        source = (self.source, 0) if self.source else None
        conn = http.client.HTTPConnection(LOOPBACK, self.port, timeout=self.timeout, source_address=source)
        try:
            sent = dict(headers or {})
            if self.cookie:
                sent.setdefault("Cookie", self.cookie)
            conn.request(method, path, body=body, headers=sent)
            got = conn.getresponse()
            reply = Reply(got.status, {k.lower(): v for k, v in got.getheaders()}, got.read())
        finally:
            conn.close()
        set_cookie = reply.headers.get("set-cookie")
        if set_cookie:
            self.cookies_seen.append(set_cookie)
            self.cookie = set_cookie.split(";")[0]
        return reply

    def state(self, room: str | None = None) -> Reply:
        reply = self.request("GET", "/api/state?" + urlencode({"room": room or self.room}))
        if reply.status == 200:
            self.csrf, self.decision = reply.json["csrf"], reply.json["decision"]
        return reply

    def page(self, room: str | None = None) -> Reply:
        return self.request("GET", "/?" + urlencode({"room": room or self.room}))

    def vote(self, option, decision: str | None = "", csrf: str | None = None, room: str | None = None,
             extra: dict | None = None) -> Reply:
        data = {"room": room or self.room, "decision": self.decision if decision == "" else decision,
                "option": option, "csrf": self.csrf if csrf is None else csrf, **(extra or {})}
        return self.request("POST", "/api/vote", json.dumps(data).encode(), {"Content-Type": "application/json"})

    def form_vote(self, option: int, csrf: str | None = None) -> Reply:
        data = urlencode({"room": self.room, "decision": self.decision or "", "option": str(option),
                          "csrf": self.csrf if csrf is None else csrf}).encode()
        return self.request("POST", "/vote", data, {"Content-Type": "application/x-www-form-urlencoded"})
