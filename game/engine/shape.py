"""Typed, frozen records from plain data (YAML or JSON), without paying for pydantic on every start.

The scenario model, the play state and the shipped reference data are declared once, as dataclasses made by
`record()`, with their constraints in the annotations (`Rule`, `Tagged`, `Keyed`) and field options
(`alias`, `min_length`, `description`) in `field(metadata=…)`. Two readers understand that one declaration:

- `build()` reads good data: one pass in plain Python that builds the records, and gives up (`Mismatch`) at
  the first thing it is not certain pydantic would accept in exactly the same way. No pydantic import.
- `pydantic` reads everything else: the records are ordinary dataclasses with `__pydantic_config__`, and
  the markers below say what they mean to pydantic (`__get_pydantic_core_schema__`), so a pydantic
  `TypeAdapter` validates the same declaration, reports every problem with its location (the loader turns
  those into CP2xx diagnostics) and writes the JSON Schema (docs/scenario.schema.json).

Why: importing pydantic and building the scenario's validator took about 0.3 s of every start that read a
scenario (the terminal player's first scene, `validate`), more than the whole start-up budget. Scenarios
people play are almost always valid, so the fast reader answers them, and pydantic is only imported to
explain a mistake. `build()` falls back to pydantic whenever the fast reader declines, so what is accepted,
and the records built, are pydantic's by construction; tests/test_shape.py checks the two agree on every
shipped file and on generated and mutated ones.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from game.frozen import Frozen

T = TypeVar("T")

# `extra`: a misspelt key is an error, never silently ignored; `populate_by_name`: a field with an alias
# ('from') may also be written by its name ('sender').
CONFIG = {"extra": "forbid", "populate_by_name": True}


def record(cls: type[T] | None = None, *, frozen: bool = True) -> Any:
    """A keyword-only dataclass that pydantic validates with unknown keys forbidden; frozen unless asked
    (a scenario must not change while it is played; the play state does).

    `dataclasses.dataclass` compiles an __init__, __repr__, __eq__, __hash__ and, frozen, __setattr__ and
    __delattr__ for every class: about 2 ms a class, 90 ms for the game's records, at every start. Here it
    only collects the fields (what pydantic and `dataclasses.fields` read), and every record shares one
    __init__ (below) and game.frozen's equality, hash and repr, as the desktop's small values do. A record
    is a real dataclass, not a Frozen, because pydantic validates dataclasses."""

    def make(target: type[T]) -> type[T]:
        target.__pydantic_config__ = CONFIG  # type: ignore[attr-defined]
        if not target.__doc__:
            # else dataclass() works out a signature for one with inspect (slow); the shape of its own
            # (`Name(…)`) is what pydantic knows to leave out of the schema's descriptions
            target.__doc__ = f"{target.__name__}(…)"
        made = dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=True)(target)
        fields = [f for f in dataclasses.fields(made) if f.init]
        made._fields = tuple(f.name for f in fields)  # type: ignore[attr-defined]  # what Frozen's methods read
        made._hidden = frozenset(f.name for f in fields if not f.repr)  # type: ignore[attr-defined]
        made._shape = (  # type: ignore[attr-defined]
            tuple(f.name for f in fields),
            {f.name: f.default for f in fields if f.default is not dataclasses.MISSING},
            {f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING},
            {written(f): f.name for f in fields if written(f) != f.name})
        made.__init__ = _init  # type: ignore[misc]
        for name in ("_values", "__repr__", "__eq__"):  # the game's one way to compare and show a value
            setattr(made, name, vars(Frozen)[name])
        if frozen:
            made.__setattr__ = _refuse  # type: ignore[method-assign]
            made.__delattr__ = _refuse  # type: ignore[method-assign]
            made.__hash__ = vars(Frozen)["__hash__"]  # type: ignore[method-assign]
        else:
            made.__hash__ = None  # type: ignore[assignment]  # mutable: not hashable, as a dataclass
        return made

    return make if cls is None else make(cls)


def _init(self: Any, **values: Any) -> None:
    names, defaults, factories, aliases = self._shape
    for alias, name in aliases.items():  # NotOf(**{"not": …}), as a file writes it
        if alias in values:
            if name in values:
                raise TypeError(f"{type(self).__name__}() got both '{alias}' and '{name}'")
            values[name] = values.pop(alias)
    setter = object.__setattr__
    for name in names:
        if name in values:
            setter(self, name, values.pop(name))
        elif name in defaults:
            setter(self, name, defaults[name])
        elif name in factories:
            setter(self, name, factories[name]())
        else:
            raise TypeError(f"{type(self).__name__}() is missing the argument '{name}'")
    if values:
        raise TypeError(f"{type(self).__name__}() got an unexpected argument '{next(iter(values))}'")
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


def _refuse(self: Any, name: str, *_: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot change '{name}': a {type(self).__name__} is frozen")


def key(alias: str | None = None, description: str | None = None, min_length: int | None = None,
        **options: Any) -> Any:
    """A field with an alias (the key in the file), a description (for the schema) or a minimum number of
    items; other options (`default`, `default_factory`) are dataclasses.field's."""
    metadata = {name: value for name, value in
                (("alias", alias), ("description", description), ("min_length", min_length)) if value is not None}
    return dataclasses.field(metadata=metadata, **options)


