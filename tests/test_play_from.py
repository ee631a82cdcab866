"""Play from any node (issue 12 §5): `text PATH --from NODE --flags … --scores …` and `play PATH --from …`,
with the debrief saying the run started part-way, and the marker kept through a save."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.loader import load_file
from game.engine.partway import StartError, parse_scores
from game.engine.state import PlayState, StartedAt
from game.engine.story import Story
from game.play import PlaySession
from game.ui.intents import StartScenario
from tests.support.in_process import run_main
from tests.ui_support import make_app, words

ROOT = Path(__file__).resolve().parent.parent
CONDITIONS = ROOT / "tests" / "fixtures" / "engine-conditions.yaml"
PARTWAY = "This run started part-way, at 'gate'"


def _text(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "text", str(CONDITIONS), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_text_from_a_node_with_flags_and_scores_reaches_the_expected_ending():
    # with 'shared' and a total of -3, 'not flag kept' is choice 1, and the route at 'sort' goes to 'breach'
    run = _text("--from", "gate", "--flags", "shared", "--scores", "2=-2,13=-1", "--choices", "1", "--json")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["ending"]["id"] == "breach"
    assert summary["scores"]["2"] == -2 and summary["scores"]["13"] == -1
    assert summary["started_at"] == {"node": "gate", "flags": ["shared"], "scores": {"2": -2, "13": -1}}
    assert PARTWAY in " ".join(run.stdout.split())
    assert "not a whole playthrough's" in " ".join(run.stdout.split())


def test_a_whole_run_does_not_say_part_way():
    run = _text("--choices", "2,1", "--json")
    assert run.returncode == 0, run.stderr
    assert "part-way" not in run.stdout
    assert "started_at" not in json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("args", "said"), [
    (["--from", "gat"], "no node 'gat'; did you mean 'gate'?"),
    (["--from", "gate", "--flags", "shard"], "the flag 'shard'; did you mean 'shared'?"),
    (["--from", "gate", "--scores", "22=1"], "no standard '22'"),
    (["--from", "gate", "--scores", "2=x"], "'2=x' is not a score such as 2=-1"),
    (["--flags", "shared"], "--flags and --scores only go with --from NODE"),
    (["--from", "gate", "--load", "autosave"], "--from cannot go with --load"),
])
def test_bad_start_points_exit_2_with_a_clear_message(args, said):
    # refused before anything is played: in this process (the two runs above are the end-to-end ones)
    run = run_main(["text", str(CONDITIONS), *args, "--choices", "1"])
    assert run.returncode == 2
    assert said in run.stderr
    assert "Traceback" not in run.stderr


def test_routes_apply_on_arrival_at_the_start_node():
    story = Story(load_file(CONDITIONS).scenario)
    story.begin_at(StartedAt(node="sort", flags=["kept"]))
    assert story.state.node == "praise"  # 'sort' is a router: it routed on at once
    assert story.state.visited == ["praise"]


def test_score_syntax_accepts_signs_and_sums_repeats():
    assert parse_scores("2=-1,3=+2,2=-1") == {"2": -2, "3": 2}
    with pytest.raises(StartError):
        parse_scores("2=")


def test_a_save_keeps_the_part_way_marker_and_old_saves_still_load(tmp_path):
    from game.saves import SaveStore, resume

    loaded = load_file(CONDITIONS)
    store = SaveStore.open(tmp_path / "saves.sqlite3")
    try:
        start = StartedAt(node="gate", flags=["shared"], scores={"2": -2, "13": -1})
        play = PlaySession.start(loaded, CONDITIONS, store, start=start)
        play.save("mine")
        story, _ = resume(store.load("mine"), loaded)
        assert story.partway == start
        assert story.state.node == "gate" and story.state.scores["2"] == -2
        play.choose(1)
        assert play.story.is_over
        assert "engine-conditions" not in store.best_outcomes()  # a part-way outcome is no best outcome
    finally:
        store.close()
    old = {"format": 1, "scenario": "engine-conditions", "node": "gate"}
    assert PlayState.from_dict(old).started_at is None


def test_desktop_debrief_says_the_run_started_part_way(tmp_path):
    app, pilot = make_app(tmp_path, files=("engine-conditions.yaml",))
    start = StartedAt(node="gate", flags=["shared"], scores={"2": -2, "13": -1})
    app.act(StartScenario(app.scenarios_dir / "engine-conditions.yaml", start))
    pilot.step()
    assert pilot.names == ["title", "play"]
    pilot.press("choose_1")
    pilot.press("activate")
    assert pilot.names == ["title", "ending"]
    pilot.press("activate")
    assert pilot.names == ["title", "ending", "debrief"]
    said = words(pilot, "body")
    assert f"{PARTWAY} with flags shared and scores 2 \u22122, 13 \u22121" in said
    assert "part-way" in pilot.top.speech()


def test_desktop_start_point_that_does_not_exist_is_a_message(tmp_path):
    app, pilot = make_app(tmp_path, files=("engine-conditions.yaml",))
    app.act(StartScenario(app.scenarios_dir / "engine-conditions.yaml", StartedAt(node="nowhere")))
    pilot.step()
    assert app.session is None
    assert "no node 'nowhere'" in words(pilot)


def test_play_command_rejects_a_bad_start_before_opening_a_window(capsys):
    from game.ui import app as app_mod

    with pytest.raises(SystemExit) as exit_:
        app_mod.main([str(CONDITIONS), "--from", "gate", "--flags", "shard"])
    assert exit_.value.code == 2
    assert "did you mean 'shared'?" in capsys.readouterr().err
