"""Player preferences: a typed table, read from and written to JSON in saves/.

Pure Python (no pygame), so the table can be tested and shared by every client. Like Ren'Py's
preferences, a value of the wrong type or out of range never stops the game: it falls back to its
default, and one log line for the whole file says which keys and why (however many there are). Any
file starts the game: a byte-order mark is allowed, and one undecodable value (nested 1,000 deep, a
5,000-digit number) costs only its own key. The file is written to a temporary file and renamed over the
old one, so a crash mid-write can never leave a half-written settings file; a file that could not be read
in full is renamed aside first, never overwritten.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import atomic, paths
from .frozen import Frozen, field_names, replace
from .json_members import read_members

log = logging.getLogger("crossing_paths.settings")

SETTINGS_FILE = "settings.json"
MAX_BYTES = 1_000_000  # ours is a few hundred bytes; a larger file is not a settings file
SHOWN = 3  # problems of one kind named in the log line; the rest are counted


# The table and the preferences are Frozen values, not dataclasses: they are read before the title's first
# frame, and a 17-field dataclass alone is a few milliseconds of generated code (game/frozen.py).
class Preference(Frozen):
    """One row of the table: its name, type, default, the values it may take and how people see it."""

    name: str
    label: str
    default: Any
    choices: tuple[tuple[Any, str], ...] = ()  # (value, label) for a value picked from a list
    low: int | None = None  # for a number: the range and the step the settings screen moves by
    high: int | None = None
    step: int | None = None
    help: str = ""
    typed: int = 0  # for text the learner types: its most characters (0: not a text value)
    secret: bool = False  # never shown or spoken (a password)

    def check(self, value: Any) -> tuple[Any, str | None]:
        """The value to use, and why it was refused (None if accepted)."""
        if self.typed:
            if not isinstance(value, str):
                return self.default, f"{_short(value) if not self.secret else 'the value'} is not text"
            if len(value) > self.typed or any(not ch.isprintable() for ch in value):
                return self.default, f"{'the value' if self.secret else _short(value)} is longer than " \
                                     f"{self.typed} characters or holds control characters"
            return value, None
        if self.choices:
            allowed = [v for v, _ in self.choices]
            # bool is a subclass of int: compare types exactly so `1` is not taken for `True`
            if any(type(value) is type(v) and value == v for v in allowed):
                return value, None
            return self.default, f"{_short(value)} is not one of {', '.join(repr(v) for v in allowed)}"
        if isinstance(self.default, int) and not isinstance(self.default, bool):
            if type(value) is not int:
                return self.default, f"{_short(value)} is not a whole number"
            if not self.low <= value <= self.high:
                return self.default, f"{_short(value)} is outside {self.low}-{self.high}"
            return value, None
        return self.default, f"{_short(value)} is not usable"  # pragma: no cover - every row has choices or a range

    def label_of(self, value: Any) -> str:
        for v, label in self.choices:
            if v == value and type(v) is type(value):
                return label
        return f"{value} %" if self.name == "text_scale" else str(value)


def _framework_choices() -> tuple[tuple[str, str], ...]:
    """'As written' plus every framework the game ships (data in game/data/frameworks/). Only each file's
    title is read, not the whole typed framework: settings are read before the first frame, which waits
    for every module and file they need."""
    from game.engine import datafile

    shipped = []
    for path in sorted((paths.DATA / "frameworks").glob("*.yaml")):
        title = datafile.read(path).data.get("title")
        shipped.append((path.stem, title if isinstance(title, str) else path.stem))
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
    Preference("trainer_tools", "Trainer tools", False, choices=((False, "Off"), (True, "On")),
               help="Adds Story map to the pause menu: the scenario's shape, the way you took, play from any part."),
    # xAPI (game/records/xapi.py): statements are always kept in saves/; these say whether and where they go
    Preference("lrs_sending", "Send my records to a learning record store", False,
               choices=((False, "Off"), (True, "On")),
               help="Off: your records stay on this computer. On: they go to the LRS set below, in the background."),
    Preference("xapi_identity", "Who the records say you are", "none",
               choices=(("none", "Nobody (nothing is sent)"), ("anonymous", "An anonymous id"),
                        ("named", "My name and email"))),
    Preference("xapi_name", "Your name", "", typed=200),
    Preference("xapi_email", "Your email", "", typed=254),
    Preference("xapi_account", "Anonymous id", "", typed=64),  # made once, at random, when first needed
    Preference("lrs_endpoint", "LRS address", "", typed=2000),
    Preference("lrs_user", "LRS user", "", typed=200),
    # kept in settings.json as it is: see docs/records.md (the file is readable by its owner only)
    Preference("lrs_password", "LRS password", "", typed=200, secret=True),
)
BY_NAME = {p.name: p for p in TABLE}
ON_SCREEN = tuple(p for p in TABLE if not p.typed)  # typed values have no text field on the screen yet


class Preferences(Frozen):
    text_scale: int = 100
    theme: str = "default"
    font: str = "atkinson"
    profile: str = "desktop"
    fullscreen: bool = False
    feedback: str = "after_choice"
    standards: str = "as_written"
    self_voicing: bool = False
    trainer_tools: bool = False
    lrs_sending: bool = False
    xapi_identity: str = "none"
    xapi_name: str = ""
    xapi_email: str = ""
    xapi_account: str = ""
    lrs_endpoint: str = ""
    lrs_user: str = ""
    lrs_password: str = ""

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
            kept = "the old value" if pref.secret else repr(getattr(self, name))
            log.warning("settings: %s: %s; keeping %s", name, problem, kept)
            return self
        return replace(self, **{name: checked})

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in field_names(self)}

    @classmethod
    def from_dict(cls, data: Any) -> Preferences:
        """Every usable value is kept; anything else falls back to its default, in one log line."""
        prefs, problems = _from_dict(data)
        _log_summary("settings", problems)
        return prefs


def _short(value: Any, limit: int = 40) -> str:
    """A value as a log line shows it: repr (so control characters are escaped), cut to `limit`."""
    text = repr(value) if not isinstance(value, (dict, list)) else f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _from_dict(data: Any) -> tuple[Preferences, list[str]]:
    if not isinstance(data, dict):
        return Preferences(), [f"expected a mapping, found {type(data).__name__}; using defaults"]
    values, unknown, problems = {}, [], []
    for key, value in data.items():
        pref = BY_NAME.get(key)
        if pref is None:
            unknown.append(key)
            continue
        checked, problem = pref.check(value)
        if problem:
            problems.append(f"{key}: {problem}, so the default {pref.default!r}")
        values[key] = checked
    if unknown:
        # imported only here: the title's first frame reads the settings and needs none of the wording
        from .engine.wording import plural

        names = ", ".join(_short(k, 30) for k in unknown[:SHOWN])
        more = f" and {len(unknown) - SHOWN:,} more" if len(unknown) > SHOWN else ""
        problems.append(f"{plural(len(unknown), 'unknown preference')} ignored "
                        f"({names}{more})")
    return Preferences(**values), problems


def _log_summary(where: str, problems: list[str]) -> None:
    """One log line, however many problems: a file with 10,000 bad keys must not flood the log."""
    if problems:
        shown = "; ".join(problems[:SHOWN])
        more = f"; and {len(problems) - SHOWN:,} more problems" if len(problems) > SHOWN else ""
        kept = "" if any(p.endswith("using defaults") for p in problems) else "; every other value kept"
        log.warning("%s: %s%s%s", where, shown, more, kept)


class Read(Frozen):
    """What reading the settings file gave: the preferences, the problems found, and whether the file was
    understood in full. A file that was not (not JSON, damaged, not an object...) is kept aside before a
    new one is written over it: it may hold something the player wants back."""

    prefs: Preferences
    problems: list[str]
    whole: bool


def _decode(raw: bytes) -> tuple[str, bool]:
    """Text from bytes, with or without a byte-order mark (Notepad writes one); undecodable bytes become
    U+FFFD, so only the values they are in are lost. The flag says whether every byte decoded."""
    encoding = json.detect_encoding(raw)  # utf-8, utf-8-sig, utf-16 or utf-32 from the BOM or the zeros
    try:
        return raw.decode(encoding), True
    except UnicodeDecodeError:
        return raw.decode(encoding, errors="replace"), False


def read(path: Path) -> Read:
    """The settings in `path`, reading as much as can be read; never raises for what the file holds."""
    try:
        if path.exists() and not path.is_file():  # a folder, or a FIFO that would block the start forever
            return Read(Preferences(), ["it is not a file; using defaults"], False)
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Read(Preferences(), [], True)
    except OSError as exc:
        return Read(Preferences(), [f"cannot read it ({exc.strerror or exc}); using defaults"], False)
    if len(raw) > MAX_BYTES:
        return Read(Preferences(), [f"it is over {MAX_BYTES:,} bytes, so not a settings file; using defaults"],
                    False)
    text, decoded = _decode(raw)
    problems = [] if decoded else ["it has bytes that are not UTF-8; values holding them are not used"]
    try:
        data, broken = read_members(text)
    except ValueError as exc:
        return Read(Preferences(), [*problems, f"not a settings file ({exc}); using defaults"], False)
    prefs, found = _from_dict(data)
    problems += [f"{_short(key, 30)}: {why}, so not used" for key, why in broken.items()] + found
    return Read(prefs, problems, decoded and not broken)


def load(path: Path) -> Preferences:
    """The saved preferences, or the defaults when the file is missing or unreadable; one log line says
    what was not used and why."""
    found = read(path)
    _log_summary(f"settings: {path}", found.problems)
    return found.prefs


def save(prefs: Preferences, path: Path) -> Path | None:
    """Write atomically: a temporary file in the same folder, then os.replace over the old one. A file there
    that could not be read in full is first renamed aside (settings.json.unreadable-STAMP), never
    overwritten; returns that name, or None."""
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder, so the settings cannot be saved there")
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = None
    if os.path.lexists(path) and not read(path).whole:
        kept = _set_aside(path)
        log.warning("settings: %s could not be read in full, so it is kept as %s and a new one is written",
                    path, kept.name)
    atomic.write_text(path, json.dumps(prefs.to_dict(), indent=2, sort_keys=True) + "\n")
    return kept


def _set_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unreadable-{stamp}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = path.with_name(f"{path.name}.unreadable-{stamp}-{n}")
    path.rename(target)  # an OSError here stops the save: better unsaved than the old file lost
    return target
