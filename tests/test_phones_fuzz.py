"""A smaller run of bench/phones_fuzz.py: hostile requests of every kind are refused, change no vote,
log no traceback, and the server still answers (loopback only, bounded: each request times out)."""

from __future__ import annotations

from game.phones.limits import RateLimit
from tests.support.phones import Rig
from tests.support.phones_fuzz import fuzz


def test_hostile_requests_change_nothing_and_log_no_traceback(tmp_path):
    rig = Rig(tmp_path, request_seconds=1.0, device_limit=RateLimit(1e6, 1e6),
              address_limit=RateLimit(1e6, 1e6)).start()
    try:
        rig.to_decision()
        report = fuzz(rig, 300, seed=3)  # fuzz() itself checks the tally and the valid phones' votes
        assert report.sent == 300 and report.accepted == 0 and report.tracebacks == 0
        assert len(report.statuses) >= 6  # many kinds of refusal were met, not one
        assert rig.phone().state().status == 200
    finally:
        rig.stop()
