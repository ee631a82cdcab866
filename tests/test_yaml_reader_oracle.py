"""The scenario reader against PyYAML itself: for any YAML the reader accepts, its data is what
`yaml.safe_load` builds and every position is where `yaml.compose` put that value. Checked on every file
we ship, on generated documents and on generated fragments (most of them broken), because the reader's
loop is written for speed and records positions only when they are first asked for."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import yamlsafe
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def same_data(ours: object, theirs: object) -> bool:
    if isinstance(ours, float) and isinstance(theirs, float) and math.isnan(ours):
        return math.isnan(theirs)
    if type(ours) is not type(theirs):
        return False
    if type(ours) is dict:
        return list(ours) == list(theirs) and all(same_data(ours[k], theirs[k]) for k in ours)
    if type(ours) is list:
        return len(ours) == len(theirs) and all(map(same_data, ours, theirs))
    return ours == theirs


def positions_agree(doc: yamlsafe.Document, node: yaml.Node, path: tuple = ()) -> None:
    """Every value's line and column (and every key's) as yaml.compose marks them."""
    assert doc.locate(path) == (node.start_mark.line + 1, node.start_mark.column + 1), path
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = yaml.SafeLoader("").construct_object(key_node, deep=True)
            assert doc.locate((*path, key), at_key=True) == (key_node.start_mark.line + 1,
                                                               key_node.start_mark.column + 1)
            positions_agree(doc, value_node, (*path, key))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            positions_agree(doc, item, (*path, i))


def check(text: str) -> None:
    doc = yamlsafe.read_text("t.yaml", text)
    if doc.data is None or doc.diagnostics:  # refused, or read with a warning (a duplicate key)
        assert doc.diagnostics, "a document without data must say why"
        return
    try:
        theirs = yaml.load(text, Loader=yaml.CSafeLoader)
        nodes = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:  # PyYAML's composer refuses a few odd streams libyaml parses, such as '?'
        return
    assert same_data(doc.data, theirs)
    positions_agree(doc, nodes)


SHIPPED = sorted([*(ROOT / "scenarios").glob("*.yaml"), *FIXTURES.rglob("*.yaml"),
                  *(ROOT / "game" / "data").rglob("*.yaml")])


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_reads_as_pyyaml_reads_it(path):
    text = path.read_text(encoding="utf-8-sig")
    if "&" in text and "*" in text:  # anchors are refused on purpose; nothing to compare
        return
    check(text)


def test_odd_but_valid_input_reads_as_pyyaml_reads_it():
    for text in ("a: [0, -0, +1, 0x1F, 0o17, 017, 0b101, 1_000, 1:30, 1.5, -.5e3, .inf, -.Inf, .nan, 1e3]\n",
                 "a: [yes, No, TRUE, off, On, y, n, null, Null, ~, '', \"yes\", 'null']\n",
                 "titre: Été à Paris — « bonjour » 😀\nclé: [ü, ß]\n",
                 "a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: |-\n  kept\n",
                 "a: 'it''s'\nb: \"tab\\there \\u00e9\"\nc: \"9:40\"\n",
                 "a: !!int '12'\nb: !!float '1.5'\nc: !!bool 'yes'\ne: !!str 12\n",
                 "a: one\n  two\nb:\nc: []\nd: {}\n? e\n",
                 "a: 1\r\nb:\r\n  - 2\r\n", "---\na: {b: 1, c: [2, {d: 3}], e: }\n...\n"):
        check(text)


def test_a_duplicate_key_names_the_line_of_the_first():
    doc = yamlsafe.read_text("t.yaml", "a: 1\nb:\n  c: 2\n  c: 3\n")
    assert [(d.code, d.line, d.col) for d in doc.diagnostics] == [("CP106", 4, 3)]
    assert "first defined at line 3" in doc.diagnostics[0].message
    assert doc.data == {"a": 1, "b": {"c": 2}}


def test_too_many_values_stops_at_the_value_past_the_limit(monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_VALUES", 50)
    doc = yamlsafe.read_text("t.yaml", "a: [" + ", ".join(["{}"] * 100) + "]\n")
    # the root, the key 'a' and the list count too: the 48th item is the 51st value
    assert [(d.code, d.line, d.col) for d in doc.diagnostics] == [("CP111", 1, 5 + 4 * 47)]


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(string.printable + "éß😀", max_size=12))
yaml_data = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(string.ascii_letters, min_size=1, max_size=6), inner,
                                                 max_size=4)), max_leaves=25)


@settings(max_examples=150, deadline=None)
@given(yaml_data, st.booleans())
def test_generated_documents_read_as_pyyaml_reads_them(data, flow):
    check(yaml.safe_dump({"root": data}, default_flow_style=flow, allow_unicode=True))


# Fragments of YAML put together at random, most of it broken in some way, some of it not.
FRAGMENTS = ["a", "b", "key", ":", ": ", "- ", "-", "\n", "  ", "    ", "{", "}", "[", "]", ",", " ", "#", "'", '"',
             "&x ", "*x", "!!str ", "!!int ", "!!python/name:os.system ", "!x ", "|", ">", "?", "---", "...", "yes",
             "1", "0x1F", "1:30", ".5", "~", "null", "é", "\t", "\x00", "9" * 30, "\\", "%YAML 1.1\n", "@"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_generated_fragments_read_as_pyyaml_reads_them_or_say_why_not(parts):
    check("".join(parts))


@pytest.mark.parametrize("text", ["!!int :", "a: !!int abc", "a: !!int yes", "a: !!bool 1", "a: !!float x",
                                  "a: !!null 0"])
def test_a_typing_tag_on_a_value_of_another_type_is_one_clear_error(text):
    # PyYAML itself raises IndexError, ValueError or KeyError on these; the reader says what is wrong, where
    doc = yamlsafe.read_text("t.yaml", text)
    assert doc.data is None
    assert [(d.code, d.line) for d in doc.diagnostics] == [("CP202", 1)]
    assert "remove the tag" in doc.diagnostics[0].hint


def test_a_typing_tag_on_a_value_of_its_type_reads_as_pyyaml_reads_it():
    check("a: !!float 1\nb: !!int 0x1F\nc: !!bool off\nd: !!null ~\ne: !!float -.5\n")
