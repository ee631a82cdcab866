"""Self-voicing: read the screen's text aloud through espeak-ng (like Ren'Py's self-voicing).

Speech runs in its own process (Popen) so the UI never waits for it; a new utterance kills the one
before. Without espeak-ng the feature is off and `reason` says why (the settings screen shows it).
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING

from .emojitext import spoken

if TYPE_CHECKING:
    import subprocess  # imported when the game first speaks: most players never turn self-voicing on

log = logging.getLogger("crossing_paths.ui")

MAX_CHARS = 20_000  # well under a pipe's buffer, so writing the text never blocks


class Voice:
    def __init__(self, exe: str | None = None, enabled: bool = False):
        """`exe`: the espeak-ng program (None: no speech). `Voice.detect()` finds it on the PATH."""
        self.exe = exe
        self.enabled = enabled and self.available
        self._proc: subprocess.Popen | None = None
        self._dead: list[subprocess.Popen] = []
        self.last: str | None = None  # the last text spoken (tests read it)

    @classmethod
    def detect(cls, enabled: bool = False) -> Voice:
        return cls(shutil.which("espeak-ng"), enabled)

    @property
    def available(self) -> bool:
        return self.exe is not None

    @property
    def reason(self) -> str:
        return "" if self.available else ("espeak-ng is not installed, so the game cannot speak. "
                                          "Install it (e.g. apt-get install espeak-ng) to use self-voicing.")

    def say(self, text: str) -> None:
        if not self.enabled or not text.strip():
            return
        import subprocess

        text = spoken(text)  # emoji said by name: drawn as pictures, they are not in the words on screen
        self.stop()
        self.last = text
        try:
            proc = subprocess.Popen([self.exe, "-v", "en-gb", "-s", "165", "--stdin"], stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            proc.stdin.write(text[:MAX_CHARS].encode("utf-8"))
            proc.stdin.close()
        except OSError as exc:
            log.warning("self-voicing failed: %s", exc)
            return
        self._proc = proc

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            self._dead.append(proc)
        self._dead = [p for p in self._dead if p.poll() is None]  # reap without waiting

    @property
    def speaking(self) -> bool:
        return self._proc is not None and self._proc.poll() is None
