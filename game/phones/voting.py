"""Phone voting for one group session: the room, the server while it is on, and what a front end shows
to let phones join (address, room code, QR code). Called from the game thread only.

    voting = PhoneVoting(on_vote)        # on_vote(device, decision, option), from the server's threads
    voting.start()                       # listens; voting.problem says why not
    voting.publish(phone_view(session))  # every frame: swapped in only when it changed
    voting.join_url(), voting.qr_matrix(), voting.room_code, voting.reachable
    voting.stop()                        # the room (codes, devices) stays: start() again works
"""

from __future__ import annotations

import contextlib
import logging

from . import lan
from .room import PhoneRoom
from .server import DEFAULT_PORT, PhoneServer, VoteCallback
from .view import PhoneView

log = logging.getLogger("crossing_paths.phones")

UNREACHABLE = ("Phones cannot reach this computer: it is on no network (loopback only). "
               "Hand counts and clicker keys still work.")


class PhoneVoting:
    def __init__(self, on_vote: VoteCallback, *, port: int = DEFAULT_PORT, host: str = "0.0.0.0",
                 room: PhoneRoom | None = None, address: str | None = None, **server_options):
        """`address`: the address phones use (None: found on start()). Server options go to PhoneServer."""
        self.room = room or PhoneRoom()
        self.on_vote, self.port, self.host, self.options = on_vote, port, host, server_options
        self.address = address
        self.server: PhoneServer | None = None
        self.problem: str | None = None

    @property
    def room_code(self) -> str:
        return self.room.code

    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def start(self) -> bool:
        """Start listening; False with `problem` set when no port could be opened."""
        if self.running:
            return True
        self.server = PhoneServer(self.room, self.on_vote, host=self.host, port=self.port, **self.options)
        try:
            self.server.start()
        except OSError as exc:
            self.problem = f"phone voting could not start: no port could be opened ({exc.strerror or exc})"
            log.warning("%s", self.problem)
            self.server = None
            return False
        self.problem = None
        if self.address is None:
            self.address = lan.lan_address()
        return True

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def check(self) -> str | None:
        """Why the server is not answering although it was started (the thread died), for the console."""
        if self.server is not None and not self.server.running and self.server.problem:
            self.problem = self.server.problem
        return self.problem

    def publish(self, view: PhoneView) -> bool:
        return self.room.publish(view)

    # --- the game thread's side of a vote -------------------------------------------------------------------

    def apply(self, session, device: str, decision: str, option: int) -> str | None:
        """Cast a vote the server handed over (game thread). Returns why it was refused, or None. The
        session re-checks everything: the decision may have closed since the server took the vote."""
        from game.group.tally import VoteRefused

        try:
            session.cast(device, option, decision=decision)
        except VoteRefused as exc:
            return str(exc)
        finally:
            self.room.settled(device, decision)
        return None

    def remove_device(self, session, label: int) -> bool:
        """The facilitator takes a phone out: it is refused from now on and its vote is withdrawn."""
        from game.group.tally import VoteRefused

        device = self.room.remove(label)
        if device is None:
            return False
        if session is not None:
            with contextlib.suppress(VoteRefused):  # no vote under way (or already revealed): nothing to take out
                session.withdraw(device)
        return True

    # --- joining --------------------------------------------------------------------------------------------

    @property
    def reachable(self) -> bool:
        """Whether phones on a network can reach this computer (an address other than loopback was found)."""
        return self.address is not None

    @property
    def notice(self) -> str | None:
        """What the console should say about joining, or None when all is well."""
        return self.check() or (None if self.reachable or not self.running else UNREACHABLE)

    def _host(self) -> str:
        return self.address or "127.0.0.1"

    def short_address(self) -> str | None:
        port = self.server.port if self.server is not None else None
        return lan.short_address(self._host(), port) if port else None

    def join_url(self) -> str | None:
        port = self.server.port if self.server is not None else None
        return lan.join_url(self._host(), port, self.room.code) if port else None

    def qr_matrix(self) -> list[list[bool]] | None:
        url = self.join_url()
        return lan.qr_matrix(url) if url else None

    def qr_png(self, scale: int = 8) -> bytes | None:
        url = self.join_url()
        return lan.qr_png(url, scale) if url else None

    @property
    def devices(self) -> int:
        return self.room.devices

    def close_joining(self, closed: bool = True) -> None:
        self.room.joining_open = not closed
