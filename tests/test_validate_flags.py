"""Flags and conditions: CP308/CP309/CP323, and the CP310 rule (can every choice be hidden at once?)."""

from __future__ import annotations

import textwrap

from game.engine.graph import StoryGraph
from game.engine.validate import validate
from game.engine.visibility import MAX_COMBINATIONS, FlagFlow

from .scenario_text import load_nodes


def load(*parts: str):
    return load_nodes("flags", "".join(textwrap.dedent(part).lstrip("\n") for part in parts))


def found(*parts: str) -> list[str]:
    return [d.code for d in validate(load(*parts))]


# Node 'a' offers two choices, one setting flag f, both leading to 'hub' (so f may or may not be set there).
SOMETIMES_F = """
a:
  choices:
    - {text: Set, goto: hub, feedback: x, set_flags: [f]}
    - {text: Skip, goto: hub, feedback: x}
"""


def test_a_choice_without_when_keeps_the_node_safe():
    assert found(SOMETIMES_F, """
        hub:
          choices:
            - {text: Only with f, goto: end, feedback: x, when: {flag: f}}
            - {text: Always, goto: end, feedback: x}
        """) == []


def test_a_flag_set_on_only_some_paths_can_hide_everything():
    diagnostics = validate(load(SOMETIMES_F, """
        hub:
          choices:
            - {text: Only with f, goto: end, feedback: x, when: {flag: f}}
        """))
    [d] = diagnostics
    assert (d.code, d.line, d.col) == ("CP310", 17, 5)  # at hub's choices
    assert "flag 'f' is not set" in d.message


def test_a_flag_set_on_every_path_cannot_hide_its_choice():
    assert found("""
        a:
          choices:
            - {text: One, goto: hub, feedback: x, set_flags: [f]}
            - {text: Two, goto: hub, feedback: x, set_flags: [f]}
        hub:
          choices:
            - {text: With f, goto: end, feedback: x, when: {flag: f}}
        """) == []


def test_a_flag_cleared_on_the_way_is_unset_again():
    codes = found("""
        a:
          choices:
            - {text: One, goto: b, feedback: x, set_flags: [f]}
        b:
          choices:
            - {text: Forget, goto: hub, feedback: x, clear_flags: [f]}
        hub:
          choices:
            - {text: With f, goto: end, feedback: x, when: {flag: f}}
        """)
    assert codes == ["CP310", "CP331"]  # hidden, and the test is always false: f is always cleared by then


def test_complementary_flag_conditions_always_show_one():
    assert found(SOMETIMES_F, """
        hub:
          choices:
            - {text: With f, goto: end, feedback: x, when: {flag: f}}
            - {text: Without, goto: end, feedback: x, when: {not_flag: f}}
        """) == []


def test_nested_conditions_that_cover_every_case():
    assert found(SOMETIMES_F, """
        hub:
          choices:
            - {text: Either, goto: end, feedback: x, when: {any: [{flag: f}, {not: {flag: f}}]}}
        """) == []


def test_complementary_score_tests_always_show_one():
    assert found("""
        a:
          choices:
            - {text: Up, goto: hub, feedback: x, scores: {2: 1}}
            - {text: Down, goto: hub, feedback: x, scores: {2: -1}}
        hub:
          choices:
            - {text: Good so far, goto: end, feedback: x, when: {score: 2, at_least: 0}}
            - {text: Bad so far, goto: end, feedback: x, when: {all: [{score: total, at_most: 5}, {score: 2, at_most: -1}]}}
            - {text: Very good, goto: end, feedback: x, when: {score: total, at_least: 6}}
        """) == []


def test_a_gap_between_score_thresholds_is_found():
    diagnostics = validate(load("""
        a:
          choices:
            - {text: Up, goto: hub, feedback: x, scores: {2: 1}}
        hub:
          choices:
            - {text: High, goto: end, feedback: x, when: {score: 2, at_least: 2}}
            - {text: Low, goto: end, feedback: x, when: {score: 2, at_most: 0}}
        """))
    assert [d.code for d in diagnostics] == ["CP310"]
    assert "the score for standard 2 is 1" in diagnostics[0].message


