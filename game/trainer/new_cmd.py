"""`python main.py new ID [--title "…"] [--dir scenarios]`: write a commented starter scenario.

The file is named after the id (the validator warns when they differ, CP333), is valid under
`validate --strict`, and is never written over an existing file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from game.engine.assets import ROOT
from game.engine.controls import escape

ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")  # the model's Id

TEMPLATE = """\
# {title}: a starter scenario. Read docs/authoring.md for every key, then check your work with
#   python main.py validate {path} --strict
# and play it with
#   python main.py text {path}
format: 1
id: {id}                     # must match the file name ({id}.yaml)
title: {title_yaml}
summary: One or two sentences a learner reads before choosing this scenario.
minutes: 10
audience: [students, newly qualified social workers]
version: "1"                 # quoted: a bare 1 would be a number
author: Your name
objectives:
  - Recognise when a friendly contact online crosses a professional boundary
framework: hcpc-2012         # the standards the choices are scored against
characters:
  sam: {{name: Sam, role: Former service user}}   # speakers in `lines` refer to this id
start: opening
nodes:
  opening:
    title: Tuesday, 9.40 pm
    lines:
      - text: Your phone lights up with a friend request.   # no speaker: narration
      - speaker: sam
        text: "Hi! Remember me? You helped us so much last year."   # quote text with ': ', ' #' or ','
    prompt: What would you do, and why?                     # shown to a group on the projector
    choices:                                                # 1 to 9 choices, chosen with the number keys
      - text: Decline the request and keep the boundary
        goto: kept-boundary
        feedback: Declining protects Sam's confidentiality and your professional boundary.
        scores: {{2: 1, 3: 1}}                                # standard: -5..5; leave out a standard not at stake
      - text: Accept the request
        goto: accepted
        feedback: Accepting blurs the line between your work and your private life.
        scores: {{2: -1, 3: -1}}
endings:
  kept-boundary:
    title: A clear boundary
    text: Sam understands, and nothing more comes of it.
    outcome: commended       # an outcome id from the ladder in docs/authoring.md
    debrief:
      what_happened: You declined and kept your work and private life apart.
      standards: [2, 3]
      reflection:
        - How would you explain your decision to Sam if you met again?
  accepted:
    title: A quiet word
    text: Your manager notices and talks it through with you.
    outcome: manager_advice
    debrief:
      what_happened: You accepted a former service user's friend request.
      standards: [2, 3]
      real_case:             # needed on every ending from manager_advice upward
        summary: Workers have been advised by managers after connecting with service users online.
      reflection:
        - What could you have done instead?
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python main.py new", description="Write a starter scenario ID.yaml.")
    parser.add_argument("id", help="the scenario id, also the file name: letters, digits, '-', '_' or '.'")
    parser.add_argument("--title", help="the scenario's title (default: made from the id)")
    parser.add_argument("--dir", default=str(ROOT / "scenarios"), help="the folder to write to (default: scenarios)")
    return parser


def starter(scenario_id: str, title: str, path: str) -> str:
    # json.dumps gives a double-quoted YAML string: any title, even one with ': ' or '#', reads back as written
    return TEMPLATE.format(id=scenario_id, title=title.replace("\n", " "), title_yaml=json.dumps(title),
                           path=path)


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not ID.match(args.id):
        print(f"new: '{escape(args.id)}' is not a valid id: use letters, digits, '-', '_' or '.', starting with "
              "a letter or digit (e.g. friend-request-2)", file=sys.stderr)
        return 2
    title = " ".join((args.title or args.id.replace("-", " ").replace("_", " ").capitalize()).split())
    folder = Path(args.dir)
    path = folder / f"{args.id}.yaml"
    if path.exists():
        print(f"new: {escape(str(path))} already exists; nothing was written (choose another id, or edit it)",
              file=sys.stderr)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as handle:  # "x": never over a file made meanwhile
            handle.write(starter(args.id, title, str(path)))
    except OSError as exc:
        print(f"new: cannot write {escape(str(path))}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}\ncheck it with: python main.py validate {path} --strict")
    return 0
