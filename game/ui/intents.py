"""Intents: what a screen (or another thread, through `App.post`) asks the app to do. Screens never import
each other or touch the story's saves; they return one of these from `handle_event` and the app acts on it
through one handler per intent class (testable without pixels). `Intent` is the union of them all: a test
checks that every class here is in it and has a handler.

They are plain frozen values, so they can cross threads (the phone-vote server posts Choose)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from game.saves import SaveSlot


@dataclass(frozen=True)
class Push:
    """Open a screen on top of this one: `screen` is a name the app knows ("settings", "history"…)."""

    screen: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Replace:
    """Close this screen and open `screen` in its place."""

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
    """Start a scenario file afresh, scored against the standards setting as it is now."""

    path: Path


@dataclass(frozen=True)
class ContinueLatest:
    """Resume the newest autosave."""


@dataclass(frozen=True)
class LoadFrom:
    slot: SaveSlot


@dataclass(frozen=True)
class SaveTo:
    """Save the playthrough in the named slot, then close the save screen."""

    slot: str


@dataclass(frozen=True)
class Choose:
    """Make a choice; the story decides whether it is offered now (not whichever screen is showing)."""

    number: int  # 1-based among the visible choices


@dataclass(frozen=True)
class Proceed:
    """Continue from a narration-only part."""


@dataclass(frozen=True)
class Restart:
    """Start the scenario being played again from the beginning, with the standards setting as it is now."""


@dataclass(frozen=True)
class ShowDebrief:
    """Open the debrief of the ending reached."""


@dataclass(frozen=True)
class ChangeSetting:
    """Change a preference (and save it); it applies at once."""

    name: str
    value: str | int | bool


@dataclass(frozen=True)
class ToggleFullscreen:
    """Switch the game window between full screen and a window."""


@dataclass(frozen=True)
class StartNewSaveFile:
    """Move an unusable save file aside (renamed, never deleted) and start a new one."""


@dataclass(frozen=True)
class Confirm:
    """Ask before doing something that cannot be undone; `then` is the intent on yes."""

    question: str
    yes: str
    then: Intent
    detail: str = ""


Intent: TypeAlias = (Push | Replace | Pop | Quit | ToTitle | StartScenario | ContinueLatest | LoadFrom | SaveTo
                     | Choose | Proceed | Restart | ShowDebrief | ChangeSetting | ToggleFullscreen
                     | StartNewSaveFile | Confirm)
