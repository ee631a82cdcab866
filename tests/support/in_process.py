"""`python main.py ARGS` run in the test's own process, answered as subprocess.run answers.

A subprocess costs about a second (a fresh interpreter imports the game again); commands that end before any
window, server or signal handler is involved (usage errors, validate, paths) answer the same in-process.
Each command keeps at least one real end-to-end subprocess test elsewhere; this is for the many other
cases. Output goes to StringIO streams, as a pipe would take it (no terminal, no colour).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import traceback

import main as entry  # ROOT/main.py (conftest puts ROOT on sys.path)


def run_main(args: list[str]) -> subprocess.CompletedProcess:
    """main.py's `run` (exit code from a return or a SystemExit) with stdout and stderr captured. An uncaught
    exception is written to stderr as a traceback, exit 1, as the interpreter would: tests that check for
    "Traceback" still see it."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = entry.main(list(args))
        except SystemExit as exit_:  # argparse's --help and usage errors exit after printing
            code = exit_.code
        except Exception:  # noqa: BLE001 - shown as the interpreter would show it, for the test to see
            traceback.print_exc()
            code = 1
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): printed to stderr, exit 1
        err.write(f"{code}\n")
        code = 1
    return subprocess.CompletedProcess(["main.py", *args], code, out.getvalue(), err.getvalue())
