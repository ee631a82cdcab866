"""Every transcript in tests/transcripts/ (and the fixture ones), played twice: straight through, and saving to
a real save database and resuming a fresh Story from it between every step. Then: the runner itself fails
when it should."""

from functools import cache
from pathlib import Path

import pytest

from game.engine.loader import Loaded, load_file
from game.engine.validate import validate
from game.saves import SaveStore
from tests.conftest import FIXTURES, ROOT, SCENARIOS
from tests.support.transcripts import (
    Expect,
    Transcript,
    TranscriptError,
    problems,
    read_transcripts,
    run,
    scenario_file,
)

# (folder of transcript files, folder of the scenarios they play)
SOURCES = [(ROOT / "tests" / "transcripts", SCENARIOS), (FIXTURES / "transcripts", FIXTURES)]


@cache
def scenario(path: Path) -> Loaded:
    loaded = load_file(path)
    errors = [d for d in validate(loaded) if d.is_error]
    assert not errors and loaded.ok, f"{path} has errors: {errors or loaded.diagnostics}"
    return loaded


def _cases():
    for folder, scenarios in SOURCES:
        for path in sorted(folder.glob("*.yaml")):
            label = path.relative_to(ROOT).as_posix()
            try:
                found = read_transcripts(path)
            except TranscriptError as exc:  # a broken file is a failing test, not a collection error
                yield pytest.param(path, scenarios, None, str(exc), id=f"{label}:unreadable")
                continue
            for t in found.transcripts:
                yield pytest.param(path, scenarios, t, found.scenario, id=f"{label}:{t.name}")


CASES = list(_cases())


@pytest.mark.parametrize("mode", ["straight", "save-and-resume"])
@pytest.mark.parametrize("path, scenarios, transcript, scenario_id", CASES)
def test_transcript(path, scenarios, transcript, scenario_id, mode, tmp_path):
    if transcript is None:
        pytest.fail(f"{path} cannot be read:\n{scenario_id}")
    loaded = scenario(scenario_file(scenario_id, scenarios))
    assert loaded.scenario.id == scenario_id, f"{loaded.file} has id '{loaded.scenario.id}', not '{scenario_id}'"
    if mode == "straight":
        result = run(transcript, loaded)
    else:
        with SaveStore.open(tmp_path / "saves.sqlite3") as store:
            result = run(transcript, loaded, store)
        assert result.round_trips == len(result.story.state.visited)  # once after every choice or continue
    found = problems(transcript, loaded, result)
    assert not found, f"{path}, transcript '{transcript.name}':\n  " + "\n  ".join(found)


def test_the_fixture_transcripts_are_found():
    assert any("tiny.yaml:accept-the-request" in p.id for p in CASES)


# --- the runner fails when it should --------------------------------------------------------------------

def tiny() -> Loaded:
    return scenario(FIXTURES / "tiny.yaml")


def check(choices, **expect) -> list[str]:
    t = Transcript(name="t", choices=choices, expect=Expect(**expect))
    return problems(t, tiny(), run(t, tiny()))


def test_a_passing_transcript_has_no_problems():
    assert check([2], ending="good", outcome="commended", scores={"3": 1}, path=["a", "b"],
                 lines=["Sam (former service user): Hi!"], feedback=["upheld (+1)"]) == []


@pytest.mark.parametrize("choices, expect, message", [
    ([1], {"ending": "good"}, "ended at 'bad' (B), expected 'good'"),
    ([1], {"ending": "bad", "outcome": "commended"}, "outcome 'conditions_of_practice_order', expected 'commended'"),
    ([1], {"ending": "bad", "scores": {"2": -1}}, "standard 2 totals -2, expected -1"),
    ([1], {"ending": "bad", "scores": {"13": 0}}, "standard 13 is never scored in this scenario (scored: 2, 3)"),
    ([2], {"ending": "good", "path": ["a"]}, "visited ['a', 'b'], expected ['a']"),
    ([2], {"ending": "good", "lines": ["Goodbye"]}, "no line shown contains 'Goodbye'"),
    ([2], {"ending": "good", "feedback": ["bad"]}, "no feedback shown contains 'bad'"),
    ([3], {"ending": "good"}, "step 1 of the choices: 3 is not offered at 'a'; choose from 1 to 2"),
    ([1, 2], {"ending": "bad"}, "the scenario ended with 1 choice left over: [2]"),
    ([], {"ending": "bad"}, "the choices ran out at 'a' before an ending"),
    ([1], {"ending": "worst"}, "expects ending 'worst', which the scenario does not have (its endings: good, bad)"),
])
def test_a_failing_transcript_says_why(choices, expect, message):
    assert message in check(choices, **expect)


def test_score_keys_may_be_numbers_as_authors_write_them():
    assert Expect(ending="x", scores={2: -1}).scores == {"2": -1}


@pytest.mark.parametrize("text, message", [
    ("scenario: tiny\ntranscripts:\n  - name: a\n    choices: [1]\n    expect: {ednig: bad}\n",
     r":5: transcripts\.0\.expect\.ednig: Extra inputs are not permitted"),
    ("scenario: tiny\ntranscripts: []\n", ":2: transcripts: List should have at least 1 item"),
    ("scenario: tiny\ntranscripts:\n  - name: a\n    choices: [0]\n    expect: {ending: bad}\n",
     r":4: transcripts\.0\.choices\.0: Input should be greater than or equal to 1"),
    ("scenario: tiny\nscenario: tiny\n", "duplicate key"),
])
def test_a_malformed_transcript_file_says_where(tmp_path, text, message):
    path = tmp_path / "broken.yaml"
    path.write_text(text)
    with pytest.raises(TranscriptError, match=message):
        read_transcripts(path)


def test_a_transcript_for_a_missing_scenario_fails_clearly(tmp_path):
    with pytest.raises(TranscriptError, match=r"for scenario 'nope', but there is no .*nope\.yaml"):
        scenario_file("nope", tmp_path)
