"""Phone voting over the local network: a small HTTP server (standard library only) that serves one
self-contained page and a JSON API to phones in the room. No pygame, and nothing here touches the story:
the server thread only parses, checks and hands votes to the game through a callback (the desktop app
posts them as intents); the game thread publishes what phones may see as an immutable PhoneView.

`PhoneVoting` (voting.py) is what a front end uses: start/stop, join_url(), qr_matrix(), room_code.
"""

from .room import PhoneRoom
from .server import PhoneServer
from .view import PhoneView, ResultRow, phone_view
from .voting import PhoneVoting

__all__ = ["PhoneRoom", "PhoneServer", "PhoneView", "PhoneVoting", "ResultRow", "phone_view"]
