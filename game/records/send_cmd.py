"""`python main.py results send`: send the queued xAPI statements to a learning record store now.

Options not given come from Settings (saves/settings.json); `--remember` keeps the ones given there. Running
this command is the learner's own act of sending, so it sends even while background sending is off.
`--sending on|off` only switches the game's background sending (kept in Settings) and sends nothing.

Exit codes: 0 nothing is left queued; 1 some statements are still queued (the LRS could not be reached or
refused the password: they go on the next try) or the LRS rejected some as invalid; 2 a usage error, or no
LRS address or identity to send with; 3 the outbox or the settings file cannot be used.
"""

from __future__ import annotations

import argparse
import sys
import time

from game import paths, settings

from . import recorder
from .lrs import LrsConfig, check_endpoint, send_due
from .outbox import Outbox, OutboxError

EXIT_OK, EXIT_LEFT, EXIT_USAGE, EXIT_FILES = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, as argparse does, but never a traceback
        self.print_usage(sys.stderr)
        print(f"crossing-paths results send: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python main.py results send",
                description="Send your queued xAPI statements to a learning record store (LRS).")
    p.add_argument("--lrs", metavar="URL", help="the LRS's xAPI address (statements go to URL/statements)")
    p.add_argument("--user", help="the LRS user (HTTP Basic)")
    p.add_argument("--password", help=f"the LRS password (or set {recorder.PASSWORD_ENV})")
    p.add_argument("--identity", choices=("none", "anonymous", "named"),
                   help="who the statements say you are: nobody, an anonymous id, or your name and email")
    p.add_argument("--name", help="your name (with --identity named)")
    p.add_argument("--email", help="your email (with --identity named)")
    p.add_argument("--sending", choices=("on", "off"),
                   help="turn sending in the background on or off in the game (kept in Settings; sends nothing now)")
    p.add_argument("--remember", action="store_true", help="keep the options given in Settings")
    p.add_argument("--status", action="store_true", help="only count what is sent and queued; send nothing")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds for one request (10)")
    return p


def _apply(prefs: settings.Preferences, args: argparse.Namespace) -> settings.Preferences:
    given = {"lrs_endpoint": args.lrs, "lrs_user": args.user, "lrs_password": args.password,
             "xapi_identity": args.identity, "xapi_name": args.name, "xapi_email": args.email,
             "lrs_sending": None if args.sending is None else args.sending == "on"}
    if args.lrs is not None:
        given["lrs_endpoint"] = check_endpoint(args.lrs)  # ValueError says why it cannot be an LRS address
    for name, value in given.items():
        if value is not None:
            checked, problem = settings.BY_NAME[name].check(value)
            if problem:
                raise ValueError(f"{settings.BY_NAME[name].label}: {problem}")
            prefs = prefs.with_value(name, checked)
    return recorder.with_account(prefs)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    settings_path = paths.saves_dir() / settings.SETTINGS_FILE
    saved = settings.load(settings_path)
    try:
        prefs = _apply(saved, args)
    except ValueError as exc:
        print(f"crossing-paths results send: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # an anonymous id, once made, is kept whether or not --remember was given (it must stay the same id), and
    # so is --sending, which is a switch for the game
    keep = prefs if args.remember else saved.with_value("xapi_account", prefs.xapi_account).with_value(
        "lrs_sending", prefs.lrs_sending)
    if keep != saved:
        try:
            settings.save(keep, settings_path)
        except OSError as exc:
            print(f"crossing-paths results send: cannot save the settings in {settings_path}: {exc}",
                  file=sys.stderr)
            return EXIT_FILES
        if args.remember:
            print(f"Saved in {settings_path} (the password in plain text, readable by you only).")
    if args.sending is not None:  # a change of the game's setting, not a send
        print(f"Sending in the background is {args.sending}"
              + (f" ({why})." if args.sending == "on" and (why := recorder.why_not_sending(keep)) else "."))
        return EXIT_OK
    try:
        outbox = Outbox.open()
    except OutboxError as exc:
        print(f"crossing-paths results send: {exc}", file=sys.stderr)
        return EXIT_FILES
    with outbox:
        if args.status:
            return _status(outbox)
        return _send(outbox, prefs, args.timeout)


def _status(outbox: Outbox) -> int:
    c = outbox.counts()
    print(f"sent: {c.sent}, queued: {c.queued}, rejected by the LRS: {c.rejected}, damaged: {c.damaged}")
    return EXIT_OK if not c.queued else EXIT_LEFT


def _send(outbox: Outbox, prefs: settings.Preferences, timeout: float) -> int:
    try:
        endpoint = check_endpoint(prefs.lrs_endpoint)
    except ValueError as exc:
        print(f"crossing-paths results send: {exc}: give --lrs URL (and --remember to keep it)", file=sys.stderr)
        return EXIT_USAGE
    agent = recorder.agent_of(prefs)
    if agent is None and prefs.xapi_identity == "named":
        print(f"crossing-paths results send: {prefs.xapi_email or 'no email'!r} is not an email address an LRS "
              "accepts: give --email EMAIL (name@example.org)", file=sys.stderr)
        return EXIT_USAGE
    if agent is None:
        print("crossing-paths results send: no identity is chosen for the statements: give --identity anonymous, "
              "or --identity named --name NAME --email EMAIL", file=sys.stderr)
        return EXIT_USAGE
    if not 0 < timeout <= 600:
        print("crossing-paths results send: --timeout must be between 0 and 600 seconds", file=sys.stderr)
        return EXIT_USAGE
    config = LrsConfig(endpoint, prefs.lrs_user, recorder.password_of(prefs), timeout)
    started = time.monotonic()
    try:
        report = send_due(outbox, config, agent, everything=True)
    except OutboxError as exc:
        print(f"crossing-paths results send: {exc}", file=sys.stderr)
        return EXIT_FILES
    left = outbox.counts()  # damaged rows (kept, never sent) apart from those queued
    print(f"sent: {report.stored}, already there: {report.already}, left queued: {left.queued}"
          + (f", rejected by the LRS: {report.rejected}" if report.rejected else "")
          + (f", damaged (never sent): {left.damaged}" if left.damaged else "")
          + f" ({time.monotonic() - started:.1f} s)")
    if report.error:
        print(f"not all sent: {report.error}; the rest will be tried again later", file=sys.stderr)
    return EXIT_OK if not left.queued and not report.rejected else EXIT_LEFT
