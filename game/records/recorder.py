"""Where the game's play meets xAPI: the PlaySession observer that keeps statements in the outbox, and what
Settings say about sending (whether, where, as whom).

Statements are always kept (saves/xapi-outbox.sqlite); they leave the machine only when the learner has
turned sending on and chosen who the statements say they are.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from . import xapi
from .lrs import LrsConfig, SendSetup, check_endpoint
from .outbox import Outbox, OutboxError

log = logging.getLogger("crossing_paths.xapi")


@cache
def standards_for(framework_id: str) -> tuple[tuple[str, str], ...]:
    """(standard id, its words) of a framework the game ships; empty for one it does not."""
    from game.engine import reference

    try:
        framework = reference.framework(framework_id)
    except Exception:  # noqa: BLE001 - a damaged data file must not stop recording
        log.warning("xapi: the standards of %r could not be read", framework_id)
        return ()
    return tuple((s.id, s.title) for s in framework.standards) if framework else ()


@cache
def rungs() -> int:
    from game.engine import reference

    return len(reference.ladder().outcomes)


def statements_of(playthrough: Any) -> list[dict]:
    return xapi.statements(playthrough, rungs(), dict(standards_for(playthrough.framework)))


class XapiRecorder:
    """A PlaySession observer (game/play.py): at the ending, every statement of the playthrough goes into the
    outbox in one transaction, and `on_new` (the Sender's nudge) is called. Ids are stable, so a playthrough
    recorded twice is kept once. A failure is logged and never reaches play."""

    def __init__(self, outbox: Outbox | None, on_new: Callable[[], None] | None = None):
        self.outbox = outbox
        self.on_new = on_new

    def started(self, session: Any) -> None:
        header = attempt_of(session)
        if header is not None:
            self._keep(header.id, lambda: [xapi.attempted(header, _standards(header))])

    def chose(self, session: Any, feedback: Any, choice: Any) -> None:
        header = attempt_of(session)
        if header is None:
            return
        steps = session.story.state.steps
        place = next((n for n in range(len(steps), 0, -1)
                      if steps[n - 1].node == choice.node and steps[n - 1].at == choice.at), None)
        if place is None:
            return  # not found: the ending writes every statement anyway
        since = next((s.at for s in reversed(steps[:place - 1]) if s.at is not None), header.started_at)
        self._keep(header.id, lambda: [xapi.answered(header, place, choice, since, _standards(header))])

    def finished(self, session: Any, playthrough: Any) -> None:
        self.record(playthrough)

    def record(self, playthrough: Any) -> int:
        """Every statement of a finished playthrough (those kept as it went are kept once)."""
        return self._keep(getattr(playthrough, "id", "?"), lambda: statements_of(playthrough))

    def _keep(self, pid: str, make: Callable[[], list[dict]]) -> int:
        if self.outbox is None:
            return 0
        try:
            added = self.outbox.add(make())
        except (OutboxError, ValueError, TypeError, AttributeError, KeyError) as exc:
            log.warning("xapi: statements of playthrough %s could not be kept: %s", pid, exc)
            return 0
        if added and self.on_new is not None:
            self.on_new()
        return added


@dataclass(frozen=True)
class Header:
    """What every statement of a playthrough carries (xapi.Attempt), read from a session still playing."""

    id: str
    scenario: str
    title: str
    version: str
    content_hash: str
    framework: str
    framework_title: str
    front_end: str
    started_at: datetime


def attempt_of(session: Any) -> Header | None:
    """The playthrough a session is playing, or None for one the records do not keep (a part-way run)."""
    stamp = session.story.state.playthrough
    if stamp is None or not session.whole:
        return None
    scenario, framework = session.story.scenario, session.story.framework
    return Header(stamp.id, scenario.id, scenario.title, scenario.version, session.loaded.content_hash,
                  framework.id, framework.title, session.front_end, stamp.started)


def _standards(header: Header) -> dict[str, str]:
    return dict(standards_for(header.framework))


# --- Settings ---------------------------------------------------------------------------------------------------

def agent_of(prefs: Any) -> dict | None:
    return xapi.actor(prefs.xapi_identity, name=prefs.xapi_name, email=prefs.xapi_email,
                      anonymous_id=prefs.xapi_account)


def with_account(prefs: Any) -> Any:
    """The preferences with an anonymous id made (once, at random) if the learner chose to be anonymous and has
    none yet; the caller saves them."""
    if prefs.xapi_identity == "anonymous" and not prefs.xapi_account:
        return prefs.with_value("xapi_account", new_account_id())
    return prefs


def why_not_sending(prefs: Any) -> str | None:
    """Why the background sender sends nothing, in words; None when it sends."""
    if not prefs.lrs_sending:
        return "sending is off"
    try:
        check_endpoint(prefs.lrs_endpoint)
    except ValueError as exc:
        return str(exc)
    if agent_of(prefs) is None:
        return "no learner identity is chosen (an anonymous id, or a name and email)"
    return None


def send_setup(prefs: Any) -> SendSetup | None:
    """What the background sender needs, or None while the learner has not turned sending on (or it is not set
    up): then nothing leaves the machine."""
    if why_not_sending(prefs) is not None:
        return None
    config = LrsConfig(check_endpoint(prefs.lrs_endpoint), prefs.lrs_user, password_of(prefs))
    return SendSetup(config, agent_of(prefs))


PASSWORD_ENV = "CROSSING_PATHS_LRS_PASSWORD"


def password_of(prefs: Any) -> str:
    """The LRS password: from the environment when set there (so it need not be kept in settings.json)."""
    return os.environ.get(PASSWORD_ENV) or prefs.lrs_password


def new_account_id() -> str:
    """The anonymous id: random, made once and kept in Settings; it says nothing about the learner."""
    return str(uuid.uuid4())


FIRST_SEND_AFTER = 1.0  # seconds: the first screen is drawn before the sender reads settings or the outbox


class Recording:
    """xAPI for one front end: the outbox, the observer that fills it and the background sender that empties
    it (only while the learner has sending on). `prefs()` gives the preferences as they are now."""

    def __init__(self, outbox: Outbox, prefs: Callable[[], Any]):
        from .lrs import Sender

        self.outbox = outbox
        self.sender = Sender(outbox, lambda: send_setup(prefs()))
        self.recorder = XapiRecorder(outbox, on_new=self.sender.nudge)

    @classmethod
    def open(cls, prefs: Callable[[], Any]) -> Recording | None:
        """Started, or None (logged) when the outbox cannot be used: play goes on without statements."""
        try:
            outbox = Outbox.open()
        except OutboxError as exc:
            log.warning("xapi: statements are not kept: %s", exc)
            return None
        recording = cls(outbox, prefs)
        recording.sender.start(after=FIRST_SEND_AFTER)
        return recording

    def finish(self, cap: float = 0.0) -> Any:
        """The front end is closing: send what is due for at most `cap` seconds (0: do not wait), then stop the
        sender and close the outbox. Returns the last pass's report (None if none finished). A request still in
        flight keeps the outbox open and ends with the process."""
        report, idle = None, True
        if cap > 0 and self.sender.setup() is not None:
            from .lrs import flush

            report = flush(self.sender, cap)
            idle = report is not None  # else the send at exit is still going, with the outbox
        if self.sender.stop(wait=0.2) and idle:
            self.outbox.close()
        return report
