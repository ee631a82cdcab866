"""main.py's output piped into a reader that stops early (`main.py paths X | head`): a quiet exit, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_into_closed_reader(*args: str) -> subprocess.CompletedProcess:
    """Run main.py with its stdout a pipe whose reader has already gone: the first write meets EPIPE, every time."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader closes before the command writes a byte: as `| head -c0`, but deterministic
    try:
        return subprocess.run(
            [sys.executable, "main.py", *args], cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE,
            text=True, timeout=60, env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [
    ("paths", "scenarios/friend-request.yaml"),  # the reported case: output printed by the command itself
    ("--help",),  # main.py's own printing
    ("validate", "scenarios/friend-request.yaml"),  # one short line, met by the flush at the end
])
def test_a_reader_that_closes_early_ends_the_command_quietly(args):
    result = _run_into_closed_reader(*args)
    assert "Traceback" not in result.stderr
    assert "BrokenPipeError" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell reports `yes | head`


def test_a_reader_that_reads_a_little_then_closes():
    """The shape of `| head -1`: some output read, then the pipe closed while the command still runs."""
    process = subprocess.Popen(
        [sys.executable, "main.py", "paths", "scenarios/friend-request.yaml"], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first_line = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    code = process.wait(timeout=60)
    assert first_line.startswith("friend-request:")
    assert "Traceback" not in stderr
    # The command may have finished writing before the close (exit 0) or met the closed pipe (141): never 1.
    assert code in (0, 141)
