"""Frozen: small typed values, declared like frozen dataclasses but built without generated code.

`@dataclass` compiles an __init__, __repr__, __eq__, __hash__, __setattr__ and __delattr__ for every class
(about 1 ms each): the desktop game's ~40 intents alone cost 40-50 ms of its start-up that way. Here one
metaclass reads the annotated fields once and every value shares one __init__, __eq__, __hash__ and
__repr__, over __slots__. Type checkers read the classes as frozen dataclasses (`dataclass_transform`).

    class Vote(Frozen):
        option: int
        delta: int = 1
        note: str = field(repr=False)   # left out of repr (a password must not reach a log line)

Fields are the annotated names (not ClassVars), in order; a default is the value assigned. A default is shared by every
value, so it must be immutable (a tuple, a frozenset, a MappingProxyType).
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, dataclass_transform

_MISSING: Any = object()
F = TypeVar("F", bound="Frozen")


class _Field:
    """What `field()` returns: a field's default and whether repr shows it."""

    __slots__ = ("default", "repr")

    def __init__(self, default: Any, repr: bool) -> None:
        self.default = default
        self.repr = repr


def field(*, default: Any = _MISSING, repr: bool = True) -> Any:
    """A field with options, as `dataclasses.field` (only `default` and `repr`)."""
    return _Field(default, repr)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class _FrozenMeta(type):
    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> _FrozenMeta:
        inherited: tuple[str, ...] = ()
        defaults: dict[str, Any] = {}
        hidden: set[str] = set()
        for base in bases:
            inherited += getattr(base, "_fields", ())
            defaults.update(getattr(base, "_defaults", {}))
            hidden.update(getattr(base, "_hidden", ()))
        own = tuple(n for n, kind in namespace.get("__annotations__", {}).items()
                    if n not in inherited and not str(kind).startswith(("ClassVar", "typing.ClassVar")))
        for n in own:
            value = namespace.pop(n, _MISSING)  # a class attribute of a slot's name would hide the slot
            if isinstance(value, _Field):
                if not value.repr:
                    hidden.add(n)
                value = value.default
            if value is not _MISSING:
                defaults[n] = value
            elif defaults:
                raise TypeError(f"{name}: field '{n}' without a default follows one with a default")
        namespace["__slots__"] = own
        namespace["_fields"] = inherited + own
        namespace["_defaults"] = defaults
        namespace["_hidden"] = frozenset(hidden)
        namespace["__match_args__"] = inherited + own
        return super().__new__(mcs, name, bases, namespace)


class Frozen(metaclass=_FrozenMeta):
    """The shared base: positional or keyword construction, equality and hash by type and fields, a repr
    like a dataclass's, and no assignment after construction."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}
    _hidden: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{type(self).__name__}() takes {len(fields)} arguments but {len(args)} were given")
        setter = object.__setattr__
        for n, value in zip(fields, args, strict=False):
            setter(self, n, value)
        for n in fields[len(args):]:
            value = kwargs.pop(n, _MISSING)
            if value is _MISSING:
                value = self._defaults.get(n, _MISSING)
                if value is _MISSING:
                    raise TypeError(f"{type(self).__name__}() is missing the argument '{n}'")
            setter(self, n, value)
        if kwargs:
            raise TypeError(f"{type(self).__name__}() got an unexpected or repeated argument "
                            f"'{next(iter(kwargs))}'")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.__class__, self._values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields if n not in self._hidden)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field '{name}': {type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}': {type(self).__name__} is frozen")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return (self.__class__, self._values())  # copy.copy rebuilds through __init__, not __setattr__


def field_names(value: Frozen | type[Frozen]) -> tuple[str, ...]:
    """The fields of a Frozen class (or value), in order: what `dataclasses.fields` names."""
    return value._fields


def replace(value: F, **changes: Any) -> F:
    """A copy of `value` with the fields in `changes` changed, as `dataclasses.replace` makes one."""
    return type(value)(**{n: changes.pop(n) if n in changes else getattr(value, n) for n in value._fields},
                       **changes)
