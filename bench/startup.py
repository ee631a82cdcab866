"""How long people wait before anything happens: each command started afresh, timed by the wall clock.

    python bench/startup.py [--runs 7]

- validate: `python main.py validate` of the whole library, to its exit, as CI or a trainer re-running it
  meets it (each unchanged file's answer is remembered: see game/trainer/validate_cache.py); validate_edit:
  the same just after one file of (a copy of) the library was edited, as in a trainer's edit-and-check loop:
  that file is loaded and checked, the others answered from the cache; validate_cold: --no-cache, every file
  loaded and checked afresh;
- text: `python main.py text scenarios/friend-request.yaml` with stdin closed, until the first line of the
  first scene is printed;
- first frame: `python main.py` until its title screen is on the screen (CROSSING_PATHS_FIRST_FRAME=1 makes
  it draw one frame, say so and quit), against a bare pygame-ce window doing the same, in the same run.
  Windows open under Xvfb (a virtual X display) when it is installed, so the numbers do not depend on a
  desktop; without it the window part is skipped and reported as nan.

Every child runs as Python runs on a player's machine: compiled modules are cached (in a temporary
PYTHONPYCACHEPREFIX, so the checkout is not littered) and one warm-up run of each command fills that cache
first. A sandbox that sets PYTHONDONTWRITEBYTECODE would otherwise make every run compile every module from
source (about 0.13 s here), which no player pays after their first start.

Prints the median of each over the runs (the runs alternate, so a busy moment on a shared machine hits all
of them alike). The last line is
`first_frame_s=F bare_s=B ratio=R validate_s=V validate_edit_s=E validate_cold_s=C text_s=T python_s=P`.
Targets on the project's 2-core machine: V <= 0.30, T <= 0.35, R <= 1.5.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "friend-request.yaml"
BARE_WINDOW = """
import pygame
pygame.init()
surface = pygame.display.set_mode((1280, 720))
surface.fill((250, 250, 245))
pygame.display.flip()
print("first frame", flush=True)
pygame.quit()
"""


def timed_until(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting `command` until `marker` is in its output (then it is left to finish)."""
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8") as child:
        for line in child.stdout:
            if marker in line:
                seconds = time.perf_counter() - started
                child.communicate(timeout=60)
                return seconds
        _, errors = child.communicate(timeout=60)
    raise RuntimeError(f"{' '.join(command[1:])} never printed {marker!r}: {errors.strip()[-400:]}")


def timed_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120)
    seconds = time.perf_counter() - started
    if "Traceback" in done.stderr:
        raise RuntimeError(f"{' '.join(command[1:])} failed: {done.stderr.strip()[-400:]}")
    return seconds


def first_scene_line() -> str:
    """A piece of the first line of the first scene: seeing it printed means the scene is on the screen."""
    scenario = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    first = scenario["nodes"][scenario["start"]]["lines"][0]
    return (first["text"] if isinstance(first, dict) else str(first)).split("\n")[0][:30]


class VirtualDisplay:
    """Xvfb on a free display number, for as long as the `with` lasts; None outside Linux or without Xvfb."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> str | None:
        if shutil.which("Xvfb") is None:
            return None
        for number in range(91, 120):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            self.process = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.process.poll() is None:
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    self.display = f":{number}"
                    return self.display
                time.sleep(0.05)
            self.__exit__()
        return None

    def __exit__(self, *_: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    python = sys.executable
    marker = first_scene_line()
    with tempfile.TemporaryDirectory() as saves, VirtualDisplay() as display:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("SDL_", "CROSSING_PATHS_"))}
        base["CROSSING_PATHS_SAVES"] = saves  # a fresh save folder: the player's own saves are left alone
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        base["PYTHONPYCACHEPREFIX"] = str(Path(saves) / "pycache")
        window_env = {**base, "DISPLAY": display or "", "SDL_AUDIODRIVER": "dummy", "CROSSING_PATHS_FIRST_FRAME": "1"}
        times: dict[str, list[float]] = {"validate": [], "validate_edit": [], "validate_cold": [], "text": [],
                                         "first_frame": [], "bare": [], "python": []}
        library = Path(saves) / "library"
        shutil.copytree(ROOT / "scenarios", library)
        edited = library / SCENARIO.name
        timed_run([python, "main.py", "validate"], base)  # warm-up: fills the bytecode cache
        timed_run([python, "main.py", "validate", str(library)], base)
        timed_until([python, "main.py", "text", str(SCENARIO.relative_to(ROOT))], marker, base)
        if display:
            timed_until([python, "main.py"], "first frame", window_env)
        for _ in range(args.runs):
            # the interpreter alone, on this machine: what no change to the game can take off the other numbers
            times["python"].append(timed_run([python, "-c", "pass"], base))
            times["validate"].append(timed_run([python, "main.py", "validate"], base))
            with edited.open("a", encoding="utf-8") as trainer:  # a change the checker must see afresh
                trainer.write(f"# edit {len(times['validate'])}\n")
            times["validate_edit"].append(timed_run([python, "main.py", "validate", str(library)], base))
            times["validate_cold"].append(timed_run([python, "main.py", "validate", "--no-cache"], base))
            times["text"].append(timed_until([python, "main.py", "text", str(SCENARIO.relative_to(ROOT))],
                                             marker, base))
            if display:
                times["first_frame"].append(timed_until([python, "main.py"], "first frame", window_env))
                times["bare"].append(timed_until([python, "-c", BARE_WINDOW], "first frame", window_env))
    median = {k: statistics.median(v) if v else math.nan for k, v in times.items()}
    for name, values in times.items():
        shown = ", ".join(f"{v:.3f}" for v in values) or "skipped: Xvfb is not installed (apt-get install xvfb)"
        print(f"{name:12s} median {median[name]:.3f} s   runs: {shown}")
    ratio = median["first_frame"] / median["bare"] if display else math.nan
    print(f"first_frame_s={median['first_frame']:.3f} bare_s={median['bare']:.3f} ratio={ratio:.2f} "
          f"validate_s={median['validate']:.3f} validate_edit_s={median['validate_edit']:.3f} "
          f"validate_cold_s={median['validate_cold']:.3f} text_s={median['text']:.3f} python_s={median['python']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
