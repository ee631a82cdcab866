"""The story engine: choosing, continuing, routes, every kind of condition, renumbering of hidden choices,
error messages, and the play state's JSON round trip (ink-style: restore after every step, same result)."""

import json
import random

import pytest

from game.engine import shape
from game.engine.conditions import holds
from game.engine.loader import load_file
from game.engine.model import Condition
from game.engine.state import STATE_FORMAT, StateError
from game.engine.story import ChoiceError, Story, autoplay
from tests.conftest import FIXTURES


def story(name: str) -> Story:
    loaded = load_file(FIXTURES / f"{name}.yaml")
    assert loaded.ok, loaded.diagnostics
    return Story(loaded.scenario)


def visible(s: Story) -> list[str]:
    return [c.text for c in s.scene.choices]


# --- choosing and continuing ----------------------------------------------------------------------------

def test_choose_applies_scores_flags_and_returns_feedback():
    s = story("tiny")
    feedback = s.choose(1)
    assert feedback.text == "bad" and feedback.choice == "Accept"
    assert [(e.standard, e.delta, e.verdict) for e in feedback.effects] == [("2", -2, "breached"), ("3", -1, "breached")]
    assert [e.short for e in feedback.effects] == ["Confidentiality", "Personal conduct"]
    assert s.flags == {"accepted"}
    assert s.state.scores == {"2": -2, "3": -1}


def test_proceed_follows_next_and_endings_are_reached():
    s = story("tiny")
    s.choose(2)
    assert s.scene.node == "b" and s.scene.continues
    s.proceed()
    assert s.is_over and s.scene is None
    assert s.ending.id == "good" and s.ending.outcome.id == "commended"
    assert s.state.visited == ["a", "b"]


def test_routes_take_the_first_matching_route():
    s = story("tiny")
    s.choose(1)  # sets 'accepted'; the router 'r' sends that to the ending 'bad'
    assert s.ending.id == "bad"
    assert s.ending.outcome_label == "Conditions of practice order — 12 months"
    assert "r" not in s.state.visited  # a router is passed through, never shown


@pytest.mark.parametrize("first, then, ending", [
    (2, "all: shared and 13 at most -1", "breach"),  # all: shared and total <= -3
    (1, "always", "good"),  # any: the flag 'kept'
    (1, "not shared", "good"),  # 'kept' cleared, but any: standard 1 at least 2
    (3, "always", "neutral"),  # no route matches but the default
])
def test_routes_with_all_any_and_a_default(first, then, ending):
    s = story("engine-conditions")
    s.choose(first)
    s.choose(visible(s).index(then) + 1)
    while not s.is_over:
        s.proceed()
    assert s.ending.id == ending


def test_restart_begins_again():
    s = story("tiny")
    s.choose(1)
    s.restart()
    assert s.scene.node == "a" and s.state.scores == {"2": 0, "3": 0} and not s.flags and not s.state.steps


# --- conditions -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("condition, flags, scores, expected", [
    ({"flag": "a"}, {"a"}, {}, True),
    ({"flag": "a"}, set(), {}, False),
    ({"not_flag": "a"}, set(), {}, True),
    ({"not_flag": "a"}, {"a"}, {}, False),
    ({"score": 2, "at_least": 1}, set(), {"2": 1}, True),
    ({"score": 2, "at_least": 1}, set(), {"2": 0}, False),
    ({"score": 2, "at_most": -1}, set(), {"2": -1}, True),
    ({"score": 2, "at_most": -1}, set(), {"2": 0}, False),
    ({"score": 2, "at_least": 0, "at_most": 1}, set(), {"2": 2}, False),
    ({"score": 5, "at_least": 0}, set(), {}, True),  # a standard never scored counts as 0
    ({"score": "total", "at_most": -2}, set(), {"1": -1, "2": -1}, True),
    ({"score": "total", "at_most": -2}, set(), {"1": -1, "2": 1}, False),
    ({"all": [{"flag": "a"}, {"flag": "b"}]}, {"a", "b"}, {}, True),
    ({"all": [{"flag": "a"}, {"flag": "b"}]}, {"a"}, {}, False),
    ({"any": [{"flag": "a"}, {"flag": "b"}]}, {"b"}, {}, True),
    ({"any": [{"flag": "a"}, {"flag": "b"}]}, set(), {}, False),
    ({"not": {"flag": "a"}}, set(), {}, True),
    ({"not": {"any": [{"flag": "a"}, {"score": "total", "at_least": 1}]}}, set(), {"1": 1}, False),
])
def test_conditions(condition, flags, scores, expected):
    assert holds(shape.build(Condition, condition), frozenset(flags), scores) is expected


def test_no_condition_always_holds():
    assert holds(None, frozenset(), {})


