"""Player preferences: a typed table, read from and written to JSON in saves/.

Pure Python (no pygame), so the table can be tested and shared by every client. Like Ren'Py's
preferences, a value of the wrong type or out of range never stops the game: it falls back to its
default and a log line says which key and why. The file is written to a temporary file and renamed
over the old one, so a crash mid-write can never leave a half-written settings file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

log = logging.getLogger("crossing_paths.settings")

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Preference:
    """One row of the table: its name, type, default, the values it may take and how people see it."""

    name: str
    label: str
    default: Any
    choices: tuple[tuple[Any, str], ...] = ()  # (value, label) for a value picked from a list
    low: int | None = None  # for a number: the range and the step the settings screen moves by
    high: int | None = None
    step: int | None = None
    help: str = ""

    def check(self, value: Any) -> tuple[Any, str | None]:
        """The value to use, and why it was refused (None if accepted)."""
        if self.choices:
            allowed = [v for v, _ in self.choices]
            # bool is a subclass of int: compare types exactly so `1` is not taken for `True`
            if any(type(value) is type(v) and value == v for v in allowed):
                return value, None
            return self.default, f"{value!r} is not one of {', '.join(repr(v) for v in allowed)}"
        if isinstance(self.default, int) and not isinstance(self.default, bool):
            if type(value) is not int:
                return self.default, f"{value!r} is not a whole number"
            if not self.low <= value <= self.high:
                return self.default, f"{value} is outside {self.low}-{self.high}"
            return value, None
        return self.default, f"{value!r} is not usable"  # pragma: no cover - every row has choices or a range

    def label_of(self, value: Any) -> str:
        for v, label in self.choices:
            if v == value and type(v) is type(value):
                return label
        return f"{value} %" if self.name == "text_scale" else str(value)


def _framework_choices() -> tuple[tuple[str, str], ...]:
    """'As written' plus every framework the game ships (data in game/data/frameworks/)."""
    from game.engine import reference

    shipped = tuple((fid, reference.framework(fid).title) for fid in reference.framework_ids())
    return (("as_written", "As each scenario is written"), *shipped)


TABLE: tuple[Preference, ...] = (
    Preference("text_scale", "Text size", 100, low=100, high=200, step=10,
               help="Makes all text larger; everything re-flows to fit."),
    Preference("theme", "Colours", "default",
               choices=(("default", "Default"), ("high-contrast", "High contrast"))),
    Preference("font", "Font", "atkinson",
               choices=(("atkinson", "Atkinson Hyperlegible"), ("opendyslexic", "OpenDyslexic")),
               help="OpenDyslexic is designed to be easier to read for some people with dyslexia."),
    Preference("profile", "Display", "desktop",
               choices=(("desktop", "Desktop"), ("projector", "Projector")),
               help="Projector: large type readable from the back of a room."),
    Preference("fullscreen", "Window", False,
               choices=((False, "Window"), (True, "Full screen")), help="F11 switches at any time."),
    Preference("feedback", "Feedback", "after_choice",
               choices=(("after_choice", "After each choice"), ("at_debrief", "At the debrief")),
               help="At the debrief: play it through like an assessment, then see all the feedback."),
    Preference("standards", "Standards", "as_written", choices=_framework_choices(),
               help="Score every scenario against this framework; scores are carried across by a published mapping."),
    Preference("self_voicing", "Self-voicing", False,
               choices=((False, "Off"), (True, "On")),
               help="Reads the text and choices aloud (needs espeak-ng)."),
)
BY_NAME = {p.name: p for p in TABLE}


@dataclass(frozen=True)
class Preferences:
    text_scale: int = 100
    theme: str = "default"
    font: str = "atkinson"
    profile: str = "desktop"
    fullscreen: bool = False
    feedback: str = "after_choice"
    standards: str = "as_written"
    self_voicing: bool = False

    @property
    def scale(self) -> float:
        return self.text_scale / 100

    def with_value(self, name: str, value: Any) -> Preferences:
        """A copy with one value changed; a bad value keeps the current one (and is logged)."""
        pref = BY_NAME.get(name)
        if pref is None:
            log.warning("settings: unknown preference %r ignored", name)
            return self
        checked, problem = pref.check(value)
        if problem:
            log.warning("settings: %s: %s; keeping %r", name, problem, getattr(self, name))
            return self
        return replace(self, **{name: checked})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Any) -> Preferences:
        """Every usable value is kept; anything else falls back to its default with a log line."""
        if not isinstance(data, dict):
            log.warning("settings: expected a mapping, found %s; using defaults", type(data).__name__)
            return cls()
        values = {}
        for key, value in data.items():
            pref = BY_NAME.get(key)
            if pref is None:
                log.warning("settings: unknown preference %r ignored", key)
                continue
            checked, problem = pref.check(value)
            if problem:
                log.warning("settings: %s: %s; using the default %r", key, problem, pref.default)
            values[key] = checked
        return cls(**values)


def load(path: Path) -> Preferences:
    """The saved preferences, or the defaults when the file is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Preferences()
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("settings: cannot read %s (%s); using defaults", path, exc)
        return Preferences()
    try:
        data = json.loads(text)
    except ValueError as exc:
        log.warning("settings: %s is not valid JSON (%s); using defaults", path, exc)
        return Preferences()
    return Preferences.from_dict(data)


def save(prefs: Preferences, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then os.replace over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(prefs.to_dict(), out, indent=2, sort_keys=True)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
