"""The scenario library as a trainer would check it: every rule of the library issue, against the files."""

from __future__ import annotations

from functools import cache

import pytest

from game.engine import reference
from game.engine.graph import StoryGraph
from game.engine.loader import load_file
from game.engine.model import Scenario

from .conftest import SCENARIOS

FILES = sorted(SCENARIOS.glob("*.yaml"))
SANCTIONS = {"caution_order", "conditions_of_practice_order", "suspension_order", "striking_off_order"}


@cache
def scenario(path) -> Scenario:
    loaded = load_file(path)
    assert loaded.scenario is not None, [str(d) for d in loaded.diagnostics]
    return loaded.scenario


def most_decisions(s: Scenario) -> int:
    """Decisions on the longest path from the start (a decision = a node with choices), cycles cut."""
    best: dict[str, int] = {}
    graph = StoryGraph(s)  # the engine's rules: routes win over choices and next

    def walk(node_id: str, on_path: frozenset[str]) -> int:
        if graph.is_ending(node_id) or node_id in on_path:
            return 0
        if node_id in best:
            return best[node_id]
        here = 1 if s.nodes[node_id].choices else 0
        value = here + max((walk(t, on_path | {node_id}) for t in graph.successors(node_id)), default=0)
        best[node_id] = value
        return value

    return walk(s.start, frozenset())


def test_there_are_at_least_eight_scenarios():
    assert len(FILES) >= 8, [f.name for f in FILES]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_scenario_meets_the_library_rules(path):
    s = scenario(path)
    assert s.id == path.stem, "the id should be the file name"
    assert 5 <= s.minutes <= 15
    assert len(s.endings) >= 3
    assert most_decisions(s) >= 4
    assert s.references, "every scenario cites its references"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../docs/scenario.schema.json")
    for node_id, node in s.nodes.items():
        if node.choices:
            assert node.prompt, f"{node_id}: every decision has a facilitator prompt"
            for choice in node.choices:
                assert len(choice.feedback.split()) >= 12, f"{node_id}: feedback explains, never a bare verdict"
    for ending_id, ending in s.endings.items():
        assert len(ending.debrief.reflection) >= 2, f"{ending_id}: reflection questions"
        if ending.outcome in SANCTIONS:
            assert ending.debrief.real_case, f"{ending_id}: a sanction names the real kind of case it mirrors"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_choice_at_the_start_ends_the_game(path):
    """Reviewers of earlier apps hated one wrong answer sending them back to the start."""
    s = scenario(path)
    first = s.nodes[s.start]
    for choice in first.choices or ():
        assert choice.goto not in s.endings


def test_every_rung_of_the_ladder_is_reached_somewhere():
    reached = {e.outcome for f in FILES for e in scenario(f).endings.values()}
    missing = {o.id for o in reference.ladder().outcomes} - reached
    assert not missing


@pytest.mark.parametrize("standard", ["1", "2", "3", "13"])
def test_the_sources_standards_are_scored_in_several_scenarios(standard):
    scoring = [f.stem for f in FILES
               if any(standard in c.scores for n in scenario(f).nodes.values() for c in n.choices or ())]
    assert len(scoring) >= 3, scoring


def test_the_condon_ending_is_a_twelve_month_conditions_order():
    s = scenario(SCENARIOS / "after-court.yaml")
    condon = [e for e in s.endings.values() if e.outcome == "conditions_of_practice_order"]
    assert condon and condon[0].months == 12
    assert "Condon" in condon[0].debrief.real_case.summary
