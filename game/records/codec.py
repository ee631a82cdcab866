"""A Playthrough as plain JSON data and back: how the save file keeps a record and how the JSON export writes
one (docs/records.schema.json, "playthrough"). Times are ISO 8601 in UTC.

Reading is strict: the save file is ours, but a damaged or edited row must cost only itself, so anything of
the wrong shape raises RecordError (a ValueError) rather than a TypeError deep inside a screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .playthrough import ChoiceMade, Playthrough, Reflection

FRONT_ENDS = ("desktop", "terminal")


class RecordError(ValueError):
    """A stored record that cannot be read; the message says which part."""


def when(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def choice_dict(c: ChoiceMade) -> dict:
    return {"node": c.node, "number": c.number, "index": c.index, "text": c.text, "feedback": c.feedback,
            "scores": dict(c.scores), "at": when(c.at)}


def reflection_dict(r: Reflection) -> dict:
    return {"parts": dict(r.parts), "updated_at": when(r.updated_at)}


def to_dict(p: Playthrough, *, reflection: bool = True) -> dict:
    """The record as JSON data; without its reflection when `reflection` is False (the save file keeps
    reflections apart, as the learner edits them)."""
    data = {
        "id": p.id, "scenario": p.scenario, "title": p.title, "version": p.version,
        "content_hash": p.content_hash, "framework": p.framework, "framework_title": p.framework_title,
        "front_end": p.front_end, "started_at": when(p.started_at), "finished_at": when(p.finished_at),
        "duration_s": p.duration_s, "path": [choice_dict(c) for c in p.path], "ending": p.ending,
        "ending_title": p.ending_title, "outcome": p.outcome, "outcome_label": p.outcome_label,
        "severity": p.severity, "regulator": p.regulator, "scores": dict(p.scores), "legacy": p.legacy,
    }
    if reflection:
        data["reflection"] = reflection_dict(p.reflection) if p.reflection is not None else None
    return data


# --- reading ---------------------------------------------------------------------------------------------

def _get(data: dict, key: str, kind: type | tuple[type, ...], optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, float, (int, float))):
        raise RecordError(f"its {key} is missing or of the wrong kind")
    return value


def parse_time(value: object, key: str = "time", optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    try:
        moment = datetime.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RecordError(f"its {key} is not a time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _scores(data: dict, key: str = "scores") -> dict[str, int]:
    scores = _get(data, key, dict)
    if not all(isinstance(k, str) and type(v) is int for k, v in scores.items()):
        raise RecordError(f"its {key} are not whole numbers by standard")
    return dict(scores)


def _choice(data: object) -> ChoiceMade:
    if not isinstance(data, dict):
        raise RecordError("a choice on its path is not a mapping")
    return ChoiceMade(_get(data, "node", str), _get(data, "number", int), _get(data, "text", str),
                      _get(data, "feedback", str), _scores(data), parse_time(data.get("at"), "choice time", True),
                      _get(data, "index", int, optional=True))


def reflection_from(data: object) -> Reflection:
    if not isinstance(data, dict):
        raise RecordError("its reflection is not a mapping")
    parts = _get(data, "parts", dict)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in parts.items()):
        raise RecordError("its reflection's parts are not text")
    return Reflection(dict(parts), parse_time(data.get("updated_at"), "reflection time", True))


def from_dict(data: object) -> Playthrough:
    """The record `to_dict` wrote; RecordError for anything else."""
    if not isinstance(data, dict):
        raise RecordError("it is not a mapping")
    front_end = data.get("front_end")
    if front_end is not None and front_end not in FRONT_ENDS:
        raise RecordError("its front end is unknown")
    path = _get(data, "path", list)
    duration = _get(data, "duration_s", (int, float), optional=True)
    reflection = data.get("reflection")
    return Playthrough(
        id=_get(data, "id", str), scenario=_get(data, "scenario", str), title=_get(data, "title", str),
        version=_get(data, "version", str), content_hash=_get(data, "content_hash", str),
        framework=_get(data, "framework", str), framework_title=_get(data, "framework_title", str),
        front_end=front_end, started_at=parse_time(data.get("started_at"), "start", True),
        finished_at=parse_time(data.get("finished_at"), "finish"),
        duration_s=float(duration) if duration is not None else None,
        path=tuple(_choice(c) for c in path), ending=_get(data, "ending", str),
        ending_title=_get(data, "ending_title", str), outcome=_get(data, "outcome", str),
        outcome_label=_get(data, "outcome_label", str), severity=_get(data, "severity", int),
        regulator=_get(data, "regulator", str, optional=True), scores=_scores(data),
        reflection=reflection_from(reflection) if reflection is not None else None,
        legacy=data.get("legacy") is True,
    )
