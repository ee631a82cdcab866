"""`python main.py snapshot --framework ID`: a trainer renders an ending as another framework's regulator would
give it (as `text --framework` and the desktop's Standards setting do)."""

from __future__ import annotations

import html
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.support.in_process import run_main

REGULATOR = str(FIXTURES / "regulator.yaml")  # one ending: an HCPC caution, a Social Work England warning


def snapshot(tmp_path, *extra: str, here: bool = False) -> tuple[subprocess.CompletedProcess, str]:
    """The command as a trainer runs it, or (here=True) in this process: a second less."""
    out, page = tmp_path / "shots", tmp_path / "handout.html"
    args = ["snapshot", REGULATOR, "--choices", "1", "--size", "800x600", "--out", str(out), "--handout", str(page),
            *extra]
    if here:
        result = run_main(args)
    else:
        result = subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                                timeout=120, env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    return result, html.unescape(page.read_text(encoding="utf-8")) if page.exists() else ""


def test_the_ending_is_rendered_in_the_chosen_frameworks_words(tmp_path):
    swe, swe_handout = snapshot(tmp_path / "swe", "--framework", "swe-2019")
    written, written_handout = snapshot(tmp_path / "written", here=True)  # the --framework run is the real one
    assert swe.returncode == 0 and written.returncode == 0, swe.stderr + written.stderr
    assert "Warning — 1 year (accepted outcome)" in swe_handout
    assert "Social Work England" in swe_handout
    assert "Caution order — 2 years (consent order)" in written_handout  # the scenario's own: the HCPC
    assert "Warning —" not in written_handout
    assert any("-ending-" in p.name for p in (tmp_path / "swe" / "shots").iterdir())


def test_an_unknown_framework_is_a_usage_error_naming_the_ones_there_are(capsys):
    from game.ui.snapshot import main

    with pytest.raises(SystemExit) as exit_:
        main([REGULATOR, "--choices", "1", "--out", "x", "--framework", "swe-2099"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "swe-2099" in err and "swe-2019" in err and "hcpc-2012" in err
