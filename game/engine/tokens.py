"""Text tokens in scenario prose, filled in for the framework played.

`$regulator` is the regulator's name as prose uses it mid-sentence ("the HCPC", "Social Work England") and
`$Regulator` the same at the start of a sentence ("The HCPC"); `$$` is a literal dollar sign. A `$` that is
not followed by a letter or another `$` is left as written ("$5"). An unknown `$word` is also left as
written, and the validator reports it (CP336), so a typo is caught before a player sees it.

The whole scenario is rendered once when a Story is made (`render_scenario`), so every front end (desktop,
terminal, group session, phones, exports) reads the same filled-in text without knowing tokens exist.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from . import shape

TOKEN = re.compile(r"\$(\$|[A-Za-z_][A-Za-z0-9_]*)")
NAMES = ("regulator", "Regulator")
"""Every token a scenario may use (besides `$$`)."""

# Fields that hold paths or addresses, never prose: a '$' there is part of the name.
_NOT_PROSE = frozenset({"portrait", "avatar", "asset", "url"})


def words_for(regulator_prose: str) -> dict[str, str]:
    """The value of each token for a regulator named `regulator_prose` ("the HCPC")."""
    return {"regulator": regulator_prose, "Regulator": regulator_prose[:1].upper() + regulator_prose[1:]}


def render(text: str, words: Mapping[str, str]) -> str:
    if "$" not in text:
        return text
    return TOKEN.sub(lambda m: "$" if m.group(1) == "$" else words.get(m.group(1), m.group(0)), text)


def unknown(text: str) -> list[tuple[int, str]]:
    """(0-based offset, name) of each `$name` that is not a token."""
    if "$" not in text:
        return []
    return [(m.start(), m.group(1)) for m in TOKEN.finditer(text) if m.group(1) != "$" and m.group(1) not in NAMES]


def render_model(value: object, words: Mapping[str, str]) -> object:
    """`value` (a model, list, dict or string) with every prose string rendered. Parts without a token are
    returned as they are (the same objects), so a scenario without tokens costs one walk and no copies."""
    if isinstance(value, str):
        return render(value, words)
    if dataclasses.is_dataclass(value):
        changes = {}
        for field in dataclasses.fields(value):
            name = field.name
            if name in _NOT_PROSE:
                continue
            old = getattr(value, name)
            new = render_model(old, words)
            if new is not old:
                changes[name] = new
        # no new check: the new strings are prose of the same kind, already checked
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, list):
        new_list = [render_model(v, words) for v in value]
        return new_list if any(a is not b for a, b in zip(new_list, value, strict=True)) else value
    if isinstance(value, dict):
        new_dict = {k: render_model(v, words) for k, v in value.items()}
        return new_dict if any(new_dict[k] is not v for k, v in value.items()) else value
    return value


def render_scenario(scenario, words: Mapping[str, str]):
    """The scenario with its tokens filled in. The loader notes where in the file the tokens are
    (`_token_paths`), so only those texts and the models above them are copied: walking every text of a
    10,000-node scenario takes seconds. A scenario made some other way is walked in full."""
    paths = scenario._token_paths
    if paths is None:
        return render_model(scenario, words)
    if not paths:
        return scenario
    trie: dict = {}
    for path in paths:
        branch = trie
        for key in path[:-1]:
            branch = branch.setdefault(key, {})
        branch[path[-1]] = None  # a leaf: the text itself
    return _apply(scenario, trie, words)


def token_paths(raw: object) -> tuple[tuple, ...]:
    """The path (as in the data read from YAML) of every string that holds a token or '$$'."""
    from .text_check import strings_where

    return tuple(path for path, _ in strings_where(raw, TOKEN.search))


def _apply(value: object, trie: dict | None, words: Mapping[str, str]) -> object:
    if trie is None:
        return render_model(value, words)
    if dataclasses.is_dataclass(value):
        changes = {}
        names = shape.keys(type(value))
        for key, branch in trie.items():
            name = names.get(key) if isinstance(key, str) else None
            if name is None or name in _NOT_PROSE:
                continue
            old = getattr(value, name)
            new = _apply(old, branch, words)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, list):
        new_list = list(value)
        for index, branch in trie.items():
            if isinstance(index, int) and 0 <= index < len(new_list):
                new_list[index] = _apply(new_list[index], branch, words)
        return new_list
    if isinstance(value, dict):
        new_dict = dict(value)
        for key, branch in trie.items():
            key = key if key in new_dict else str(key)  # standard ids: 2 in the file, "2" in the model
            if key in new_dict:
                new_dict[key] = _apply(new_dict[key], branch, words)
        return new_dict
    return value