def test_a_standard_no_choice_scores_is_always_zero():
    assert found("""
        a:
          choices:
            - {text: Never negative, goto: end, feedback: x, when: {score: 4, at_most: 0}}
        """) == []
    assert found("""
        a:
          choices:
            - {text: Never positive, goto: end, feedback: x, when: {score: 4, at_least: 1}}
        """) == ["CP310"]


def test_next_is_the_fallback_when_every_choice_is_hidden():
    assert found(SOMETIMES_F, """
        hub:
          choices:
            - {text: With f, goto: end, feedback: x, when: {flag: f}}
          next: end
        """) == ["CP318"]


def test_too_many_combinations_are_reported_as_unproven():
    flags = [f"f{i}" for i in range(13)]
    assert 2 ** len(flags) > MAX_COMBINATIONS
    # a chain of nodes, each offering to set one flag or not: every combination can reach the hub
    chain = "".join(f"""
        {"a" if i == 0 else f"n{i}"}:
          choices:
            - {{text: Set, goto: {f"n{i + 1}" if i < 12 else "hub"}, feedback: x, set_flags: [{flag}]}}
            - {{text: Skip, goto: {f"n{i + 1}" if i < 12 else "hub"}, feedback: x}}
        """ for i, flag in enumerate(flags))
    condition = "{all: [" + ", ".join(f"{{flag: {f}}}" for f in flags) + "]}"
    diagnostics = validate(load(*chain.split("\n\n"), f"""
        hub:
          choices:
            - {{text: All of them, goto: end, feedback: x, when: {condition}}}
        """))
    assert [d.code for d in diagnostics] == ["CP310"]
    assert "too many" in diagnostics[0].message


def test_flag_flow_knows_may_and_must():
    scenario = load(SOMETIMES_F, """
        hub:
          choices: [{text: Switch on, goto: both, feedback: x, set_flags: [g]}]
        both:
          choices: [{text: End, goto: end, feedback: x, when: {any: [{flag: f}, {flag: g}]}}]
        """).scenario
    flow = FlagFlow(StoryGraph(scenario))
    assert flow.values("a", "f") == (False,)
    assert flow.values("hub", "f") == (False, True)
    assert flow.values("hub", "g") == (False,)
    assert flow.values("both", "g") == (True,)
    assert flow.values("both", "never") == (False,)


def test_tested_never_set_is_reported_at_every_test():
    diagnostics = validate(load("""
        a:
          choices:
            - {text: One, goto: b, feedback: x, when: {flag: ghost}}
            - {text: Two, goto: b, feedback: x}
        b:
          routes: [{when: {not_flag: ghost}, goto: end}, {goto: end}]
        """))
    assert [(d.code, d.line, d.col) for d in diagnostics] == [("CP308", 14, 56), ("CP308", 17, 32)]  # at each flag name


def test_set_never_tested_and_cleared_never_set():
    diagnostics = validate(load("""
        a:
          choices:
            - {text: One, goto: end, feedback: x, set_flags: [friend], clear_flags: [freind]}
        """))
    assert [(d.code, d.hint) for d in diagnostics] == [
        ("CP309", "test it in a 'when:' or remove it"), ("CP323", "did you mean 'friend'?")]


def test_a_broken_goto_is_the_one_error_not_every_test_of_a_flag_it_strands():
    # the mistyped target strands 'b', where f is set on the way to the hub: the hub's test of f is not a
    # second mistake (f is set later too, at 'late', so without the broken goto the test would be sound)
    codes = found("""
        a:
          choices:
            - {text: Go on, goto: bb, feedback: x}
            - {text: Stay, goto: hub, feedback: x}
        b:
          choices:
            - {text: Set, goto: hub, feedback: x, set_flags: [f]}
        hub:
          choices:
            - {text: With f, goto: end, feedback: x, when: {flag: f}}
            - {text: Always, goto: late, feedback: x}
        late:
          choices:
            - {text: Again, goto: end, feedback: x, set_flags: [f]}
        """)
    assert codes == ["CP302"]
