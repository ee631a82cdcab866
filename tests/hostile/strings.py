"""Hostile strings (tests/hostile/texts.py) through every renderer and every terminal printer.

    run(problems) -> {"cases": n, "tracebacks": k, "hangs": h, "raw_controls": r}, each failure described
    in `problems` (the convention of the other suites here)

Renderers, in this process on a headless display: word-wrap and line rendering (game.ui.text), the
social-media cards, and the desktop's scenario list showing files whose keys carry the strings; then
`snapshot` of a generated scenario holding every string the validator accepts. Printers: the diagnostic
printer, the terminal player's printer, its warnings and its echo of answers (in this process); `validate`
(text and JSON), `text` and `snapshot` as subprocesses. `raw_controls` counts printed outputs that hold a
raw control character other than the newline (or a bidirectional control): those could clear, retitle
or reorder the terminal that shows them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from tests.hostile import scenario_files
from tests.hostile.bounded import Hang, time_limit
from tests.hostile.texts import STRINGS

ROOT = Path(__file__).resolve().parents[2]
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CASE_LIMIT = 20.0  # seconds for one in-process case: any layout or print takes well under a second
RUN_LIMIT = 180.0  # seconds for one subprocess


@dataclass
class Tally:
    cases: int = 0
    tracebacks: int = 0
    hangs: int = 0
    raw_controls: int = 0
    failures: list[str] = field(default_factory=list)  # the caller's `problems` list

    def case(self, label: str, fn, *args) -> None:
        """One case: `fn(*args)` returns what it printed (or None for a renderer)."""
        self.cases += 1
        try:
            with time_limit(CASE_LIMIT):
                printed = fn(*args)
        except Hang:
            self.hangs += 1
            self.failures.append(f"{label}: no answer within {CASE_LIMIT:.0f} s")
        except Exception:  # noqa: BLE001 - counting every failure is the point of this suite
            self.tracebacks += 1
            self.failures.append(f"{label}: {traceback.format_exc(limit=-4)}")
        else:
            self.check_printed(label, printed)

    def check_printed(self, label: str, printed: str | None) -> None:
        if printed and (m := RAW.search(printed)):
            self.raw_controls += 1
            self.failures.append(f"{label}: raw U+{ord(m.group()):04X} in {printed[max(0, m.start() - 40):][:80]!r}")

    def result(self) -> dict:
        return {"cases": self.cases, "tracebacks": self.tracebacks, "hangs": self.hangs,
                "raw_controls": self.raw_controls}


# --- renderers --------------------------------------------------------------------------------------------

def _wrap_and_draw(fonts, text: str) -> None:
    from game.ui.text import LineCache, wrap

    cache = LineCache()
    for px in (18, 40):
        font = fonts.get(px)
        for width in (120, 600):  # the narrowest column the screens lay out (they fall back below it)
            lines = wrap(font, text, width)
            for line in lines[:40] + lines[-1:]:  # every line takes the same path: the first and last suffice
                if line:
                    cache.render(font, line, (0, 0, 0))


_CARD_EXAMPLES = ("request-facebook", "post-facebook", "messages-whatsapp", "search-name", "privacy-facebook")
_TEXT_KEYS = {"name", "subtitle", "time", "message", "handle", "text", "alt", "audience_label", "title", "from",
              "query", "url", "snippet", "label", "value", "note"}


def _with_text(data, text: str, adapter):
    """The example with `text` in every text field the card model accepts it in (20,000 characters do
    not fit a name, so the first 300 go there; an empty string fits nothing)."""
    def leaves(node, path=()):
        if isinstance(node, dict):
            for k, v in node.items():
                if isinstance(v, str) and k in _TEXT_KEYS:
                    yield (*path, k)
                yield from leaves(v, (*path, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from leaves(v, (*path, i))

    def put(node, path, value):
        node = json.loads(json.dumps(node))
        target = node
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
        return node

    card, whole = data, [text]  # the whole string once per card; a long one in every field only measures
    for path in list(leaves(data)):       # the same breaking again, and slowly
        for candidate in (*whole, text[:300]):
            trial = put(card, path, candidate)
            try:
                adapter(trial)
            except ValueError:
                continue
            card = trial
            if candidate is text:
                whole = []
            break
    return adapter(card)


def _draw_cards(text: str, sizes: tuple, examples: tuple[str, ...]) -> None:
    from game.engine import shape
    from game.engine.model import Card
    from game.ui.cards import clear_cache
    from tests.support.cards_gallery import EXAMPLES, render

    for name in examples:
        card = _with_text(EXAMPLES[name], text, lambda data: shape.build(Card, data))
        for width, scale, high_contrast in sizes:
            render(card, width, scale, high_contrast)
    clear_cache()


def _scenario_list(folder: Path) -> None:
    """The desktop's scenario list, which shows each file's first error (a hostile key, escaped)."""
    from game.settings import Preferences
    from game.ui.app import App
    from game.ui.pilot import Pilot
    from game.ui.voice import Voice

    app = App(Preferences(), scenarios_dir=folder, voice=Voice(exe=None))
    app.open_display((1280, 720))
    pilot = Pilot(app)
    pilot.click("scenarios")
    pilot.press("page_down", times=3)
    app.draw()


# --- printers ---------------------------------------------------------------------------------------------

def _diagnostic(text: str) -> str:
    from game.engine.diagnostics import Diagnostic, format_text

    return format_text(Diagnostic("CP201", f"unknown key '{text}'", f"{text}.yaml", 3, 1, f"did you mean '{text}'?"))


def _player(text: str) -> str:
    from game.terminal.loop import TerminalPlay

    out = io.StringIO()
    terminal = TerminalPlay(story=None, out=out, width=80)
    terminal.show([text, f"1. {text}", f"  {text}"])
    TerminalPlay(story=None, out=out, width=None).show([text])
    return out.getvalue()


def _warning(text: str) -> str:
    from game import textplayer

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        textplayer._warn(f"crossing-paths text: there is no save called '{text}'")
    return err.getvalue()


def _echo(text: str) -> str:
    from game.terminal.loop import Keyboard, Leave

    answers = iter([text, "1"])
    out = io.StringIO()
    keyboard = Keyboard(lambda prompt: next(answers), out.write, echo=True)
    with contextlib.suppress(Leave):
        keyboard.choose(SimpleNamespace(choices=[0, 0]))
    return out.getvalue()


def _subprocess(tally: Tally, label: str, args: list[str], cases: int, env: dict, want: set[int]) -> str:
    """Run `python main.py ARGS`; counts `cases` cases. A traceback, a crash or an unexpected exit code
    counts as a traceback; running past RUN_LIMIT as a hang. Returns stdout."""
    tally.cases += cases
    try:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, env=env,
                              timeout=RUN_LIMIT, stdin=subprocess.DEVNULL, cwd=ROOT)
    except subprocess.TimeoutExpired:  # subprocess.run kills it (SIGKILL): SDL ignores SIGTERM when stuck
        tally.hangs += 1
        tally.failures.append(f"{label}: no answer within {RUN_LIMIT:.0f} s")
        return ""
    out = done.stdout.decode("utf-8", "replace")
    err = done.stderr.decode("utf-8", "replace")
    if "Traceback" in err or done.returncode not in want:
        tally.tracebacks += 1
        tally.failures.append(f"{label}: exit {done.returncode}: {err[-800:]}")
    for stream, text in (("stdout", out), ("stderr", err)):
        for line in text.splitlines():
            tally.check_printed(f"{label} {stream}", line)
    return out


def run(problems: list[str] | None = None, quick: bool = False) -> dict:
    """Every string through every printer. `quick` (for the test suite) draws only the strings up to 300
    characters, on two cards at one size: laying out 20,000 characters is the layout suite's to time."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.ui.fonts import Fonts

    tally = Tally(failures=[] if problems is None else problems)
    pygame.display.init()
    pygame.font.init()
    fonts = Fonts()
    drawn = [(label, text) for label, text in STRINGS if not quick or len(text) <= 300]
    sizes = ((700, 1.0, False),) if quick else ((700, 1.0, False), (320, 2.0, True))
    examples = _CARD_EXAMPLES[1:3] if quick else _CARD_EXAMPLES  # a post with comments, and messages
    for label, text in drawn:
        tally.case(f"wrap+draw {label}", _wrap_and_draw, fonts, text)
        tally.case(f"cards {label}", _draw_cards, text, sizes, examples)
    for label, text in STRINGS:
        for name, printer in (("diagnostic", _diagnostic), ("player", _player), ("warning", _warning),
                              ("echo", _echo)):
            tally.case(f"{name} {label}", printer, text)

    with tempfile.TemporaryDirectory(prefix="hostile-strings-") as tmp:
        files = scenario_files.write_all(Path(tmp), STRINGS, drawn)
        key_files = sorted(files["keys"].iterdir())
        tally.case("desktop scenario list", _scenario_list, files["keys"])
        pygame.quit()

        env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
               "CROSSING_PATHS_SAVES": str(Path(tmp) / "saves"), "PYTHONIOENCODING": "utf-8"}
        keys, all_keys, story = str(files["keys"]), str(files["all_keys"]), str(files["playthrough"])
        played = sum(scenario_files.playable(t) for _, t in drawn)
        _subprocess(tally, "validate", ["validate", keys], len(key_files), env, {1})
        out = _subprocess(tally, "validate --format json", ["validate", keys, "--format", "json"],
                          len(key_files), env, {1})
        try:
            json.loads(out)
        except ValueError as exc:
            tally.tracebacks += 1
            tally.failures.append(f"validate --format json: not JSON: {exc}")
        _subprocess(tally, "text (keys)", ["text", all_keys, "--choices", "1"], 1, env, {1})
        _subprocess(tally, "text (playthrough)", ["text", story, "--autoplay", "--seed", "1"], played, env, {0})
        _subprocess(tally, "snapshot (keys)", ["snapshot", all_keys, "--choices", "1", "--out",
                                               str(Path(tmp) / "keys-png")], 1, env, {1})
        _subprocess(tally, "snapshot (playthrough)",
                    ["snapshot", story, "--choices", ",".join(["1"] * played), "--out", str(Path(tmp) / "png"),
                     "--size", "640x480", "--text-scale", "1.5"], played, env, {0})
    return tally.result()


if __name__ == "__main__":
    problems: list[str] = []
    result = run(problems)
    for problem in problems:
        print(problem)
    print(" ".join(f"{k}={v}" for k, v in result.items()))
