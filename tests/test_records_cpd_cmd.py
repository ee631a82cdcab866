"""`python main.py results cpd`: the record from the real save file, to standard output or a file, as HTML,
Markdown or PDF; a clear message when there is nothing to put in it."""

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from game.records import cpd_cmd
from game.records.playthrough import Reflection
from tests.conftest import ROOT
from tests.records_support import playthrough, saves_fixture  # noqa: F401 - the `saves` fixture


def test_nothing_reflected_says_how_to_write_one(saves, capsys):
    saves.record_playthrough(playthrough(1))
    assert cpd_cmd.main([]) == 1
    assert "no reflections written yet" in capsys.readouterr().err


def test_markdown_to_a_file(saves, tmp_path, capsys):
    saves.record_playthrough(playthrough(1, reflection=Reflection({"learnt": "*Ask* first"}, datetime.now(UTC))))
    out = tmp_path / "cpd.md"
    assert cpd_cmd.main(["--format", "md", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "### What I learnt" in text and "\\*Ask\\* first" in text
    assert str(out) in capsys.readouterr().err


def test_html_on_standard_output_through_main_py(saves, tmp_path):
    saves.record_playthrough(playthrough(1, reflection=Reflection({"peer": "<i>we</i> talked"}, datetime.now(UTC))))
    saves.close()
    run = subprocess.run([sys.executable, "main.py", "results", "cpd"], cwd=ROOT, capture_output=True,
                         env={**__import__("os").environ, "CROSSING_PATHS_SAVES": str(tmp_path)}, timeout=60)
    assert run.returncode == 0, run.stderr
    html = run.stdout.decode("utf-8")
    assert "<h3>Peer reflection</h3>" in html and "&lt;i&gt;we&lt;/i&gt; talked" in html


def test_pdf_holds_the_headings_and_the_learners_words(saves, tmp_path, monkeypatch):
    fpdf = pytest.importorskip("fpdf")
    placed = []  # every text fpdf2 lays out (its page streams are compressed and glyph-coded)
    multi_cell = fpdf.FPDF.multi_cell

    def spy(self, w, h, text="", *args, **kwargs):
        placed.append(text)
        return multi_cell(self, w, h, text, *args, **kwargs)
    monkeypatch.setattr(fpdf.FPDF, "multi_cell", spy)
    saves.record_playthrough(playthrough(1, reflection=Reflection(
        {"learnt": "Zoë learnt (社会福祉) that boundaries matter"}, datetime.now(UTC))))
    out = tmp_path / "cpd.pdf"
    assert cpd_cmd.main(["--format", "pdf", "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    for heading in ("Type of CPD", "Description and why it is relevant", "Date", "What I learnt",
                    "The impact on my practice", "Peer reflection", "Scores by standard"):
        assert heading in placed
    assert "Zoë learnt (社会福祉) that boundaries matter" in placed
    assert placed.index("What I learnt") < placed.index("The impact on my practice")


def test_a_file_that_cannot_be_written_is_a_message(saves, tmp_path, capsys):
    saves.record_playthrough(playthrough(1, reflection=Reflection({"learnt": "x"}, datetime.now(UTC))))
    assert cpd_cmd.main(["--out", str(tmp_path / "missing" / "cpd.html")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_unknown_format_is_refused_by_argparse(saves, capsys):
    with pytest.raises(SystemExit) as exc:
        cpd_cmd.main(["--format", "docx"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err
