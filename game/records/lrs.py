"""Sending the outbox to a learning record store: xAPI's POST /statements, in batches, with backoff.

Standard library only (urllib). Whatever the LRS answers, nothing here raises to the game: an answer is
sorted into stored, already there, rejected (the LRS will never take it: kept, not tried again) or "try
later" (offline, a timeout, a server error, a refused password), and a batch that fails as a whole for one
statement's sake (409, 400, 413) is split until the one is found, so it never holds the others back.

Statement ids are stable, so a send that was cut off (the LRS stopped mid-request, the game closed) is
simply sent again: the LRS keeps one copy. The background Sender is a daemon thread the game never waits on.
"""

from __future__ import annotations

import base64
import json
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from . import xapi
from .outbox import Outbox, OutboxError, Pending

log = logging.getLogger("crossing_paths.xapi")

BATCH = 50  # statements per request: a playthrough's worth, well under any LRS's body limit
TIMEOUT = 10.0  # seconds for one request
MAX_REPLY = 1_000_000  # bytes of an answer read: an LRS's answer to a POST is a list of ids
BACKOFF_BASE = 5.0  # seconds before the first retry
BACKOFF_CAP = 3600.0  # never longer than an hour between tries
API_VERSION = "1.0.3"


@dataclass(frozen=True)
class LrsConfig:
    endpoint: str  # the LRS's xAPI base, e.g. https://lrs.example.org/xAPI/ (statements go to <endpoint>/statements)
    user: str = ""
    password: str = ""
    timeout: float = TIMEOUT

    @property
    def statements_url(self) -> str:
        return self.endpoint.rstrip("/") + "/statements"


def check_endpoint(url: str) -> str:
    """The endpoint, tidied, or ValueError saying why it cannot be one (only http and https are spoken)."""
    url = (url or "").strip()
    if not url:
        raise ValueError("no LRS address is set")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"the LRS address must start with http:// or https:// and name a host (got {clean(url)!r})")
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise ValueError("the LRS address cannot contain spaces or control characters")
    if "@" in parts.netloc:  # it would be shown in every message about the address, password and all
        raise ValueError("give the LRS user and password apart from the address (--user, --password)")
    if url.rstrip("/").endswith("/statements"):  # a common slip: the endpoint is the base, not the resource
        url = url.rstrip("/")[: -len("/statements")]
    return url


def clean(text: object, limit: int = 200) -> str:
    """An LRS's words as a message can show them: printable, one line, cut to `limit`."""
    text = text if isinstance(text, str) else repr(text)
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def backoff_delay(attempts: int, rng: random.Random | None = None, base: float = BACKOFF_BASE,
                  cap: float = BACKOFF_CAP) -> float:
    """Seconds to wait after `attempts` failed tries: doubling from `base` up to `cap`, with "equal jitter"
    (half fixed, half random) so that many copies of the game offline together do not all return at once."""
    rng = rng or random
    ceiling = min(cap, base * 2 ** max(0, min(attempts - 1, 30)))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


# --- one request ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reply:
    status: int  # the HTTP status, or 0 when there was no answer
    body: bytes = b""
    error: str = ""  # why there was no answer


@cache
def _opener():
    """urllib is imported on the first send, not with the game: the terminal player's first scene would wait
    on http.client and ssl for nothing while sending is off."""
    import urllib.request

    class NoRedirects(urllib.request.HTTPRedirectHandler):
        """A redirect would turn our POST into a GET (urllib does so for 301-303) or send the password on to
        another host: we stop and say where it pointed instead."""

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            return None

    return urllib.request.build_opener(NoRedirects)


