"""A small LRS on loopback for the sending tests: answers like Ralph (200 with the new ids, 204 when none is
new, 409 for an id held with other content), or as a test scripts it (hostile or odd answers)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, bytes, dict[str, str]]


class FakeLrs:
    def __init__(self, user: str = "u", password: str = "p"):
        self.stored: dict[str, dict] = {}
        self.requests: list[dict] = []  # headers and statement count of every POST
        self.script: Callable[[list], Answer | None] | None = None  # returns an answer, or None for the usual
        self.reject: set[str] = set()  # ids answered with 400, as an LRS that finds them invalid
        self.auth = "Basic " + __import__("base64").b64encode(f"{user}:{password}".encode()).decode()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                fake.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "count": len(body), "path": self.path})
                answer = fake.script(body) if fake.script else None
                if answer is None:
                    answer = fake.usual(body, self.headers.get("Authorization"))
                status, data, headers = answer
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xAPI/"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def usual(self, body: list, auth: str | None) -> Answer:
        if auth != self.auth:
            return 401, b'{"detail": "Invalid authentication credentials"}', {}
        if any(s["id"] in self.reject for s in body):
            return 400, b'{"detail": "invalid statement"}', {}
        new = []
        for s in body:
            held = self.stored.get(s["id"])
            if held is not None and held != s:
                return 409, b'{"detail": "Differing statements already exist with the same ID"}', {}
        for s in body:
            if s["id"] not in self.stored:
                self.stored[s["id"]] = s
                new.append(s["id"])
        return (200, json.dumps(new).encode(), {}) if new else (204, b"", {})

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
