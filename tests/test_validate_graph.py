"""The story graph: reachability, dead ends, loops, routes, and ids shared across files."""

from __future__ import annotations

import time

from game.engine.loader import load_text
from game.engine.validate import check_ids, validate

from .scenario_text import END, load_nodes, scenario_head

HEAD = scenario_head("graph")


def check(nodes: str, endings: str = END, head: str = HEAD):
    return validate(load_nodes("graph", nodes, endings, head))


def codes(found) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in found]


def test_routes_win_so_choices_beside_them_lead_nowhere():
    found = check("""
        a:
          routes: [{goto: end}]
          choices: [{text: Go, goto: b, feedback: f}]
        b: {next: end}
        """)
    assert codes(found) == [("CP318", 12), ("CP303", 15)]
    assert "never used" in found[0].message


def test_routes_that_only_lead_to_each_other_are_a_trap():
    found = check("""
        a: {routes: [{goto: b}]}
        b: {routes: [{goto: a}]}
        """)
    assert [d.code for d in found] == ["CP305", "CP305", "CP306"]
    assert "a → b → a" in found[0].message


def test_a_loop_with_a_conditional_way_out_is_accepted():
    assert check("""
        a:
          choices: [{text: Try, goto: b, feedback: f, set_flags: [tried]}]
        b:
          routes: [{when: {flag: tried}, goto: end}, {goto: a}]
        """) == []


def test_a_dead_end_is_reported_once_at_the_dead_end():
    found = check("""
        a: {next: b}
        b: {lines: [{text: and then?}]}
        """)
    assert codes(found) == [("CP304", 13), ("CP306", 15)]


def test_empty_choices_are_no_way_on():
    assert [d.code for d in check("a: {choices: []}\n")] == ["CP304", "CP306"]


def test_unknown_start_does_not_flood_with_unreachable_nodes():
    found = check("""
        a: {next: b}
        b: {next: end}
        """, head=HEAD.replace("start: a", "start: zz"))
    assert codes(found) == [("CP301", 10)]


def test_a_long_chain_needs_no_recursion():
    nodes = "".join(f"n{i}: {{next: n{i + 1}}}\n" for i in range(5000)) + "n5000: {next: end}\n"
    assert check(nodes, head=HEAD.replace("start: a", "start: n0")) == []


def test_an_id_that_is_both_goes_to_the_ending():
    found = check("""
        a: {next: end}
        end: {next: a}
        """)
    assert codes(found) == [("CP315", 13)]


def test_schema_errors_come_back_without_graph_checks():
    loaded = load_text("bad.yaml", HEAD + "nodes:\n  a: {next: nowhere, colour: red}\n" + END)
    found = validate(loaded)
    assert [d.code for d in found] == ["CP201"]
    assert found == sorted(found, key=lambda d: (d.line, d.col))


def test_the_same_id_in_two_files():
    text = HEAD + "nodes:\n  a: {next: end}\n" + END
    one, two, other = (load_text(name, t) for name, t in
                       [("one.yaml", text), ("two.yaml", text), ("three.yaml", text.replace("id: graph", "id: g3"))])
    [d] = check_ids([one, two, other])
    assert (d.code, d.file, d.line, d.col) == ("CP320", "two.yaml", 2, 5)
    assert "one.yaml" in d.message
    assert check_ids([one, other]) == []


def test_an_empty_list_beside_next_is_not_a_second_way_on():
    assert check("a: {choices: [], next: end}\n") == []


def test_thousands_of_broken_targets_stay_quick():
    # every node points at a misspelt next node: suggestions must not cost nodes x mistakes comparisons
    nodes = "".join(f"n{i}: {{next: nn{i + 1}}}\n" for i in range(3000))
    started = time.perf_counter()
    found = check(nodes, head=HEAD.replace("start: a", "start: n0"))
    assert time.perf_counter() - started < 10
    assert sum(d.code == "CP302" for d in found) == 3000
    assert found[0].hint == "did you mean 'n1'?"  # the first ones still get a suggestion
