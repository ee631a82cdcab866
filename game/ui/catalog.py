"""The scenarios the game offers: every scenarios/*.yaml, loaded and checked once (no pygame here).
A file with errors is listed with its first problem so a trainer sees why it cannot be played."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import reference
from game.engine.diagnostics import format_text
from game.engine.loader import Loaded, load_file
from game.engine.model import Scenario
from game.engine.validate import validate


@dataclass
class Entry:
    path: Path
    loaded: Loaded
    errors: list[str] = field(default_factory=list)

    @property
    def scenario(self) -> Scenario | None:
        return self.loaded.scenario if not self.errors else None

    @property
    def id(self) -> str:
        return self.loaded.scenario.id if self.loaded.scenario else self.path.stem

    @property
    def framework_title(self) -> str:
        s = self.loaded.scenario
        fw = reference.framework(s.framework) if s else None
        return fw.title if fw else (s.framework if s else "")


def check(path: Path) -> Entry:
    loaded = load_file(path)
    errors = [format_text(d) for d in validate(loaded) if d.is_error]
    if loaded.scenario is None and not errors:
        errors = ["the file cannot be read as a scenario"]
    return Entry(path, loaded, errors)


def scan(folder: Path) -> list[Entry]:
    if not folder.is_dir():
        return []
    return [check(p) for p in sorted(folder.glob("*.yaml"))]


def find(arg: str, folder: Path) -> Path:
    """A scenario path, or the id (file stem or scenario id) of one in `folder`."""
    path = Path(arg)
    if path.exists() or "/" in arg or "\\" in arg or arg.endswith((".yaml", ".yml")):
        return path
    candidate = folder / f"{arg}.yaml"
    if candidate.exists():
        return candidate
    for p in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        loaded = load_file(p)
        if loaded.scenario is not None and loaded.scenario.id == arg:
            return p
    return path
