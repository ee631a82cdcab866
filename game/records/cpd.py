"""The CPD record: the learner's reflections as a printable document, HTML (with print styles) or Markdown.

Its headings follow Social Work England's CPD record: type of CPD; description and why it is relevant; date;
what I learnt; the impact on my practice; peer reflection. Each entry also gives the scenario, the outcome
and the per-standard scores.

It holds nothing about service users: from the game, only the scenario's title, the framework, the outcome
and the scores go in (no story text, no choices or feedback, which describe fictional service users); the
rest is the learner's own words. Everything is escaped for the format it is written in, so a reflection that
contains markup is shown as typed. Pure Python, no pygame.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from game.engine import wording

from .playthrough import Playthrough

StandardTitle = Callable[[str, str], str | None]
"""(framework id, standard id) -> the standard's short title, or None."""

FORMATS = ("html", "md")
TYPE_OF_CPD = ("Learning through simulation: an interactive, branching scenario on professional ethics and "
               "social media (Crossing Paths), played on my own.")
PRIVACY_NOTE = ("This record holds the scenario's title, its outcome and scores, and my own words: nothing from "
                "the story. Before you submit it, check that nothing you wrote could identify a person who uses "
                "services or a colleague.")
NOT_RECORDED = "Not recorded."


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]  # the learner's words, or the game's facts


@dataclass(frozen=True)
class Entry:
    title: str
    sections: tuple[Section, ...]
    scores: tuple[tuple[str, str], ...]  # (the standard's name, its score in words)


def reflected(playthroughs: Iterable[Playthrough]) -> list[Playthrough]:
    """The playthroughs with a reflection written, oldest first (the order of a CPD log)."""
    return sorted((p for p in playthroughs if p.reflection is not None and not p.reflection.empty),
                  key=lambda p: p.finished_at)


def _paragraphs(text: str) -> tuple[str, ...]:
    """The learner's text as paragraphs (a blank line between them); single newlines are kept inside."""
    parts = [p.strip("\n") for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    return tuple(p for p in parts if p.strip())


def date_words(when: datetime) -> str:
    return f"{when.day} {when:%B %Y}"


def entry(p: Playthrough, standard_title: StandardTitle | None = None) -> Entry:
    parts = p.reflection.parts if p.reflection is not None else {}

    def own(key: str) -> tuple[str, ...]:
        return _paragraphs(parts.get(key, "")) or (NOT_RECORDED,)

    minutes = max(1, round(p.duration_s / 60))
    facts = (f"I played the scenario “{p.title}” (version {p.version}), scored against {p.framework_title}. "
             f"Outcome: {p.outcome_label}.")
    relevant = _paragraphs(parts.get("happened", ""))
    sections = (
        Section("Type of CPD", (TYPE_OF_CPD,)),
        Section("Description and why it is relevant", (facts, *relevant)),
        Section("Date", (f"{date_words(p.finished_at)} ({wording.plural(minutes, 'minute')})",)),
        Section("What I learnt", own("learnt")),
        Section("The impact on my practice", own("practice")),
        Section("Peer reflection", own("peer")),
    )
    scores = []
    for sid, value in p.scores.items():
        short = standard_title(p.framework, sid) if standard_title else None
        scores.append((wording.standard(sid, short), wording.score(value)))
    return Entry(f"{p.title} — {date_words(p.finished_at)}", sections, tuple(scores))


# --- HTML ------------------------------------------------------------------------------------------------------

_CSS = """
body { font-family: "Atkinson Hyperlegible", Verdana, sans-serif; font-size: 12pt; line-height: 1.5;
       color: #1b1e24; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #1e2b45; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
p { margin: 0 0 0.6em; }
.note { color: #4a505b; }
table { border-collapse: collapse; margin: 0.4em 0 1em; }
th, td { border: 1px solid #8c95a3; padding: 0.25em 0.6em; text-align: left; }
@page { size: A4; margin: 18mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .entry + .entry { break-before: page; }
  h2, h3 { break-after: avoid; }
  table, tr { break-inside: avoid; }
}
"""


def _html_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>" for p in paragraphs)


def to_html(playthroughs: Iterable[Playthrough], made_at: datetime,
            standard_title: StandardTitle | None = None) -> str:
    entries = [entry(p, standard_title) for p in reflected(playthroughs)]
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           "<title>CPD record — Crossing Paths</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
           "<h1>CPD record</h1>",
           f'<p class="note">Made with Crossing Paths on {html.escape(date_words(made_at))}. '
           f"{html.escape(PRIVACY_NOTE)}</p>"]
    if not entries:
        out.append("<p>No reflections written yet.</p>")
    for e in entries:
        out.append('<section class="entry">')
        out.append(f"<h2>{html.escape(e.title)}</h2>")
        for s in e.sections:
            out.append(f"<h3>{html.escape(s.heading)}</h3>")
            out.append(_html_paragraphs(s.paragraphs))
        out.append("<h3>Scores by standard</h3>")
        if e.scores:
            rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{html.escape(score)}</td></tr>"
                           for name, score in e.scores)
            out.append(f'<table><thead><tr><th scope="col">Standard</th><th scope="col">Score</th></tr></thead>'
                       f"<tbody>{rows}</tbody></table>")
        else:
            out.append("<p>No standards were scored.</p>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


# --- Markdown --------------------------------------------------------------------------------------------------

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_escape(text: str) -> str:
    """Text as Markdown shows it literally: inline markup escaped everywhere, block markers at a line's start
    (headings, quotes, lists) escaped, and leading spaces dropped (four would make a code block)."""
    lines = []
    for line in text.split("\n"):
        line = _MD_ANYWHERE.sub(r"\\\1", line.lstrip())
        line = _MD_LINE_START.sub(lambda m: m.group(1) + re.sub(r"([#>+=\-.)])", r"\\\1", m.group(2)), line)
        lines.append(line)
    return "\\\n".join(lines)  # a backslash at a line's end is a hard line break in CommonMark


def to_markdown(playthroughs: Iterable[Playthrough], made_at: datetime,
                standard_title: StandardTitle | None = None) -> str:
    entries = [entry(p, standard_title) for p in reflected(playthroughs)]
    out = ["# CPD record", "", f"Made with Crossing Paths on {md_escape(date_words(made_at))}. {md_escape(PRIVACY_NOTE)}",
           ""]
    if not entries:
        out += ["No reflections written yet.", ""]
    for e in entries:
        out += [f"## {md_escape(e.title)}", ""]
        for s in e.sections:
            out += [f"### {md_escape(s.heading)}", ""]
            for para in s.paragraphs:
                out += [md_escape(para), ""]
        out += ["### Scores by standard", ""]
        if e.scores:
            out += ["| Standard | Score |", "| --- | --- |"]
            out += [f"| {md_escape(name)} | {md_escape(score)} |" for name, score in e.scores]
        else:
            out.append("No standards were scored.")
        out.append("")
    return "\n".join(out)


def render(fmt: str, playthroughs: Iterable[Playthrough], made_at: datetime,
           standard_title: StandardTitle | None = None) -> str:
    if fmt == "html":
        return to_html(playthroughs, made_at, standard_title)
    if fmt == "md":
        return to_markdown(playthroughs, made_at, standard_title)
    raise ValueError(f"unknown CPD record format {fmt!r}: choose one of {', '.join(FORMATS)}")
