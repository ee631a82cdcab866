"""docs/scenarios.md maps the source's risks, good practices, the outcome ladder and the standards to
scenarios and choices. A row that names a scenario, node, choice or ending that doesn't exist fails here."""

from __future__ import annotations

import re

import pytest

from game.engine import reference
from game.engine.loader import load_file

from .conftest import ROOT, SCENARIOS

TABLE = ROOT / "docs" / "scenarios.md"
REF = re.compile(r"^(?P<scenario>[\w.-]+):(?P<target>[\w.-]+)(?:#(?P<choice>\d+))?$")
REQUIRED = [f"risk-{i}" for i in range(1, 5)] + [f"practice-{i}" for i in range(1, 9)] + ["good-use"] + \
    [f"standard-{n}" for n in ("1", "2", "3", "13")]


def rows() -> dict[str, list[str]]:
    """Coverage rows: `| item | what | references |`, references comma-separated."""
    table: dict[str, list[str]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.match(r"^(risk|practice|good|outcome|standard)", cells[0]):
            continue
        item = cells[0]
        table[item] = [r.strip().strip("`") for r in cells[2].split(",") if r.strip()]
    return table


def test_every_item_is_covered():
    table = rows()
    needed = REQUIRED + [f"outcome:{o.id}" for o in reference.ladder().outcomes]
    missing = [item for item in needed if not table.get(item)]
    assert not missing


@pytest.mark.parametrize("item", sorted(rows()) if TABLE.exists() else [])
def test_every_reference_exists(item):
    for ref in rows()[item]:
        match = REF.match(ref)
        assert match, f"{item}: '{ref}' is not scenario:node#N or scenario:ending"
        path = SCENARIOS / f"{match['scenario']}.yaml"
        assert path.exists(), f"{item}: no scenario '{match['scenario']}'"
        s = load_file(path).scenario
        target, choice = match["target"], match["choice"]
        if choice is None:
            assert target in s.nodes or target in s.endings, f"{item}: '{ref}' names nothing"
            if item.startswith("outcome:"):
                assert s.endings[target].outcome == item.split(":", 1)[1], f"{item}: '{ref}' has another outcome"
        else:
            assert target in s.nodes, f"{item}: '{ref}': no node '{target}'"
            assert 1 <= int(choice) <= len(s.nodes[target].choices or ()), f"{item}: '{ref}': no choice {choice}"
            if item.startswith("standard-"):
                assert item.split("-", 1)[1] in s.nodes[target].choices[int(choice) - 1].scores, \
                    f"{item}: '{ref}' does not score that standard"
