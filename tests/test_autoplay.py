"""Every scenario in scenarios/: random play always reaches an ending, and every ending is reached by a
transcript. (The ending check applies to scenarios that have a transcript file, so authors can add them as
they go; a scenario without one is reported as skipped.)"""

import random
from functools import cache
from pathlib import Path

import pytest

from game.engine.loader import Loaded, load_file
from game.engine.story import Story, autoplay
from tests.conftest import ROOT, SCENARIOS
from tests.support.transcripts import TranscriptError, read_transcripts

RUNS = 200
MAX_STEPS = 500  # far beyond any scenario's length: only a loop that rarely exits gets near it
TRANSCRIPTS = ROOT / "tests" / "transcripts"

FILES = sorted(SCENARIOS.glob("*.yaml")) if SCENARIOS.is_dir() else []
PARAMS = [pytest.param(p, id=p.stem) for p in FILES] or \
    [pytest.param(None, marks=pytest.mark.skip(reason="no scenarios in scenarios/ yet"), id="none")]


@cache
def scenario(path: Path) -> Loaded:
    loaded = load_file(path)
    assert loaded.ok, "\n".join(str(d) for d in loaded.diagnostics)
    return loaded


@cache
def endings_with_transcripts() -> dict[str, set[str]]:
    """scenario id -> the endings its transcripts reach (unreadable files are test_transcripts' to report)."""
    found: dict[str, set[str]] = {}
    for path in sorted(TRANSCRIPTS.glob("*.yaml")):
        try:
            file = read_transcripts(path)
        except TranscriptError:
            continue
        found.setdefault(file.scenario, set()).update(t.expect.ending for t in file.transcripts)
    return found


@pytest.mark.parametrize("path", PARAMS)
def test_random_play_always_reaches_an_ending(path):
    story = Story(scenario(path).scenario)
    for seed in range(RUNS):
        story.restart()
        try:
            autoplay(story, random.Random(seed), max_steps=MAX_STEPS)
        except ValueError as exc:
            pytest.fail(f"{path.name}, seed {seed}: {exc} (at '{story.state.node}')")
        assert story.is_over and story.ending is not None


@pytest.mark.parametrize("path", PARAMS)
def test_every_ending_has_a_transcript(path):
    loaded = scenario(path)
    covered = endings_with_transcripts().get(loaded.scenario.id)
    if covered is None:
        pytest.skip(f"no transcript file for '{loaded.scenario.id}' in tests/transcripts/ yet")
    missing = [e for e in loaded.scenario.endings if e not in covered]
    assert not missing, (f"{path.name}: no transcript reaches the ending(s) {', '.join(missing)}; "
                         f"add one to tests/transcripts/ for each")
