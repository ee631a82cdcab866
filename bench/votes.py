"""Phone voting under load: `python bench/votes.py [--phones 200]`.

Starts the real phone server through the real desktop app (headless, SDL dummy driver, one window at
1920x1080, a group session at its first decision, phone voting on, loopback only). N simulated phones,
each from its own loopback address (127.0.x.y), join, vote and change their vote all at once while the
app's frame loop runs at 60 Hz, applying the posted votes. Measured: every vote request's round trip
(POST /api/vote until the answer) and the time of each app frame while votes arrive. Afterwards every
phone's last vote must be the one the session counted. Last line:

    phones=200 votes_counted=200 lost=0 p95_ms=… frame_p95_ms=…

Targets: none lost; a vote's round trip p95 <= 50 ms; the frame p95 <= 4 ms at 1080p.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["CROSSING_PATHS_ALLOW_DUMMY"] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(0.95 * len(values)))] if values else 0.0


def loopback_source(i: int) -> str | None:
    """127.0.x.y for phone i, where the system lets a client bind it (Linux: all of 127/8)."""
    import socket

    address = f"127.0.{1 + i // 250}.{1 + i % 250}"
    try:
        with socket.socket() as probe:
            probe.bind((address, 0))
    except OSError:
        return None
    return address


def main(argv: list[str]) -> int:
    if argv[:1] == ["--client"]:
        clients(int(argv[1]), argv[2], int(argv[3]), float(argv[4]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phones", type=int, default=200)
    ap.add_argument("--spread", type=float, default=3.0,
                    help="seconds over which each phone's vote (and then its change) starts (0: all at once)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="votes-bench-"))
    os.environ["CROSSING_PATHS_SAVES"] = str(tmp / "saves")
    os.environ["CROSSING_PATHS_PHONE_PORT"] = "0"

    from game.phones import lan
    from game.settings import Preferences
    from game.ui import phone_run
    from game.ui.app import App
    from game.ui.group_run import GroupSetup
    from game.ui.intents import PhonesOn, RunGroup
    from game.ui.voice import Voice
    from tests.support.phones import GROUP

    phone_run.HOST = "127.0.0.1"  # loopback only
    lan.lan_address = lambda: "127.0.0.1"
    (tmp / "scenarios").mkdir()
    shutil.copy(GROUP, tmp / "scenarios" / GROUP.name)
    app = App(Preferences(), scenarios_dir=tmp / "scenarios", voice=Voice(exe=None))
    app.open_display((1920, 1080))
    app.group_setup = GroupSetup(one_window=True)
    app.act(RunGroup(tmp / "scenarios" / GROUP.name, fresh=True))
    app.act(PhonesOn(True))
    session, voting = app.group.session, app.phones.voting
    session.next(1.0)
    session.next(2.0)
    app.step()
    port, room = voting.server.port, voting.room_code

    n = args.phones
    # The phones run in a process of their own, as phones are other devices: their threads do not share
    # the game's interpreter lock. Each starts its vote at a random moment within --spread seconds.
    client = subprocess.Popen([sys.executable, __file__, "--client", str(port), room, str(n), str(args.spread)],
                              stdout=subprocess.PIPE, text=True)
    frames: list[float] = []
    deadline = time.monotonic() + 60
    while (client.poll() is None or not app._posted.empty()) and time.monotonic() < deadline:
        started = time.perf_counter()
        app.step(1 / 60)
        frames.append((time.perf_counter() - started) * 1000)
        time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - started)))
    for _ in range(10):
        app.step()
    out = json.loads(client.communicate(timeout=30)[0].strip().splitlines()[-1])
    round_trips, failures = out["round_trips"], out["failures"]
    last_vote = {int(k): v for k, v in out["last_vote"].items()}
    cookies = out["cookies"]
    tally = session.current.tally
    counted = sum(1 for i in last_vote if session.vote_of(_device(cookies[i])) == last_vote[i])
    lost = n - counted
    app.act(PhonesOn(False))
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"phones: {n} (own loopback addresses: {out['own_addresses']}), votes spread over {args.spread} s, "
          f"vote requests: {len(round_trips)}, failures: {len(failures)} {failures[:3]}")
    print(f"round trip ms: median {statistics.median(round_trips or [0]):.1f}, p95 {p95(round_trips):.1f}; "
          f"frames while voting: {len(frames)}, median {statistics.median(frames or [0]):.2f} ms, "
          f"p95 {p95(frames):.2f} ms, max {max(frames or [0]):.2f} ms; phone votes in the tally: {len(tally.phones)}")
    print(f"phones={n} votes_counted={counted} lost={lost} p95_ms={p95(round_trips):.1f} "
          f"frame_p95_ms={p95(frames):.2f}")
    return 0 if lost == 0 else 1


def _device(cookie: str) -> str:
    from game.phones.room import device_id

    return device_id(cookie.split("=", 1)[1])


def clients(port: int, room: str, n: int, spread: float) -> None:
    """The phones' process: n threads join at once, then each votes and changes its vote within `spread`
    seconds. Prints one JSON line with what happened."""
    import random

    from tests.support.phones import Phone

    sources = [loopback_source(i) for i in range(n)]
    phones = [Phone(port, room, source=s, timeout=10.0) for s in sources]
    last_vote: dict[int, int] = {}
    round_trips: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    go = threading.Barrier(n)
    rng = random.Random(7)
    delays = [(rng.uniform(0, spread), rng.uniform(0, spread)) for _ in range(n)]

    def phone_life(i: int) -> None:
        phone = phones[i]
        try:
            go.wait()
            if phone.state().status != 200:
                raise RuntimeError("join refused")
            for option, delay in zip((1 + i % 3, 1 + (i + 1) % 3), delays[i], strict=True):  # vote, change
                time.sleep(delay)
                started = time.perf_counter()
                reply = phone.vote(option)
                took = (time.perf_counter() - started) * 1000
                if reply.status != 202:
                    raise RuntimeError(f"vote answered {reply.status}")
                with lock:
                    round_trips.append(took)
                    last_vote[i] = option
        except Exception as exc:  # noqa: BLE001 - counted and reported
            with lock:
                failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=phone_life, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    print(json.dumps({"round_trips": round_trips, "failures": failures, "last_vote": last_vote,
                      "cookies": [p.cookie for p in phones], "own_addresses": None not in sources}))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
