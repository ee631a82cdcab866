"""`python main.py paths` and the analysis behind it (game/engine/analysis.py, consistency.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import product

import pytest

from game.engine import reference
from game.engine.analysis import AnalysisError, analyse
from game.engine.checked import load_scenario
from game.engine.consistency import inconsistencies
from game.engine.loader import load_text
from game.engine.story import Story
from tests.conftest import ROOT
from tests.support.in_process import run_main

LIBRARY = sorted((ROOT / "scenarios").glob("*.yaml"))


def _play(scenario, numbers) -> Story:
    """Through Story, choosing by the 1-based visible numbers and continuing past narration."""
    story = Story(scenario)
    numbers = list(numbers)
    while not story.is_over:
        if story.scene.continues:
            story.proceed()
        else:
            assert numbers, f"the choices ran out at '{story.state.node}'"
            story.choose(numbers.pop(0))
    assert not numbers, f"choices left over: {numbers}"
    return story


@pytest.mark.parametrize("path", LIBRARY, ids=[p.stem for p in LIBRARY])
def test_every_printed_sequence_reaches_its_ending(path):
    # in this process, a second less per scenario than a fresh interpreter; the usage and transcript
    # tests below run `paths` end to end
    done = run_main(["paths", str(path), "--format", "json"])
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    scenario = load_scenario(path)
    assert [e["id"] for e in data["endings"]] == list(scenario.endings)
    for e in data["endings"]:
        assert set(e) >= {"id", "reachable", "choices", "flags", "scores"}
        if e["reachable"]:
            story = _play(scenario, e["choices"])
            assert story.state.ending == e["id"]
            assert sorted(story.state.flags) == e["flags"]
            for sid, value in story.state.scores.items():
                assert e["scores"][sid]["min"] <= value <= e["scores"][sid]["max"]
    assert {"unreached_nodes", "never_shown_choices", "unreached_endings"} <= set(data)


BRANCHY = """
format: 1
id: branchy
title: Branchy
summary: Small, with flags, a score test and dead content.
minutes: 5
audience: [students]
version: "1"
author: tests
objectives: [Check the analysis]
start: a
nodes:
  a:
    choices:
      - {text: One, goto: b, feedback: f, scores: {1: 1}, set_flags: [x]}
      - {text: Two, goto: b, feedback: f, scores: {2: -1}}
      - {text: Three, goto: c, feedback: f, scores: {1: -2, 2: 1}}
  b:
    choices:
      - {text: Flagged, goto: c, feedback: f, scores: {1: 2}, when: {flag: x}}
      - {text: Plain, goto: c, feedback: f, scores: {2: 1}}
      - {text: Never, goto: lost, feedback: f, when: {score: 1, at_least: 9}}
  c:
    routes:
      - {when: {score: 1, at_least: 2}, goto: good}
      - {goto: d}
  d:
    choices:
      - {text: Own up, goto: ok, feedback: f, scores: {1: 1}}
      - {text: Hide it, goto: bad, feedback: f, scores: {2: -2}}
  lost:
    next: ok
  orphan:
    next: ok
endings:
  good: {title: G, text: t, outcome: commended, debrief: {what_happened: w, reflection: [r]}}
  ok: {title: O, text: t, outcome: no_concern, debrief: {what_happened: w, reflection: [r]}}
  bad: {title: B, text: t, outcome: caution_order, months: 12, debrief: {what_happened: w, reflection: [r]}}
  never: {title: N, text: t, outcome: commended, debrief: {what_happened: w, reflection: [r]}}
