"""`python main.py paths SCENARIO [--format text|json] [--write-transcripts DIR]`: every ending, whether it
can be reached, a shortest choice sequence to it, the flags that sequence sets, each standard's score range
over every way there; then dead content and the outcome consistency check (CP327). See analysis.py.

Exit codes: 0 done, 1 a scenario with errors (its diagnostics are printed) or one that cannot be analysed,
2 bad usage. Scenario text printed to a terminal goes through controls.escape.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.engine import library, reference
from game.engine.analysis import Analysis, AnalysisError, analyse
from game.engine.consistency import describe, inconsistencies
from game.engine.controls import escape, escape_json
from game.engine.diagnostics import format_text
from game.engine.wording import signed
from game.trainer.validate_cmd import SCENARIOS, UsageError, _Parser


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python main.py paths", description="Paths to every ending of a scenario.")
    parser.add_argument("scenario", metavar="SCENARIO", help="a scenario file, file name or id")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--write-transcripts", metavar="DIR", help="write one transcript test per ending")
    return parser


def report(analysis: Analysis, ladder) -> dict:
    scenario = analysis.scenario
    return {
        "scenario": scenario.id,
        "states": analysis.states,
        "endings": [{"id": e.id, "outcome": e.outcome, "reachable": e.reachable, "choices": list(e.choices),
                     "flags": list(e.flags), "scores": {s: {"min": lo, "max": hi} for s, (lo, hi) in e.scores.items()}}
                    for e in analysis.endings],
        "unreached_nodes": analysis.unreached_nodes,
        "never_shown_choices": [{"node": n, "choice": i, "text": scenario.nodes[n].choices[i - 1].text}
                                for n, i in analysis.never_shown_choices],
        "never_taken_routes": [{"node": n, "route": i} for n, i in analysis.never_taken_routes],
        "unreached_endings": analysis.unreached_endings,
        "inconsistent_outcomes": [{"worse": x.worse, "worse_choices": list(x.worse_way.choices),
                                   "worse_scores": x.worse_way.scores, "better": x.better,
                                   "better_choices": list(x.better_way.choices),
                                   "better_scores": x.better_way.scores,
                                   "message": describe(scenario, ladder, x)}
                                  for x in inconsistencies(analysis, ladder)],
    }


def _text(data: dict) -> str:
    out = [f"{data['scenario']}: {len(data['endings'])} endings, {data['states']} states"]
    for e in data["endings"]:
        if not e["reachable"]:
            out.append(f"\n{e['id']} ({e['outcome']}): never reached")
            continue
        out.append(f"\n{e['id']} ({e['outcome']})")
        out.append(f"  shortest: --choices {','.join(map(str, e['choices']))}" if e["choices"]
                   else "  shortest: no choices")
        out.append(f"  flags:    {', '.join(e['flags']) or 'none'}")
        ranges = ", ".join(f"{s}: {signed(r['min'])}" + (f" to {signed(r['max'])}" if r["max"] != r["min"] else "")
                           for s, r in e["scores"].items())
        out.append(f"  scores:   {ranges or 'none scored'}")
    out.append("\ndead content:")
    dead = ([f"  node '{n}' is never reached" for n in data["unreached_nodes"]]
            + [f"  choice {c['choice']} of '{c['node']}' is never shown: {c['text']}"
               for c in data["never_shown_choices"]]
            + [f"  route {r['route']} of '{r['node']}' is never taken" for r in data["never_taken_routes"]]
            + [f"  ending '{e}' is never reached" for e in data["unreached_endings"]])
    out += dead or ["  none"]
    out.append("\noutcome consistency (CP327):")
    out += [f"  {x['message']}" for x in data["inconsistent_outcomes"]] or ["  consistent"]
    return escape("\n".join(out))


def write_transcripts(data: dict, folder: Path) -> Path:
    """One transcript per reachable ending, in the format of tests/transcripts/*.yaml (JSON is YAML)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"# Written by 'python main.py paths {data['scenario']} --write-transcripts': a shortest way to",
             "# every reachable ending. Add expect.lines or expect.feedback to check what players see.",
             f"scenario: {json.dumps(data['scenario'])}", "transcripts:"]
    for e in data["endings"]:
        if e["reachable"]:
            lines += [f"  - name: {json.dumps('shortest-to-' + e['id'])}", f"    choices: {json.dumps(e['choices'])}",
                      f"    expect: {{ending: {json.dumps(e['id'])}, outcome: {json.dumps(e['outcome'])}}}"]
    path = folder / f"{data['scenario']}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except UsageError as exc:
        print(f"paths: {escape(str(exc))}\nusage: python main.py paths SCENARIO [--format text|json] "
              "[--write-transcripts DIR]", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    checked = library.open_scenario(args.scenario, SCENARIOS)
    if checked.scenario is None:
        for d in checked.diagnostics:
            print(format_text(d), file=sys.stderr)
        return 1
    scenario = checked.scenario
    framework = reference.framework(scenario.framework)
    try:
        analysis = analyse(scenario, framework.ids if framework else None)
    except AnalysisError as exc:
        print(f"paths: {escape(checked.file)}: {escape(str(exc))}", file=sys.stderr)
        return 1
    data = report(analysis, reference.ladder())
    if args.format == "json":
        print(escape_json(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        print(_text(data))
    if args.write_transcripts:
        try:
            written = write_transcripts(data, Path(args.write_transcripts))
        except OSError as exc:
            print(f"paths: cannot write the transcripts: {escape(str(exc))}", file=sys.stderr)
            return 1
        print(escape(f"wrote {written}"), file=sys.stderr)
    return 0
