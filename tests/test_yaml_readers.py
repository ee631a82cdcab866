"""The C reader (native/) and the Python reader must read every input identically: the same data, the same
positions, the same duplicates and the same problem. The hostile-input tests run on the default reader;
this file proves the other one agrees, on every file we ship, on hostile input and on generated text."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import yamlsafe
from game.engine.yamlsafe import Positions
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent

needs_c = pytest.mark.skipif(
    "c" not in yamlsafe.READERS,
    reason="the C reader is not built here (it needs a C compiler and libyaml's headers; see README)")


def shape(value: object, positions: Positions) -> object:
    """Everything a reader produced, as plain comparable values: types, positions and packed marks too."""
    if type(value) is dict:
        return ("map", positions.of(value), [(shape(k, positions), shape(v, positions)) for k, v in value.items()])
    if type(value) is list:
        return ("seq", positions.of(value), [shape(v, positions) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


def read(reader: str, text: str) -> tuple:
    root, collections, index, marks, duplicates, problem = yamlsafe.READERS[reader](text)
    positions = Positions(collections, index, marks)
    assert len(collections) == len({id(c) for c in collections})  # each collection once
    return (shape(root, positions), [(shape(k, positions), *rest) for k, *rest in duplicates], problem,
            len(collections), bytes(index), bytes(marks))


def assert_same(text: str) -> None:
    assert read("c", text) == read("python", text)


SHIPPED = sorted([*(ROOT / "scenarios").glob("*.yaml"), *FIXTURES.rglob("*.yaml"),
                  *(ROOT / "game" / "data").rglob("*.yaml")])


@needs_c
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_reads_the_same(path):
    assert_same(path.read_text(encoding="utf-8"))


HOSTILE = {
    "syntax error": "format: 1\nid: [a, b\ntitle: x\n",
    "colon": "title: Day 1: the request\n",
    "duplicate": "a: 1\nb: 2\na: 3\nb: {x: 1}\n",
    "duplicate of another type": "1: a\n1.0: b\ntrue: c\n",
    "duplicate with the same value": "a: 1\nb: x\na: 1\nc: 2\nb: x\n",
    "python tag": "format: !!python/object/apply:os.system ['true']\n",
    "local tag": "id: x\ntitle: !foo value\n",
    "set tag": "id: !!set {a, b}\n",
    "tagged collection": "a: !!map {b: 1}\nc: !!seq [1]\nd: !!omap [a: 1]\n",
    "typed by tag": "a: !!int '12'\nb: !!float '1.5'\nc: !!bool 'yes'\nd: !!null ''\ne: !!str 12\nf: ! 12\n",
    "anchor": "a: &x 1\nb: *x\n",
    "anchor on a mapping": "a: &x {b: 1}\n",
    "alias only": "a: *nothing\n",
    "billion laughs": "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "deep flow": "a: " + "[" * 200 + "]" * 200 + "\n",
    "deep block": "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v: 1\n",
    "at the depth limit": "a: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1) + "\n",
    "past the depth limit": "a: " + "[" * yamlsafe.MAX_DEPTH + "]" * yamlsafe.MAX_DEPTH + "\n",
    "empty": "",
    "comment only": "# nothing here\n",
    "list at the top": "- a\n- b\n",
    "scalar at the top": "just text\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "explicit document": "---\na: 1\n...\n",
    "nul": "a: 1\nb: x\x00y\n",
    "control character": "a: \x07\n",
    "mapping as key": "? {a: 1}\n: b\n",
    "sequence as key": "? [a]\n: b\n",
    "numbers": "a: [0, -0, +1, 0x1F, 0o17, 017, 0b101, 1_000, 1:30, 190:20:30, 1.5, -.5e3, .inf, -.Inf, .nan, 1e3]\n",
    "words": "a: [yes, No, TRUE, off, On, y, n, null, Null, ~, '', \"yes\", 'null', '']\n",
    "long number": "a: " + "9" * 50_000 + "\n",
    "unicode": "titre: Été à Paris — « bonjour » 😀\nclé: [ü, ß]\n",
    "block scalars": "a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: |-\n  kept\n",
    "quoted": "a: 'it''s'\nb: \"tab\\there \\u00e9\"\nc: \"9:40\"\n",
    "multi-line plain": "a: one\n  two\n  three\nb: x\n",
    "empty values": "a:\nb: []\nc: {}\nd: ''\n- x\n",
    "complex keys": "? a\n: 1\n? b\n",
    "flow mappings": "a: {b: 1, c: [2, {d: 3}], e: }\n",
    "bom": "\ufeffa: 1\n",
    "windows newlines": "a: 1\r\nb:\r\n  - 2\r\n",
}


@needs_c
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_and_odd_input_reads_the_same(name):
    assert_same(HOSTILE[name])


@needs_c
def test_too_many_values_stops_at_the_same_place(monkeypatch):
    monkeypatch.setattr(yamlsafe, "MAX_VALUES", 50)
    text = "a: [" + ", ".join(["{}"] * 100) + "]\n"
    c, python = read("c", text), read("python", text)
    assert c == python
    assert c[2][0] == "values"


@needs_c
def test_a_generated_large_scenario_reads_the_same():
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from load_validate import scenario_text
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert_same(scenario_text(300))


@needs_c
def test_the_default_is_the_c_reader():
    assert yamlsafe.DEFAULT_READER == "c"


STALE_C = """
import sys, types
sys.modules["crossing_paths_yaml"] = types.SimpleNamespace(API_VERSION=0, build=None)  # an old build
from game.engine import yamlsafe
assert yamlsafe.DEFAULT_READER == "python"
print(yamlsafe.read_text("x.yaml", "a: 1").data)
"""


def test_a_stale_c_reader_is_set_aside():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", STALE_C], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{'a': 1}"


PLAY_WITHOUT_C = """
import sys
sys.modules["crossing_paths_yaml"] = None  # as on a machine where it could not be built
from game.engine import yamlsafe
from game.engine.checked import load_scenario
assert yamlsafe.READERS.keys() == {"python"} and yamlsafe.DEFAULT_READER == "python"
print(load_scenario(sys.argv[1]).id)
"""


@pytest.mark.parametrize("env", [{}, {"CROSSING_PATHS_YAML_READER": "c"}])
def test_without_the_c_reader_the_python_reader_loads_everything(env):
    import os
    import subprocess
    import sys

    path = sorted((ROOT / "scenarios").glob("*.yaml"))[0]
    done = subprocess.run([sys.executable, "-c", PLAY_WITHOUT_C, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == yaml.safe_load(path.read_text(encoding="utf-8"))["id"]


def test_the_reader_can_be_chosen_by_environment():
    import os
    import subprocess
    import sys

    code = "from game.engine import yamlsafe; print(yamlsafe.DEFAULT_READER)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "CROSSING_PATHS_YAML_READER": "python"})
    assert done.stdout.strip() == "python", done.stderr


# Generated text: fragments of YAML put together at random, most of it broken in some way, some of it not.
FRAGMENTS = ["a", "b", "key", ":", ": ", "- ", "-", "\n", "  ", "    ", "{", "}", "[", "]", ",", " ", "#", "'", '"',
             "&x ", "*x", "!!str ", "!!int ", "!!python/name:os.system ", "!x ", "|", ">", "?", "---", "...", "yes",
             "1", "0x1F", "1:30", ".5", "~", "null", "é", "\t", "\x00", "9" * 30, "\\", "%YAML 1.1\n", "@"]


@needs_c
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_generated_fragments_read_the_same(parts):
    assert_same("".join(parts))


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(string.printable + "éß😀", max_size=12))
yaml_data = st.recursive(yaml_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(string.ascii_letters, min_size=1, max_size=6), inner,
                                                 max_size=4)), max_leaves=25)


@needs_c
@settings(max_examples=200, deadline=None)
@given(yaml_data, st.booleans())
def test_generated_documents_read_the_same(data, flow):
    assert_same(yaml.safe_dump({"root": data}, default_flow_style=flow, allow_unicode=True))
