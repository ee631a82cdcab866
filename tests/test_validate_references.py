"""References to the shipped data: frameworks' standards (CP307), the outcome ladder (CP311, CP317), characters."""

from __future__ import annotations

import pytest

from game.engine.loader import load_text
from game.engine.reference import framework_ids, ladder
from game.engine.validate import validate
from tests.conftest import FIXTURES

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")


def check(text: str):
    loaded = load_text("refs.yaml", text)
    assert loaded.scenario is not None, loaded.diagnostics
    return validate(loaded)


def test_standards_are_checked_against_the_chosen_framework():
    # tiny scores standards 2 and 3: fine in every framework, but 13 exists only in hcpc-2012
    text = TINY.replace("scores: {3: 1}", "scores: {3: 1, 13: 1}")
    assert check(text) == []
    found = check(text.replace("objectives: [o]", "objectives: [o]\nframework: swe-2019"))
    assert [(d.code, d.line) for d in found] == [("CP307", 21)]
    assert "swe-2019 has standards 1, 2, 3, 4, 5, 6" in found[0].hint


def test_unknown_framework_skips_the_standard_checks():
    found = check(TINY.replace("objectives: [o]", "objectives: [o]\nframework: basw"))
    assert [d.code for d in found] == ["CP300"]
    assert all(fw in found[0].hint for fw in framework_ids())


@pytest.mark.parametrize("outcome, months, ok", [
    ("caution_order", 12, True), ("caution_order", 60, True), ("caution_order", 6, False),
    ("conditions_of_practice_order", 36, True), ("conditions_of_practice_order", 37, False),
    ("suspension_order", 12, True), ("suspension_order", 13, False),
    ("striking_off_order", 12, False), ("manager_advice", 1, False),
])
def test_order_lengths_follow_the_ladder(outcome, months, ok):
    text = TINY.replace("outcome: conditions_of_practice_order, months: 12", f"outcome: {outcome}, months: {months}")
    found = check(text)
    assert [d.code for d in found] == ([] if ok else ["CP317"])


def test_months_may_be_left_out_of_an_order():
    assert check(TINY.replace(", months: 12", "")) == []


def test_every_ladder_outcome_is_accepted():
    for outcome in ladder().outcomes:
        text = TINY.replace("outcome: conditions_of_practice_order, months: 12", f"outcome: {outcome.id}")
        assert check(text) == [], outcome.id


def test_speaker_must_be_a_character_and_the_hint_lists_the_fix():
    found = check(TINY.replace("speaker: sam", "speaker: alex"))
    assert [(d.code, d.line, d.col) for d in found] == [("CP312", 17, 19)]
    assert found[0].hint == "add them under 'characters:' at the top"
