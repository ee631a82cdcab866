"""A Playthrough as plain JSON data and back: how the save file keeps a record and how the JSON export writes
one (docs/records.schema.json, "playthrough"). Times are ISO 8601 in UTC.

Reading is strict: the save file is ours, but a damaged or edited row must cost only itself, so anything of
the wrong shape raises RecordError (a ValueError) rather than a TypeError deep inside a screen.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from .playthrough import ChoiceMade, Playthrough, Reflection

FRONT_ENDS = ("desktop", "terminal")


class RecordError(ValueError):
    """A stored record that cannot be read; the message says which part."""


def when(value: datetime | None) -> str | None:
    if value is None:
        return None
    # UTC already (every time the game makes or reads back) needs no conversion: an export formats 70,000
    return value.isoformat() if value.tzinfo is UTC else value.astimezone(UTC).isoformat()


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


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while thousands of records are decoded: each of their many small
    objects would otherwise set off collections that walk every object made so far (over half the time of
    reading or writing 10,000 records). Decoding makes no reference cycles, so nothing is left for it to find."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


KEPT_KEYS = frozenset((
    "id", "scenario", "title", "version", "content_hash", "framework", "framework_title", "front_end", "started_at",
    "finished_at", "duration_s", "path", "ending", "ending_title", "outcome", "outcome_label", "severity",
    "regulator", "scores", "legacy"))
"""The members of a record as kept (record_json): one kept with others (a newer game's) is encoded again."""


def record_json(p: Playthrough) -> str:
    """The record without its reflection as compact ASCII JSON: how the save file keeps it, and so exactly what
    the JSON export writes for it (before the reflection), which then needs no second encoding."""
    return json.dumps(to_dict(p, reflection=False), separators=(",", ":"))


# --- reading ---------------------------------------------------------------------------------------------
# Written for speed as much as care: an export reads every record (10,000 in well under a second), so the
# checks are plain type tests in one pass rather than a validation library.

_TEXT = ("id", "scenario", "title", "version", "content_hash", "framework", "framework_title", "ending",
         "ending_title", "outcome", "outcome_label")


def parse_time(value: object, key: str = "time", optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    if type(value) is not str:
        raise RecordError(f"its {key} is not a time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(f"its {key} is not a time") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _made(cls: type, values: dict) -> object:
    """A frozen dataclass from checked values, without its __init__: a frozen dataclass sets each field
    through object.__setattr__, four times slower than this, and an export builds 60,000 of them. The values
    are the whole set of fields (the caller passes every one), so the object is as __init__ would make it."""
    made = object.__new__(cls)
    made.__dict__.update(values)
    return made


def _scores(scores: object, key: str = "scores") -> dict[str, int]:
    if type(scores) is not dict:
        raise RecordError(f"its {key} are not whole numbers by standard")
    for sid, value in scores.items():  # a plain loop: a generator per choice costs more than the checks
        if type(sid) is not str or type(value) is not int:
            raise RecordError(f"its {key} are not whole numbers by standard")
    return scores


def _choice(data: object) -> ChoiceMade:
    if type(data) is not dict:
        raise RecordError("a choice on its path is not a mapping")
    node, text, feedback, number, index = data["node"], data["text"], data["feedback"], data["number"], data.get("index")
    if type(node) is not str or type(text) is not str or type(feedback) is not str:
        raise RecordError("a choice's scene, words or feedback is not text")
    if type(number) is not int or (index is not None and type(index) is not int):
        raise RecordError("a choice's number is not a whole number")
    at = data.get("at")
    return _made(ChoiceMade, {"node": node, "number": number, "text": text, "feedback": feedback,
                              "scores": _scores(data["scores"], "choice scores"),
                              "at": None if at is None else parse_time(at, "choice time"), "index": index})


def reflection_from(data: object) -> Reflection:
    if type(data) is not dict:
        raise RecordError("its reflection is not a mapping")
    parts = data.get("parts")
    if type(parts) is not dict or not all(type(k) is str and type(v) is str for k, v in parts.items()):
        raise RecordError("its reflection's parts are not text")
    return Reflection(parts, parse_time(data.get("updated_at"), "reflection time", True))


def from_dict(data: object) -> Playthrough:
    """The record `to_dict` wrote; RecordError for anything else."""
    if type(data) is not dict:
        raise RecordError("it is not a mapping")
    try:
        return _from_dict(data)
    except KeyError as exc:
        raise RecordError(f"its {exc.args[0]} is missing") from None


def _from_dict(data: dict) -> Playthrough:
    for key in _TEXT:
        if type(data[key]) is not str:
            raise RecordError(f"its {key} is not text")
    front_end, duration, severity = data["front_end"], data["duration_s"], data["severity"]
    regulator, path, reflection = data["regulator"], data["path"], data.get("reflection")
    if front_end is not None and front_end not in FRONT_ENDS:
        raise RecordError("its front end is unknown")
    if duration is not None and type(duration) not in (int, float):
        raise RecordError("its duration is not a number")
    if type(severity) is not int or (regulator is not None and type(regulator) is not str):
        raise RecordError("its severity or regulator is of the wrong kind")
    if type(path) is not list:
        raise RecordError("its path is not a list")
    return _made(Playthrough, {
        "id": data["id"], "scenario": data["scenario"], "title": data["title"], "version": data["version"],
        "content_hash": data["content_hash"], "framework": data["framework"],
        "framework_title": data["framework_title"], "front_end": front_end,
        "started_at": parse_time(data["started_at"], "start", True),
        "finished_at": parse_time(data["finished_at"], "finish"),
        "duration_s": float(duration) if duration is not None else None,
        "path": tuple(map(_choice, path)), "ending": data["ending"], "ending_title": data["ending_title"],
        "outcome": data["outcome"], "outcome_label": data["outcome_label"], "severity": severity,
        "regulator": regulator, "scores": _scores(data["scores"]),
        "reflection": reflection_from(reflection) if reflection is not None else None,
        "legacy": data.get("legacy") is True,
    })
