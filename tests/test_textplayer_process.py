"""The terminal player as a real process: the input ending, Ctrl-C, and `main.py` dispatching to it."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import FIXTURES, ROOT

CARDS = str(FIXTURES / "engine-cards.yaml")


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "CROSSING_PATHS_SAVES": str(tmp_path / "saves"), "COLUMNS": "80"}


def test_closed_input_leaves_cleanly(env):
    result = subprocess.run([sys.executable, "main.py", "text", CARDS], cwd=ROOT, env=env, timeout=60,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "You left the scenario." in result.stdout


def test_json_through_main(env):
    result = subprocess.run([sys.executable, "main.py", "text", CARDS, "--choices", "2,1", "--json"], cwd=ROOT,
                            env=env, timeout=60, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["ending"]["id"] == "commended"


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_exits_130_without_a_traceback(env):
    player = subprocess.Popen([sys.executable, "main.py", "text", CARDS], cwd=ROOT, env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    shown = b""
    deadline = time.monotonic() + 30
    while b"(q to quit): " not in shown and time.monotonic() < deadline:  # the prompt has no newline
        chunk = os.read(player.stdout.fileno(), 4096)
        if not chunk:
            break
        shown += chunk
    assert b"(q to quit): " in shown, player.stderr.read()
    player.send_signal(signal.SIGINT)
    _, err = player.communicate(timeout=30)
    assert player.returncode == 130
    assert b"Traceback" not in err and b"Interrupted." in err
