"""xAPI 1.0.3 statements for one playthrough, in the shapes H5P's Branching Scenario uses.

Pure: values in, JSON-ready dicts out (no clock, no files, no network). H5P's Branching Scenario says
`attempted` when the learner starts, its Branching Questions say `answered` (a `cmi.interaction` of type
`choice`, the option as `result.response`) and the scenario says `completed` at an end screen with its score.
We say the same three things, and add what H5P has no words for (the standards framework, each choice's
per-standard score changes, the totals and the outcome rung) as extensions under NAMESPACE.

Stability is the point: the same playthrough always gives the same statements, byte for byte.
- Activity ids come from the scenario's id and version only, so every learner's statements about one
  version of a scenario meet at one activity.
- Statement ids are uuid5 of (playthrough id, kind, step): sending again can never make a duplicate, and an
  LRS that already holds one answers "already there".
- The actor is left out here and added when sending (`with_actor`): what is kept on disk says nothing about
  who played until the learner chooses to send, and as whom.
Text is plain (no HTML), as the game shows it.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import quote

NAMESPACE = "https://crossing-paths.invalid/xapi"
"""Root of every IRI this game makes. `.invalid` is reserved (RFC 2606): it can never resolve to someone else's
site, and no request is ever made to it. docs/records.md lists every IRI under it."""
EXT = f"{NAMESPACE}/extensions"
STATEMENT_IDS = uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE)  # the uuid5 namespace of our statement ids

VERSION = "1.0.3"
LANGUAGE = "en-GB"  # the game's text is British English
PLATFORM = "Crossing Paths"

VERB_ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
TYPE_SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
TYPE_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"

# our extension IRIs (docs/records.md says what each holds)
EXT_FRAMEWORK = f"{EXT}/framework"
EXT_STANDARDS = f"{EXT}/standards"
EXT_SCENARIO = f"{EXT}/scenario"
EXT_FRONT_END = f"{EXT}/front-end"
EXT_SCORE_CHANGES = f"{EXT}/score-changes"
EXT_OPTION = f"{EXT}/option"
EXT_FEEDBACK = f"{EXT}/feedback"
EXT_SCORES = f"{EXT}/scores"
EXT_OUTCOME = f"{EXT}/outcome"

GOOD_BAND_WORST = 1  # severities 0-1 are the ladder's "no concern" band (game/engine/storymap.BANDS): success

Statement = dict[str, Any]


class Attempt(Protocol):
    """What every statement of a playthrough carries: a Playthrough has all of it, and so does a playthrough
    still being played (the records hook's in-progress view)."""

    id: str
    scenario: str
    title: str
    version: str
    content_hash: str
    framework: str
    framework_title: str
    front_end: str
    started_at: datetime


def iso_time(at: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and 'Z'; a naive time is taken to be UTC already."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration in seconds to 0.01 s, as xAPI's result.duration wants ('PT75.5S')."""
    seconds = max(0.0, float(seconds))
    text = f"{seconds:.2f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def statement_id(playthrough_id: str, kind: str, step: int = 0) -> str:
    return str(uuid.uuid5(STATEMENT_IDS, f"{playthrough_id}/{kind}/{step}"))


def _segment(text: str) -> str:
    return quote(str(text), safe="-._~")


def scenario_activity_id(scenario: str, version: str) -> str:
    return f"{NAMESPACE}/scenarios/{_segment(scenario)}/{_segment(version)}"


def decision_activity_id(scenario: str, version: str, node: str) -> str:
    return f"{scenario_activity_id(scenario, version)}/decisions/{_segment(node)}"


def _words(text: str) -> dict[str, str]:
    return {LANGUAGE: text}


def _scenario_activity(attempt: Attempt) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": scenario_activity_id(attempt.scenario, attempt.version),
        "definition": {"type": TYPE_SIMULATION, "name": _words(attempt.title or attempt.scenario)},
    }


def _context(attempt: Attempt, standards: dict[str, str] | None, parent: bool) -> dict[str, Any]:
    extensions: dict[str, Any] = {
        EXT_FRAMEWORK: {"id": attempt.framework, "title": attempt.framework_title},
        EXT_SCENARIO: {"id": attempt.scenario, "version": attempt.version, "content-hash": attempt.content_hash},
        EXT_FRONT_END: attempt.front_end,
    }
    if standards:
        extensions[EXT_STANDARDS] = dict(standards)
    context: dict[str, Any] = {
        "registration": str(uuid.UUID(attempt.id)),  # one registration per playthrough, as H5P's attempt
        "platform": PLATFORM,
        "language": LANGUAGE,
        "extensions": extensions,
    }
    if attempt.version:
        context["revision"] = attempt.version
    if parent:
        context["contextActivities"] = {"parent": [{"objectType": "Activity",
                                                    "id": scenario_activity_id(attempt.scenario, attempt.version)}]}
    return context


def _statement(sid: str, verb: str, obj: dict, context: dict, at: datetime, result: dict | None = None) -> Statement:
    statement: Statement = {
        "id": sid,
        "verb": {"id": verb, "display": _words(verb.rsplit("/", 1)[-1])},
        "object": obj,
        "context": context,
        "timestamp": iso_time(at),
        "version": VERSION,
    }
    if result:
        statement["result"] = result
    return statement


def attempted(attempt: Attempt, standards: dict[str, str] | None = None) -> Statement:
    """The learner started the scenario (H5P: `attempted`, from setActivityStarted)."""
    return _statement(statement_id(attempt.id, "attempted"), VERB_ATTEMPTED, _scenario_activity(attempt),
                      _context(attempt, standards, parent=False), attempt.started_at)


def answered(attempt: Attempt, step: int, choice: Any, since: datetime | None = None,
             standards: dict[str, str] | None = None) -> Statement:
    """The learner's `step`-th decision (1-based): a choice interaction, as H5P's Branching Question, with the
    option's place in the node's full list (0-based, whatever was shown) as the response and its per-standard
    score changes as a result extension. `choice` is a ChoiceMade; `since` is when the step before it ended
    (for result.duration). A choice made before the game kept times is stamped with the time before it."""
    definition: dict[str, Any] = {
        "type": TYPE_INTERACTION,
        "interactionType": "choice",
        "name": _words(f"{attempt.title or attempt.scenario}: decision {choice.node}"),
    }
    index = getattr(choice, "index", None)
    option: dict[str, Any] = {"number": int(choice.number), "text": choice.text}
    if index is not None:
        option["index"] = int(index)
    extensions: dict[str, Any] = {
        EXT_SCORE_CHANGES: {str(k): int(v) for k, v in choice.scores.items()},
        EXT_OPTION: option,
    }
    if choice.feedback:
        extensions[EXT_FEEDBACK] = choice.feedback
    result: dict[str, Any] = {"completion": True, "extensions": extensions}
    if index is not None:
        result["response"] = str(index)  # xAPI: a string; H5P: the alternative's index
    at = choice.at or since or attempt.started_at
    if since is not None and choice.at is not None:
        result["duration"] = iso_duration((choice.at - since).total_seconds())
    obj = {"objectType": "Activity",
           "id": decision_activity_id(attempt.scenario, attempt.version, choice.node),
           "definition": definition}
    return _statement(statement_id(attempt.id, "answered", step), VERB_ANSWERED, obj,
                      _context(attempt, standards, parent=True), at, result)


def completed(playthrough: Any, rungs: int, standards: dict[str, str] | None = None) -> Statement:
    """The ending (H5P: `completed` with a scored result). The score is the outcome's height on the ladder of
    `rungs` outcomes (the best rung scores rungs-1, the worst 0), because a single number must say "how well";
    the per-standard totals and the outcome itself are extensions. Success: an outcome in the "no concern"
    band."""
    top = max(1, rungs - 1)
    raw = max(0, min(top, top - int(playthrough.severity)))
    outcome: dict[str, Any] = {
        "id": playthrough.outcome,
        "label": playthrough.outcome_label,
        "severity": int(playthrough.severity),
        "rung": int(playthrough.severity) + 1,
        "of": int(rungs),
        "ending": playthrough.ending,
        "ending-title": playthrough.ending_title,
    }
    if playthrough.regulator:
        outcome["regulator"] = playthrough.regulator
    result = {
        "score": {"raw": raw, "min": 0, "max": top, "scaled": round(raw / top, 4)},
        "success": int(playthrough.severity) <= GOOD_BAND_WORST,
        "completion": True,
        "duration": iso_duration(playthrough.duration_s),
        "extensions": {
            EXT_SCORES: {str(k): int(v) for k, v in playthrough.scores.items()},
            EXT_OUTCOME: outcome,
        },
    }
    return _statement(statement_id(playthrough.id, "completed"), VERB_COMPLETED, _scenario_activity(playthrough),
                      _context(playthrough, standards, parent=False), playthrough.finished_at, result)


def statements(playthrough: Any, rungs: int, standards: dict[str, str] | None = None) -> list[Statement]:
    """Every statement of a finished playthrough, in order: attempted, one answered per choice, completed."""
    out = [attempted(playthrough, standards)]
    since = playthrough.started_at
    for step, choice in enumerate(playthrough.path, start=1):
        out.append(answered(playthrough, step, choice, since, standards))
        since = choice.at or since
    out.append(completed(playthrough, rungs, standards))
    return out


# --- the actor: added when sending, from the learner's choice in Settings -------------------------------------

IDENTITY_MODES = ("none", "anonymous", "named")


def actor(mode: str, *, name: str = "", email: str = "", anonymous_id: str = "") -> dict[str, Any] | None:
    """The Agent the learner chose to be, or None when they chose no identity (then nothing can be sent).
    'named': their name and email (mbox); 'anonymous': an account on this game, a random id made once."""
    if mode == "named":
        email = email.strip()
        local, _, domain = email.rpartition("@")
        # an LRS checks the address (Ralph refuses one without a dot in its domain): refused here, nothing is
        # sent as someone unreachable and then set aside as rejected
        if not local or "." not in domain.strip(".") or any(ch.isspace() or not ch.isprintable() for ch in email):
            return None
        agent: dict[str, Any] = {"objectType": "Agent", "mbox": f"mailto:{email}"}
        if name.strip():
            agent["name"] = name.strip()
        return agent
    if mode == "anonymous" and anonymous_id.strip():
        return {"objectType": "Agent", "account": {"homePage": NAMESPACE, "name": anonymous_id.strip()}}
    return None


def with_actor(statement: Statement, agent: dict[str, Any]) -> Statement:
    return {"actor": agent, **statement}
