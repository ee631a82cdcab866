"""docs/scenarios.md maps the source's risks, good practices, the outcome ladder and the standards to
scenarios and choices. A row that names a scenario, node, choice or ending that doesn't exist fails here, and so
does an outcome or standard row that leaves one out: those rows are meant to be complete."""

from __future__ import annotations

import functools
import re

import pytest

from game.engine import reference
from game.engine.loader import load_file

from .conftest import ROOT, SCENARIOS

TABLE = ROOT / "docs" / "scenarios.md"
REF = re.compile(r"^(?P<scenario>[\w.-]+):(?P<target>[\w.-]+)(?:#(?P<choice>\d+))?$")
# Standards are numbered differently in each framework, so each framework scored has its own rows.
STANDARD_ROWS = {"swe-standard-": "swe-2019", "standard-": "hcpc-2012"}  # the longer prefix first
REQUIRED = [f"risk-{i}" for i in range(1, 5)] + [f"practice-{i}" for i in range(1, 9)] + ["good-use"] + \
    [f"standard-{n}" for n in ("1", "2", "3", "13")]


def standard_row(item: str) -> tuple[str, str] | None:
    """(framework id, standard id) for a standard row such as `swe-standard-2`, else None."""
    for prefix, framework in STANDARD_ROWS.items():
        if item.startswith(prefix):
            return framework, item[len(prefix):]
    return None


@functools.cache
def library() -> dict:
    return {path.stem: load_file(path).scenario for path in sorted(SCENARIOS.glob("*.yaml"))}


def rows() -> dict[str, list[str]]:
    """Coverage rows: `| item | what | references |`, references comma-separated."""
    table: dict[str, list[str]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not re.match(r"^(risk|practice|good|outcome|standard|swe-standard)", cells[0]):
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
        s = library()[match["scenario"]]
        target, choice = match["target"], match["choice"]
        if choice is None:
            assert target in s.nodes or target in s.endings, f"{item}: '{ref}' names nothing"
            assert not standard_row(item), f"{item}: '{ref}' is not a choice; a standard row lists choices"
            if item.startswith("outcome:"):
                assert s.endings[target].outcome == item.split(":", 1)[1], f"{item}: '{ref}' has another outcome"
        else:
            assert target in s.nodes, f"{item}: '{ref}': no node '{target}'"
            assert 1 <= int(choice) <= len(s.nodes[target].choices or ()), f"{item}: '{ref}': no choice {choice}"
            if standard_row(item):
                framework, standard = standard_row(item)
                assert s.framework == framework, f"{item}: '{ref}' is scored against {s.framework}, not {framework}"
                assert standard in s.nodes[target].choices[int(choice) - 1].scores, \
                    f"{item}: '{ref}' does not score that standard"


def test_outcome_rows_list_every_ending():
    table = rows()
    missing = [f"outcome:{e.outcome}: {name}:{eid}" for name, s in library().items() for eid, e in s.endings.items()
               if f"{name}:{eid}" not in table.get(f"outcome:{e.outcome}", [])]
    assert not missing, "endings missing from their outcome row: " + ", ".join(missing)


def test_standard_rows_list_every_scoring_choice():
    table = rows()
    prefixes = {framework: prefix for prefix, framework in STANDARD_ROWS.items()}
    missing = []
    for name, s in library().items():
        assert s.framework in prefixes, f"{name} is scored against {s.framework}, which has no standard rows"
        for nid, node in s.nodes.items():
            for i, c in enumerate(node.choices or (), 1):
                missing += [f"{prefixes[s.framework]}{std}: {name}:{nid}#{i}" for std in c.scores
                            if f"{name}:{nid}#{i}" not in table.get(f"{prefixes[s.framework]}{std}", [])]
    assert not missing, "choices missing from their standard row: " + ", ".join(missing)


def summary() -> dict[str, list[str]]:
    """The library table: `| `id` | title | setting | platforms | min | endings | outcomes |`, by id."""
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].startswith("`"):
            table[cells[0].strip("`")] = cells
    return table


def test_every_scenario_has_a_true_summary_row():
    table = summary()
    for name, s in library().items():
        assert name in table, f"{name} has no row in the library table"
        _, title, _, _, minutes, endings, _ = table[name]
        assert (title, minutes, endings) == (s.title, str(s.minutes), str(len(s.endings))), \
            f"{name}: the row says {title!r}, {minutes} min, {endings} endings"
