"""The worst file under the size limit — millions of tiny mappings, each a dict of its own — is refused
within a few hundred MB and a few seconds, measured in a child process so its peak is its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from game.engine.yamlsafe import MAX_BYTES, READERS

from .conftest import ROOT

CHILD = """
import json, resource, sys, time
from game.engine.loader import load_text
text = sys.stdin.read()
start = time.perf_counter()
loaded = load_text("flood.yaml", text)
print(json.dumps({"codes": [d.code for d in loaded.diagnostics], "seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_flood_of_tiny_mappings_is_refused_within_bounds(reader):
    text = "nodes:\n" + "- {}\n" * ((MAX_BYTES - 16) // 5)
    assert len(text.encode()) <= MAX_BYTES
    out = subprocess.run([sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, cwd=ROOT,
                         timeout=120, check=True, env={**os.environ, "CROSSING_PATHS_YAML_READER": reader})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["codes"] == ["CP111"]
    # measured here: about 160 MB with the C reader, 250 MB with the Python one (the text itself is 8 MB)
    assert result["peak_mb"] < 320, result
    assert result["seconds"] < 60, result  # 0.5 s (C) and 4 s (Python) here; the bound only catches a hang
