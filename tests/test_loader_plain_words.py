"""Every schema message in a trainer's words, with a hint: none of pydantic's own wording gets through."""

from __future__ import annotations

import pytest

from game.engine.loader import load_text
from tests.conftest import FIXTURES

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
RAW = ("should", "Input ", "Value error", "valid integer", "Keys ")

# one mistake for each kind of schema error the model can raise
MISTAKES = [
    ("format: 1", "format: 2"),                                              # literal_error
    ("minutes: 5", "minutes: 500"),                                          # less_than_equal
    ("minutes: 5", "minutes: 0"),                                            # greater_than_equal
    ("minutes: 5", "minutes: 1.5"),                                          # int_from_float
    ("minutes: 5", "minutes: five"),                                         # int_parsing
    ("minutes: 5", f"minutes: {'9' * 30}"),                                  # a huge number
    ("objectives: [o]", "objectives: []"),                                   # too_short
    ("objectives: [o]", "objectives: [yes]"),                                # string_type
    ("objectives: [o]", "objectives: o"),                                    # list_type
    ("title: T", f"title: {'x' * 301}"),                                     # string_too_long
    ("{when: {flag: accepted}", "{when: {score: 2}"),                        # value_error
    ("{when: {flag: accepted}", "{when: {flagged: accepted}"),               # the condition tag
    ("{when: {flag: accepted}", "{when: {score: 2, at_leest: 1}"),           # extra key in a condition
    ("{text: Accept, goto: r,", "{text: Accept, yes, goto: r,"),             # invalid_key
    ("{text: Accept, goto: r,", "{text: Hello, world, goto: r,"),            # a comma in flow style
    ("start: a", "start: 'a b'"),                                            # string_pattern_mismatch
    ("{text: Accept, goto: r,", "{text: Accept, goto: r, scores: {2: 9},"),  # a score out of range
]


@pytest.mark.parametrize("old, new", MISTAKES, ids=[new[:30] for _, new in MISTAKES])
def test_schema_messages_are_plain_and_hinted(old, new):
    assert TINY.count(old) >= 1, old
    found = load_text("t.yaml", TINY.replace(old, new, 1)).diagnostics
    assert found, new
    for d in found:
        assert not any(word in d.message for word in RAW), d.message
        assert d.hint, d


def test_the_hints_that_name_the_fix():
    def hint(old, new):
        return load_text("t.yaml", TINY.replace(old, new, 1)).diagnostics[0].hint
    assert hint("{when: {flag: accepted}", "{when: {flagged: accepted}").startswith("did you mean 'flag'?")
    assert hint("{when: {flag: accepted}", "{when: {score: 2, at_leest: 1}") == "did you mean 'at_least'?"
    assert "in quotes" in hint("{text: Accept, goto: r,", "{text: Hello, world, goto: r,")
