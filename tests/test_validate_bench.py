"""Smoke test of bench/load_validate.py: it runs on a small scenario and ends with the agreed line.
(Not a timing test: the numbers are for people to read, on a quiet machine.)"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_bench_runs_and_ends_with_the_summary_line():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "load_validate.py"), "--nodes", "200", "--repeat", "1"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"nodes=200 seconds=\d+\.\d{3} ratio=\d+\.\d{2}", last), last


def test_the_generated_scenario_is_clean_and_uses_every_feature():
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from load_validate import scenario_text
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from game.engine.loader import load_text
    from game.engine.validate import validate

    text = scenario_text(300)
    loaded = load_text("bench.yaml", text)
    assert validate(loaded) == []
    nodes = loaded.scenario.nodes.values()
    assert any(n.routes for n in nodes) and any(n.card for n in nodes)
    assert any(c.set_flags for n in nodes for c in n.choices or ())
    assert len(loaded.scenario.endings) == 5
