"""What the checks across files need of each file, and those checks (CP320).

Kept apart from validate.py, which imports the scenario model: `validate` answers unchanged files from its
cache (game/trainer/validate_cache.py) with what is here, without loading them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .diagnostics import Diagnostic, sort_key


@dataclass(frozen=True)
class Declared:
    """The scenario id a file declares, and where."""

    file: str
    scenario_id: str
    line: int
    col: int

    @classmethod
    def of(cls, loaded: Any) -> Declared | None:
        """From a loader.Loaded: None when no scenario could be built from the file."""
        if loaded.scenario is None:
            return None
        return cls(loaded.file, loaded.scenario.id, *loaded.where("id"))


def check_ids(files: Iterable[Any]) -> list[Diagnostic]:
    """CP320: two files that declare the same scenario id (saves and menus key on it). `files` are
    Declared (or None, for a file without a scenario) or loader.Loaded."""
    first: dict[str, str] = {}
    found = []
    for one in files:
        declared = one if one is None or isinstance(one, Declared) else Declared.of(one)
        if declared is None:
            continue
        if declared.scenario_id in first:
            found.append(Diagnostic("CP320", f"scenario id '{declared.scenario_id}' is also used by "
                                    f"{first[declared.scenario_id]}", declared.file, declared.line, declared.col,
                                    "give each scenario file its own id"))
        else:
            first[declared.scenario_id] = declared.file
    return sorted(found, key=sort_key)
