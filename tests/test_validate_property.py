"""Property: whatever is done to a valid scenario, loading and validating give diagnostics, never raise.

Mutations: delete a key, replace a value with one of another type, insert random text or bytes into the
file, cut it short. Bounded (200 examples each, no deadline) so the whole file runs in a few seconds.
"""

from __future__ import annotations

import copy

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.diagnostics import CODES
from game.engine.loader import load_bytes, load_text
from game.engine.validate import validate
from tests.conftest import FIXTURES

TINY_TEXT = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")
TINY = yaml.safe_load(TINY_TEXT)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _paths(data, prefix=()):
    """Every path to a value in the document."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield (*prefix, i)
            yield from _paths(value, (*prefix, i))


PATHS = list(_paths(TINY))
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True), st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.sampled_from(["a", "b", "r", "good", "bad", "sam", "accepted", "hcpc-2016", "total", "2", "commended"]),
)


def _copy(data):
    return copy.deepcopy(data)


def _check(loaded) -> None:
    found = validate(loaded)
    for d in found:
        assert d.code in CODES
        assert isinstance(d.line, int) and isinstance(d.col, int)
    if loaded.scenario is None:
        assert any(d.is_error for d in found)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.booleans(), VALUES), min_size=1, max_size=4))
def test_structural_mutations_give_diagnostics(mutations):
    data = _copy(TINY)
    for path, delete, value in mutations:
        parent = data
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            try:
                if delete:
                    del parent[path[-1]]
                else:
                    parent[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                pass
    _check(load_text("mutant.yaml", yaml.safe_dump(data, allow_unicode=True)))


@SETTINGS
@given(st.integers(0, len(TINY_TEXT)), st.integers(0, 40), st.text(max_size=40))
def test_text_splices_give_diagnostics(at, cut, inserted):
    _check(load_text("spliced.yaml", TINY_TEXT[:at] + inserted + TINY_TEXT[at + cut:]))


@SETTINGS
@given(st.integers(0, len(TINY_TEXT)), st.binary(max_size=40))
def test_byte_splices_give_diagnostics(at, inserted):
    raw = TINY_TEXT.encode()
    _check(load_bytes("bytes.yaml", raw[:at] + inserted + raw[at:]))


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:- \n[]{},'\"#&*!|>%@`\t0")), max_size=80))
def test_yaml_punctuation_soup_gives_diagnostics(text):
    _check(load_text("soup.yaml", text))
