"""The story map as a Mermaid flowchart, for a README or an issue on GitHub.

Labels come from scenario files, which are untrusted: every character that Mermaid or HTML could read as
syntax (quotes, brackets, '#', ';', '<', '&', '|', backticks…) is written as Mermaid's numeric entity
(`#35;`), and node ids are the map's own keys (n1, n2…), never the scenario's. The only markup written is
the `<br/>` between lines. GitHub refuses a diagram with more than 500 edges or 50,000 characters
(Mermaid's maxEdges and maxTextSize): `limits` says when a map is past them.
"""

from __future__ import annotations

import json
import re

from game.engine.storymap import MapNode, StoryMap

MAX_EDGES = 500  # Mermaid's default maxEdges
MAX_TEXT = 50_000  # Mermaid's default maxTextSize, in characters

# Letters, digits and a little punctuation pass; everything else is an entity. Non-ASCII letters pass
# too (accents, curly quotes, '·', '…', emoji): Mermaid and HTML give them no meaning.
_UNSAFE = re.compile(r"[^\w \t.,:!?'’‘“”·…/+=@\-–—\u00a0-\uffff]|[\ud800-\udfff]", re.ASCII)

# Shapes: what each kind of node and each band of the ladder looks like, so no band rests on colour.
_SHAPES = {
    "scene": ('["', '"]'),  # rectangle
    "routing": ('{"', '"}'),  # diamond: the story decides, not the player
    "missing": ('[/"', '"\\]'),  # trapezoid
    "good": ('(["', '"])'),  # stadium
    "work": ('{{"', '"}}'),  # hexagon
    "regulator": ('[["', '"]]'),  # subroutine: double-sided box
    "sanction": ('((("', '")))'),  # double circle
}
_FILLS = {  # light fills with dark text: a second sign of the band, never the only one
    "good": "fill:#e3f4e8,stroke:#1e6b34,color:#111",
    "work": "fill:#fff4d6,stroke:#8a6100,color:#111",
    "regulator": "fill:#fde4d2,stroke:#9c4a00,color:#111",
    "sanction": "fill:#f9dede,stroke:#9b1c1c,color:#111,stroke-width:3px",
    "missing": "fill:#eeeeee,stroke:#555,color:#111,stroke-dasharray:4 3",
}


def escape(text: str) -> str:
    """Text safe inside a quoted Mermaid label: every syntax character as a numeric entity."""
    return _UNSAFE.sub(lambda m: f"#{ord(m.group())};", text)


def _label(lines: tuple[str, ...]) -> str:
    return "<br/>".join(escape(line) for line in lines)


def _shape(node: MapNode) -> tuple[str, str]:
    if node.kind == "ending" and node.band is not None:
        return _SHAPES[node.band.key]
    return _SHAPES["good" if node.kind == "ending" else node.kind]


def render(story_map: StoryMap) -> str:
    # a JSON string is a YAML double-quoted scalar: no title can break out of the front matter
    out = ["---", f"title: {json.dumps(story_map.title)}", "---", "flowchart TD"]
    for node in story_map.nodes:
        left, right = _shape(node)
        out.append(f"    {node.key}{left}{_label(node.label_lines)}{right}")
    for edge in story_map.edges:
        arrow = "-.->" if edge.kind == "route" else "-->"
        out.append(f'    {edge.source} {arrow}|"{_label(edge.label_lines)}"| {edge.target}')
    for key, style in _FILLS.items():
        out.append(f"    classDef {key} {style}")
    for key in _FILLS:
        members = [n.key for n in story_map.nodes if (n.band.key if n.band else n.kind) == key]
        if members:
            out.append(f"    class {','.join(members)} {key}")
    return "\n".join(out) + "\n"


def limits(story_map: StoryMap, text: str) -> str | None:
    """Why GitHub would refuse to draw this diagram, or None."""
    over = []
    if len(story_map.edges) > MAX_EDGES:
        over.append(f"{len(story_map.edges):,} edges (GitHub draws at most {MAX_EDGES})")
    if len(text) > MAX_TEXT:
        over.append(f"{len(text):,} characters (GitHub draws at most {MAX_TEXT:,})")
    if not over:
        return None
    return ("this map is too large for Mermaid on GitHub: " + " and ".join(over)
            + ". Use --format dot or --format svg (Graphviz) for a scenario this size.")
