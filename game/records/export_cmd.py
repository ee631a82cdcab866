"""`python main.py results export [--format csv|json] [--out FILE]`: every finished playthrough in the save
file, newest first, to standard output or a file written whole or not at all (game/atomic.py).

Exit 0 with the records written (none is not an error: an empty list or a header row); 1 with one line saying
why when the save file cannot be read or FILE cannot be written; 2 for a usage mistake (argparse)."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from game import paths

from .export import write_csv, write_json

PROG = "python main.py results export"
FORMATS = ("csv", "json")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Every finished playthrough: CSV (one row per "
                                "playthrough; opens in Excel) or JSON (docs/records.schema.json).")
    p.add_argument("--format", choices=FORMATS, default="csv", help="default csv")
    p.add_argument("--out", metavar="FILE", type=Path, help="write to FILE (default: standard output)")
    return p


def _say(message: str) -> None:
    from game.engine.controls import escape

    print(escape(message), file=sys.stderr)  # paths and file messages may hold control characters


def _fail(message: str) -> int:
    _say(f"crossing-paths results export: {message}")
    return 1


def _records(save_file: Path) -> list:
    """The records, newest first, as the exports write them (SaveStore.export_rows); none when there is no save
    file yet (export never creates one)."""
    from game.saves import SaveStore

    if not os.path.lexists(save_file):
        return []
    with SaveStore.open(save_file) as store:
        return store.export_rows()


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from game.saves import SaveError

    out: Path | None = args.out
    if out is not None and out.is_dir():
        return _fail(f"cannot write {out}: it is a folder; name a file")
    try:
        records = _records(paths.save_file())
    except SaveError as exc:
        return _fail(f"cannot read your records: {exc}")
    text = io.StringIO(newline="")
    if args.format == "json":
        write_json(records, text)
    else:
        write_csv(records, text)
    if out is None:
        return _to_stdout(text.getvalue())
    from game import atomic

    try:
        atomic.write_text(out, text.getvalue(), newline="")
    except OSError as exc:
        why = "its folder does not exist" if isinstance(exc, FileNotFoundError) else (exc.strerror or str(exc))
        return _fail(f"cannot write {out}: {why}")
    from game.engine.wording import plural

    _say(f"{plural(len(records), 'playthrough')} written to {out}")
    return 0


def _to_stdout(text: str) -> int:
    """UTF-8 whatever the terminal's locale says (the BOM and the records are UTF-8 in a file too)."""
    sys.stdout.flush()
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        stdout.write(text)
        stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        stdout.detach()  # sys.stdout stays usable (and open) after us
    return 0