@pytest.mark.parametrize("first, shown", [
    (1, ["flag kept", "standard 1 at least 1", "any: kept or shared", "not shared", "always"]),
    (2, ["not flag kept", "standard 2 at most -1", "all: shared and 13 at most -1", "any: kept or shared", "always"]),
    (3, ["not flag kept", "total from -1 to 1", "not shared", "always"]),
])
def test_hidden_choices_are_left_out_and_the_rest_renumbered(first, shown):
    s = story("engine-conditions")
    s.choose(first)
    scene = s.scene
    assert [c.text for c in scene.choices] == shown
    assert [c.number for c in scene.choices] == list(range(1, len(shown) + 1))
    # The number the player presses picks the visible choice, not the one at that place in the file.
    last = len(shown)
    s.choose(last)
    step = s.state.steps[-1]
    assert step.number == last and step.choice == 8 and step.text == "always"
    assert step.offered == [c.index for c in scene.choices]


# --- errors ---------------------------------------------------------------------------------------------

def test_choice_errors_say_what_to_do():
    s = story("tiny")
    for bad in (0, 3, -1):
        with pytest.raises(ChoiceError, match="choose a number from 1 to 2"):
            s.choose(bad)
    with pytest.raises(ChoiceError, match="make a choice first"):
        s.proceed()
    s.choose(2)
    with pytest.raises(ChoiceError, match="no choices: continue instead"):
        s.choose(1)
    s.proceed()
    with pytest.raises(ChoiceError, match="the story is over"):
        s.choose(1)
    with pytest.raises(ChoiceError, match="nothing to continue to"):
        s.proceed()


def test_a_failed_choice_changes_nothing():
    s = story("tiny")
    before = s.state.to_dict()
    with pytest.raises(ChoiceError):
        s.choose(9)
    assert s.state.to_dict() == before


# --- the state's JSON round trip ------------------------------------------------------------------------

def _step(s: Story, rng: random.Random) -> None:
    scene = s.scene
    if scene.continues:
        s.proceed()
    else:
        s.choose(rng.randint(1, len(scene.choices)))


@pytest.mark.parametrize("name", ["tiny", "engine-conditions", "engine-cards"])
def test_restoring_after_every_step_plays_the_same(name):
    """ink's test habit: play once straight through, once restoring from JSON after every step."""
    for seed in range(30):
        plain = story(name)
        autoplay(plain, random.Random(seed))
        rng = random.Random(seed)
        s = story(name)
        while not s.is_over:
            _step(s, rng)
            s, notices = Story.restore(s.scenario, json.loads(json.dumps(s.state.to_dict())))
            assert notices == []
        assert s.state.to_dict() == plain.state.to_dict()
        assert s.ending == plain.ending
        assert [e.scene.node for e in s.history()] == [e.scene.node for e in plain.history()]


def test_restored_story_shows_the_same_scene_and_feedback():
    s = story("engine-cards")
    s.choose(1)
    restored, _ = Story.restore(s.scenario, s.state.to_dict())
    assert restored.scene == s.scene
    assert restored.feedback_of(restored.state.steps[0]) == s.last_feedback


def test_restoring_keeps_the_framework_played_against():
    loaded = load_file(FIXTURES / "engine-cards.yaml")
    s = Story(loaded.scenario, "hcpc-2016")
    s.choose(1)  # 2: -1 and 3: -2 in HCPC 2012 are 5 and 9 in HCPC 2016
    restored, _ = Story.restore(loaded.scenario, s.state.to_dict())
    assert restored.framework.id == "hcpc-2016"
    assert restored.state.scores["5"] == -1 and restored.state.scores["9"] == -2


def test_restore_refuses_another_scenarios_state():
    data = story("tiny").state.to_dict()
    with pytest.raises(StateError, match="the save is for scenario 'tiny', not 'engine-cards'"):
        Story.restore(story("engine-cards").scenario, data)


@pytest.mark.parametrize("version", [0, STATE_FORMAT + 1, "1", None])
def test_restore_refuses_other_format_versions(version):
    s = story("tiny")
    data = {**s.state.to_dict(), "format": version}
    with pytest.raises(StateError, match=r"the saved state has format .*this version of the game reads"):
        Story.restore(s.scenario, data)


@pytest.mark.parametrize("damage, message", [
    (lambda d: "not a state", "not a mapping"),
    (lambda d: [d], "not a mapping"),
    (lambda d: {**d, "scores": {"2": "lots"}}, r"damaged \(scores.2: "),
    (lambda d: {**d, "visited": "a"}, r"damaged \(visited: "),
    (lambda d: {**d, "surprise": 1}, r"damaged \(surprise: "),
    (lambda d: {k: v for k, v in d.items() if k != "scenario"}, r"damaged \(scenario: "),
    (lambda d: {**d, "steps": [{"node": "a"}]}, r"damaged \(steps.0.choice: "),
    (lambda d: {**d, "node": "nowhere"}, "no longer has 'nowhere'"),
])
def test_restore_explains_damaged_data(damage, message):
    s = story("tiny")
    with pytest.raises(StateError, match=message) as caught:
        Story.restore(s.scenario, damage(s.state.to_dict()))
    assert "pydantic" not in str(caught.value) and "Traceback" not in str(caught.value)
