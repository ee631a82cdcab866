"""The room phones join: its code, the devices in it, and the view they may see. Thread-safe: the server
thread admits devices and reads the view; the game thread publishes views, removes devices and closes
joining.

A device is known by a random token in a cookie; only a hash of it (the device id) is kept or handed to
the game, so neither the autosave nor this object holds anything that would let someone act as a phone.
Nothing about the person is kept: no name, no address.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from dataclasses import dataclass

from .view import PhoneView

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off a projector from the back of a room is typed right.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 4
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


def new_room_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def device_id(token: str) -> str | None:
    """The hash a device is known by, or None for a token that is not one of ours in form."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return hashlib.sha256(token.encode("ascii")).hexdigest()[:40]


def tally_key(device: str) -> str:
    """The key the group tally keeps a phone's vote under (game.group.tally.device_key, which a test checks
    this matches): worked out here so the server does not import the whole group package."""
    return hashlib.sha256(device.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def normal_code(text: object) -> str:
    """A typed room code as compared: upper case, no spaces."""
    return str(text).strip().upper()[:16] if isinstance(text, str) else ""


@dataclass(frozen=True)
class Admitted:
    device: str  # device id
    label: int  # "phone 7": how the facilitator names a device to remove it


class Refused(Exception):
    """A request the room turns away; `status` is the HTTP status, the message is for the phone."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class PhoneRoom:
    def __init__(self, code: str | None = None):
        self.code = code or new_room_code()
        self._secret = secrets.token_bytes(32)  # signs CSRF tokens; lives as long as the session's room
        self._lock = threading.Lock()
        self._labels: dict[str, int] = {}
        self._removed: set[str] = set()
        self._pending: dict[str, tuple[str, int]] = {}  # device -> (decision, option) posted, not yet applied
        self.joining_open = True
        self._view = PhoneView()

    # --- the view (game thread writes, server threads read) -------------------------------------------------

    @property
    def view(self) -> PhoneView:
        return self._view

    def publish(self, view: PhoneView) -> bool:
        """Swap in a new view; returns whether it differed. One reference assignment: atomic for readers."""
        if view == self._view:
            return False
        self._view = view
        return True

    # --- devices --------------------------------------------------------------------------------------------

    def code_ok(self, text: object) -> bool:
        return hmac.compare_digest(normal_code(text).encode(), self.code.encode())

    def admit(self, token: str | None) -> Admitted | None:
        """The device this cookie names, joining it if new. None: no usable token (the caller issues one).
        Raises Refused for a removed device, or a new one after joining closed."""
        device = device_id(token) if token else None
        if device is None:
            return None
        with self._lock:
            if device in self._removed:
                raise Refused(403, "The facilitator removed this phone from the vote.")
            label = self._labels.get(device)
            if label is None:
                if not self.joining_open and not self._has_vote(device):
                    raise Refused(403, "Joining is closed for this session.")
                label = self._labels[device] = len(self._labels) + 1
        return Admitted(device, label)

    def may_join(self) -> bool:
        return self.joining_open

    def _has_vote(self, device: str) -> bool:
        return tally_key(device) in self._view.votes  # a phone that was in before a restart comes back

    def remove(self, label: int) -> str | None:
        """Take a device out (game thread); returns its id so the game withdraws its vote."""
        with self._lock:
            device = next((d for d, n in self._labels.items() if n == label), None)
            if device is not None:
                self._removed.add(device)
                self._pending.pop(device, None)
            return device

    def labels(self) -> list[int]:
        """The phones in (not removed), by the number each one's page shows: the console lists them."""
        with self._lock:
            return sorted(n for d, n in self._labels.items() if d not in self._removed)

    @property
    def devices(self) -> int:
        with self._lock:
            return len(self._labels) - len(self._removed)

    # --- CSRF: a token tied to the device's cookie ----------------------------------------------------------

    def csrf_for(self, device: str) -> str:
        return hmac.new(self._secret, device.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def csrf_ok(self, device: str, given: object) -> bool:
        return isinstance(given, str) and hmac.compare_digest(self.csrf_for(device).encode(), given.encode()[:64])

    # --- votes in flight ------------------------------------------------------------------------------------

    def posted(self, device: str, decision: str, option: int) -> None:
        with self._lock:
            self._pending[device] = (decision, option)

    def settled(self, device: str, decision: str) -> None:
        """The game has applied (or refused) the device's vote for `decision`."""
        with self._lock:
            if self._pending.get(device, ("", 0))[0] == decision:
                del self._pending[device]

    def vote_of(self, device: str, view: PhoneView) -> int | None:
        """The device's vote on the view's decision: one in flight first, else the tally's."""
        if view.decision is None:
            return None
        pending = self._pending.get(device)
        if pending is not None and pending[0] == view.decision and view.voting_open:
            return pending[1]
        return view.votes.get(tally_key(device))
