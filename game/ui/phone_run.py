"""Phone voting in a group session, on the game thread: starting and stopping the phone server (game/phones),
casting the votes it posts (PhoneVote intents, drained once per frame), and publishing what phones may
see once per frame when it changed. The frame loop never waits on the network: the server's threads only
post intents and read the published view.

What the console shows (next to the counts): `app.phones.voting` gives join_url(), short_address(),
qr_png()/qr_matrix(), room_code, devices and `notice` (the server stopped, or loopback only).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .intents import PhoneJoining, PhoneRemove, PhoneSettings, PhonesOn, PhoneVote

if TYPE_CHECKING:
    from game.phones import PhoneVoting

    from .app import App
    from .view import View

log = logging.getLogger("crossing_paths.ui")

PORT_ENV = "CROSSING_PATHS_PHONE_PORT"  # the port to try first (then the next ones, then any free one); 0: any
HOST = "0.0.0.0"  # every interface: phones on the room's network (tests put loopback here)
FLUSH_SECONDS = 1.0  # votes from phones are saved in batches: at most this long unsaved
REDRAW_SECONDS = 0.5  # "votes in" follows phone votes twice a second: a burst of votes is not a redraw each


class PhoneLink:
    """Phone voting for the session running: the server's facade and what phones are shown."""

    def __init__(self, session: Any, voting: PhoneVoting):
        self.session, self.voting = session, voting
        self.numbers_only = False
        self.share_result = True
        self.votes_changed = False
        self.flushed = self.redrawn = time.monotonic()
        self.told: str | None = None  # the last problem the console was told of

    def stop(self) -> None:
        self.voting.stop()
        self.session.batch_votes = False
        self.session.flush()


def _port() -> int:
    from game.phones.server import DEFAULT_PORT

    text = os.environ.get(PORT_ENV, "")
    return int(text) if text.isdigit() and int(text) < 65536 else DEFAULT_PORT


def _phones_on(app: App, intent: PhonesOn, view: View) -> None:
    from game.phones import PhoneVoting
    from game.phones.voting import UNREACHABLE

    run = app.group
    link: PhoneLink | None = app.phones
    if not intent.on:
        if link is not None:
            link.stop()
            app.phones = None
            if run is not None:
                run.tell("Phone voting is off. Votes already in are kept.", view)
        return
    if run is None:
        return
    if link is not None and link.session is run.session and link.voting.start():
        return  # on already (or started again after the server stopped)
    if link is not None:
        link.stop()
    voting = PhoneVoting(lambda device, decision, option: app.post(PhoneVote(device, decision, option)),
                         port=_port(), host=HOST)
    link = PhoneLink(run.session, voting)
    if not voting.start():
        run.tell(voting.problem or "Phone voting could not start.", view, "Phones")
        return
    app.phones = link
    run.session.batch_votes = True
    run.show_join(True)  # the room sees how to join until the facilitator moves on (N)
    tick(app)
    run.tell(UNREACHABLE if not voting.reachable else
             f"Phones can join at {voting.short_address()} with room code {voting.room_code}.", view, "Phones")


def _with_link(act: Callable[[PhoneLink, Any, Any], None]) -> Callable[[App, Any, View], None]:
    """A handler that needs phone voting on for the session running (a late post is ignored)."""

    def handler(app: App, intent: Any, view: View) -> None:
        link: PhoneLink | None = app.phones
        run = app.group
        if link is not None and run is not None and run.session is link.session:
            act(link, intent, run)

    return handler


def _vote(link: PhoneLink, intent: PhoneVote, run: Any) -> None:
    if link.voting.apply(link.session, intent.device, intent.decision, intent.option) is None:
        link.votes_changed = True  # the console and "votes in" redraw once a frame, not once a vote


def _remove(link: PhoneLink, intent: PhoneRemove, run: Any) -> None:
    if link.voting.remove_device(link.session, intent.label):
        link.votes_changed = True
        run.tell(f"Phone {intent.label} is out of the vote.")
    else:
        run.tell(f"There is no phone {intent.label}.")


def _joining(link: PhoneLink, intent: PhoneJoining, run: Any) -> None:
    link.voting.close_joining(not intent.open)
    run.tell("New phones can join." if intent.open else "Joining is closed: phones already in can still vote.")


def _settings(link: PhoneLink, intent: PhoneSettings, run: Any) -> None:
    link.numbers_only, link.share_result = intent.numbers_only, intent.share_result


def tick(app: App) -> None:
    """Once a frame: stop with the session, publish the phones' view when it changed, save batched votes,
    and tell the console once if the server stopped by itself."""
    link: PhoneLink | None = app.phones
    if link is None:  # the common case, every frame: nothing imported, nothing to do
        return
    from game.phones import phone_view  # the server's package (http.server, ssl…) only once phones are on
    run = app.group
    if run is None or run.session is not link.session:
        link.stop()  # the session ended (or another began): phones stop with it
        app.phones = None
        return
    link.voting.publish(phone_view(link.session, share_result=link.share_result, numbers_only=link.numbers_only))
    now = time.monotonic()
    if link.votes_changed and now - link.redrawn >= REDRAW_SECONDS:
        link.votes_changed, link.redrawn = False, now
        run.changed()
    if now - link.flushed >= FLUSH_SECONDS:
        link.flushed = now
        link.session.flush()
    problem = link.voting.check()
    if problem and problem != link.told:
        link.told = problem
        run.tell(f"Phone voting stopped: {problem}. Votes already in are kept; turn phone voting on again, "
                 "or count hands.")


PHONE_HANDLERS: dict[type, Callable[[App, Any, View], None]] = {
    PhonesOn: _phones_on,
    PhoneVote: _with_link(_vote),
    PhoneRemove: _with_link(_remove),
    PhoneJoining: _with_link(_joining),
    PhoneSettings: _with_link(_settings),
}
"""How the app acts on each phone intent (merged into app.HANDLERS)."""
