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
        pass  # the `attempted` statement is made at the ending, with the rest, from the Playthrough value

    def chose(self, session: Any, feedback: Any, choice: Any) -> None:
        pass

    def finished(self, session: Any, playthrough: Any) -> None:
        self.record(playthrough)

    def record(self, playthrough: Any) -> int:
        if self.outbox is None:
            return 0
        try:
            added = self.outbox.add(statements_of(playthrough))
        except (OutboxError, ValueError, TypeError, AttributeError) as exc:
            log.warning("xapi: the statements of playthrough %s could not be kept: %s",
                        getattr(playthrough, "id", "?"), exc)
            return 0
        if added and self.on_new is not None:
            self.on_new()
        return added


# --- Settings ---------------------------------------------------------------------------------------------------

def agent_of(prefs: Any) -> dict | None:
    return xapi.actor(prefs.xapi_identity, name=prefs.xapi_name, email=prefs.xapi_email,
                      anonymous_id=prefs.xapi_account)


def with_account(prefs: Any) -> Any:
    """The preferences with an anonymous id made (once, at random) if the learner chose to be anonymous and has
    none yet; the caller saves them."""
    if prefs.xapi_identity == "anonymous" and not prefs.xapi_account:
        return prefs.with_value("xapi_account", str(uuid.uuid4()))
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
