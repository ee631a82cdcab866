"""The session summary: session.json, session.csv and a printable handout.html, written from a record
(GroupSession.record()).

session.json holds:

    {"scenario": {"id", "title", "version"}, "framework": "hcpc-2012",
     "decisions": [{"node": "request", "question": "...", "options": ["...", ...],
                    "votes": [5, 1, 2],          # one count per option, as offered
                    "chosen": 1,                  # 1-based among the options
                    "how": "majority" | "tie-break" | "facilitator" | "override",
                    "feedback": "...", "seconds_open": 95.0,
                    "notes": {...} or null}],     # facilitator's copy only
     "ending": {"id", "title", "outcome", "text", "notes"} or null,   # notes: facilitator's copy only
     "scores": [{"standard": "2", "title": "...", "score": -1}],
     "timings": {"total_seconds": 1520.0, "decisions_seconds": [95.0, ...]}}

No personal data: counts only, no names, no devices. The audience copy leaves the notes out; the
facilitator's copy (facilitator=True) is written beside it under its own names, so neither overwrites the
other. Scenario text is content: it is escaped in the HTML and guarded against formula injection in the CSV.
"""

from __future__ import annotations

import copy
import csv
import html
import io
import json
from pathlib import Path

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def names(facilitator: bool) -> tuple[str, str, str]:
    suffix = "-facilitator" if facilitator else ""
    return f"session{suffix}.json", f"session{suffix}.csv", f"handout{suffix}.html"


def audience_copy(record: dict) -> dict:
    """The record without the facilitator's notes."""
    out = copy.deepcopy(record)
    for d in out.get("decisions", []):
        d.pop("notes", None)
    if out.get("ending"):
        out["ending"].pop("notes", None)
    return out


def write_summary(record: dict, folder: str | Path, facilitator: bool = False) -> list[Path]:
    """Write the three files into `folder` (made if missing); returns their paths. Raises OSError."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = record if facilitator else audience_copy(record)
    json_name, csv_name, html_name = names(facilitator)
    paths = [folder / json_name, folder / csv_name, folder / html_name]
    paths[0].write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    paths[1].write_text(csv_text(data, facilitator), encoding="utf-8-sig", newline="")
    paths[2].write_text(handout_html(data, facilitator), encoding="utf-8")
    return paths


# --- CSV ------------------------------------------------------------------------------------------------

def cell(value: object) -> object:
    """A spreadsheet must never run a cell as a formula: text starting with = + - @ (or tab, CR) is
    prefixed with an apostrophe, which spreadsheets show as text."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _notes_text(notes: dict | None) -> str:
    if not notes:
        return ""
    parts = [f"- {p}" for p in notes.get("points") or []]
    if notes.get("model_answer"):
        parts.append(f"Model answer: {notes['model_answer']}")
    if notes.get("timing"):
        parts.append(f"Timing: {notes['timing']}")
    return "\n".join(parts)


