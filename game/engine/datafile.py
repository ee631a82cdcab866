"""The one way the game reads its own data files (themes, display profiles, standards frameworks, the outcome
ladder, card styles): YAML through the safe reader, then typed, and any mistake raised as a DataFileError that
names the file, line and column. These files ship with the game, so a mistake in one is a bug to report, not
a player's problem; the message says exactly where it is.

`table()` turns a mapping of entries into frozen dataclasses by their field types (the title screen reads
themes and profiles before anything else, and start-up time is felt); `validated()` is for the files whose
shape is a record of shape.py (read without pydantic when they are right, explained by it when not).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from . import shape
from .yamlsafe import Document, read_file

T = TypeVar("T")


class DataFileError(ValueError):
    """A shipped data file is unusable; str() is `file:line:col: what is wrong`."""

    def __init__(self, file: str, line: int, col: int, message: str):
        where = f"{file}:{line}:{col}" if line else file
        super().__init__(f"{where}: {message}")
        self.file, self.line, self.col = file, line, col


def read(path: Path) -> Document:
    """The file as a YAML mapping, or a DataFileError saying why it is not one."""
    doc = read_file(path)
    if doc.data is None:
        first = doc.diagnostics[0] if doc.diagnostics else None
        raise DataFileError(str(path), first.line if first else 0, first.col if first else 0,
                            first.message if first else "cannot be read")
    return doc


def fail(doc: Document, where: tuple, message: str, at_key: bool = False) -> DataFileError:
    line, col = doc.locate(where, at_key)
    return DataFileError(doc.file, line, col, message)


def _converter(kind: Any, readers: dict) -> Callable[[object], object]:
    """How a YAML value becomes a field of this type; raises ValueError or TypeError with a short reason."""
    if kind in readers:  # a type the caller knows how to read (a colour)
        return readers[kind]
    if kind is float:
        return lambda v: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else _wrong(v, "a number")
    if kind is int:
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _wrong(v, "a whole number")
    if kind is str:
        return lambda v: v if isinstance(v, str) else _wrong(v, "text")
    if kind is bool:
        return lambda v: v if isinstance(v, bool) else _wrong(v, "true or false")
    raise TypeError(f"no reader for fields of type {kind!r}")


def _wrong(value: object, wanted: str) -> typing.NoReturn:
    raise ValueError(f"should be {wanted}, not {value!r}")


def table(doc: Document, section: str, cls: type[T], key_field: str = "id",
          fields_at: Callable[[dict], dict] | None = None, readers: dict | None = None) -> dict[str, T]:
    """`section` of the file (a mapping of entries) as {key: cls(...)}. Each entry's fields are read by the
    dataclass's field types; `fields_at` picks where in an entry its fields are (default: the entry itself).
    Unknown keys are refused too: a misspelt key in a shipped file would otherwise be silently unused."""
    entries = doc.data.get(section)
    if not isinstance(entries, dict) or not entries:
        raise fail(doc, (), f"needs a '{section}' mapping with at least one entry")
    hints = typing.get_type_hints(cls)
    wanted = [f.name for f in dataclasses.fields(cls) if f.name != key_field]
    out: dict[str, T] = {}
    for key, entry in entries.items():
        if not isinstance(entry, dict):
            raise fail(doc, (section, key), f"'{key}' should be a mapping of its settings")
        values = fields_at(entry) if fields_at else entry
        base = (section, key) if fields_at is None else (section, key, *_path_to(entry, values))
        missing = [name for name in wanted if name not in values and name not in entry]
        if missing:
            raise fail(doc, (section, key), f"'{key}' has no {', '.join(missing)}", at_key=True)
        extra = sorted(set(values) - set(wanted), key=str)
        if extra and fields_at is None:
            raise fail(doc, (*base, extra[0]), f"unknown key '{extra[0]}' in '{key}'", at_key=True)
        args: dict[str, object] = {key_field: key} if key_field in hints else {}
        for name in wanted:
            source, at = (values, base) if name in values else (entry, (section, key))
            try:
                args[name] = _converter(hints[name], readers or {})(source[name])
            except (ValueError, TypeError) as exc:
                raise fail(doc, (*at, name), f"{key}.{name} {exc}") from None
        out[str(key)] = cls(**args)
    return out


def _path_to(entry: dict, inner: dict) -> tuple:
    """The key under which `inner` sits in `entry` (one level), for locating errors."""
    return next(((k,) for k, v in entry.items() if v is inner), ())


def validated(path: Path, model: type[T], check: Callable[[T], tuple[tuple, str] | None] | None = None) -> T:
    """A file whose shape is a record (shape.py); its first error is raised with its line and column.
    `check` looks past the shape (a rung that must be on the ladder): it returns (where, message) for the
    first problem, or None."""
    doc = read(path)
    try:
        value = shape.build(model, doc.data)
    except shape.Invalid as exc:
        first = exc.errors[0]
        loc = tuple(first["loc"])
        where = ".".join(str(p) for p in loc) or "the file"
        raise fail(doc, loc, f"{where}: {first['msg']}") from None
    problem = check(value) if check else None
    if problem is not None:
        loc, message = problem
        raise fail(doc, loc, message, at_key=True)
    return value
