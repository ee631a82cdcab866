"""Crossing Paths: practise the ethical decisions social media forces on social workers.

    python main.py                      the desktop game
    python main.py play [--projector]   the same, with options
    python main.py facilitate [SCENARIO] [--one-window] [--audience-display N]
                                        run a group session: projector for the room, console for you
    python main.py text PATH            play a scenario in the terminal
    python main.py validate [PATH ...]  check scenario files (for trainers)
    python main.py new ID [--title T]   write a commented starter scenario ID.yaml in scenarios/
    python main.py snapshot SCENARIO    render a playthrough to PNGs (--full, --pages; --framework ID;
                                        --handout FILE.html)
    python main.py map SCENARIO [--format mermaid|dot|svg] [--out FILE] [--window]
                                        draw the story map (for trainers); --window: in the game
    python main.py schema               write docs/scenario.schema.json from the model
    python main.py paths SCENARIO       every ending: shortest choices, flags, score ranges; dead content
    python main.py results export|send|cpd|reflect
                                        your records: export them, send xAPI to an LRS, print a CPD record,
                                        write a reflection in the terminal
"""

from __future__ import annotations

import os
import sys

# The game uses no pydantic plugins, and looking for them reads the metadata of every installed package:
# 30 ms of every start-up that loads a scenario.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# Each command lives in its own module and is imported only when used: the terminal player and the
# validator must work on a machine where pygame cannot even be imported.
COMMANDS = {
    "play": ("game.ui.app", "main"),
    "text": ("game.textplayer", "main"),
    "validate": ("game.trainer.validate_cmd", "main"),
    "new": ("game.trainer.new_cmd", "main"),
    "map": ("game.trainer.map_cmd", "main"),
    "snapshot": ("game.ui.snapshot", "main"),
    "facilitate": ("game.ui.facilitate", "main"),
    "schema": ("game.engine.schema", "main"),
    "paths": ("game.trainer.paths_cmd", "main"),
    "results": ("game.records.cli", "main"),
}


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help", "help"):
        print(__doc__.strip())
        return 0
    command, rest = ("play", argv) if not argv or argv[0].startswith("-") else (argv[0], argv[1:])
    if command not in COMMANDS:
        print(f"crossing-paths: unknown command '{command}'. Commands: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module_name, function = COMMANDS[command]
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        print(f"crossing-paths: '{command}' cannot start: {exc}. "
              "Run 'pip install -r requirements.txt' first.", file=sys.stderr)
        return 1
    return getattr(module, function)(rest)


# 128 + the signal's number, as a shell reports a process a signal ended: Ctrl+C (SIGINT) and a reader that
# stopped reading (SIGPIPE, as in `main.py paths X | head`).
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def run(argv: list[str]) -> int | str | None:
    """main(), ended quietly when the reader of our output goes away (the Python docs' recipe for SIGPIPE)."""
    try:
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse's --help and usage errors exit after printing
            code = exit_.code
        # Flush here, not at exit: output still in the buffer would otherwise fail after this handler.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # Point stdout at devnull so the interpreter's own flush at exit cannot raise a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