class Rule:
    """Constraints on a text or a number: `Annotated[str, Rule(pattern=…, max_length=80)]`.

    `numbers_as_text`: a number is read as its text (authors write `2: -1` for standard 2, which YAML reads
    as the number 2)."""

    __slots__ = ("_match", "description", "ge", "gt", "le", "lt", "max_length", "min_length", "numbers_as_text",
                 "pattern")

    def __init__(self, *, pattern: str | None = None, min_length: int | None = None, max_length: int | None = None,
                 ge: float | None = None, le: float | None = None, gt: float | None = None, lt: float | None = None,
                 numbers_as_text: bool = False, description: str | None = None):
        self.pattern, self.min_length, self.max_length = pattern, min_length, max_length
        self.ge, self.le, self.gt, self.lt = ge, le, gt, lt
        self.numbers_as_text, self.description = numbers_as_text, description
        self._match = re.compile(pattern).search if pattern else None

    def _core(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in ("pattern", "min_length", "max_length", "ge", "le", "gt", "lt")
               if getattr(self, name) is not None}
        if self.numbers_as_text:
            out["coerce_numbers_to_str"] = True
        return out

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self._core())
        return schema

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        out = handler(core_schema)
        if self.description:
            out["description"] = self.description
        return out


class Tagged:
    """A union of records told apart by the value of one key: `Annotated[A | B, Tagged("type")]`."""

    __slots__ = ("field",)

    def __init__(self, field: str):
        self.field = field

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Discriminator

        return handler.generate_schema(typing.Annotated[source, Discriminator(self.field)])


class Keyed:
    """A union of records told apart by which key they have (`{flag: x}`, `{all: […]}`): the first key of the
    mapping that names one of them decides. `error` and `message` are what pydantic reports for a mapping
    with none of the keys."""

    __slots__ = ("by_key", "error", "message")

    def __init__(self, by_key: dict[str, type], error: str, message: str):
        self.by_key, self.error, self.message = by_key, error, message

    def choose(self, value: object) -> str | None:
        if isinstance(value, dict):
            return next((k for k in value if k in self.by_key), None)
        return next((k for k, cls in self.by_key.items() if type(value) is cls), None)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Discriminator, Tag

        members = tuple(typing.Annotated[cls, Tag(k)] for k, cls in self.by_key.items())
        union = typing.Union[members]  # noqa: UP007 - built from a tuple at run time
        return handler.generate_schema(typing.Annotated[
            union, Discriminator(self.choose, custom_error_type=self.error, custom_error_message=self.message)])


# --- the fast reader -----------------------------------------------------------------------------------------

class Mismatch(Exception):
    """The fast reader is not certain: pydantic decides (and explains)."""


