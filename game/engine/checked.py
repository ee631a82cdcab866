"""One way to open a scenario file for use: load it, validate it, report what was found.

The catalogue, the terminal player, `snapshot` and `validate` all come through `check_file`, so they agree
on what counts as playable: a scenario that was built and has no errors (warnings are reported, not fatal).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assets import ASSETS
from .diagnostics import Diagnostic, ScenarioError
from .loader import Loaded, load_file
from .model import Scenario
from .validate import validate


@dataclass(frozen=True)
class Checked:
    """A scenario file as loaded and validated: the scenario when it can be played, and every diagnostic."""

    loaded: Loaded
    diagnostics: tuple[Diagnostic, ...]  # the loader's and the validator's, sorted by position

    @property
    def file(self) -> str:
        return self.loaded.file

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.loaded.scenario is not None and not self.errors

    @property
    def scenario(self) -> Scenario | None:
        """The scenario, or None when it cannot be played (not built, or with errors)."""
        return self.loaded.scenario if self.ok else None

    @property
    def unreadable(self) -> bool:
        """No such file, or it could not be opened: the one diagnostic says it all."""
        return any(d.code == "CP100" for d in self.diagnostics)


def check_loaded(loaded: Loaded, assets_root: Path = ASSETS) -> Checked:
    return Checked(loaded, tuple(validate(loaded, assets_root)))


def check_file(path: str | Path, assets_root: Path = ASSETS) -> Checked:
    return check_loaded(load_file(path), assets_root)


def not_found(file: str, diagnostic: Diagnostic) -> Checked:
    """The result for a name that names no file (see library.find)."""
    return Checked(Loaded(file, None, [diagnostic]), (diagnostic,))


def load_scenario(path: str | Path) -> Scenario:
    """Load and fully check one scenario, or raise ScenarioError with its errors (for tests and tools)."""
    checked = check_file(path)
    if checked.scenario is None:
        raise ScenarioError(checked.errors or list(checked.diagnostics))
    return checked.scenario
