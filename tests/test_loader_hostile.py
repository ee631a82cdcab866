"""Hostile and broken input: every case gives a located Diagnostic, never an exception, and fast."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from game.engine import yamlsafe
from game.engine.loader import load_bytes, load_file, load_text
from game.engine.validate import validate
from tests.conftest import FIXTURES

TINY = (FIXTURES / "tiny.yaml").read_text(encoding="utf-8")


def only(text: str | bytes, file: str = "hostile.yaml"):
    """Load and validate; return the single diagnostic expected, checking that it is located."""
    loaded = load_bytes(file, text) if isinstance(text, bytes) else load_text(file, text)
    found = validate(loaded)
    assert loaded.scenario is None
    assert found, "bad input must give a diagnostic"
    first = found[0]
    assert first.file == file and first.line >= 1 and first.col >= 1, first
    assert first.is_error
    return first


def test_syntax_error_points_at_the_problem():
    d = only("format: 1\nid: [a, b\ntitle: x\n")
    assert d.code == "CP105" and (d.line, d.col) == (2, 5)  # where the unclosed bracket opens
    assert "'['" in d.message and "']'" in d.hint


def test_an_unclosed_quote_is_reported_where_it_opens():
    lines = ["format: 1", 'title: "A long day', *[f"key{i}: value" for i in range(28)], 'summary: "x"', "end: 1"]
    d = only("\n".join(lines) + "\n")
    assert (d.code, d.line, d.col) == ("CP105", 2, 8), d
    assert "quote" in d.message and "close the quote" in d.hint
    d = only('format: 1\ntitle: "never closed\nmore: 1\n')
    assert (d.line, d.col) == (2, 8) and "never closed" in d.message


def test_unquoted_colon_gets_a_hint():
    d = only("title: Day 1: the request\n")
    assert d.code == "CP105" and (d.line, d.col) == (1, 13)
    assert "quoted" in d.hint


def test_duplicate_keys_are_errors_not_silently_merged():
    text = TINY.replace("  b:\n    lines: [{text: later}]", "  a:\n    lines: [{text: again}]\n  b:\n    lines: [{text: later}]")
    found = validate(load_text("dup.yaml", text))
    dup = [d for d in found if d.code == "CP106"]
    assert len(dup) == 1
    assert (dup[0].line, dup[0].col) == (text.split("\n").index("  a:", 14) + 1, 3)
    assert "first defined at line 14" in dup[0].message
    assert found == dup  # the root cause alone: what follows from the dropped node is not checked


def test_python_tag_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    d = only(f"format: !!python/object/apply:os.system ['touch {marker}']\n")
    assert d.code == "CP107" and (d.line, d.col) == (1, 9)
    assert "Python object" in d.message
    assert not marker.exists()


@pytest.mark.parametrize("tag", ["!foo", "!!set", "!!binary", "!!timestamp", "!<tag:yaml.org,2002:omap>"])
def test_other_tags_are_refused(tag):
    d = only(f"id: x\ntitle: {tag} value\n")
    assert d.code == "CP107" and (d.line, d.col) == (2, 8)


def test_anchor_and_alias_are_refused():
    d = only("summary: &s Some text\ntitle: *s\n")
    assert d.code == "CP108" and (d.line, d.col) == (1, 10)


def test_billion_laughs_returns_fast_and_small():
    lol = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lol += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    text = "\n".join(lol) + "\n"
    tracemalloc.start()
    started = time.perf_counter()
    d = only(text)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert d.code == "CP108"
    assert elapsed < 2.0
    assert peak < 5_000_000  # 9**10 strings expanded would need gigabytes


def test_recursive_alias_is_refused():
    d = only("nodes: &loop\n  a: *loop\n")
    assert d.code == "CP108" and (d.line, d.col) == (1, 8)


def test_undefined_alias_is_refused_like_any_alias():
    d = only("title: *nowhere\n")
    assert d.code == "CP108" and (d.line, d.col) == (1, 8)


@pytest.mark.parametrize("style", ["flow", "block"])
def test_nesting_ten_thousand_deep(style):
    if style == "flow":
        text = "nodes: " + "[" * 10_000 + "]" * 10_000 + "\n"
    else:
        text = "nodes:\n" + "- " * 10_000 + "x\n"  # a list in a list in a list...
    d = only(text)  # no RecursionError
    assert d.code == "CP109"
    assert (d.line, d.col) == (1, 8 + yamlsafe.MAX_DEPTH - 1) if style == "flow" else d.line == 2


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.yaml"
    line = "# " + "x" * 98 + "\n"
    path.write_text(line * (yamlsafe.MAX_BYTES // len(line) + 2), encoding="utf-8")
    loaded = load_file(path)
    [d] = loaded.diagnostics
    assert d.code == "CP101" and d.file == str(path)
    assert (d.line, d.col) == (yamlsafe.MAX_BYTES // len(line) + 1, 1)


def test_text_over_the_size_limit():
    d = only("a: b\n" * (yamlsafe.MAX_BYTES // 5 + 1))
    assert d.code == "CP101"


def test_non_utf8_bytes_point_at_the_byte():
    d = only(b"format: 1\ntitle: caf\xe9\n")
    assert d.code == "CP102" and (d.line, d.col) == (2, 11)
    assert "0xe9" in d.message


def test_tabs_in_indentation():
    d = only("nodes:\n  a:\n\tlines: []\n")
    assert d.code == "CP103" and (d.line, d.col) == (3, 1)


def test_empty_file():
    d = only("")
    assert d.code == "CP104" and (d.line, d.col) == (1, 1)


def test_comment_only_file():
    d = only("# yaml-language-server: $schema=../docs/scenario.schema.json\n# nothing yet\n")
    assert d.code == "CP104"


@pytest.mark.parametrize("text, what", [("- a\n- b\n", "a list"), ("just some words\n", "a single value"),
                                        ("42\n", "a single value")])
def test_top_level_must_be_a_mapping(text, what):
    d = only(text)
    assert d.code == "CP110" and what in d.message


def test_multiple_documents():
    d = only("format: 1\n---\nformat: 1\n")
    assert d.code == "CP105" and (d.line, d.col) == (2, 1)
    assert "more than one" in d.message


def test_nul_byte_is_located():
    d = only("format: 1\ntitle: a\x00b\n")
    assert d.code == "CP105" and (d.line, d.col) == (2, 9)
    assert "U+0000" in d.message


def test_fifty_thousand_digit_integer():
    text = TINY.replace("minutes: 5", "minutes: " + "9" * 50_000)
    started = time.perf_counter()
    loaded = load_text("big.yaml", text)
    found = validate(loaded)
    assert time.perf_counter() - started < 2.0
    [d] = found
    assert d.code == "CP202" and (d.line, d.col) == (5, 10)
    assert "too large" in d.message


def test_byte_order_mark_is_accepted():
    loaded = load_bytes("bom.yaml", b"\xef\xbb\xbf" + TINY.encode())
    assert loaded.ok


def test_unreadable_path_is_a_diagnostic(tmp_path):
    [d] = load_file(tmp_path / "missing.yaml").diagnostics
    assert d.code == "CP100"


def test_keywords_are_typed_as_yaml_does():
    """The reader's fast path for plain words must agree with YAML 1.1 (as the slow path types them)."""
    words = ["yes", "No", "TRUE", "false", "on", "Off", "null", "Null", "~", "y", "n", "yesterday", "nothing",
             "onion", "Offside", "true-ish", "NULLS"]
    data = yamlsafe.read_text("w.yaml", "".join(f"k{i}: {w}\n" for i, w in enumerate(words))).data
    assert [data[f"k{i}"] for i in range(len(words))] == [yamlsafe._resolve_plain(w) for w in words]
    assert data["k0"] is True and data["k3"] is False and data["k6"] is None and data["k11"] == "yesterday"


@pytest.mark.parametrize("escape", ["\\ud800", "\\q", "\\Users"])
def test_a_bad_escape_in_closed_quotes_is_named_where_it_is_not_as_an_unclosed_quote(escape):
    d = only(f'format: 1\ntitle: "A {escape} b"\nmore: 1\n')
    assert (d.line, d.col) == (2, 11) and "escape" in d.message and "never closed" not in d.message
    assert "'…' quotes" in d.hint