class Invalid(ValueError):
    """The data does not fit: `errors` are pydantic's, one dict per problem (type, loc, msg, input, ctx)."""

    def __init__(self, errors: list[dict]):
        super().__init__(f"{len(errors)} problem(s), first: {errors[0]['msg'] if errors else '?'}")
        self.errors = errors


Reader = Callable[[object], object]
_readers: dict[object, Reader] = {}
# ISO 8601 as this game writes times (to_data): anything else goes to pydantic, whose reading is the rule
_OWN_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})")


def _fail() -> typing.NoReturn:
    raise Mismatch


def reader(kind: object) -> Reader:
    """The fast reader of a type (made once per type, then kept)."""
    found = _readers.get(kind)
    if found is None:
        # a recursive type (a condition holds conditions) meets itself while being made: it finds this
        # stand-in, which calls the finished reader once there is one
        made: list[Reader] = []
        _readers[kind] = lambda v: made[0](v)
        made.append(_make(kind, ()))
        found = _readers[kind] = made[0]
    return found


def _make(kind: object, rules: tuple) -> Reader:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(kind)
        return _make(base, rules + tuple(extra))
    tagged = next((r for r in rules if isinstance(r, Tagged | Keyed)), None)
    if tagged is not None:
        return _tagged(kind, tagged)
    rule = next((r for r in rules if isinstance(r, Rule)), None)
    if dataclasses.is_dataclass(kind):
        return _record(kind)
    if kind is str:
        return _text(rule)
    if kind is int or kind is float:
        return _number(kind, rule)
    if kind is bool:
        return lambda v: v if type(v) is bool else _fail()
    if kind is type(None):
        return lambda v: None if v is None else _fail()
    if kind is Any:
        return lambda v: v
    if kind is _dt.datetime:
        return _time
    if origin is typing.Literal:
        values = typing.get_args(kind)  # compared with their types: pydantic tells 1 from True

        def literal(v: object) -> object:
            if not any(type(v) is type(a) and v == a for a in values):
                raise Mismatch
            return v

        return literal
    return _container(kind, origin)


def _container(kind: object, origin: object) -> Reader:
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(kind))
    if origin is list:
        (item,) = typing.get_args(kind)
        return _list(item)
    if origin is dict:
        return _mapping(*typing.get_args(kind))
    if origin is tuple:
        return _tuple(typing.get_args(kind))
    raise TypeError(f"shape: no reader for {kind!r}")


def _time(v: object) -> _dt.datetime:
    if type(v) is not str or not _OWN_TIME.fullmatch(v):
        raise Mismatch
    try:
        return _dt.datetime.fromisoformat(v)
    except ValueError:  # the 30th of February, hour 24: pydantic words it
        raise Mismatch from None


def _text(rule: Rule | None) -> Reader:
    if rule is None:
        # without a rule pydantic keeps the str it was given, lone surrogates and all
        return lambda v: v if type(v) is str else _fail()
    low, high, match, numbers = rule.min_length or 0, rule.max_length, rule._match, rule.numbers_as_text
    high = high if high is not None else math.inf

    if match is None and not numbers:  # prose (most of a scenario's values): one test, no calls
        def prose(v: object) -> str:
            if type(v) is str and low <= len(v) <= high and (v.isascii() or _unicode(v)):
                return v
            raise Mismatch

        return prose

    def read(v: object) -> str:
        if type(v) is not str:
            if numbers and type(v) is int:
                v = str(v)
            else:
                raise Mismatch
        if not low <= len(v) <= high or not (v.isascii() or _unicode(v)):
            raise Mismatch
        # a newline at the end: Python's `$` would match before it and pydantic's would not
        if match is not None and (not match(v) or v.endswith("\n")):
            raise Mismatch
        return v

    return read


