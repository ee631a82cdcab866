"""The phone server: http.server's ThreadingHTTPServer on a background thread, fixed routes only.

    GET  /?room=CODE           the phone page (a plain form; a script enhances it)
    GET  /api/state?room=CODE  what this phone may see now, as JSON
    POST /api/vote             {"room", "decision", "option", "csrf"} as application/json
    POST /vote                 the same as a form post (scripts off); answers with a redirect to the page

A request thread only parses, checks and hands a vote to `on_vote(device, decision, option)`; it never
touches the game. What a phone is told comes from the room's PhoneView alone (no split before the
reveal). Bounded everywhere: a request's body (MAX_BODY), the time a connection may take in all
(`request_seconds`, enforced by a reaper thread, so a client sending a byte at a time is cut off), the
number of connections at once, and requests per device and per address. Nothing about a person is
logged (the standard handler's per-request line names the address: it is switched off) and an error
in a handler is one log line and a 500, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import page
from .limits import RateLimit
from .room import Admitted, PhoneRoom, Refused, new_token

log = logging.getLogger("crossing_paths.phones")

DEFAULT_PORT = 8765
PORT_TRIES = 10  # the default, then the next ports, then one the system picks
MAX_BODY = 2048
MAX_CONNECTIONS = 256
COOKIE = "cp_device"
COOKIE_AGE = 12 * 3600  # a day's session; the token means nothing once the session has ended

VoteCallback = Callable[[str, str, int], None]


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    # On Windows SO_REUSEADDR lets a second program bind a port in use: the fallback would never happen.
    allow_reuse_address = os.name != "nt"
    request_queue_size = 128

    def __init__(self, address, handler, owner: PhoneServer):
        self.owner = owner
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        if not self.owner._enter(request):
            self.shutdown_request(request)  # too many at once: a flood is dropped, the room's phones retry
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.owner._leave(request)

    def handle_error(self, request, client_address):
        import sys

        kind = sys.exc_info()[0]
        if kind is not None and issubclass(kind, ConnectionError | TimeoutError):
            return  # the phone went away mid-answer (or was cut off for being too slow): nothing to tell
        log.warning("phone server: a request failed (%s)", kind.__name__ if kind else "unknown")


class PhoneServer:
    def __init__(self, room: PhoneRoom, on_vote: VoteCallback, *, host: str = "0.0.0.0", port: int = DEFAULT_PORT,
                 tries: int = PORT_TRIES, request_seconds: float = 5.0, max_connections: int = MAX_CONNECTIONS,
                 device_limit: RateLimit | None = None, address_limit: RateLimit | None = None):
        self.room, self.on_vote, self.host = room, on_vote, host
        self.wanted_port, self.tries = port, tries
        self.request_seconds, self.max_connections = request_seconds, max_connections
        # A phone polls every 1.5 s and votes a few times: 5 a second (20 at once) is far above that.
        self.device_limit = device_limit or RateLimit(5.0, 20.0)
        # A room behind one address (a guest network's NAT) is many phones: generous, but a bound.
        self.address_limit = address_limit or RateLimit(200.0, 600.0)
        self.port: int | None = None
        self.problem: str | None = None  # why the server stopped on its own, for the console
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._reaper: threading.Thread | None = None
        self._stopping = threading.Event()
        self._conn_lock = threading.Lock()
        self._deadlines: dict[socket.socket, float] = {}

    # --- starting and stopping ------------------------------------------------------------------------------

    def start(self) -> int:
        """Listen (the wanted port, the next ones, then any free one) and serve on a thread; returns the port.
        Raises OSError when no port at all can be had."""
        if self.running:
            return self.port
        self._httpd = self._bind()
        self.port = self._httpd.server_address[1]
        self._stopping.clear()
        self.problem = None
        self._thread = threading.Thread(target=self._serve, name="phone-server", daemon=True)
        self._reaper = threading.Thread(target=self._reap, name="phone-server-reaper", daemon=True)
        self._thread.start()
        self._reaper.start()
        return self.port

    def _bind(self) -> _HTTPServer:
        # 0 asks for any free port: not 1..9 (a root process could take those, and no phone would look there)
        tries = range(self.tries) if self.wanted_port > 0 else ()
        ports = [self.wanted_port + i for i in tries if self.wanted_port + i < 65536] + [0]
        last: OSError | None = None
        for port in ports:
            try:
                return _HTTPServer((self.host, port), _Handler, self)
            except OSError as exc:  # in use, or not allowed: try the next
                last = exc
        raise last or OSError("no port could be opened")

    def _serve(self) -> None:
        try:
            self._httpd.serve_forever(poll_interval=0.1)
        except Exception as exc:  # noqa: BLE001 - the console says so; hand counts still work
            self.problem = f"the phone server stopped ({type(exc).__name__})"
            log.warning("phone server stopped: %s", type(exc).__name__)
        finally:
            if not self._stopping.is_set() and self.problem is None:
                self.problem = "the phone server stopped"

    def stop(self) -> None:
        """Stop listening and cut the connections still open. Votes already handed over stay in the game."""
        self._stopping.set()
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        with self._conn_lock:
            for conn in list(self._deadlines):
                _cut(conn)
        for thread in (self._thread, self._reaper):
            if thread is not None:
                thread.join(timeout=2.0)
        self._thread = self._reaper = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping.is_set()

    # --- connections: counted, and cut when they take too long ----------------------------------------------

    def _enter(self, conn: socket.socket) -> bool:
        with self._conn_lock:
            if len(self._deadlines) >= self.max_connections:
                return False
            self._deadlines[conn] = time.monotonic() + self.request_seconds
            return True

    def _leave(self, conn: socket.socket) -> None:
        with self._conn_lock:
            self._deadlines.pop(conn, None)

    def _reap(self) -> None:
        while not self._stopping.wait(0.1):
            now = time.monotonic()
            with self._conn_lock:
                late = [c for c, deadline in self._deadlines.items() if deadline < now]
                for conn in late:
                    del self._deadlines[conn]
            for conn in late:
                _cut(conn)

    @property
    def connections(self) -> int:
        with self._conn_lock:
            return len(self._deadlines)


def _cut(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed by the other side
        conn.shutdown(socket.SHUT_RDWR)  # the handler's read returns at once; its thread then ends


class _Handler(BaseHTTPRequestHandler):
    server_version = "CrossingPaths"
    sys_version = ""
    protocol_version = "HTTP/1.0"  # one request a connection: simple to bound, and cheap on a LAN
    timeout = 5.0  # per read; the reaper bounds the whole connection
    server: _HTTPServer

    # --- the standard handler's logging names the client's address: off ----------------------------------

    def log_message(self, format, *args):
        pass

    def log_error(self, format, *args):
        pass

    @property
    def owner(self) -> PhoneServer:
        return self.server.owner

    @property
    def room(self) -> PhoneRoom:
        return self.server.owner.room

    # --- routes ---------------------------------------------------------------------------------------------

    def do_GET(self):
        self._guarded(self._get)

    def do_POST(self):
        self._guarded(self._post)

    def do_HEAD(self):
        self._send(405, b"", "text/plain", {"Allow": "GET, POST"})

    def _guarded(self, route: Callable[[], None]) -> None:
        try:
            if not self.owner.address_limit.allow(self.client_address[0]):
                raise Refused(429, "Too many requests from this network: wait a moment.")
            route()
        except Refused as exc:
            self._refuse(exc.status, str(exc))
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the phone went away, or was too slow: nothing to answer
        except Exception as exc:  # noqa: BLE001 - one line, never a traceback: the request may be hostile
            log.warning("phone server: %s on %s", type(exc).__name__, self.command)
            with contextlib.suppress(OSError):
                self._refuse(500, "Something went wrong: try again.")

    def _get(self) -> None:
        url = urlsplit(self.path)
        query = _query(url.query)
        if url.path == "/":
            self._page(query)
        elif url.path == "/api/state":
            self._state(query)
        else:
            raise Refused(404, "There is nothing here.")

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/api/vote", "/vote"):
            raise Refused(404, "There is nothing here.")
        self._same_origin()
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        wanted = "application/json" if url.path == "/api/vote" else "application/x-www-form-urlencoded"
        if kind != wanted:
            raise Refused(415, f"Send {wanted}.")
        body = self._body()
        if url.path == "/api/vote":
            try:
                fields = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise Refused(400, "That is not JSON.") from None
            if not isinstance(fields, dict):
                raise Refused(400, "Send a JSON object.")
        else:
            fields = {k: v[0] for k, v in _query(body.decode("utf-8", "replace")).items()}
            option = fields.get("option", "")
            if option.isascii() and option.isdigit() and len(option) < 4:
                fields["option"] = int(option)  # a form's values are text; JSON must send a number
        if not self.room.code_ok(fields.get("room")):
            raise Refused(403, "That is not this session's room code.")
        device = self._device(issue=False)
        option = self._vote(device, fields)
        if url.path == "/vote":
            self._send(303, b"", "text/plain", {"Location": f"/?room={self.room.code}"})
        else:
            view = self.room.view
            self._json(202, {"ok": True, "your_vote": option,
                             "words": page.state_words(view, option)})

    # --- the parts ------------------------------------------------------------------------------------------

    def _page(self, query: dict[str, list[str]]) -> None:
        room = query.get("room", [""])[0]
        if not room:
            self._html(200, page.room_page())
            return
        if not self.room.code_ok(room):
            self._html(403, page.room_page("That is not this session's room code: check the projector."))
            return
        device = self._device(issue=True)
        view = self.room.view
        nonce = secrets.token_urlsafe(12)
        html = page.vote_page(view, self.room.code, self.room.vote_of(device.device, view),
                              self.room.csrf_for(device.device), device.label, nonce)
        self._html(200, html, nonce)

    def _state(self, query: dict[str, list[str]]) -> None:
        if not self.room.code_ok(query.get("room", [""])[0]):
            raise Refused(403, "That is not this session's room code.")
        device = self._device(issue=True)
        view = self.room.view
        self._json(200, page.state_json(view, self.room.vote_of(device.device, view),
                                        self.room.csrf_for(device.device), device.label))

    def _device(self, issue: bool) -> Admitted:
        """The device this request comes from (its cookie); a new one joins when `issue`."""
        token = _cookie(self.headers.get("Cookie", ""))
        device = self.room.admit(token)
        if device is None:
            if not issue:
                raise Refused(403, "This phone has not joined: open the page again.")
            if not self.room.may_join():
                raise Refused(403, "Joining is closed for this session.")
            token = new_token()
            device = self.room.admit(token)
            self._new_cookie = token
        if not self.owner.device_limit.allow(device.device):
            raise Refused(429, "Too many requests from this phone: wait a moment.")
        return device

    def _vote(self, device: Admitted, fields: dict) -> int:
        if not self.room.csrf_ok(device.device, fields.get("csrf")):
            raise Refused(403, "This vote form is out of date: reload the page.")
        view = self.room.view
        decision, option = fields.get("decision"), fields.get("option")
        if not view.voting_open or view.decision is None:
            raise Refused(409, "Voting is not open now.")
        if decision != view.decision:
            raise Refused(409, "That vote is for another decision: the page has been updated.")
        if isinstance(option, bool) or not isinstance(option, int) or not 1 <= option <= len(view.options):
            raise Refused(400, f"Choose an option from 1 to {len(view.options)}.")
        self.room.posted(device.device, decision, option)
        try:
            self.owner.on_vote(device.device, decision, option)
        except Exception as exc:  # noqa: BLE001 - the game side refused to take it
            self.room.settled(device.device, decision)
            log.warning("phone server: a vote could not be handed over (%s)", type(exc).__name__)
            raise Refused(503, "The vote could not be taken: try again.") from None
        return option

    def _same_origin(self) -> None:
        """A browser says where a post comes from: a page elsewhere may not vote for this phone."""
        origin = self.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != self.headers.get("Host", ""):
            raise Refused(403, "Votes are taken from this page only.")

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise Refused(411, "Send a Content-Length.")
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or len(length) > 9:
            raise Refused(411, "Send a Content-Length.")
        if int(length) > MAX_BODY:
            self.close_connection = True
            raise Refused(413, "That request is too large.")
        body = self.rfile.read(int(length))
        if len(body) != int(length):
            raise ConnectionError("short body")
        return body

    # --- answers --------------------------------------------------------------------------------------------

    _new_cookie: str | None = None

    def _refuse(self, status: int, message: str) -> None:
        if self.path.startswith("/api/") or status == 415:
            self._json(status, {"error": message})
        else:
            back = f"/?room={self.room.code}" if status in (403, 409, 429) else None
            self._html(status, page.message_page("Not now" if status < 500 else "Sorry", message, back))

    def _json(self, status: int, data: dict) -> None:
        self._send(status, json.dumps(data).encode("utf-8"), "application/json")

    def _html(self, status: int, html: str, nonce: str = "") -> None:
        script = f"'nonce-{nonce}'" if nonce else "'none'"
        csp = (f"default-src 'none'; style-src 'unsafe-inline'; script-src {script}; connect-src 'self'; "
               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; img-src 'none'")
        self._send(status, html.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": csp})

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the plain form's
        # post (scripts off), which _same_origin must refuse; the page links nowhere else, so nothing leaks
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("X-Frame-Options", "DENY")
        if status == 429:
            self.send_header("Retry-After", "2")
        if self._new_cookie:
            self.send_header("Set-Cookie", f"{COOKIE}={self._new_cookie}; HttpOnly; SameSite=Strict; Path=/; "
                                           f"Max-Age={COOKIE_AGE}")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _query(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, max_num_fields=8)
    except ValueError:
        raise Refused(400, "That address has too many parts.") from None


def _cookie(header: str) -> str | None:
    """The device token from a Cookie header; anything malformed counts as none."""
    for part in header.split(";")[:32]:
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value.strip('"') or None
    return None