def csv_text(record: dict, facilitator: bool = False) -> str:
    decisions = record.get("decisions", [])
    width = max((len(d["options"]) for d in decisions), default=0)
    header = ["decision", "node", "question", "chosen", "chosen option", "how", "votes in"]
    for n in range(1, width + 1):
        header += [f"option {n}", f"votes {n}"]
    header += ["feedback", "seconds open"] + (["notes"] if facilitator else [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for i, d in enumerate(decisions, 1):
        chosen = d.get("chosen")
        row = [i, d["node"], d["question"], chosen, d["options"][chosen - 1] if chosen else "", d.get("how"),
               sum(d["votes"])]
        for n in range(width):
            has = n < len(d["options"])
            row += [d["options"][n] if has else "", d["votes"][n] if has else ""]
        row += [d.get("feedback"), d.get("seconds_open")] + ([_notes_text(d.get("notes"))] if facilitator else [])
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


# --- the handout -------------------------------------------------------------------------------------------

_HOW_WORDS = {"majority": "by majority vote", "tie-break": "by the facilitator, breaking a tie",
              "facilitator": "by the facilitator after discussion (no vote)",
              "override": "by the facilitator, overruling the majority"}

_STYLE = """body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;
color:#111;background:#fff}h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.6em;border-top:1px solid #999;
padding-top:.8em}table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #777;padding:.3em .6em;
text-align:left;vertical-align:top}td.n{text-align:right}.chosen{font-weight:bold}.notes{border:2px dashed #555;
padding:.4em .8em;margin:.6em 0}@media print{h2{page-break-after:avoid}section{page-break-inside:avoid}}"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    m, s = divmod(round(seconds), 60)
    return f"{m} min {s:02d} s"


def _notes_html(notes: dict | None) -> list[str]:
    if not notes:
        return []
    out = ['<div class="notes"><p><strong>Facilitator notes</strong></p>']
    if notes.get("points"):
        out.append("<ul>" + "".join(f"<li>{_e(p)}</li>" for p in notes["points"]) + "</ul>")
    if notes.get("model_answer"):
        out.append(f"<p><strong>Model answer:</strong> {_e(notes['model_answer'])}</p>")
    if notes.get("timing"):
        out.append(f"<p><strong>Timing:</strong> {_e(notes['timing'])}</p>")
    out.append("</div>")
    return out


def _decision_html(i: int, d: dict, facilitator: bool) -> list[str]:
    total = sum(d["votes"])
    chosen = d.get("chosen")
    out = [f"<section><h2>Decision {i}: {_e(d['question'])}</h2>",
           "<table><thead><tr><th>Option</th><th>Text</th><th>Votes</th><th>Share</th></tr></thead><tbody>"]
    for n, (text, votes) in enumerate(zip(d["options"], d["votes"], strict=False), 1):
        mark = ' class="chosen"' if n == chosen else ""
        share = f"{100 * votes / total:.0f} %" if total else "—"
        label = f"{n} (chosen)" if n == chosen else str(n)
        out.append(f"<tr{mark}><td>{label}</td><td>{_e(text)}</td><td class=\"n\">{votes}</td>"
                   f"<td class=\"n\">{share}</td></tr>")
    out.append(f"</tbody></table><p>Votes in: {total}.</p>")
    if chosen:
        out.append(f"<p>The group chose option {chosen}, {_e(_HOW_WORDS.get(d.get('how'), d.get('how')))}.</p>")
    if d.get("feedback"):
        out.append(f"<p><strong>What it meant:</strong> {_e(d['feedback'])}</p>")
    if facilitator:
        out += _notes_html(d.get("notes"))
    out.append("</section>")
    return out


def handout_html(record: dict, facilitator: bool = False) -> str:
    scenario = record.get("scenario", {})
    title = scenario.get("title", "")
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{_e(title)}: group session</title><style>{_STYLE}</style></head><body>",
           f"<h1>{_e(title)}: the group's path</h1>"]
    if facilitator:
        out.append("<p><strong>Facilitator's copy</strong>: it includes the facilitator notes.</p>")
    if record.get("note"):  # how the session was run, when that is not the usual way (a scripted session)
        out.append(f"<p><em>{_e(record['note'])}</em></p>")
    for i, d in enumerate(record.get("decisions", []), 1):
        out += _decision_html(i, d, facilitator)
    ending = record.get("ending")
    if ending:
        out += [f"<section><h2>The ending: {_e(ending['title'])}</h2>",
                f"<p><strong>Outcome:</strong> {_e(ending['outcome'])}</p><p>{_e(ending['text'])}</p>"]
        if facilitator:
            out += _notes_html(ending.get("notes"))
        out.append("</section>")
    if record.get("scores"):
        out.append("<section><h2>Scores by standard</h2><table><thead><tr><th>Standard</th><th>Title</th>"
                   "<th>Score</th></tr></thead><tbody>")
        for s in record["scores"]:
            out.append(f"<tr><td>{_e(s['standard'])}</td><td>{_e(s['title'])}</td>"
                       f"<td class=\"n\">{s['score']:+d}</td></tr>")
        out.append("</tbody></table></section>")
    timings = record.get("timings", {})
    out.append(f"<p>Session length: {_minutes(timings.get('total_seconds'))}.</p></body></html>\n")
    return "\n".join(out)