def _unicode(v: str) -> bool:
    """Text pydantic can check against a rule: one with a lone surrogate ("\\ud800", which JSON can hold) is
    no Unicode text, and pydantic refuses it there."""
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _number(kind: type, rule: Rule | None) -> Reader:
    def bound(name: str, none: float) -> float:
        value = getattr(rule, name) if rule is not None else None
        return none if value is None else value

    ge, le, gt, lt = bound("ge", -math.inf), bound("le", math.inf), bound("gt", -math.inf), bound("lt", math.inf)
    # an int is a float too (pydantic converts it); True is neither, here: pydantic decides
    types_read = (int,) if kind is int else (int, float)

    def read(v: object) -> int | float:
        # written so that NaN fails every bound, as it does in pydantic
        if type(v) not in types_read or not (ge <= v <= le and gt < v < lt):
            raise Mismatch
        try:
            return kind(v)
        except OverflowError:  # a whole number too large for a float: pydantic words it
            raise Mismatch from None

    return read


def _union(members: tuple) -> Reader:
    if type(None) in members:
        rest = tuple(m for m in members if m is not type(None))
        inner = reader(rest[0]) if len(rest) == 1 else _union(rest)
        return lambda v: None if v is None else inner(v)
    readers = [reader(m) for m in members]

    def read(v: object) -> object:
        # pydantic's "smart" union prefers an exact match: only take an answer that every member giving
        # one agrees on, so the order of the members can never make the two readers differ
        answers = []
        for one in readers:
            with contextlib.suppress(Mismatch):
                answers.append(one(v))
        if not answers or any(a != answers[0] or type(a) is not type(answers[0]) for a in answers):
            raise Mismatch
        return answers[0]

    return read


def _list(item: object) -> Reader:
    one = reader(item)
    return lambda v: [one(x) for x in v] if type(v) is list else _fail()


def _tuple(members: tuple) -> Reader:
    if len(members) == 2 and members[1] is Ellipsis:
        one = reader(members[0])
        return lambda v: tuple(one(x) for x in v) if type(v) in (list, tuple) else _fail()
    readers = [reader(m) for m in members]

    def read(v: object) -> tuple:
        if type(v) not in (list, tuple) or len(v) != len(readers):
            raise Mismatch
        return tuple(one(x) for one, x in zip(readers, v, strict=True))

    return read


def _mapping(key_kind: object, value_kind: object) -> Reader:
    read_key, read_value = reader(key_kind), reader(value_kind)

    def read(v: object) -> dict:
        if type(v) is not dict:
            raise Mismatch
        out = {read_key(k): read_value(x) for k, x in v.items()}
        if len(out) != len(v):  # two keys read as one (2 and '2'): pydantic would keep the last silently
            raise Mismatch
        return out

    return read


def _tagged(kind: object, marker: Tagged | Keyed) -> Reader:
    if isinstance(marker, Keyed):
        choose, by_tag = marker.choose, marker.by_key
    else:
        by_tag = {}
        for member in typing.get_args(kind):
            hints = typing.get_type_hints(member, include_extras=True)
            for value in typing.get_args(hints[marker.field]):
                by_tag[value] = member
        name = marker.field

        def choose(v: object) -> object:
            return v.get(name) if type(v) is dict else None

    read_as = {tag: reader(cls) for tag, cls in by_tag.items()}

    def read(v: object) -> object:
        tag = choose(v)
        one = read_as.get(tag) if type(tag) is str else None
        if one is None:
            raise Mismatch
        return one(v)

    return read


