"""Facilitator notes in the scenario library (issue 10): every decision a room will discuss has points to draw
out and a model answer, and every model answer names the standards at stake as the scenario's framework numbers
and titles them, so a facilitator can quote them without looking anything up."""

from __future__ import annotations

import re
from functools import cache

import pytest

from game.engine import reference
from game.engine.loader import load_file
from game.engine.model import Scenario

from .conftest import SCENARIOS

FILES = sorted(SCENARIOS.glob("*.yaml"))
# "standard 2 (Confidentiality)", "standard 13 (Honesty and public confidence)": a number, then its title
NAMED = re.compile(r"\bstandard (\d+) \(([^)]+)\)", re.IGNORECASE)
BARE = re.compile(r"\bstandards? (\d+)\b", re.IGNORECASE)


@cache
def scenario(path) -> Scenario:
    loaded = load_file(path)
    assert loaded.scenario is not None, [str(d) for d in loaded.diagnostics]
    return loaded.scenario


def decisions(s: Scenario) -> list[str]:
    return [node_id for node_id, node in s.nodes.items() if node.choices]


def named_standards(text: str, framework) -> list[str]:
    """The ids of the standards a text names with the framework's own short title or full title, with its number
    ("standard 2 (Confidentiality)") or, as prose now does so that it reads true in every framework, in words
    alone ("protects confidentiality")."""
    text = " ".join(text.split())
    found = []
    for number, title in NAMED.findall(text):
        standard = framework.get(number)
        if standard is not None and title.casefold() in (standard.short.casefold(), standard.title.casefold()):
            found.append(number)
    for standard in framework.standards:
        if standard.id not in found and re.search(rf"\b{re.escape(standard.short)}\b", text, re.IGNORECASE):
            found.append(standard.id)
    return found


def test_the_library_has_decisions_to_cover():
    assert len(FILES) >= 9
    assert sum(len(decisions(scenario(p))) for p in FILES) >= 60


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_decision_has_points_and_a_model_answer(path):
    s = scenario(path)
    missing = [n for n in decisions(s) if s.nodes[n].notes is None]
    assert not missing, f"{path.name}: decisions without notes: {missing}"
    for node_id in decisions(s):
        notes = s.nodes[node_id].notes
        assert len(notes.points) >= 2, f"{path.name} {node_id}: fewer than two points"
        assert notes.model_answer and notes.model_answer.strip(), f"{path.name} {node_id}: no model answer"
        assert notes.timing, f"{path.name} {node_id}: no timing hint"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_model_answer_names_a_standard_its_framework_knows(path):
    s = scenario(path)
    framework = reference.framework(s.framework)
    assert framework is not None, s.framework
    notes = [(f"node {n}", s.nodes[n].notes) for n in s.nodes if s.nodes[n].notes]
    notes += [(f"ending {e}", s.endings[e].notes) for e in s.endings if s.endings[e].notes]
    for where, note in notes:
        if not note.model_answer:
            continue
        assert named_standards(note.model_answer, framework), (
            f"{path.name} {where}: the model answer names no standard by its title")
        # a number the framework does not have would send a facilitator looking for a standard that isn't there
        unknown = [n for n in BARE.findall(note.model_answer) if framework.get(n) is None]
        assert not unknown, f"{path.name} {where}: standards {unknown} are not in {framework.id}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_the_most_severe_ending_has_debrief_notes(path):
    s = scenario(path)
    ladder = reference.ladder()
    severity = {e: ladder.get(s.endings[e].outcome).severity for e in s.endings}
    worst = [e for e in s.endings if severity[e] == max(severity.values())]
    assert any(s.endings[e].notes for e in worst), f"{path.name}: no notes on its most severe ending {worst}"


def test_a_title_that_does_not_match_the_framework_is_not_counted():
    framework = reference.framework("hcpc-2012")
    assert named_standards("Upholds standard 2 (Confidentiality) here.", framework) == ["2"]
    assert named_standards("standard 13 (Honesty and public\n confidence)", framework) == ["13"]
    assert named_standards("standard 2 (Records)", framework) == ["10"]  # "Records" is itself a title
    assert named_standards("standard 99 (Data protection)", framework) == []
    assert named_standards("Protects confidentiality and personal\n conduct.", framework) == ["2", "3"]