"""


def _branchy():
    loaded = load_text("branchy.yaml", BRANCHY)
    assert loaded.scenario is not None, loaded.diagnostics
    return loaded.scenario


def _brute_force(scenario) -> dict[str, dict[str, list[int]]]:
    """Every way through, by trying every number at every step (the fixture is tiny)."""
    found: dict[str, dict[str, list[int]]] = {}
    for length in range(1, 5):
        for numbers in product(range(1, 4), repeat=length):
            story = Story(scenario)
            try:
                for n in numbers:
                    while story.scene is not None and story.scene.continues:
                        story.proceed()
                    story.choose(n)
                while story.scene is not None and story.scene.continues:
                    story.proceed()
            except ValueError:
                continue
            if story.is_over:
                per = found.setdefault(story.state.ending, {})
                for sid, value in story.state.scores.items():
                    per.setdefault(sid, []).append(value)
    return found


def test_score_ranges_match_brute_force_over_every_path():
    scenario = _branchy()
    analysis = analyse(scenario)
    brute = _brute_force(scenario)
    for e in analysis.endings:
        assert e.reachable == (e.id in brute), e.id
        if e.reachable:
            assert e.scores == {sid: (min(v), max(v)) for sid, v in brute[e.id].items()}, e.id
            assert _play(scenario, e.choices).state.ending == e.id


def test_dead_content_is_listed():
    analysis = analyse(_branchy())
    assert analysis.unreached_nodes == ["lost", "orphan"]
    assert analysis.never_shown_choices == [("b", 3)]
    assert analysis.unreached_endings == ["never"]


def test_shortest_sequences_are_shortest():
    analysis = analyse(_branchy())
    shortest = {e.id: e.choices for e in analysis.endings}
    assert shortest["good"] == (1, 1)  # +1 then +2 on standard 1 routes to good
    assert len(shortest["ok"]) == 2 and len(shortest["bad"]) == 2


def test_a_loop_is_a_clear_error():
    looped = BRANCHY.replace("- {text: Own up, goto: ok,", "- {text: Own up, goto: a,")
    scenario = load_text("loop.yaml", looped).scenario
    with pytest.raises(AnalysisError, match="loop"):
        analyse(scenario)


def test_consistency_check_finds_the_dominating_way():
    scenario = _branchy()
    found = inconsistencies(analyse(scenario), reference.ladder())
    # 'bad' (caution order) is reached by 1,1? no: 1,2,2 gives {1: 1, 2: -1}; 'ok' by 3,1 gives {1: -1, 2: 1}.
    # Neither dominates; but 2,2,1 reaches 'ok' with {1: 1, 2: 0} and nothing at 'bad' is as good.
    for x in found:
        assert all(x.worse_way.scores[s] >= x.better_way.scores[s] for s in x.worse_way.scores)
        assert _play(scenario, x.worse_way.choices).state.ending == x.worse
        assert _play(scenario, x.better_way.choices).state.ending == x.better
    mended = BRANCHY.replace("scores: {1: -2, 2: 1}}", "scores: {1: -2, 2: 1}}\n      - {text: Four, goto: bad, "
                             "feedback: f, scores: {1: 3, 2: 3}}")
    clash = inconsistencies(analyse(load_text("c.yaml", mended).scenario), reference.ladder())
    assert any(x.worse == "bad" and x.worse_way.choices == (4,) for x in clash)


def test_paths_usage_and_broken_files(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text(BRANCHY.replace("goto: good}", "goto: goood}"), encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "paths", str(bad)], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 1 and "CP302" in done.stderr and "Traceback" not in done.stderr
    done = run_main(["paths"])  # argparse's refusal: the same in this process
    assert done.returncode == 2 and "usage" in done.stderr


def test_written_transcripts_pass(tmp_path):
    from tests.support.transcripts import problems, read_transcripts, run

    done = subprocess.run([sys.executable, "main.py", "paths", "after-court", "--write-transcripts", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    written = read_transcripts(tmp_path / "after-court.yaml")
    from game.engine.loader import load_file
    loaded = load_file(ROOT / "scenarios" / "after-court.yaml")
    assert len(written.transcripts) == len(loaded.scenario.endings)
    for t in written.transcripts:
        assert problems(t, loaded, run(t, loaded)) == [], t.name
