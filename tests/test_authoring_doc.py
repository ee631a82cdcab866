"""The worked example in docs/authoring.md is the one trainers copy: it must load, validate and play."""

from __future__ import annotations

import random
import re

from game.engine.loader import load_file
from game.engine.story import Story, autoplay

from .conftest import FIXTURES, ROOT

DOC = ROOT / "docs" / "authoring.md"
EXAMPLE = FIXTURES / "authoring-example.yaml"


def example_from_doc() -> str:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- example:start -->\s*```yaml\n(.*?)```\s*<!-- example:end -->", text, re.S)
    assert block, "docs/authoring.md has no marked worked example"
    return block.group(1)


def test_the_doc_example_is_the_fixture_byte_for_byte():
    assert example_from_doc() == EXAMPLE.read_text(encoding="utf-8")


def test_the_worked_example_is_clean_and_every_ending_can_be_reached():
    from game.engine.validate import validate

    loaded = load_file(EXAMPLE)
    assert validate(loaded) == []
    reached = set()
    for seed in range(100):
        story = Story(loaded.scenario)
        autoplay(story, random.Random(seed))
        reached.add(story.state.ending)
    assert reached == set(loaded.scenario.endings)


def test_the_doc_publishes_the_scoring_rubric_and_every_outcome_id():
    from game.engine import reference

    text = DOC.read_text(encoding="utf-8")
    for mark in ("+2", "+1", "−1", "−2", "−3"):
        assert mark in text or mark.replace("−", "-") in text
    for outcome in reference.ladder().outcomes:
        assert outcome.id in text


def test_the_doc_never_tells_trainers_to_name_standards_by_number():
    """The guide's own rule (and CP338's warning) is that prose names a standard by its words: no advice
    elsewhere in the guide may say the opposite."""
    text = DOC.read_text(encoding="utf-8")
    assert "CP338" in text
    contradictions = re.findall(r"[^.|]*\bstandards?\b[^.|]*\bby (?:their |its )?numbers?\b[^.|]*", text)
    assert contradictions == []
