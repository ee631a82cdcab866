"""The terminal player, run as `main.py text` would run it (in-process, its real streams captured)."""

import io
import json
import re
import shutil

import pytest

from game import paths, textplayer
from game.engine.loader import load_file
from game.engine.story import Story
from game.saves import SaveStore
from tests.conftest import FIXTURES

CARDS = str(FIXTURES / "engine-cards.yaml")
TINY = str(FIXTURES / "tiny.yaml")
BOX_DRAWING = re.compile("[\u2500-\u259f]")


@pytest.fixture(autouse=True)
def saves_and_width(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.SAVES_ENV, str(tmp_path / "saves"))
    monkeypatch.setenv("COLUMNS", "72")


def play(capsys, monkeypatch, *argv, stdin=""):
    """(exit code, stdout, stderr) of `main.py text ARGV` with this text on stdin."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = textplayer.main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def last_json(out: str) -> dict:
    return json.loads(out.rstrip("\n").splitlines()[-1])


# --- a fixed path ---------------------------------------------------------------------------------------

def test_json_is_the_last_line(capsys, monkeypatch):
    code, out, err = play(capsys, monkeypatch, CARDS, "--choices", "2,1", "--json")
    assert code == 0 and err == ""
    assert last_json(out) == {
        "scenario": "engine-cards",
        "ending": {"id": "commended", "title": "A boundary kept", "outcome": "commended",
                   "outcome_label": "Commended for good practice"},
        "scores": {"1": 1, "2": 0, "3": 1, "13": 1},
        "path": ["request", "settings", "privacy"],
        "choices": [2, 1],
    }


def test_what_a_player_reads(capsys, monkeypatch):
    code, out, _ = play(capsys, monkeypatch, CARDS, "--choices", "1,2")
    assert code == 0
    text = " ".join(out.split())  # unwrapped, to look for whole sentences
    for expected in [
        "Scenario: A request after the case closed",
        "Scene: Tuesday, 9.40 pm",
        "Sam Reid (former service user): Hey! Hope you don't mind me adding you.",
        "[Friend request on Facebook] From: Sam Reid, Lives in Basildon 3 mutual friends Sent: 9.38 pm",
        "For discussion: What would you say to a colleague who accepted this request?",
        "What do you do? 1. Accept the request. The case is closed, after all. 2. Ignore the request",
        "You chose: Accept the request. The case is closed, after all.",
        "Feedback: The case being closed does not end the professional relationship.",
        "Standard 2 · Confidentiality — breached (\u22121)",
        "Standard 3 · Personal conduct — breached (\u22122): Accepting blurs the line",
        "[Post on Facebook] Posted by Sam Reid (sam.reid.77), 2 hours ago Who can see it: Public",
        "Picture: A photo of you at a friend's barbecue",
        "Jo Bloggs: \u201cIs that the one who took the Millers' kids?\u201d (1 hour ago, 5 likes)",
        "[Messages on WhatsApp: Team chat, a group of 6] Priya Shah (8.55 am):",
        "You (8.56 am): \u201cOf course.\u201d",
        "Priya Shah (team manager): Can we have a word?",
        "Standard 13 · Honesty and public confidence — breached (\u22123)",
        "Ending: A referral",
        "Outcome: Suspension order \u2014 6 months",
        "Standard 13 · Honesty and public confidence: \u22123 breached Total: \u22126",
        "Debrief What happened: You accepted the request and kept it from your manager.",
        "Questions to reflect on: 1. Why does hiding a mistake",
    ]:
        assert expected in text, expected
    assert "Press Enter" not in out  # narration continues by itself on a fixed path


def test_the_debrief_shows_the_real_case_and_the_standards_at_stake(capsys, monkeypatch):
    _, out, _ = play(capsys, monkeypatch, CARDS, "--choices", "1,1")
    text = " ".join(out.split())
    assert "Standards at stake: Standard 2 · Confidentiality: Respect the confidentiality of service users" in text
    assert "The real case: A social worker's Facebook posts" in text
    assert "Heard by: HCPC, 2014 Outcome: Conditions of practice order, 12 months Source: Community Care" in text
    assert "Questions to reflect on: 1. What would you do differently on the night of the request? 2. Who" in text


def test_search_results_and_privacy_settings_read_as_text(capsys, monkeypatch):
    _, out, _ = play(capsys, monkeypatch, CARDS, "--choices", "2,1")
    text = " ".join(out.split())
    assert "[Search results on a search engine] Searched for: \u201cAlex Morgan social worker Basildon\u201d" in text
    assert "1. Alex Morgan | Facebook Address: https://www.facebook.com/alex.morgan" in text
    assert ("Who can see your friends list: Public. At risk: this shares more than you may intend. "
            "Options: Public, Friends, Only me.") in text
    assert "Note: Platforms change settings without telling you" in text


def test_plain_text_wrapped_to_the_terminal_without_breaking_words_or_addresses(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "41")
    _, out, _ = play(capsys, monkeypatch, CARDS, "--choices", "2,1")
    assert "\x1b" not in out and not BOX_DRAWING.search(out)
    url = "https://www.facebook.com/alex.morgan.9876543210/about_contact_and_basic_info"
    assert any(line.strip() == url for line in out.splitlines())  # too long for a line: alone, unbroken
    # Only a line holding one unbreakable word (an address) may be longer than the terminal.
    too_long = [line for line in out.splitlines() if len(line) > 40 and " " in line.strip()]
    assert too_long == []
    assert "Feedback: Declining quietly keeps the boundary; checking your settings closes the gap that let " \
           "Sam find you." in " ".join(out.split())


def test_a_choice_that_is_not_offered_names_the_step_and_the_range(capsys, monkeypatch):
    code, out, err = play(capsys, monkeypatch, CARDS, "--choices", "1,5", "--json")
    assert code == 1
    assert "step 2 of the choices: 5 is not offered at 'manager'; choose from 1 to 2" in err
    assert not out.rstrip().endswith("}")


def test_choices_left_after_the_ending_are_ignored_with_a_note(capsys, monkeypatch):
    code, out, err = play(capsys, monkeypatch, TINY, "--choices", "1,2,2", "--json")
    assert code == 0 and last_json(out)["ending"]["id"] == "bad"
    assert "ended before the last 2 choices (2,2); they were ignored" in err


def test_choices_that_run_out_before_an_ending_stop_with_a_note(capsys, monkeypatch):
    code, out, err = play(capsys, monkeypatch, CARDS, "--choices", "1", "--json")
    assert code == 0 and "ran out before an ending (at 'manager')" in err
    assert last_json(out)["ending"] is None and last_json(out)["choices"] == [1]


@pytest.mark.parametrize("argv, message", [
    (["--choices", "1,x"], "is not a list of choice numbers"),
    (["--choices", "0"], "is not a list of choice numbers"),
    (["--choices", "1", "--autoplay"], "not allowed with argument"),
])
def test_bad_options_are_usage_errors(capsys, monkeypatch, argv, message):
    code, _, err = play(capsys, monkeypatch, TINY, *argv)
    assert code == 2 and message in err


# --- autoplay -------------------------------------------------------------------------------------------

def test_autoplay_with_a_seed_is_repeatable(capsys, monkeypatch):
    runs = [play(capsys, monkeypatch, CARDS, "--autoplay", "--seed", "7", "--json") for _ in range(2)]
    assert runs[0] == runs[1]
    code, out, _ = runs[0]
    assert code == 0 and "Autoplay: choosing at random (seed 7)." in out
    assert last_json(out)["ending"] is not None


def test_autoplay_reaches_every_ending_across_seeds(capsys, monkeypatch):
    endings = {last_json(play(capsys, monkeypatch, CARDS, "--autoplay", "--seed", str(s), "--json")[1])["ending"]["id"]
               for s in range(20)}
    assert endings == {"commended", "advice", "referral"}


def test_a_seed_without_autoplay_is_an_error(capsys, monkeypatch):
    code, _, err = play(capsys, monkeypatch, TINY, "--seed", "3")
    assert code == 1 and "--seed only goes with --autoplay" in err


# --- interactive ----------------------------------------------------------------------------------------

def test_interactive_play_reprompts_and_waits_on_narration(capsys, monkeypatch):
    code, out, err = play(capsys, monkeypatch, CARDS, "--json", stdin="x\n7\n\n1\n\n2\n")
    assert code == 0
    assert "Your choice, 1 to 2 (q to quit): x\n'x' is not one of the choices: type a number from 1 to 2.\n" in out
    assert "Your choice, 1 to 2 (q to quit): 7\n'7' is not one of the choices" in out
    assert "(q to quit): \nYour choice, 1 to 2 (q to quit): 1\n" in out  # Enter alone just asks again
    assert "Press Enter to continue (q to quit):" in out
    assert last_json(out)["choices"] == [1, 2] and last_json(out)["ending"]["id"] == "referral"


@pytest.mark.parametrize("stdin", ["1\nq\n", "1\n"])  # q, then the input ending (Ctrl-D, closed pipe)
def test_quitting_or_the_input_ending_leaves_cleanly_and_autosaves(capsys, monkeypatch, stdin):
    code, out, _ = play(capsys, monkeypatch, CARDS, stdin=stdin)
    assert code == 0
    assert "You left the scenario." in out
    assert f"python main.py text {CARDS} --load autosave" in " ".join(out.split())
    with SaveStore.open() as store:
        assert store.autosave_of("engine-cards").node == "accepted"
    code, out, _ = play(capsys, monkeypatch, CARDS, "--load", "autosave", "--json", stdin="\n1\n")
    assert "Resuming your autosave from" in out
    assert code == 0 and last_json(out)["ending"]["id"] == "advice"
    assert last_json(out)["path"] == ["request", "accepted", "manager"]


def test_a_finished_playthrough_is_recorded(capsys, monkeypatch):
    play(capsys, monkeypatch, TINY, stdin="2\n\n")
    with SaveStore.open() as store:
        assert store.best_outcomes() == {"tiny": ("good", "commended", 0)}


def test_fixed_paths_leave_saves_alone_unless_asked(capsys, monkeypatch, tmp_path):
    play(capsys, monkeypatch, TINY, "--choices", "2")
    play(capsys, monkeypatch, TINY, "--autoplay", "--seed", "1")
    assert not (tmp_path / "saves").exists()


# --- saving and loading ---------------------------------------------------------------------------------

def test_save_after_every_step_then_load(capsys, monkeypatch):
    code, _, _ = play(capsys, monkeypatch, CARDS, "--choices", "1", "--save", "mine")
    assert code == 0
    with SaveStore.open() as store:
        assert store.load("mine").slot.node == "manager"
        assert store.autosave_of("engine-cards").node == "manager"
    code, out, _ = play(capsys, monkeypatch, CARDS, "--load", "mine", "--choices", "2", "--json")
    assert code == 0 and "Resuming your save 'mine' from" in out
    assert last_json(out) == {
        "scenario": "engine-cards",
        "ending": {"id": "referral", "title": "A referral", "outcome": "suspension_order",
                   "outcome_label": "Suspension order — 6 months", "regulator": "Health and Care Professions Council"},
        "scores": {"1": 0, "2": -1, "3": -2, "13": -3},
        "path": ["request", "accepted", "manager"],
        "choices": [1, 2],
    }


def test_loading_a_missing_slot_is_a_clear_error(capsys, monkeypatch):
    code, _, err = play(capsys, monkeypatch, TINY, "--load", "nope")
    assert code == 1 and "there is no save called 'nope'" in err
    code, _, err = play(capsys, monkeypatch, TINY, "--load", "autosave")
    assert code == 1 and "there is no autosave of 'tiny' yet" in err


def _copy_tiny(tmp_path):
    path = tmp_path / "tiny.yaml"
    shutil.copy(TINY, path)
    return path


def _saved_at_b(tmp_path):
    """A copy of tiny.yaml, and a save called 'mine' at its narration-only node 'b'."""
    path = _copy_tiny(tmp_path)
    loaded = load_file(path)
    story = Story(loaded.scenario)
    story.choose(2)
    with SaveStore.open() as store:
        store.save("mine", story, loaded)
    return path


def test_loading_after_the_scenario_changed_gives_a_notice(capsys, monkeypatch, tmp_path):
    path = _saved_at_b(tmp_path)
    path.write_text(path.read_text().replace('version: "1"', 'version: "2"').replace("later", "a week later"))
    code, out, _ = play(capsys, monkeypatch, str(path), "--load", "mine", "--json", stdin="\n")
    text = " ".join(out.split())
    assert "This scenario has changed since you saved (you saved version 1; this is version 2)." in text
    assert "You carry on from where you were" in text and "a week later" in text
    assert code == 0 and last_json(out)["ending"]["id"] == "good" and last_json(out)["path"] == ["a", "b"]


def test_loading_when_the_node_is_gone(capsys, monkeypatch, tmp_path):
    path = _saved_at_b(tmp_path)
    path.write_text(re.sub(r"goto: b\b", "goto: c", path.read_text()).replace("  b:\n", "  c:\n"))
    code, _, err = play(capsys, monkeypatch, str(path), "--load", "mine", "--choices", "2")
    assert code == 1 and "is no longer in it. Start it again from the beginning." in err
    code, out, _ = play(capsys, monkeypatch, str(path), "--load", "mine", "--json", stdin="2\n\n")
    text = " ".join(out.split())
    assert "is no longer in it. Start it again from the beginning. Starting from the beginning." in text
    assert code == 0 and last_json(out)["path"] == ["a", "c"]


def test_an_unusable_save_file_stops_saving_but_never_play(capsys, monkeypatch, tmp_path):
    (tmp_path / "saves").mkdir()
    db = tmp_path / "saves" / "crossing-paths.sqlite3"
    db.write_bytes(b"my notes, not a database" * 20)
    code, _, err = play(capsys, monkeypatch, TINY, "--choices", "2", "--save", "mine")
    assert code == 1 and "is not a Crossing Paths save file" in err
    code, out, err = play(capsys, monkeypatch, TINY, "--json", stdin="2\n\n")
    assert code == 0 and "note: autosave is off:" in err and last_json(out)["ending"]["id"] == "good"
    assert db.read_bytes() == b"my notes, not a database" * 20


# --- scenarios and frameworks ---------------------------------------------------------------------------

def test_a_scenario_with_errors_prints_its_diagnostics(capsys, monkeypatch, tmp_path):
    path = _copy_tiny(tmp_path)
    path.write_text(path.read_text().replace("goto: b, feedback: good", "goto: nowhere, feedback: good"))
    code, out, err = play(capsys, monkeypatch, str(path))
    assert code == 1 and out == ""
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: error CP302: .*'nowhere'", err)
    assert "has 1 error; fix it and try again" in err


def test_a_missing_file_is_a_clear_error(capsys, monkeypatch, tmp_path):
    code, _, err = play(capsys, monkeypatch, str(tmp_path / "nope.yaml"))
    assert code == 1 and "error CP100: cannot read the file" in err


def test_a_scenario_can_be_named_by_its_id(capsys, monkeypatch):
    monkeypatch.setattr(paths, "scenarios_dir", lambda: FIXTURES)
    code, out, _ = play(capsys, monkeypatch, "tiny", "--choices", "2", "--json")
    assert code == 0 and last_json(out)["scenario"] == "tiny"


def test_scoring_against_another_framework(capsys, monkeypatch):
    code, out, _ = play(capsys, monkeypatch, CARDS, "--framework", "hcpc-2016", "--choices", "1,2", "--json")
    assert code == 0
    assert "scored against the HCPC standards of conduct, performance and ethics (2016)" in " ".join(out.split())
    assert "Standard 5 · Confidentiality — breached (\u22121)" in " ".join(out.split())
    assert last_json(out)["scores"] == {"1": 0, "5": -1, "9": -5}


def test_an_unknown_framework_is_a_clear_error(capsys, monkeypatch):
    code, _, err = play(capsys, monkeypatch, TINY, "--framework", "hcpc-1999")
    assert code == 1 and "no standards framework 'hcpc-1999'; choose one of hcpc-2012" in err


def test_loading_another_scenarios_save_is_refused(capsys, monkeypatch):
    play(capsys, monkeypatch, TINY, "--choices", "2", "--save", "mine")
    code, out, err = play(capsys, monkeypatch, CARDS, "--load", "mine")
    assert code == 1 and "the save 'mine' is of the scenario 'tiny', not 'engine-cards'" in err


def test_quitting_after_loading_points_at_where_the_progress_went(capsys, monkeypatch):
    loaded = load_file(TINY)
    with SaveStore.open() as store:
        store.save("mine", Story(loaded.scenario), loaded)
    _, out, _ = play(capsys, monkeypatch, TINY, "--load", "mine", stdin="q\n")
    assert f"python main.py text {TINY} --load mine" in " ".join(out.split())  # nothing new since loading
    _, out, _ = play(capsys, monkeypatch, TINY, "--load", "mine", stdin="2\nq\n")
    assert f"python main.py text {TINY} --load autosave" in " ".join(out.split())
