"""`python main.py results reflect`: the reflection written in the terminal, line by line, kept in the real save
file; clear messages and no traceback at the end of input or after bad input."""

import io
import os
import subprocess
import sys
from datetime import UTC, datetime

from game.records import reflect_cmd
from game.records.playthrough import Reflection
from game.saves import SaveStore
from tests.conftest import ROOT
from tests.records_support import playthrough, saves_fixture  # noqa: F401 - the `saves` fixture


def run(text: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = reflect_cmd.main(list(argv), stdin=io.StringIO(text), out=out)
    return code, out.getvalue()


def test_pick_then_answer_every_prompt(saves):
    saves.record_playthrough(playthrough(1))
    saves.record_playthrough(playthrough(2, title="Going dark"))
    code, shown = run("7\nx\n2\nIt went well.\nSecond paragraph.\n\nBoundaries.\n\n\n-\n")
    assert code == 0
    assert shown.index("1. Going dark") < shown.index("2. The friend request")  # the latest first
    assert "'7' is not one of the numbers 1 to 2" in shown and "'x' is not one" in shown
    assert "Question 4 of 4: A note from peer discussion" in shown and "Saved your reflection" in shown
    kept = saves.reflection(playthrough(1).id)
    assert kept.parts["happened"] == "It went well.\nSecond paragraph." and kept.parts["learnt"] == "Boundaries."
    assert not kept.parts.get("practice") and not kept.parts.get("peer")


def test_enter_keeps_what_was_written_and_a_dash_clears_it(saves):
    before = {"happened": "Old words", "learnt": "Keep me", "peer": "Clear me"}
    saves.record_playthrough(playthrough(1, reflection=Reflection(before, datetime.now(UTC))))
    code, shown = run("\nNew words\n\nNew practice\n\n-\n")  # one playthrough: no list to choose from
    assert code == 0 and "You wrote before:\nOld words" in shown
    kept = saves.reflection(playthrough(1).id).parts
    assert kept["happened"] == "Old words" and kept["learnt"] == "New words"
    assert kept["practice"] == "New practice" and not kept.get("peer")


def test_end_of_input_keeps_the_answers_so_far(saves):
    saves.record_playthrough(playthrough(1, reflection=Reflection({"peer": "Kept"}, datetime.now(UTC))))
    code, shown = run("Typed then the input ended")
    assert code == 0 and "End of input" in shown
    kept = saves.reflection(playthrough(1).id).parts
    assert kept["happened"] == "Typed then the input ended" and kept["peer"] == "Kept"


def test_end_of_input_while_choosing_changes_nothing(saves):
    saves.record_playthrough(playthrough(1))
    saves.record_playthrough(playthrough(2))
    code, shown = run("")
    assert code == 1 and "nothing was changed" in shown
    assert saves.reflection(playthrough(1).id) is None


def test_no_records_and_an_unknown_id_say_so(saves, capsys):
    assert run("")[0] == 1
    assert "no finished playthroughs yet" in capsys.readouterr().err
    saves.record_playthrough(playthrough(1))
    assert run("", "--playthrough", "nope")[0] == 2
    assert "no playthrough 'nope'" in capsys.readouterr().err


def test_control_characters_are_dropped_and_an_answer_is_capped(saves):
    saves.record_playthrough(playthrough(1))
    code, shown = run("a\x1b[Ab\x07c\n\n" + "y" * 5000 + "\n\n", "--playthrough", playthrough(1).id)
    kept = saves.reflection(playthrough(1).id).parts
    assert code == 0 and kept["happened"] == "a[Abc" and len(kept["learnt"]) == reflect_cmd.LIMIT
    assert "were not kept" in shown


def test_through_main_py_with_bad_bytes_and_no_traceback(saves, tmp_path):
    saves.record_playthrough(playthrough(1))
    saves.close()
    done = subprocess.run([sys.executable, "main.py", "results", "reflect"], cwd=ROOT, capture_output=True,
                          input="Zoë ".encode() + b"\xff\n\n",  # a byte that is not UTF-8
                          env={**os.environ, "CROSSING_PATHS_SAVES": str(tmp_path)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    with SaveStore.open() as store:
        assert store.reflection(playthrough(1).id).parts["happened"].startswith("Zoë")
    usage = subprocess.run([sys.executable, "main.py", "results", "reflect", "--latest", "x"], cwd=ROOT,
                           capture_output=True, env={**os.environ, "CROSSING_PATHS_SAVES": str(tmp_path)},
                           timeout=60)
    assert usage.returncode == 2 and b"Traceback" not in usage.stderr
