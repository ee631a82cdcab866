"""`python main.py results ...`: the learner's records from the command line.

Each subcommand lives in its own module, imported only when used.
"""

from __future__ import annotations

import importlib
import sys

USAGE = """usage: python main.py results COMMAND [options]

  export [--format csv|json] [--out FILE]   every finished playthrough (standard output without --out)
  send [--lrs URL --user USER --password PASSWORD]
                                            send queued xAPI statements to a learning record store
  cpd [--format html|md|pdf] [--out FILE]   a printable CPD record of your reflections
  reflect [--latest N] [--playthrough ID]   write your reflection on a playthrough, one question at a time

Add --help after a command for its options."""

SUBCOMMANDS = {
    "export": "game.records.export_cmd",
    "send": "game.records.send_cmd",
    "cpd": "game.records.cpd_cmd",
    "reflect": "game.records.reflect_cmd",
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if argv else 2
    name, rest = argv[0], argv[1:]
    if name not in SUBCOMMANDS:
        print(f"crossing-paths results: unknown command '{name}'. Commands: {', '.join(SUBCOMMANDS)}",
              file=sys.stderr)
        return 2
    return importlib.import_module(SUBCOMMANDS[name]).main(rest)
