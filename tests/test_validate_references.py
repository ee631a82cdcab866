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


@pytest.mark.parametrize("outcome, months, code", [
    ("caution_order", 12, None), ("caution_order", 60, None), ("caution_order", 6, "CP317"),
    ("conditions_of_practice_order", 36, None), ("conditions_of_practice_order", 37, "CP317"),
    ("suspension_order", 12, None), ("suspension_order", 37, "CP317"),
    ("striking_off_order", 12, "CP317"), ("manager_advice", 1, "CP317"),
    # within the ladder, which any regulator may give, but not what the HCPC gave (tiny.yaml is hcpc-2012)
    ("suspension_order", 13, "CP339"),
])
def test_order_lengths_follow_the_ladder_then_the_scenarios_own_regulator(outcome, months, code):
    text = TINY.replace("outcome: conditions_of_practice_order, months: 12", f"outcome: {outcome}, months: {months}")
    found = check(text)
    assert [d.code for d in found] == ([code] if code else [])


@pytest.mark.parametrize("framework, months, played", [("swe-2019", 24, 12), ("swe-2019", 36, None),
                                                       ("hcpc-2012", 24, None)])
def test_a_warning_has_the_lengths_social_work_england_gives(framework, months, played):
    text = TINY.replace("objectives: [o]", f"objectives: [o]\nframework: {framework}").replace(
        "outcome: conditions_of_practice_order, months: 12", f"outcome: caution_order, months: {months}")
    text = text.replace("{2: -2, 3: -1}", "{2: -2, 1: -1}").replace("{3: 1}", "{1: 1}")
    found = check(text)
    assert [d.code for d in found] == (["CP339"] if played else [])
    if played:
        assert found[0].message == (f"Social Work England's warning lasts 1, 3 or 5 years, not {months} months: "
                                    f"under swe-2019 it is played as {played} months")


def test_agreed_on_an_employer_outcome_and_advice_under_the_hcpc_are_reported():
    agreed = check(TINY.replace("outcome: commended,", "outcome: commended, agreed: true,"))
    assert [(d.code, "changes nothing" in d.message) for d in agreed] == [("CP339", True)]
    advice = check(TINY.replace("outcome: conditions_of_practice_order, months: 12", "outcome: regulator_advice"))
    assert [d.code for d in advice] == ["CP339"]
    assert "played as 'Referred to the HCPC, no sanction'" in advice[0].message


def test_months_may_be_left_out_of_an_order():
    assert check(TINY.replace(", months: 12", "")) == []


def test_every_ladder_outcome_is_accepted():
    for outcome in ladder().outcomes:
        text = TINY.replace("outcome: conditions_of_practice_order, months: 12", f"outcome: {outcome.id}")
        # the HCPC gave no advice: played as its nearest milder outcome (CP339)
        assert [d.code for d in check(text)] == (["CP339"] if outcome.id == "regulator_advice" else []), outcome.id


def test_speaker_must_be_a_character_and_the_hint_lists_the_fix():
    found = check(TINY.replace("speaker: sam", "speaker: alex"))
    assert [(d.code, d.line, d.col) for d in found] == [("CP312", 17, 19)]
    assert found[0].hint == "add them under 'characters:' at the top"
