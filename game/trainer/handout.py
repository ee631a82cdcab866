"""A printable handout of one playthrough (`python main.py snapshot SCENARIO --choices … --handout OUT.html`):
the scenario, every part's text and card in words, the choices offered with the one made, the feedback with
its standards, the ending, the scores and the debrief with its questions; the snapshot's images beside each
part when there are any. Pure Python: the words are the terminal player's (game/terminal/render.py), so a
handout says what the game says.

Everything from the scenario is escaped for HTML (quotes too, for attributes) after control characters and
bidirectional overrides are taken out, so no text in a file can add markup, run a script or read reversed.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from game.engine import wording
from game.engine.controls import BIDI, UNDRAWABLE
from game.engine.story import Story
from game.terminal import render

STYLE = """body{font-family:"Atkinson Hyperlegible",Verdana,sans-serif;font-size:12pt;line-height:1.5;max-width:46em;
margin:1.5em auto;padding:0 1em;color:#111;background:#fff}h1{font-size:1.7em;margin-bottom:.2em}
h2{font-size:1.3em;border-top:2px solid #333;padding-top:.6em;margin-top:1.6em}ol.choices li{margin:.25em 0}
.chosen{font-weight:bold}.chosen::after{content:" \\2190  chosen"}.feedback{border-left:6px solid #555;
padding:.2em .9em;margin:.8em 0;background:#f2f2f2}.feedback p{margin:.35em 0}ul{margin:.3em 0}
figure{margin:.8em 0}figure img{max-width:100%;border:1px solid #777}figcaption{font-size:.9em;color:#444}
.note{font-style:italic}@page{margin:18mm}@media print{body{max-width:none;margin:0;font-size:11pt}
h2{break-after:avoid;page-break-after:avoid}section{break-inside:avoid-page}figure{break-inside:avoid}
.feedback{background:none}a{color:inherit;text-decoration:none}}"""


def text(value: object) -> str:
    """Any value as HTML text: control and bidi characters out, then escaped (quotes included)."""
    s = "" if value is None else str(value)
    return html.escape(BIDI.sub("", UNDRAWABLE.sub(" ", s)), quote=True)


def lines_html(lines: list[str]) -> list[str]:
    """Logical lines as HTML: an indented run as a list, a blank line as nothing, the rest as paragraphs."""
    out: list[str] = []
    items: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("  ") and line.strip():
            items.append(f"<li>{text(line.strip())}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.strip():
            out.append(f"<p>{text(line)}</p>")
    return out


def _figures(images: list[str], what: str) -> list[str]:
    return [f'<figure><img src="{text(quote(src, safe="/:"))}" alt="{text(what)}: screenshot {n}">'
            f"<figcaption>{text(what)}, as the game shows it ({n} of {len(images)})</figcaption></figure>"
            for n, src in enumerate(images, 1)]


def handout_html(story: Story, images: list[list[str]] | None = None, end_images: list[str] | None = None,
                 note: str = "") -> str:
    """The handout of `story` as played so far. `images[i]`: image paths (relative to the handout) for the
    i-th part shown; `end_images` for the ending and debrief."""
    s = story.scenario
    images = images or []
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{text(s.title)}: a playthrough</title><style>{STYLE}</style></head><body>",
           f"<h1>{text(s.title)}</h1>"]
    out += lines_html(render.intro(story)[1:])
    if note:
        out.append(f'<p class="note">{text(note)}</p>')
    start = story.partway
    if start is not None:
        out.append(f'<p class="note">{text(wording.started_partway(start.node, start.flags, start.scores))}</p>')
    for i, entry in enumerate(story.history()):
        scene = entry.scene
        heading = f"Part {i + 1}" + (f": {scene.title}" if scene.title else "")
        out.append(f"<section><h2>{text(heading)}</h2>")
        out += _figures(images[i] if i < len(images) else [], heading)
        words = wording.scene(replace(scene, title=None, choices=()))
        out += lines_html(words)
        step = entry.step
        if scene.choices:
            out.append("<p>What do you do?</p><ol class=\"choices\">")
            for c in scene.choices:
                chosen = step is not None and c.index == step.choice
                mark = ' class="chosen"' if chosen else ""
                out.append(f'<li value="{c.number}"{mark}>{text(c.text.strip())}</li>')
            out.append("</ol>")
        if step is not None:
            out.append('<div class="feedback">')
            out += lines_html(render.feedback(story.feedback_of(step)))
            out.append("</div>")
        out.append("</section>")
    if story.is_over:
        out.append("<section><h2>The ending</h2>")
        out += _figures(end_images or [], "The ending and debrief")
        out += [f"<h2>{text(line)}</h2>" if line == "Debrief" else line_html
                for line, line_html in _with_html(render.ending(story))]
        out.append("</section>")
    else:
        out.append('<p class="note">The playthrough stops here, before an ending.</p>')
    out.append("</body></html>\n")
    return "\n".join(out)


def _with_html(lines: list[str]) -> list[tuple[str, str]]:
    """Each logical line with its HTML (a list run stays together, under its first line)."""
    out: list[tuple[str, str]] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("  ") and line.strip():
            run.append(line)
            continue
        if run:
            out.append(("", "".join(lines_html(run))))
            run = []
        if line.strip():
            out.append((line, "".join(lines_html([line]))))
    return out


def write(story: Story, target: Path, images: list[list[Path]] | None = None,
          end_images: list[Path] | None = None, note: str = "") -> None:
    """Write the handout to `target`, the images named relative to it (raises OSError)."""
    base = target.resolve().parent

    def rel(p: Path) -> str:
        try:
            return p.resolve().relative_to(base).as_posix()
        except ValueError:
            return p.resolve().as_uri()

    groups = [[rel(p) for p in group] for group in images or []]
    target.write_text(handout_html(story, groups, [rel(p) for p in end_images or []], note), encoding="utf-8")
