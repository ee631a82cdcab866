"""`python main.py validate [PATH ...]`: check scenario files, as a trainer or CI would.

Prints one line per problem in the compiler convention (`PATH:LINE:COL: error CODE: message`, with the
hint indented below) and a one-line summary, or a single JSON document with --format json.
Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 bad usage. Never a traceback: every problem
with a file is a diagnostic, and every problem with the command line is a usage message.

The answer for each file that has not changed is remembered (validate_cache.py), so the checker and the
scenario model are imported only when a file must really be checked, and then for that file alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from game.engine.assets import ROOT
from game.engine.controls import escape, escape_json
from game.engine.diagnostics import Diagnostic, format_text, sort_key
from game.engine.wording import plural

from . import validate_cache

SCENARIOS = ROOT / "scenarios"
SUFFIXES = (".yaml", ".yml")


class UsageError(Exception):
    """A problem with the command line; the message is for people."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would exit the process; the caller decides instead
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python main.py validate",
                     description="Check scenario files for mistakes. With no PATH, checks scenarios/*.yaml.")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="a scenario file, or a folder of them")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.add_argument("--no-cache", action="store_true",
                        help="check every file afresh, even if it has not changed since the last check")
    return parser


def scenario_files(paths: list[str]) -> list[Path]:
    if not paths:
        if not SCENARIOS.is_dir():
            raise UsageError(f"no PATH given and there is no scenarios folder at {SCENARIOS}")
        paths = [str(SCENARIOS)]
    files: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file())
            if not found:
                raise UsageError(f"no .yaml files in {text}")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:  # a scenario's name or id, as `text` and `snapshot` take them; or a close name to suggest
            from game.engine import library

            found = library.find(text, SCENARIOS)
            if isinstance(found, Diagnostic):
                raise UsageError(f"no such file or folder: {text}" + (f" ({found.hint})" if found.hint else ""))
            files.append(found)
    return list(dict.fromkeys(files))  # a file named twice is checked once


def _summary(files: int, diagnostics: list[Diagnostic]) -> dict[str, int]:
    errors = sum(d.is_error for d in diagnostics)
    return {"files": files, "errors": errors, "warnings": len(diagnostics) - errors}


def check(files: list[Path], remember: bool = True) -> list[Diagnostic]:
    """Every diagnostic for these files, each checked on its own (or answered from the cache when it has
    not changed) and then against the others."""
    from game.engine.declared import check_ids

    keys = validate_cache.keys_for(files) if remember else [None] * len(files)
    answers = validate_cache.lookup(files, keys)
    fresh: dict[str, validate_cache.Answer] = {}
    for i, (path, key) in enumerate(zip(files, keys, strict=True)):
        if answers[i] is None:
            answers[i] = _check_one(path)
            if key is not None:
                fresh[key] = answers[i]
    validate_cache.store(fresh)
    own = [d for answer in answers for d in answer[0]]
    return sorted(own + check_ids(answer[1] for answer in answers), key=sort_key)


def _check_one(path: Path) -> validate_cache.Answer:
    from game.engine.checked import check_file
    from game.engine.declared import Declared
    from game.engine.validate import check_file_names

    checked = check_file(path)
    return [*checked.diagnostics, *check_file_names([checked.loaded])], Declared.of(checked.loaded)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        files = scenario_files(args.paths)
    except UsageError as exc:
        print(f"validate: {escape(str(exc))}\n"
              "usage: python main.py validate [PATH ...] [--strict] [--format text|json] [--no-cache]", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    for stream in (sys.stdout, sys.stderr):  # a file's text on a terminal that cannot show it: no crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    diagnostics = check(files, remember=not args.no_cache)
    summary = _summary(len(files), diagnostics)
    if args.format == "json":
        # json leaves DEL, C1 and bidirectional controls raw with ensure_ascii=False: escape them too
        print(escape_json(json.dumps({
            "files": [str(f) for f in files],
            "diagnostics": [{**asdict(d), "severity": d.severity} for d in diagnostics],
            "summary": summary,
        }, ensure_ascii=False, indent=2)))
    else:
        for d in diagnostics:
            print(format_text(d))
        print(f"{plural(summary['files'], 'file')}, {plural(summary['errors'], 'error')}, "
              f"{plural(summary['warnings'], 'warning')}")
    if summary["errors"] or (args.strict and summary["warnings"]):
        return 1
    return 0