def _fields_plan(cls: type) -> tuple[dict, dict, list, set, list]:
    """(by key, defaults, factories, required, least): each key a file may write (name or alias) with its
    field's name and reader; the fields' defaults, default factories, the required fields, minimum sizes."""
    hints = typing.get_type_hints(cls, include_extras=True)
    by_key: dict[str, tuple[str, Reader]] = {}
    defaults: dict[str, object] = {}
    factories: list[tuple[str, Callable[[], object]]] = []
    required: set[str] = set()
    least: list[tuple[str, int]] = []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        by_key[f.name] = by_key[written(f)] = (f.name, reader(hints[f.name]))
        if f.default is not dataclasses.MISSING:
            defaults[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            factories.append((f.name, f.default_factory))
        else:
            required.add(f.name)
        if f.metadata.get("min_length"):
            least.append((f.name, f.metadata["min_length"]))
    return by_key, defaults, factories, required, least


def _record(cls: type) -> Reader:
    by_key, defaults, factories, required, least = _fields_plan(cls)
    fields = len(defaults) + len(factories) + len(required)
    aliased = len(by_key) > fields
    post_init = getattr(cls, "__post_init__", None)
    new = object.__new__
    set_dict = object.__setattr__

    # driven by the keys the data has, not by every field the record could have: most are left out; and
    # counting, not comparing sets: this runs for every mapping of a file (60,000 in a large one)
    def read(v: object) -> object:
        if type(v) is not dict:
            raise Mismatch
        values = dict(defaults)
        for written, value in v.items():
            found = by_key.get(written)  # type: ignore[call-overload]
            if found is None:
                raise Mismatch
            values[found[0]] = found[1](value)
        if len(values) < fields:
            for name, factory in factories:
                if name not in values:
                    values[name] = factory()
            if len(values) < fields:
                raise Mismatch  # a field missing: pydantic words it
        if aliased and len({by_key[k][0] for k in v}) != len(v):
            raise Mismatch  # a field written twice, as 'from' and as 'sender': pydantic picks one
        for name, at_least in least:
            if len(values[name]) < at_least:
                raise Mismatch
        # made as pydantic makes a dataclass: its fields set at once, then its own check
        made = new(cls)
        set_dict(made, "__dict__", values)
        if post_init is not None:
            try:
                post_init(made)
            except ValueError:  # pydantic words it
                raise Mismatch from None
        return made

    return read


# --- the two together ----------------------------------------------------------------------------------------

def build(kind: type[T], data: object) -> T:
    """`data` as `kind`; raises Invalid with every problem found. pydantic is imported only when the fast
    reader declines."""
    # RecursionError: nested past Python's limit; pydantic has its own, and says so. The others would be a
    # reader bug (tests/test_shape.py hunts for them): pydantic still decides, so a player never meets one.
    with contextlib.suppress(Mismatch, RecursionError, ValueError, TypeError, OverflowError):
        return reader(kind)(data)  # type: ignore[return-value]
    return strict(kind, data)


def strict(kind: type[T], data: object) -> T:
    """`data` as `kind`, read by pydantic alone (the error path, and tests that compare the two readers)."""
    from pydantic import ValidationError

    try:
        return adapter(kind).validate_python(data)
    except ValidationError as exc:
        raise Invalid([_plain(e) for e in exc.errors(include_url=False)]) from None


def _plain(error: Any) -> dict:
    # a dataclass reports an unknown key as an unexpected keyword argument: the same mistake as a model's
    if error["type"] == "unexpected_keyword_argument":
        return {**error, "type": "extra_forbidden", "msg": "Extra inputs are not permitted"}
    return dict(error)


_adapters: dict[object, Any] = {}


def adapter(kind: object) -> Any:
    """pydantic's TypeAdapter for a type, built once (about 0.1 s for the scenario)."""
    found = _adapters.get(kind)
    if found is None:
        from pydantic import TypeAdapter

        found = _adapters[kind] = TypeAdapter(kind)
    return found


def to_data(value: object) -> object:
    """A record as plain JSON-able data, keys as written in files (aliases), times as ISO 8601 text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {written(f): to_data(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {k: to_data(v) for k, v in value.items()}
    if isinstance(value, _dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value


@functools.cache
def keys(cls: type) -> dict[str, str]:
    """Every key a record of `cls` may be written with (each field's name and alias), and the field it names."""
    out = {}
    for f in dataclasses.fields(cls):
        if f.init:
            out[f.name] = out[written(f)] = f.name
    return out


def written(f: dataclasses.Field) -> str:
    """The key a file writes for a field: its alias ('from' for `sender`), else its name."""
    return f.metadata.get("alias", f.name)
