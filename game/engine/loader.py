"""Load a scenario file: safe YAML -> typed `Scenario`, with every problem as a located Diagnostic."""

from __future__ import annotations

import dataclasses
import difflib
import gc
import hashlib
import json
import re
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import model, shape, tokens
from .diagnostics import Diagnostic, sort_key
from .text_check import check_controls, check_prose, may_hold_controls, may_hold_prose_issues
from .yamlsafe import NOWHERE, Positions, decode, read_file_bytes, read_text

_EXPECTS_TEXT = ("string_type",)
# pydantic's wording, in words a trainer uses
_PLAIN = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "int_parsing_size": "the number is far too large",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping of keys",
    "model_type": "expected a mapping of keys",
    "model_attributes_type": "expected a mapping of keys",
    "string_too_short": "must not be empty",
    "too_short": "must not be empty",
}


_BOUNDS = {"less_than_equal": ("at most", "le"), "greater_than_equal": ("at least", "ge"),
           "less_than": ("less than", "lt"), "greater_than": ("more than", "gt")}


@dataclass
class Loaded:
    """The result of loading one file: the scenario (None if it could not be built) and what was found."""

    file: str
    scenario: model.Scenario | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: dict | None = None  # the data as read, for later checks to point at lines
    positions: Positions = NOWHERE  # where everything in `raw` stood

    @cached_property
    def content_hash(self) -> str:
        """Saves keep this to tell whether the scenario changed since. It is worked out when first asked for
        (saving, resuming), so loading and validating alone never pay for it."""
        return content_hash(self.raw)

    @property
    def ok(self) -> bool:
        return self.scenario is not None and not any(d.is_error for d in self.diagnostics)

    def where(self, *path: object, at_key: bool = False) -> tuple[int, int]:
        return self.positions.locate(self.raw, path, at_key) if self.raw is not None else (0, 0)


def _field_names(cls: type) -> set[str]:
    return {shape.written(f) for f in dataclasses.fields(cls)}


def _all_models() -> list[type]:
    return [v for v in vars(model).values() if dataclasses.is_dataclass(v) and v.__module__ == model.__name__]


def _model_under(loc: tuple) -> type | None:
    """The model a field named like the key holding this mapping (loc[-2]) takes, if exactly one does."""
    if len(loc) < 2:
        return None
    holder = str(loc[-2])
    found = {inner for m in _all_models() for f in dataclasses.fields(m) if shape.written(f) == holder
             for inner in _models_in(typing.get_type_hints(m, include_extras=True)[f.name])}
    return found.pop() if len(found) == 1 else None


def _models_in(annotation: object) -> list[type]:
    if dataclasses.is_dataclass(annotation):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _path_text(raw: object, loc: tuple, tail: bool = True) -> str:
    """'nodes.opening.choices#2.goto': the path as it stands in the file (pydantic's union tags left out)."""
    parts: list[str] = []
    node = raw
    for i, part in enumerate(loc):
        # naming a container (tail=False), a scalar under a key is a union tag that matches a key: not a step
        if isinstance(node, dict) and part in node and (tail or isinstance(node[part], dict | list)):
            parts.append(str(part))
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            parts.append(f"#{part + 1}")
            node = node[part]
        elif tail and i == len(loc) - 1 and part != "[key]" and isinstance(node, dict):
            parts.append(str(part))  # a missing or unknown key
    return ".".join(parts).replace(".#", "#")


