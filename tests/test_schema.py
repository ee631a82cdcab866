"""docs/scenario.schema.json is generated from the model, committed, and accepts what the loader accepts."""

from __future__ import annotations

import json

import jsonschema
import yaml

from game.engine import schema
from game.engine.yamlsafe import read_file
from tests.conftest import FIXTURES, ROOT

COMMITTED = ROOT / "docs" / "scenario.schema.json"


def as_editor_sees(path):
    """YAML as an editor's schema check sees it: JSON types, so mapping keys become strings."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_committed_schema_is_up_to_date():
    assert COMMITTED.read_text(encoding="utf-8") == schema.render(), \
        "docs/scenario.schema.json is stale: run 'python main.py schema' and commit the result"


def test_check_mode_reports_stale_and_fresh(tmp_path, capsys):
    target = tmp_path / "scenario.schema.json"
    assert schema.main(["--check", "--output", str(target)]) == 1  # missing
    assert schema.main(["--output", str(target)]) == 0
    assert schema.main(["--check", "--output", str(target)]) == 0
    target.write_text("{}", encoding="utf-8")
    assert schema.main(["--check", "--output", str(target)]) == 1
    assert "stale" in capsys.readouterr().err


def test_schema_identifies_itself():
    body = schema.scenario_schema()
    assert body["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert body["$id"] and body["title"] and body["description"]
    assert body["additionalProperties"] is False
    assert {"format", "id", "start", "nodes", "endings"} <= set(body["required"])
    assert "Choice" in body["$defs"] and "goto" in body["$defs"]["Choice"]["properties"]


def test_choice_keys_use_the_authors_spelling():
    card = schema.scenario_schema()["$defs"]["FriendRequestCard"]["properties"]
    assert "from" in card and "sender" not in card  # by_alias


def test_schema_accepts_the_tiny_scenario_and_rejects_a_typo():
    body = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(body)
    check = jsonschema.Draft202012Validator(body)
    data = as_editor_sees(FIXTURES / "tiny.yaml")
    assert list(check.iter_errors(data)) == []
    data["nodes"]["a"]["choices"][0]["feeback"] = data["nodes"]["a"]["choices"][0].pop("feedback")
    assert list(check.iter_errors(data))


def test_schema_accepts_standard_ids_written_as_numbers():
    check = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    data = as_editor_sees(FIXTURES / "tiny.yaml")
    data["endings"]["bad"]["debrief"]["standards"] = [2, "13"]
    data["nodes"]["r"]["routes"][0]["when"] = {"score": 2, "at_least": 1}
    assert list(check.iter_errors(data)) == []


def test_schema_accepts_every_shipped_scenario():
    check = jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        doc = read_file(path)
        if doc.data is None:  # not even YAML: the validator's tests report that
            continue
        errors = [e.message for e in check.iter_errors(json.loads(json.dumps(doc.data)))]
        assert errors == [], f"{path.name}: {errors[:3]}"
