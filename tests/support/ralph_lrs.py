"""Ralph (a real xAPI learning record store, `ralph-malph[cli,lrs]` from requirements-test.txt) on loopback
with its filesystem backend, for tests/test_xapi_ralph.py and bench/lrs_send.py.

The credentials are made as Ralph's documentation says (`ralph auth … -w` with RALPH_APP_DIR set); the
server is Ralph's app with the fs backend, started by tests/support/ralph_server.py rather than
`ralph runserver` (that file says why: Ralph 5.1.0's fs LRS accepts only the first POST). It runs in a
process group of its own, which `stop` ends at once, as a crash or a pulled plug would.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

USER = "crossing-tests"
PASSWORD = "not-a-secret-7f3b"
AUTHORITY = "mailto:lrs-tests@example.org"
START_TIMEOUT = 60.0
SERVER = Path(__file__).resolve().parent / "ralph_server.py"


def unavailable() -> str | None:
    """Why Ralph cannot run here, or None."""
    for module in ("ralph", "uvicorn", "fastapi", "requests"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed: pip install -r requirements-test.txt"
    if _ralph_command() is None:
        return "the ralph command is not on PATH: pip install -r requirements-test.txt"
    return None


def _ralph_command() -> list[str] | None:
    exe = shutil.which("ralph", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    return [exe] if exe else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Ralph:
    def __init__(self, root: Path):
        self.root = root
        self.app_dir = root / "app"
        self.data_dir = root / "data"
        self.run_dir = root / "run"
        for folder in (self.app_dir, self.data_dir, self.run_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process: subprocess.Popen | None = None
        self.env = {**os.environ, "RALPH_APP_DIR": str(self.app_dir), "RALPH_RUNSERVER_BACKEND": "fs",
                    "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data_dir),
                    "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "100000", "PYTHONDONTWRITEBYTECODE": "1"}
        self._authorised = False

    def _authorise(self) -> subprocess.Popen:
        return subprocess.Popen([*_ralph_command(), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                                 "-M", AUTHORITY, "-w"], env=self.env, cwd=self.run_dir,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def start(self) -> Ralph:
        # `auth` and the server start together (both take seconds to import): the server reads the
        # credentials file at its first request, which waits for `auth` below
        auth = None if self._authorised else self._authorise()
        log = open(self.root / "server.log", "ab")  # noqa: SIM115 - the server's own output, kept to read
        self.process = subprocess.Popen([sys.executable, str(SERVER), str(self.port)], env=self.env,
                                        cwd=self.run_dir, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        log.close()
        if auth is not None:
            out, _ = auth.communicate(timeout=START_TIMEOUT)
            if auth.returncode != 0:
                self.stop()
                raise RuntimeError(f"ralph auth failed: {out.decode(errors='replace')[-2000:]}")
            self._authorised = True
        self._wait_up()
        return self

    def _wait_up(self) -> None:
        import requests

        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if requests.get(f"http://127.0.0.1:{self.port}/__lbheartbeat__", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Ralph did not start: {(self.root / 'server.log').read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        """End the server's whole process group (the reloader and its worker), at once."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def freeze(self) -> None:
        """Stop the server where it stands (SIGSTOP to its process group): connections wait, nothing answers."""
        os.killpg(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.killpg(self.process.pid, signal.SIGCONT)

    def statements(self) -> list[dict]:
        """Every statement the LRS holds, as it gives them back."""
        import requests

        reply = requests.get(self.url + "statements", params={"limit": 100000}, auth=(USER, PASSWORD),
                             headers={"X-Experience-API-Version": "1.0.3"}, timeout=30)
        reply.raise_for_status()
        return reply.json()["statements"]
