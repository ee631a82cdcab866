"""xAPI statements: H5P Branching Scenario's shapes, checked against the xAPI 1.0.3 rules we can check here."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from game.records import recorder, xapi
from tests.support.xapi_playthroughs import playthrough

ISO_8601 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DURATION = re.compile(r"^PT\d+(\.\d+)?S$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")


def _iris_in(statement: dict) -> list[str]:
    found = [statement["verb"]["id"], statement["object"]["id"], statement["object"]["definition"]["type"]]
    context = statement["context"]
    found += list(context["extensions"])
    found += [a["id"] for a in context.get("contextActivities", {}).get("parent", [])]
    found += list(statement.get("result", {}).get("extensions", {}))
    return found


def test_a_playthrough_makes_attempted_then_answered_per_choice_then_completed():
    pt = playthrough(3)
    made = recorder.statements_of(pt)
    assert [s["verb"]["id"] for s in made] == [xapi.VERB_ATTEMPTED] + [xapi.VERB_ANSWERED] * 3 + [xapi.VERB_COMPLETED]
    assert [s["timestamp"] for s in made] == [xapi.iso_time(pt.started_at), *(xapi.iso_time(c.at) for c in pt.path),
                                              xapi.iso_time(pt.finished_at)]


def test_every_statement_follows_the_xapi_rules_we_can_check():
    for s in recorder.statements_of(playthrough(4)):
        assert uuid.UUID(s["id"]).version == 5 and str(uuid.UUID(s["id"])) == s["id"]
        assert uuid.UUID(s["context"]["registration"])
        assert ISO_8601.match(s["timestamp"]), s["timestamp"]
        assert s["version"] == "1.0.3"
        for iri in _iris_in(s):
            assert IRI.match(iri), iri
        assert "duration" not in s.get("result", {}) or DURATION.match(s["result"]["duration"])
        assert "actor" not in s  # added when sending, from the learner's choice

        def no_empty(value, where):  # xAPI: no empty values outside extensions (Ralph refuses them)
            assert value not in (None, "", {}, []), where
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key != "extensions":
                        no_empty(inner, f"{where}.{key}")
        no_empty(s, "statement")


def test_shapes_match_h5p_branching_scenario():
    pt = playthrough(2)
    start, first, _, end = recorder.statements_of(pt)
    scenario_id = xapi.scenario_activity_id(pt.scenario, pt.version)
    assert start["object"]["id"] == end["object"]["id"] == scenario_id
    # a decision is a choice interaction inside the scenario, as H5P's Branching Question
    assert first["object"]["definition"]["type"] == xapi.TYPE_INTERACTION
    assert first["object"]["definition"]["interactionType"] == "choice"
    assert first["context"]["contextActivities"]["parent"][0]["id"] == scenario_id
    assert first["result"]["response"] == str(pt.path[0].index)  # a string, as xAPI requires
    assert first["result"]["extensions"][xapi.EXT_SCORE_CHANGES] == {"2": -1, "3": 0}
    assert first["result"]["extensions"][xapi.EXT_OPTION] == {"number": pt.path[0].number, "text": pt.path[0].text,
                                                                "index": pt.path[0].index}
    assert first["result"]["duration"] == "PT30S"
    # the ending: completed, scored by the rung, with the totals and the outcome
    result = end["result"]
    assert result["completion"] is True and result["success"] is True  # "no concerns" is in the good band
    assert result["score"] == {"raw": 8, "min": 0, "max": 9, "scaled": 0.8889}
    assert result["extensions"][xapi.EXT_SCORES] == {"2": -2, "3": 1}
    assert result["extensions"][xapi.EXT_OUTCOME]["id"] == "no_concern"
    assert result["extensions"][xapi.EXT_OUTCOME]["rung"] == 2
    assert result["duration"] == "PT95S"
    # the framework and its standards' words travel with every statement
    ext = start["context"]["extensions"]
    assert ext[xapi.EXT_FRAMEWORK] == {"id": "hcpc-2016", "title": "HCPC standards (2016)"}
    assert ext[xapi.EXT_STANDARDS]["5"] == "Respect confidentiality"


def test_choices_from_before_the_game_kept_times_still_make_valid_statements():
    pt = playthrough(2)
    old = replace(pt, path=tuple(replace(c, at=None, index=None) for c in pt.path))
    made = recorder.statements_of(old)
    assert [s["timestamp"] for s in made[1:3]] == [xapi.iso_time(pt.started_at)] * 2
    assert all("duration" not in s["result"] and "response" not in s["result"] for s in made[1:3])


def test_a_worse_outcome_is_not_a_success_and_scores_lower():
    end = recorder.statements_of(playthrough(1, severity=2))[-1]["result"]
    assert end["success"] is False and end["score"]["raw"] == 7


def test_ids_are_stable_and_unique():
    pid = str(uuid.uuid4())
    first = recorder.statements_of(playthrough(3, pid=pid))
    again = recorder.statements_of(playthrough(3, pid=pid))
    assert json.dumps(first, sort_keys=True) == json.dumps(again, sort_keys=True)  # byte for byte
    assert len({s["id"] for s in first}) == len(first)
    other = recorder.statements_of(playthrough(3))
    assert not {s["id"] for s in first} & {s["id"] for s in other}


def test_activity_ids_depend_on_scenario_and_version_only():
    a = recorder.statements_of(playthrough(1))[0]["object"]["id"]
    b = recorder.statements_of(playthrough(1, start=datetime(2020, 1, 1, tzinfo=UTC)))[0]["object"]["id"]
    c = recorder.statements_of(playthrough(1, version="1.3"))[0]["object"]["id"]
    assert a == b != c
    odd = xapi.scenario_activity_id("a b/c?d#e", "1.0 beta")
    assert IRI.match(odd) and "?" not in odd and "#" not in odd and " " not in odd


def test_text_stays_plain_json_strings():
    s = recorder.statements_of(playthrough(1, text='Say "no" & <b>mean</b> it'))[1]
    raw = json.dumps(s, ensure_ascii=False)
    assert '<b>mean</b>' in raw and "&amp;" not in raw and "&lt;" not in raw
    assert json.loads(raw)["result"]["extensions"][xapi.EXT_OPTION]["text"] == 'Say "no" & <b>mean</b> it 0'


def test_times_are_utc_iso_8601():
    plus_two = datetime(2026, 5, 1, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2)))
    assert xapi.iso_time(plus_two) == "2026-05-01T10:00:00.123Z"
    assert xapi.iso_time(datetime(2026, 5, 1, 12, 0)) == "2026-05-01T12:00:00.000Z"  # naive: taken as UTC
    assert xapi.iso_duration(75.456) == "PT75.46S" and xapi.iso_duration(-3) == "PT0S"


@pytest.mark.parametrize("mode, kw, expected", [
    ("none", {"name": "A", "email": "a@example.org", "anonymous_id": "x"}, None),
    ("named", {"name": " Ann ", "email": "ann@example.org"},
     {"objectType": "Agent", "mbox": "mailto:ann@example.org", "name": "Ann"}),
    ("named", {"name": "Ann", "email": "not an email"}, None),
    ("named", {"name": "Ann", "email": "ann@localhost"}, None),
    ("named", {"name": "Ann", "email": "@example.org"}, None),
    ("named", {"email": "ann@example.org"}, {"objectType": "Agent", "mbox": "mailto:ann@example.org"}),
    ("anonymous", {"anonymous_id": "5d1e"},
     {"objectType": "Agent", "account": {"homePage": xapi.NAMESPACE, "name": "5d1e"}}),
    ("anonymous", {}, None),
    ("bogus", {"email": "a@b.c"}, None),
])
def test_actor_is_the_learners_choice(mode, kw, expected):
    assert xapi.actor(mode, **kw) == expected


def test_ralph_models_accept_every_statement():
    statements_mod = pytest.importorskip("ralph.models.xapi.base.statements",
                                         reason="Ralph is a test dependency (requirements-test.txt)")
    agents = [xapi.actor("anonymous", anonymous_id=str(uuid.uuid4())),
              xapi.actor("named", name="Ann Example", email="ann@example.org")]
    for statement in recorder.statements_of(playthrough(5, severity=2)):
        for agent in agents:
            statements_mod.BaseXapiStatement.model_validate(xapi.with_actor(statement, agent))
