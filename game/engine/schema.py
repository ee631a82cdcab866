"""The JSON Schema of scenario format v1, generated from `model.Scenario` so the two never disagree.

    python main.py schema            write docs/scenario.schema.json
    python main.py schema --check    exit 1 if the committed file is stale

Editors use it for completion and inline errors: a scenario file starts with
`# yaml-language-server: $schema=../docs/scenario.schema.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import shape
from .assets import ROOT
from .model import FORMAT_VERSION, Scenario

SCHEMA_PATH = ROOT / "docs" / "scenario.schema.json"
SCHEMA_ID = f"urn:crossing-paths:scenario-format:{FORMAT_VERSION}"
_STANDARD_ID_DESCRIPTION = "A standard's id in the scenario's framework, e.g. 2 or '13'."


def _accept_numbers(node: object) -> int:
    """Standard ids are strings in the model, but authors write `standards: [2, 13]` and the loader turns
    the numbers into text. Let the schema accept them too, or every editor would flag correct files.
    (Mapping keys need nothing: in JSON they are always strings.) Returns how many places changed."""
    changed = 0
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "propertyNames":
                continue
            if isinstance(value, dict) and value.get("description") == _STANDARD_ID_DESCRIPTION \
                    and value.get("type") == "string":
                node[key] = {"anyOf": [{"type": "integer", "minimum": 0}, value]}
                changed += 1
            else:
                changed += _accept_numbers(value)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, dict) and value.get("description") == _STANDARD_ID_DESCRIPTION \
                    and value.get("type") == "string":
                node[i] = {"anyOf": [{"type": "integer", "minimum": 0}, value]}
                changed += 1
            else:
                changed += _accept_numbers(value)
    return changed


def scenario_schema() -> dict:
    body = shape.adapter(Scenario).json_schema(by_alias=True)
    if not _accept_numbers(body):
        raise RuntimeError("the standard id's description changed in model.py: update schema.py to match")
    body.pop("title", None)
    body.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Crossing Paths scenario",
        "description": (f"A training scenario for Crossing Paths, format {FORMAT_VERSION}. Generated from "
                        "game/engine/model.py by 'python main.py schema'; do not edit by hand."),
        **body,
    }


def render() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python main.py schema", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is missing or stale")
    parser.add_argument("--output", type=Path, default=SCHEMA_PATH, help=argparse.SUPPRESS)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    text = render()
    if args.check:
        try:
            current = args.output.read_text(encoding="utf-8")
        except OSError:
            current = None
        if current != text:
            print(f"{args.output} is stale: run 'python main.py schema'", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0
