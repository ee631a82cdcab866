"""Small scenarios written inline by the validator tests: a fixed head and ending around the nodes under test."""

from __future__ import annotations

import textwrap

from game.engine.loader import Loaded, load_text

END = """endings:
  end: {title: E, text: t, outcome: commended, debrief: {what_happened: x, reflection: [q]}}
"""


def scenario_head(scenario_id: str) -> str:
    return f"""format: 1
id: {scenario_id}
title: T
summary: s
minutes: 5
audience: [x]
version: "1"
author: me
objectives: [o]
start: a
"""


def load_nodes(scenario_id: str, nodes: str, endings: str = END, head: str | None = None) -> Loaded:
    """Load a scenario whose `nodes:` block is `nodes` (indented as you like); it must build."""
    body = textwrap.indent(textwrap.dedent(nodes).lstrip("\n"), "  ")
    loaded = load_text(f"{scenario_id}.yaml", (head or scenario_head(scenario_id)) + "nodes:\n" + body + endings)
    assert loaded.scenario is not None, loaded.diagnostics
    return loaded
