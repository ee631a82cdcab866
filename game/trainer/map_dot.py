"""The story map as a Graphviz DOT graph (and, through Graphviz's `dot`, as SVG).

Every string is quoted and escaped (backslash first, then the quote), so a label can never end its string
or become one of DOT's `\\N`-style escapes; lines are joined with DOT's own centred line break. Node ids
are the map's keys (n1, n2…). Tooltips carry the full text of a shortened label: in SVG they become each
element's <title>, which a browser shows on hover and a screen reader reads.
"""

from __future__ import annotations

import shutil
import subprocess

from game.engine.storymap import MapEdge, MapNode, StoryMap

FONT = "Helvetica,Arial,sans-serif"
DOT_SECONDS = 60  # a generated 10,000-node scenario takes Graphviz a while; a hung one must not hang us

# Shapes per kind and per band of the ladder (more outlines as the outcome gets worse), so no band rests
# on colour; the fills are a second sign only.
_NODE_STYLE = {
    "scene": 'shape=box, style="rounded,filled", fillcolor="#ffffff"',
    "routing": 'shape=diamond, style=filled, fillcolor="#f2f2f2"',
    "missing": 'shape=box, style="dashed,filled", fillcolor="#eeeeee"',
    "good": 'shape=oval, style=filled, fillcolor="#e3f4e8", color="#1e6b34"',
    "work": 'shape=hexagon, style=filled, fillcolor="#fff4d6", color="#8a6100"',
    "regulator": 'shape=octagon, peripheries=2, style=filled, fillcolor="#fde4d2", color="#9c4a00"',
    "sanction": 'shape=tripleoctagon, style="filled,bold", fillcolor="#f9dede", color="#9b1c1c"',
}


class DotMissing(RuntimeError):
    """Graphviz is not installed (or `dot` is not on PATH)."""


def quote(text: str) -> str:
    """A DOT double-quoted string holding exactly `text` (newlines become spaces: use `_lines` for breaks)."""
    text = " ".join(text.splitlines())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _lines(lines: tuple[str, ...]) -> str:
    """Lines joined with DOT's centred break `\\n`, each line escaped on its own."""
    return '"' + "\\n".join(quote(line)[1:-1] for line in lines) + '"'


def _node(node: MapNode) -> str:
    style = _NODE_STYLE[node.band.key if node.band else ("good" if node.kind == "ending" else node.kind)]
    bold = ", penwidth=2" if "start" in node.lines else ""
    return f"  {node.key} [label={_lines(node.label_lines)}, tooltip={quote(node.tooltip)}, {style}{bold}];"


def _edge(edge: MapEdge) -> str:
    style = ", style=dashed" if edge.kind == "route" else ""
    return (f"  {edge.source} -> {edge.target} [label={_lines(edge.label_lines)}, "
            f"tooltip={quote(edge.tooltip)}, labeltooltip={quote(edge.tooltip)}{style}];")


def render(story_map: StoryMap) -> str:
    out = [
        "digraph story {",
        f"  label={quote(story_map.title)}; labelloc=t; fontsize=20; fontname={quote(FONT)};",
        "  rankdir=TB; nodesep=0.4; ranksep=0.6; newrank=true;",
        f'  node [fontname={quote(FONT)}, fontsize=12, margin="0.15,0.08"];',
        f"  edge [fontname={quote(FONT)}, fontsize=10, color=\"#444444\", fontcolor=\"#222222\"];",
    ]
    out += [_node(n) for n in story_map.nodes]
    out += [_edge(e) for e in story_map.edges]
    out.append("}")
    return "\n".join(out) + "\n"


def svg(dot_text: str, timeout: float = DOT_SECONDS) -> bytes:
    """The graph drawn by Graphviz. Raises DotMissing when `dot` is not installed, RuntimeError (words for
    people) when it fails or takes too long."""
    program = shutil.which("dot")
    if program is None:
        raise DotMissing("Graphviz's 'dot' is not installed")
    try:
        done = subprocess.run([program, "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"Graphviz took more than {timeout:g} seconds; try --format dot") from exc
    except OSError as exc:
        raise RuntimeError(f"Graphviz could not be run: {exc}") from exc
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError("Graphviz failed" + (f": {why[0]}" if why else f" (exit {done.returncode})"))
    return done.stdout
