"""The root cause first: one mistake is one report, not a report plus the dozen it causes (issue 12)."""

from __future__ import annotations

from game.engine.loader import load_text
from game.engine.validate import validate
from tests.scenario_text import load_nodes


def chain(length: int, first_goto: str) -> str:
    nodes = [f"a:\n  choices:\n    - {{text: Go, goto: {first_goto}, feedback: x}}\n    - {{text: Stop, goto: end, feedback: x}}"]
    nodes += [f"n{i}:\n  next: {f'n{i + 1}' if i + 1 < length else 'end'}" for i in range(length)]
    return "\n".join(nodes) + "\n"


def test_a_mistyped_goto_is_one_error_that_counts_what_it_strands():
    found = validate(load_nodes("fold", chain(13, "n00")))
    assert [d.code for d in found] == ["CP302"]
    assert "13 nodes" in found[0].message and "n0, n1, n10, n11 and 9 more" in found[0].message
    assert found[0].hint == "did you mean 'n0'?"


def test_a_goto_with_no_likely_target_leaves_the_warnings():
    found = validate(load_nodes("fold", chain(2, "zzzzzz")))
    assert [d.code for d in found] == ["CP302", "CP303", "CP303"]


def test_a_duplicate_node_id_is_reported_alone():
    body = "\n".join(["format: 1", "id: dup", "title: T", "summary: s", "minutes: 5", "audience: [x]",
                      'version: "1"', "author: me", "objectives: [o]", "start: a", "nodes:",
                      "  a: {next: b}", "  b: {next: end}", "  a: {next: missing}", "endings:",
                      "  end: {title: E, text: t, outcome: commended, debrief: {what_happened: x, reflection: [q]}}"])
    found = validate(load_text("dup.yaml", body + "\n"))
    assert [(d.code, d.line) for d in found] == [("CP106", 14)]
