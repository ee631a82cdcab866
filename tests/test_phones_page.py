"""The phone page and the joining info, without a server: the view holds no split before the reveal, the
page's colours meet 4.5:1 in both schemes, the LAN address falls back to the interface list and says
loopback-only plainly, the QR code encodes the join link, and the package imports no pygame."""

from __future__ import annotations

import re
import subprocess
import sys

import segno

from game.phones import lan, page, phone_view
from game.phones.voting import UNREACHABLE, PhoneVoting
from tests.conftest import ROOT
from tests.support.phones import Rig


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_colours_meet_4_5_to_1_in_light_and_dark():
    light, dark = page.CSS.split("@media (prefers-color-scheme:dark)")
    for scheme in (light, dark):
        colours = dict(re.findall(r"--(\w+):(#[0-9a-f]{6})", scheme))
        for fg, bg in (("fg", "bg"), ("muted", "bg"), ("btnfg", "btn"), ("mine", "bg"), ("fg", "bg")):
            assert _contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg, scheme[:20])


def test_the_view_holds_no_split_until_revealed(tmp_path):
    rig = Rig(tmp_path)
    rig.to_decision()
    rig.session.cast("a" * 40, 1)
    for step in (lambda: None, lambda: rig.session.close_voting(3.0)):
        step()
        view = phone_view(rig.session)
        assert view.result is None and view.phase in ("open", "closed")
    rig.session.reveal(4.0)
    assert phone_view(rig.session).result[0].count == 1
    assert phone_view(rig.session, share_result=False).result is None


def test_state_words_say_the_vote_can_change():
    rig = Rig()
    rig.to_decision()
    view = phone_view(rig.session)
    assert page.state_words(view, 2) == "Your vote: 2 — you can change it until voting closes."
    assert page.state_words(view, None) == "Voting is open: choose an option."


def test_lan_address_falls_back_to_the_interfaces_then_says_loopback_only(monkeypatch):
    monkeypatch.setattr(lan, "_by_route", lambda: None)  # a hotspot with no default route
    monkeypatch.setattr(lan, "_by_interfaces", lambda: "192.168.4.7")
    assert lan.lan_address() == "192.168.4.7"
    monkeypatch.setattr(lan, "_by_interfaces", lambda: None)
    assert lan.lan_address() is None
    assert not lan._usable("127.0.0.1") and not lan._usable("169.254.1.2") and lan._usable("10.0.0.5")


def test_loopback_only_is_told_and_the_qr_code_encodes_the_join_link(monkeypatch):
    monkeypatch.setattr(lan, "lan_address", lambda: None)
    voting = PhoneVoting(lambda *a: None, host="127.0.0.1", port=0)
    assert voting.start()
    try:
        assert voting.notice == UNREACHABLE and not voting.reachable
        url = voting.join_url()
        assert url == f"http://127.0.0.1:{voting.server.port}/?room={voting.room_code}"
        matrix = voting.qr_matrix()
        expected = [[bool(v) for v in row] for row in segno.make(url, error="m", micro=False).matrix_iter(border=4)]
        assert matrix == expected and len(matrix) == len(matrix[0]) >= 29
        assert voting.qr_png().startswith(b"\x89PNG")
    finally:
        voting.stop()


def test_the_phones_package_imports_no_pygame_and_no_group_package():
    code = ("import sys, game.phones\n"
            "bad = [m for m in sys.modules if m.split('.')[0] == 'pygame' or m.startswith('game.group')]\n"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