def _parent(raw: dict, loc: tuple) -> object:
    node: object = raw
    for part in loc[:-1]:
        if (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            if not isinstance(node[part], dict | list):  # a union tag ('score'), not a step into the data
                break
            node = node[part]
    return node


# Every key a condition may have: a misspelt one ('at_leest', 'flagged') is matched against these.
CONDITION_KEYS = ("flag", "not_flag", "score", "at_least", "at_most", "all", "any", "not")
COMMA_HINT = ("a comma inside {…} starts a new key: put text that contains a comma in quotes, "
              "e.g. text: \"Hello, world\"")


def _condition_hint(value: object) -> str:
    """For a mapping that is no condition: the condition key each of its keys was probably meant to be."""
    if isinstance(value, dict):
        for key in value:
            close = difflib.get_close_matches(str(key), CONDITION_KEYS, n=1, cutoff=0.6)
            if close and close[0] != key:
                return f"did you mean '{close[0]}'? (a condition has one of: flag, not_flag, score, all, any, not)"
    return "write a condition as {flag: name}, {not_flag: name}, {score: 2, at_least: 1}, or all/any/not"


def _unknown_key_hint(raw: dict, loc: tuple) -> str | None:
    bad = str(loc[-1])
    parent = _parent(raw, loc)
    if isinstance(parent, dict) and parent.get(loc[-1], "") is None and _in_flow_text(parent):
        return COMMA_HINT  # `{text: Hello, world, goto: b}` reads 'world' as a key with no value
    if "when" in loc:
        close = difflib.get_close_matches(bad, CONDITION_KEYS, n=1, cutoff=0.6)
        if close:
            return f"did you mean '{close[0]}'?"
    siblings = set(parent) - {bad} if isinstance(parent, dict) else set()
    # The mapping was read as whichever model shares most keys with it: suggest from that model's keys.
    # With no key to go by (`notes: {pointz: …}`), the key it sits under says which model it is.
    best = max(_all_models(), key=lambda m: (len(siblings & _field_names(m)), -len(_field_names(m))))
    if not siblings & _field_names(best):
        best = _model_under(loc) or best
    allowed = sorted(_field_names(best))
    close = difflib.get_close_matches(bad, allowed, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "keys allowed here: " + ", ".join(allowed)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"the text {str(value)[:40]!r}"


def _schema_diagnostic(file: str, raw: dict, positions: Positions, error: dict) -> Diagnostic:
    def locate(path: tuple, at_key: bool = False) -> tuple[int, int]:
        return positions.locate(raw, path, at_key)

    loc = tuple(error["loc"])
    kind = error["type"]
    where = _path_text(raw, loc)
    if kind == "missing":
        line, col = locate(loc[:-1])
        return Diagnostic("CP200", f"missing required key '{loc[-1]}' in {_path_text(raw, loc[:-1], tail=False) or 'the top level'}",
                          file, line, col, f"add '{loc[-1]}:' here (see docs/authoring.md)")
    if kind == "misspelt_key":
        line, col = locate(loc, at_key=True)
        expected = error["ctx"]["expected"]
        return Diagnostic("CP201", f"unknown key '{loc[-1]}' in {_path_text(raw, loc[:-1], tail=False) or 'the top level'}"
                          f", and the required key '{expected}' is missing", file, line, col,
                          f"did you mean '{expected}'? rename '{loc[-1]}:' to '{expected}:'")
    if kind == "extra_forbidden":
        line, col = locate(loc, at_key=True)
        return Diagnostic("CP201", f"unknown key '{loc[-1]}' in {_path_text(raw, loc[:-1], tail=False) or 'the top level'}",
                          file, line, col, _unknown_key_hint(raw, loc))
    line, col = locate(loc)
    value = error.get("input")
    message = _PLAIN.get(kind, error["msg"])
    plain = _plain_words(kind, error, value, loc)
    if plain is not None:
        message, hint = plain
        return Diagnostic("CP202", f"{where}: {message}" if where else message, file, line, col, hint)
    if kind in ("string_type", "int_type", "list_type", "dict_type", "model_type", "bool_type"):
        message += f", not {_describe(value)}"
    hint = None
    if kind == "string_pattern_mismatch":
        message = f"'{value}' is not a valid id"
        hint = "ids use letters, digits, '-', '_' or '.', and start with a letter or digit, e.g. 'node-2'"
    elif kind in _EXPECTS_TEXT and (value is None or isinstance(value, bool | int | float)):
        shown = {None: "nothing (null)", True: "true", False: "false"}.get(value, repr(value)) \
            if not isinstance(value, int | float) or isinstance(value, bool) else repr(value)
        hint = (f"YAML read this as {shown}; put the text in quotes, e.g. \"yes\" or \"9:40 pm\"")
    elif kind == "literal_error":
        message = f"{message}, not {value!r}"
    elif kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        message = f"must be {word} {error['ctx'][key]}, not {value}"
        if "scores" in loc:
            hint = "scores run from -5 to 5, and in practice from -3 to +2: see the rubric in docs/authoring.md"
        else:
            hint = f"use a number {word} {error['ctx'][key]}"
    elif kind == "union_tag_not_found" or kind == "union_tag_invalid":
        hint = "a card needs 'type:' — one of friend_request, post, messages, search_results, privacy_settings"
    if hint is None:
        hint = "see docs/authoring.md for what this key takes"
    return Diagnostic("CP202", f"{where}: {message}" if where else message, file, line, col, hint)


def _in_flow_text(mapping: dict) -> bool:
    """A key with no value beside a text value: the shape a comma inside {…} leaves."""
    return any(isinstance(v, str) for v in mapping.values())


def _plain_words(kind: str, error: dict, value: object, loc: tuple) -> tuple[str, str] | None:
    """(message, hint) in a trainer's words for pydantic's wordings that _PLAIN cannot just rename."""
    ctx = error.get("ctx") or {}
    if kind == "condition":
        return "this is not a condition", _condition_hint(value)
    if kind == "invalid_key":
        return ("a key here is not text", COMMA_HINT + "; a key such as yes, no, on or off must be quoted too")
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        hint = ("this version of the game reads scenario format 1" if loc == ("format",)
                else f"use one of: {expected}")
        return f"must be {expected}, not {value!r}", hint
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), "see docs/authoring.md for what this key takes"
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length")
        unit = "characters" if kind == "string_too_long" else "items"
        size = len(value) if isinstance(value, str | list | dict) else "more"
        return f"is too long: {size} {unit}, at most {limit}", "shorten it; detail belongs in the debrief or notes"
    if kind == "too_short" and ctx.get("min_length", 1) > 1:
        return f"needs at least {ctx['min_length']} items", "add the missing items"
    if kind in ("int_from_float",):
        return f"expected a whole number, not {value}", "write a whole number such as 2"
    return None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading creates hundreds of thousands of small objects and no reference cycles. Left on, the cyclic
    garbage collector rescans the growing tree again and again (a third of the load time of a large file),
    so it is paused while the tree is built.

    On the way out, what was built goes straight to the oldest generation (`gc.freeze()` then
    `gc.unfreeze()`: two list splices, no scanning). Otherwise the first collection after the pause walks
    every new object once more only to find that all of them are alive: 0.2 s for a 10,000-node scenario.
    Skipped when something else keeps objects frozen, so as not to undo its freeze."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def _merge_misspellings(errors: list[dict]) -> list[dict]:
    """'feedbak:' where 'feedback:' is required is one mistake, not two: report the unknown key, with the
    required one as its hint, and drop the 'missing' error it explains."""
    missing = {(tuple(e["loc"][:-1]), e["loc"][-1]) for e in errors if e["type"] == "missing"}
    explained: set[tuple] = set()
    merged = []
    for e in errors:
        if e["type"] == "extra_forbidden":
            parent = tuple(e["loc"][:-1])
            wanted = [key for where, key in missing if where == parent and (where, key) not in explained]
            close = difflib.get_close_matches(str(e["loc"][-1]), [str(k) for k in wanted], n=1, cutoff=0.6)
            if close:
                explained.add((parent, close[0]))
                e = {**e, "type": "misspelt_key", "ctx": {"expected": close[0]}}
        merged.append(e)
    return [e for e in merged
            if not (e["type"] == "missing" and (tuple(e["loc"][:-1]), e["loc"][-1]) in explained)]


def content_hash(data: object) -> str:
    """A hash of what the game plays: the data as read, as canonical JSON (keys sorted). Comments, blank
    lines, indentation, quoting and key order never change it, so reformatting a scenario does not tell
    players it has changed; any change to a value does."""
    try:
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    except (TypeError, ValueError, RecursionError):  # keys of mixed types: still deterministic, just not JSON
        canonical = repr(data)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


_NO_TOKEN = re.compile(r"\$(?!schema=)")


def load_text(file: str, text: str) -> Loaded:
    with gc_paused():  # one pause for reading and typing: see gc_paused
        doc = read_text(file, text)
        if doc.data is None:
            return Loaded(file, None, doc.diagnostics)
        diagnostics = list(doc.diagnostics)
        if diagnostics:  # a duplicate key (CP106): the data is not what the author wrote, so checking its
            # schema and story would only report the mistake's consequences first (a duplicate node id
            # gave a dozen errors about the node that was dropped); docs/diagnostics.md promises CP1xx stop here
            return Loaded(file, None, diagnostics, doc.data, doc.positions)
        if may_hold_controls(text):  # CP325/CP326, here because the text says cheaply when to look
            diagnostics.extend(check_controls(file, doc.data, doc.positions))
        if may_hold_prose_issues(text):  # CP336-CP338, likewise
            diagnostics.extend(check_prose(file, doc.data, doc.positions))
        try:
            scenario = shape.build(model.Scenario, doc.data)
        except shape.Invalid as exc:
            errors = _merge_misspellings(exc.errors)
            diagnostics.extend(_schema_diagnostic(file, doc.data, doc.positions, e) for e in errors)
            diagnostics.sort(key=sort_key)
            return Loaded(file, None, diagnostics, doc.data, doc.positions)
    # where the tokens are, for tokens.render_scenario ("# yaml-language-server: $schema=…" is no token)
    object.__setattr__(scenario, "_token_paths", tokens.token_paths(doc.data) if _NO_TOKEN.search(text) else ())
    return Loaded(file, scenario, diagnostics, doc.data, doc.positions)


def load_bytes(file: str, raw: bytes) -> Loaded:
    text, problem = decode(file, raw)
    if problem:
        return Loaded(file, None, [problem])
    return load_text(file, text)


def load_file(path: str | Path) -> Loaded:
    name = str(path)
    raw, problem = read_file_bytes(path)
    if problem:
        return Loaded(name, None, [problem])
    return load_bytes(name, raw)