def post(config: LrsConfig, statements: list[dict], timeout: float | None = None) -> Reply:
    import urllib.error
    import urllib.request

    data = json.dumps(statements, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    request = urllib.request.Request(config.statements_url, data=data, method="POST")
    request.add_header("Content-Type", "application/json; charset=utf-8")
    request.add_header("X-Experience-API-Version", API_VERSION)
    if config.user or config.password:
        token = base64.b64encode(f"{config.user}:{config.password}".encode()).decode("ascii")
        request.add_header("Authorization", f"Basic {token}")
    try:
        with _opener().open(request, timeout=timeout or config.timeout) as response:
            return Reply(response.status, response.read(MAX_REPLY))
    except urllib.error.HTTPError as exc:
        try:
            body = exc.read(MAX_REPLY)
        except (OSError, ValueError):
            body = b""
        if 300 <= exc.code < 400:
            where = clean(exc.headers.get("Location", "") if exc.headers else "")
            return Reply(exc.code, body, f"the LRS answered with a redirect to {where or 'another address'}; "
                                         "set the LRS address to where it points")
        return Reply(exc.code, body)
    except (TimeoutError, urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return Reply(0, b"", f"cannot reach the LRS at {config.statements_url}: {clean(reason)}")
    except Exception as exc:  # noqa: BLE001 - http.client on a hostile answer (bad status line, bad chunking)
        return Reply(0, b"", f"the LRS gave an answer that could not be read: {clean(exc)}")


# --- one batch, split where one statement fails the rest ---------------------------------------------------------

class TryLater(Exception):
    """Nothing in this batch could be settled now (offline, refused password, server error): retry later."""


@dataclass
class Sorted:
    stored: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    rejected: dict[str, str] = field(default_factory=dict)  # id -> the LRS's reason


def _ids_in(body: bytes) -> set[str] | None:
    try:
        data = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(data, list):
        return None
    return {x for x in data if isinstance(x, str)}


def _reason(reply: Reply) -> str:
    try:
        data = json.loads(reply.body.decode("utf-8"))
        detail = data.get("detail", data) if isinstance(data, dict) else data
    except (ValueError, UnicodeDecodeError, RecursionError):
        detail = reply.body.decode("utf-8", errors="replace")
    return clean(f"HTTP {reply.status}: {detail if isinstance(detail, str) else json.dumps(detail)[:400]}")


def send_batch(config: LrsConfig, batch: list[tuple[str, dict]], into: Sorted,
               timeout: float | None = None) -> None:
    """POST (id, statement) pairs and sort each into `into`; raises TryLater for what cannot be settled now."""
    reply = post(config, [s for _, s in batch], timeout)
    ids = [sid for sid, _ in batch]
    if 200 <= reply.status < 300:
        stored = _ids_in(reply.body) if reply.status == 200 else set()
        if stored is None:  # accepted, with an answer we cannot read: the LRS has them
            stored = set(ids)
        into.stored += [i for i in ids if i in stored]
        into.already += [i for i in ids if i not in stored]  # ids the LRS held already (Ralph: 204, none new)
        return
    if reply.status in (409, 400, 413, 422):
        if len(batch) > 1:  # find the one that spoils the batch: halves, until it stands alone
            half = len(batch) // 2
            send_batch(config, batch[:half], into, timeout)
            send_batch(config, batch[half:], into, timeout)
        elif reply.status == 409:  # this id is there already, with other content (sent before as someone else)
            into.already += ids
        else:
            into.rejected[ids[0]] = _reason(reply)
        return
    if reply.status == 0 or 300 <= reply.status < 400:
        raise TryLater(reply.error)
    if reply.status in (401, 403):
        raise TryLater(f"the LRS refused the user name or password (HTTP {reply.status})")
    if reply.status == 404:
        raise TryLater(f"no xAPI statements resource at {config.statements_url} (HTTP 404): check the LRS address")
    raise TryLater(_reason(reply))


# --- a whole send ------------------------------------------------------------------------------------------------

@dataclass
class SendReport:
    stored: int = 0  # new to the LRS
    already: int = 0  # the LRS had them already
    rejected: int = 0  # the LRS will never take them (kept here)
    left: int = 0  # still queued (a damaged row, never sent, counts here too)
    error: str | None = None  # why the send stopped early, for people

    @property
    def sent(self) -> int:
        return self.stored + self.already


def send_due(outbox: Outbox, config: LrsConfig, agent: dict, *, batch: int = BATCH, everything: bool = False,
             deadline: float | None = None, rng: random.Random | None = None,
             clock: Callable[[], float] = time.time) -> SendReport:
    """Send what is due (or everything queued, if `everything`), a batch at a time, until none is left, a batch
    fails (the rest wait for its backoff) or `deadline` (monotonic) passes. Never raises for what the LRS does."""
    report = SendReport()
    if everything:
        outbox.retry_now()
    while deadline is None or time.monotonic() < deadline:
        due: list[Pending] = outbox.pending(batch, now=clock())
        if not due:
            break
        timeout = None if deadline is None else max(0.5, min(config.timeout, deadline - time.monotonic()))
        pairs = [(p.id, xapi.with_actor(p.body, agent)) for p in due]
        result = Sorted()
        try:
            send_batch(config, pairs, result, timeout)
        except TryLater as exc:
            report.error = str(exc)
            settled = set(result.stored) | set(result.already) | set(result.rejected)
            attempts = max(p.attempts for p in due) + 1
            outbox.mark_failed([p.id for p in due if p.id not in settled], report.error,
                               clock() + backoff_delay(attempts, rng))
        outbox.settle({"stored": result.stored, "already there": result.already, "rejected": list(result.rejected)})
        for sid, why in result.rejected.items():
            log.warning("xapi: the LRS rejected statement %s: %s", sid, why)
        report.stored += len(result.stored)
        report.already += len(result.already)
        report.rejected += len(result.rejected)
        if report.error:
            break
    report.left = outbox.queued()
    return report


# --- in the background ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SendSetup:
    config: LrsConfig
    agent: dict


class Sender:
    """Sends the outbox in a daemon thread. `setup()` is asked before every pass and returns None while
    sending is off (or not set up): then nothing leaves the machine. `nudge()` after recording statements."""

    IDLE = 300.0  # seconds between looks when nothing is due (settings may have changed meanwhile)

    def __init__(self, outbox: Outbox, setup: Callable[[], SendSetup | None], *, batch: int = BATCH):
        self.outbox = outbox
        self.setup = setup
        self.batch = batch
        self.last: SendReport | None = None
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._one_pass = threading.Lock()  # one pass at a time: two would POST the same batch at once
        self._thread: threading.Thread | None = None

    def start(self, after: float = 0.0) -> Sender:
        """Start sending, the first pass `after` seconds from now (a front end's first screen comes first)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, args=(after,), name="xapi-sender", daemon=True)
            self._thread.start()
        return self

    def nudge(self) -> None:
        self._wake.set()

    def stop(self, wait: float = 0.0) -> bool:
        """Asks the thread to stop, waiting at most `wait` seconds (a request in flight ends with its timeout).
        Returns whether it has stopped."""
        self._stopped.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(wait)
            return not self._thread.is_alive()
        return True

    def _run(self, after: float) -> None:
        if after > 0:
            self._stopped.wait(after)
        while not self._stopped.is_set():
            self._wake.clear()
            wait = self.IDLE
            try:
                wait = self.pass_once()
            except Exception:  # never let the thread die: log and look again later
                log.exception("xapi: sending failed; trying again later")
            self._wake.wait(wait)

    def pass_once(self, deadline: float | None = None) -> float:
        """One sending pass; returns how long to sleep before the next."""
        with self._one_pass:
            return self._pass(deadline)

    def _pass(self, deadline: float | None) -> float:
        setup = self.setup()
        if setup is None:
            return self.IDLE
        try:
            self.last = send_due(self.outbox, setup.config, setup.agent, batch=self.batch, deadline=deadline)
        except OutboxError as exc:
            log.warning("xapi: %s", exc)
            return self.IDLE
        if self.last.error:
            log.info("xapi: %s; %d statements wait for the next try", self.last.error, self.last.left)
        due = self.outbox.next_due()
        return self.IDLE if due is None else min(self.IDLE, max(0.5, due - time.time()))


def flush(sender: Sender, cap: float = 3.0) -> SendReport | None:
    """Send what is due for at most `cap` seconds, then give up waiting (for the terminal player at exit): the
    rest stays queued for next time. Returns the pass's report, or None if it did not finish in time."""
    done = threading.Event()
    sender.last = None

    def run() -> None:
        try:
            sender.pass_once(deadline=time.monotonic() + cap)
        except Exception:
            log.exception("xapi: sending at exit failed")
        done.set()

    threading.Thread(target=run, name="xapi-flush", daemon=True).start()
    done.wait(cap + 0.5)
    return sender.last if done.is_set() else None
