"""This computer's address on the local network, for the join link phones open, and the QR code of it.

The UDP-connect trick asks the system which of its addresses it would use to reach another network
address: connect() on a UDP socket only picks a route, it sends no packet. It fails on a hotspot with no
default route, so the interfaces are listed next (ifaddr). When only loopback is left, phones cannot
reach this computer: `lan_address()` returns None and the console says so (hand counts still work).
"""

from __future__ import annotations

import ipaddress
import logging
import socket

log = logging.getLogger("crossing_paths.phones")

# A private address that need not exist: only the route to it is looked up, nothing is sent.
_PROBE = ("10.254.254.254", 1)


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def _by_route() -> str | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_PROBE)
            address = probe.getsockname()[0]
    except OSError:
        return None
    return address if _usable(address) else None


def _by_interfaces() -> str | None:
    try:
        import ifaddr
    except ImportError:
        return None
    found: list[str] = []
    try:
        for adapter in ifaddr.get_adapters():
            found.extend(ip.ip for ip in adapter.ips if isinstance(ip.ip, str) and _usable(ip.ip))
    except OSError as exc:
        log.info("network interfaces could not be listed: %s", exc)
        return None
    # Private ranges first: a room's Wi-Fi, not a VPN's public address.
    found.sort(key=lambda a: not ipaddress.ip_address(a).is_private)
    return found[0] if found else None


def lan_address() -> str | None:
    """The address phones on the same network can reach this computer at, or None (loopback only)."""
    return _by_route() or _by_interfaces()


def join_url(host: str, port: int, room: str) -> str:
    return f"http://{host}:{port}/?room={room}"


def short_address(host: str, port: int) -> str:
    return f"http://{host}:{port}"


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code of `url` as rows of dark (True) modules, quiet zone included: any front end can draw it."""
    import segno

    code = segno.make(url, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=4)]


def qr_png(url: str, scale: int = 8) -> bytes:
    """The QR code as PNG bytes (segno writes PNG itself, no Pillow): pygame.image.load reads them."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
