"""Schema errors read as one mistake each, at the right place, with the path as it stands in the file."""

from __future__ import annotations

from game.engine.loader import load_text

from .conftest import FIXTURES

EXAMPLE = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")


def test_a_misspelt_required_key_is_one_error_with_the_fix():
    text = EXAMPLE.replace("feedback: bad", "feedbak: bad")
    found = load_text("s.yaml", text).diagnostics
    assert [d.code for d in found] == ["CP201"]
    [d] = found
    assert "unknown key 'feedbak'" in d.message and "required key 'feedback' is missing" in d.message
    assert d.hint == "did you mean 'feedback'? rename 'feedbak:' to 'feedback:'"
    line = text.splitlines()[d.line - 1]
    assert line[d.col - 1:].startswith("feedbak")


def test_an_unknown_key_and_an_unrelated_missing_key_stay_two_errors():
    text = EXAMPLE.replace("feedback: bad", "colour: red")
    codes = sorted(d.code for d in load_text("s.yaml", text).diagnostics)
    assert codes == ["CP200", "CP201"]


def test_a_conditions_tag_is_not_shown_as_part_of_the_path():
    text = EXAMPLE.replace("{when: {flag: accepted}, goto: bad}", "{when: {flag: accepted, bogus: 1}, goto: bad}")
    [d] = load_text("s.yaml", text).diagnostics
    assert d.code == "CP201"
    assert d.message == "unknown key 'bogus' in nodes.r.routes#1.when"


def test_a_score_out_of_range_is_said_plainly_with_the_rubric():
    found = load_text("range.yaml", EXAMPLE.replace("scores: {2: -2,", "scores: {2: -9,", 1)).diagnostics
    assert [(d.code, d.line) for d in found] == [("CP202", 19)]
    assert found[0].message == "nodes.a.choices#1.scores.2: must be at least -5, not -9"
    assert "rubric" in found[0].hint


def test_a_lone_misspelt_key_is_matched_against_the_model_its_parent_key_takes():
    text = EXAMPLE.replace("    next: good", "    next: good\n    notes: {pointz: [a]}")
    [d] = load_text("s.yaml", text).diagnostics
    assert d.code == "CP201" and d.message == "unknown key 'pointz' in nodes.b.notes"
    assert d.hint == "did you mean 'points'?"
