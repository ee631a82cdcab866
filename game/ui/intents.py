"""Intents: what a screen asks the app to do. Screens never import each other or touch the story's
saves; they return one of these from `handle_event` and the app acts on it (testable without pixels)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Push:
    """Open a screen on top of this one: `screen` is a name the app knows ("settings", "history"…)."""

    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Replace:
    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pop:
    """Close this screen (back)."""


@dataclass(frozen=True)
class Quit:
    """Leave the game."""


@dataclass(frozen=True)
class ToTitle:
    """Close everything down to the title screen."""


@dataclass(frozen=True)
class StartScenario:
    path: Path


@dataclass(frozen=True)
class ContinueLatest:
    """Resume the newest autosave."""


@dataclass(frozen=True)
class LoadFrom:
    slot: Any  # a SaveSlot


@dataclass(frozen=True)
class SaveTo:
    slot: str


@dataclass(frozen=True)
class Choose:
    number: int  # 1-based among the visible choices


@dataclass(frozen=True)
class Proceed:
    """Continue from a narration-only part."""


@dataclass(frozen=True)
class Restart:
    """Start the scenario being played again from the beginning."""


@dataclass(frozen=True)
class ShowDebrief:
    pass


@dataclass(frozen=True)
class ChangeSetting:
    name: str
    value: Any


@dataclass(frozen=True)
class ToggleFullscreen:
    pass


@dataclass(frozen=True)
class StartNewSaveFile:
    """Move an unusable save file aside (renamed, never deleted) and start a new one."""


@dataclass(frozen=True)
class Confirm:
    """Ask before doing something that cannot be undone; `then` is the intent on yes."""

    question: str
    yes: str
    then: Any
    detail: str = ""


Intent = (Push | Replace | Pop | Quit | ToTitle | StartScenario | ContinueLatest | LoadFrom | SaveTo | Choose
          | Proceed | Restart | ShowDebrief | ChangeSetting | ToggleFullscreen | Confirm)
