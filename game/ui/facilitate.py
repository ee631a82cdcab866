"""`python main.py facilitate [SCENARIO] [--one-window] [--audience-display N]`: a facilitated group
session. The audience view goes full screen on the projector (display N, or the second display when
there is one); the facilitator's console stays on the laptop. One display, or --one-window: the audience
view only, driven by keys (F1 lists them)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

import pygame

from game import paths, settings

from .app import NO_DISPLAY, App, _size, no_display_reason, open_store, open_window
from .group_run import GroupSetup, num_displays
from .intents import Push, RunGroup
from .phone_run import PORT_ENV
from .view import DEFAULT_SIZE


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of minutes") from None
    if not 0.5 <= value <= 120:
        raise argparse.ArgumentTypeError("the discussion time is from 0.5 to 120 minutes")
    return value * 60


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (0 to 65535)")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py facilitate", description="Run a group session: a projector "
                                "for the room and a console for the facilitator.")
    p.add_argument("scenario", nargs="?", metavar="SCENARIO",
                   help="the scenario to run: a file anywhere, or a name from scenarios/ (default: choose one)")
    p.add_argument("--one-window", action="store_true",
                   help="only the audience view (one screen, or a mirrored laptop): drive it with keys")
    p.add_argument("--audience-display", type=int, metavar="N",
                   help="the display for the audience view, counted from 0 (default: the second display)")
    p.add_argument("--discussion", type=_minutes, default=180.0, metavar="MINUTES",
                   help="the discussion time at each decision (default 3)")
    p.add_argument("--summary-dir", type=Path, metavar="FOLDER",
                   help="where summaries go (default: saves/group/<scenario>-<date-time>/)")
    p.add_argument("--phones", action="store_true",
                   help="let phones vote from the start (a web page on this computer's network; see the README)")
    p.add_argument("--phone-port", type=_port, metavar="N",
                   help="the port phones connect to (default 8765, or the next free one; 0: any free port)")
    p.add_argument("--size", type=_size, metavar="WxH", help="the console window's size (default 1280x720)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="crossing-paths: %(message)s")
    scenario = None
    if args.scenario is not None:
        from game.engine import library
        from game.engine.diagnostics import Diagnostic, format_text

        scenario = library.find(args.scenario, paths.scenarios_dir())
        if isinstance(scenario, Diagnostic):
            print(format_text(scenario), file=sys.stderr)
            return 1
    if args.audience_display is not None and args.audience_display < 0:
        print("crossing-paths: --audience-display counts displays from 0", file=sys.stderr)
        return 2
    reason = no_display_reason()
    if reason is not None:
        print(f"{NO_DISPLAY} ({reason})", file=sys.stderr)
        return 1
    settings_path = paths.saves_dir() / settings.SETTINGS_FILE
    store, problem = open_store()
    app = App(settings.load(settings_path), settings_path=settings_path, store=store, store_problem=problem)
    if not open_window(app, args.size or DEFAULT_SIZE):
        return 1
    displays = num_displays()
    if args.audience_display is not None and args.audience_display >= displays:
        print(f"crossing-paths: there is no display {args.audience_display} (displays: 0 to {displays - 1}); "
              "using the last one", file=sys.stderr)
    if args.phone_port is not None:
        os.environ[PORT_ENV] = str(args.phone_port)  # phone_run reads it each time phone voting starts
    app.group_setup = GroupSetup(one_window=True if args.one_window else None, display=args.audience_display,
                                 summary_dir=args.summary_dir, discussion=args.discussion, phones=args.phones)
    app.act(RunGroup(Path(scenario)) if scenario is not None else Push("group_pick"))
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
        pygame.quit()
    return 0
