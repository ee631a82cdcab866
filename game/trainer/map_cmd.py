"""`python main.py map SCENARIO [--format mermaid|dot|svg] [--out FILE]`: draw a scenario's story map.

Mermaid (the default) renders in a GitHub README or issue; DOT is for Graphviz; SVG runs Graphviz's `dot`.
The map is worked out from the story graph each time (game/engine/storymap.py), never stored. `--window` opens
the in-game map instead (`play SCENARIO --map --watch`): pan, zoom, play from any node, and drawn again on
each save of the file.
Exit codes: 0 written (with a note on stderr when Mermaid on GitHub would refuse it), 1 a scenario that
cannot be read or built, a missing Graphviz or a file that cannot be written, 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game import paths
from game.engine import library, storymap
from game.engine.controls import escape
from game.engine.diagnostics import format_text
from game.engine.wording import plural

from . import map_dot, map_mermaid

FORMATS = ("mermaid", "dot", "svg")
NO_GRAPHVIZ = ("Graphviz's 'dot' is not installed: install Graphviz (apt-get install graphviz, brew install "
               "graphviz, or graphviz.org/download) or use --format dot")


class UsageError(Exception):
    """A problem with the command line; the message is for people."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit the process; the caller decides instead
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python main.py map",
                     description="Draw a scenario's story map: scenes, numbered choices, routes and their "
                                 "conditions, endings on the outcome ladder, and the flags.")
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file, file name or id")
    parser.add_argument("--format", choices=FORMATS, default="mermaid",
                        help="mermaid (GitHub), dot (Graphviz) or svg (needs Graphviz's dot); default mermaid")
    parser.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--window", action="store_true",
                        help="open the map in the game's window: pan, zoom and play from any node")
    return parser


def _say(message: str) -> None:
    print(escape(message), file=sys.stderr)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        _say(f"map: {exc}\nusage: python main.py map SCENARIO [--format mermaid|dot|svg] [--out FILE] [--window]")
        return 2
    if args.window:
        if args.out is not None or "--format" in argv:
            _say("map: --window opens the map on screen: leave out --format and --out")
            return 2
        from game.ui.app import main as play  # only now: the exports work where pygame cannot be imported

        return play([args.scenario, "--map", "--watch"])  # a save of the file draws the map again
    checked = library.open_scenario(args.scenario, paths.scenarios_dir())
    scenario = checked.loaded.scenario
    for d in checked.diagnostics:
        if d.is_error or scenario is None:
            _say(format_text(d))
    if scenario is None:
        return 1
    if checked.errors:  # a map of a broken draft still helps to see what is wrong with it
        _say(f"map: note: {checked.file} has {plural(len(checked.errors), 'error')}; the map shows it as written")
    story_map = storymap.build(scenario)
    try:
        output = _render(story_map, args.format)
    except map_dot.DotMissing:
        _say(f"map: {NO_GRAPHVIZ}")
        return 1
    except RuntimeError as exc:
        _say(f"map: {exc}")
        return 1
    return _write(output, args.out)


def _render(story_map: storymap.StoryMap, fmt: str) -> bytes:
    if fmt == "mermaid":
        text = map_mermaid.render(story_map)
        note = map_mermaid.limits(story_map, text)
        if note:
            _say(f"map: note: {note}")
        return text.encode("utf-8")
    dot_text = map_dot.render(story_map)
    return dot_text.encode("utf-8") if fmt == "dot" else map_dot.svg(dot_text)


def _write(output: bytes, out: str | None) -> int:
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
        return 0
    try:
        Path(out).write_bytes(output)
    except OSError as exc:
        _say(f"map: cannot write {out}: {exc.strerror or exc}")
        return 1
    _say(f"map: wrote {out}")
    return 0
