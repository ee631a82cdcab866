"""The terminal player's ending points at `python main.py results reflect`, only when the playthrough was kept
in the learner's records; with --json the last line stays JSON alone."""

import io
import json

from game.records import reflect_cmd
from tests.conftest import FIXTURES
from tests.test_textplayer import play as play_text
from tests.test_textplayer import saves_and_width  # noqa: F401 - an autouse fixture

TINY = str(FIXTURES / "tiny.yaml")
HINT = "python main.py results reflect"


def play(capsys, monkeypatch, *argv, stdin=""):
    code, out, _ = play_text(capsys, monkeypatch, *argv, stdin=stdin)
    return code, out


def test_a_recorded_ending_suggests_reflecting_and_the_suggestion_holds(capsys, monkeypatch):
    code, out = play(capsys, monkeypatch, TINY, stdin="2\n\n")
    assert code == 0
    assert HINT in out and "number 1 in the list" in out
    assert out.index("Outcome:") < out.index(HINT)  # after the ending, not before it
    _, out = play(capsys, monkeypatch, TINY, stdin="1\n\n")  # a second playthrough, to another ending
    assert HINT in out and "Conditions of practice order" in out
    # Following it: the playthrough just finished is number 1 of the list.
    listing = io.StringIO()
    assert reflect_cmd.main(["--latest", "5"], stdin=io.StringIO(""), out=listing) == reflect_cmd.EXIT_STOPPED
    lines = listing.getvalue().splitlines()
    assert lines[0] == "Your playthroughs (2):"
    assert lines[1].startswith("1. ") and "Conditions of practice order" in lines[1]


def test_a_play_that_is_not_recorded_suggests_nothing(capsys, monkeypatch):
    _, out = play(capsys, monkeypatch, TINY, "--choices", "2")  # a fixed path is a check: no saves, no record
    assert HINT not in out
    _, out = play(capsys, monkeypatch, TINY, stdin="q\n")  # left before the ending
    assert HINT not in out


def test_with_json_the_hint_comes_before_the_last_line_which_is_json_alone(capsys, monkeypatch):
    code, out = play(capsys, monkeypatch, TINY, "--choices", "2", "--save", "mine", "--json")
    assert code == 0
    *before, last = out.rstrip("\n").splitlines()
    assert HINT in "\n".join(before)
    assert json.loads(last)["ending"]["id"] == "good"
