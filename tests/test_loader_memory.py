"""The worst file under the size limit — millions of tiny mappings, each a dict of its own — is refused
within a few hundred MB and a few seconds, measured in a child process so its peak is its own."""

from __future__ import annotations

import json
import subprocess
import sys

from game.engine.yamlsafe import MAX_BYTES

from .conftest import ROOT

# The child's own peak from /proc (VmHWM belongs to its address space, new at exec): getrusage's ru_maxrss
# is carried across fork and exec on Linux, so a child of a big pytest process reports the parent's size.
CHILD = """
import json, resource, sys, time
from game.engine.loader import load_text

def peak_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

text = sys.stdin.read()
start = time.perf_counter()
loaded = load_text("flood.yaml", text)
print(json.dumps({"codes": [d.code for d in loaded.diagnostics], "seconds": time.perf_counter() - start,
                  "peak_mb": peak_mb()}))
"""


def test_a_flood_of_tiny_mappings_is_refused_within_bounds():
    text = "nodes:\n" + "- {}\n" * ((MAX_BYTES - 16) // 5)
    assert len(text.encode()) <= MAX_BYTES
    out = subprocess.run([sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, cwd=ROOT,
                         timeout=120, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["codes"] == ["CP111"]
    # measured here: about 145 MB (the text itself is 8 MB); marks are recorded only when asked for
    assert result["peak_mb"] < 250, result
    assert result["seconds"] < 60, result  # about 4 s here; the bound only catches a hang
