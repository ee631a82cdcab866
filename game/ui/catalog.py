"""The scenarios the game offers: every scenarios/*.yaml, loaded and checked once (no pygame here).
A file with errors is listed with its first problem so a trainer sees why it cannot be played."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.engine import library, reference
from game.engine.checked import check_file
from game.engine.diagnostics import format_text
from game.engine.loader import Loaded
from game.engine.model import Scenario


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

    def played(self, standards: str | None) -> tuple[reference.Framework | None, str | None]:
        """The framework this scenario will be played against with the standards setting `standards`, as
        game.play.story_for decides it (a framework it cannot be carried across to falls back to its own),
        and a note when that is not the one it was written for."""
        from game.play import AS_WRITTEN

        s = self.loaded.scenario
        own = reference.framework(s.framework) if s else None
        if own is None or standards in (None, AS_WRITTEN, own.id):
            return own, None
        chosen = reference.framework(standards)
        if chosen is None or reference.mapping(own.id, chosen.id) is None:
            against = chosen.title if chosen is not None else standards
            return own, f"written for these standards; it cannot be scored against the {against}"
        return chosen, f"written for the {own.title}"

    def shown(self, standards: str | None) -> tuple[str, str]:
        """The scenario's title and summary as they will be played: $regulator filled in."""
        from game.engine import tokens

        s = self.loaded.scenario
        framework, _ = self.played(standards)
        words = tokens.words_for(framework.regulator.prose) if framework is not None else {}
        return tokens.render(s.title, words), tokens.render(s.summary, words)


def check(path: Path) -> Entry:
    checked = check_file(path)
    errors = [format_text(d) for d in checked.errors]
    if checked.scenario is None and not errors:
        errors = ["the file cannot be read as a scenario"]
    return Entry(path, checked.loaded, errors)


def scan(folder: Path) -> list[Entry]:
    return [check(p) for p in library.scenario_files(folder)]
