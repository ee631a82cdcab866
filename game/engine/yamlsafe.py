"""A YAML reader for untrusted files: plain data only, every value with its line and column.

Built on libyaml's event stream (PyYAML's C parser where available) rather than `yaml.load`, because
the constructor there silently keeps the last of two duplicate keys, expands aliases (a 'billion laughs'
file eats all memory), recurses (deep nesting raises RecursionError) and forgets where values came from.
Here the tree is built iteratively from events, so none of that can happen, and the position of every
value is kept beside the data (`Positions`).

There are two readers of the same rules: `_python_build` here, the reference, and the same loop in C
(native/crossing_paths_yaml.c), used when it is installed because it is several times faster on large files.
tests/test_yaml_readers.py checks that both give identical results.
"""

from __future__ import annotations

import os
from array import array
from dataclasses import dataclass

import yaml
from yaml.resolver import Resolver

from .diagnostics import Diagnostic

try:  # libyaml: several times faster; pure Python works the same, only slower
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

C_READER_API = 1  # what _c_build expects of native/crossing_paths_yaml.c (its API_VERSION)
try:  # the same reader in C (native/), installed with the requirements where a C compiler and libyaml are
    import crossing_paths_yaml
except ImportError:  # pragma: no cover - depends on the machine
    crossing_paths_yaml = None
if getattr(crossing_paths_yaml, "API_VERSION", None) != C_READER_API:
    crossing_paths_yaml = None  # missing, or built from older sources: `pip install -r requirements.txt` again

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 1_000_000  # keys count too: a 10,000-node scenario holds about 530,000; bounds memory

_CORE = "tag:yaml.org,2002:"
_STR_TAG = _CORE + "str"
_ALLOWED_TAGS = frozenset({_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!"})
_RESOLVERS = Resolver.yaml_implicit_resolvers
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


def pack(ints: list[int]) -> bytes:
    return array("i", ints).tobytes()


class Positions:
    """Where each mapping and sequence of one document stood, and everything in them.

    The data itself is plain dicts and lists: pydantic checks those a third faster than subclasses, and
    positions are wanted only when something is wrong. So the readers keep them aside, compactly: the
    collections in the order they closed; `index`, four native ints per collection (line, col, where its
    marks start, how many); and `marks`, four ints per mapping key in key order (key line, key col, value
    line, value col) and two per sequence item (line, col). The lookup by identity is built on the first
    question; `collections` keeps every collection alive, so the ids stay valid."""

    __slots__ = ("_collections", "_index", "_marks", "_slots", "_orders")

    def __init__(self, collections: list = (), index: bytes = b"", marks: bytes = b""):
        self._collections = collections
        self._index = memoryview(index).cast("i")
        self._marks = memoryview(marks).cast("i")
        self._slots: dict[int, int] | None = None
        self._orders: dict[int, dict] = {}

    def _slot(self, container: object) -> int | None:
        if self._slots is None:
            self._slots = {id(c): i for i, c in enumerate(self._collections)}
        return self._slots.get(id(container))

    def of(self, container: object) -> tuple[int, int, tuple[int, ...]] | None:
        """(line, col, marks) of a collection of this document, or None."""
        i = self._slot(container)
        if i is None:
            return None
        line, col, start, count = self._index[4 * i: 4 * i + 4]
        return line, col, tuple(self._marks[start: start + count])

    def item(self, container: dict | list, key: object) -> tuple[int, ...]:
        """(key line, key col, value line, value col) of a mapping's key, or (line, col) of a list's item."""
        start = self._index[4 * self._slot(container) + 2]
        if type(container) is list:
            return tuple(self._marks[start + 2 * key: start + 2 * key + 2])
        order = self._orders.get(id(container))
        if order is None:  # built on the first look, for mappings with thousands of keys
            order = self._orders[id(container)] = {k: i for i, k in enumerate(container)}
        at = start + 4 * order[key]
        return tuple(self._marks[at: at + 4])

    def locate(self, root: object, path: tuple, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key). Path elements that are not in the data,
        such as pydantic's union tags, are skipped; a missing key resolves to its mapping."""
        where = self.of(root)
        line, col = where[:2] if where else (1, 1)
        node = root
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if type(node) is dict and part in node:
                kl, kc, vl, vc = self.item(node, part)
                line, col = (kl, kc) if last and at_key else (vl, vc)
                node = node[part]
            elif type(node) is list and isinstance(part, int) and 0 <= part < len(node):
                line, col = self.item(node, part)
                node = node[part]
        return line, col


NOWHERE = Positions([])


@dataclass
class Document:
    file: str
    data: dict | None
    diagnostics: list[Diagnostic]
    positions: Positions = NOWHERE

    def locate(self, path: tuple, at_key: bool = False) -> tuple[int, int]:
        return self.positions.locate(self.data, path, at_key) if self.data is not None else (0, 0)


def _to_int(text: str) -> int:
    s = text.replace("_", "")
    sign = -1 if s[0] == "-" else 1
    if s[0] in "+-":
        s = s[1:]
    if s == "0":
        return 0
    if s.startswith("0b"):
        return sign * int(s[2:], 2)
    if s.startswith("0x"):
        return sign * int(s[2:], 16)
    if s.startswith("0o"):
        return sign * int(s[2:], 8)
    if s[0] == "0":
        return sign * int(s, 8)
    if ":" in s:  # YAML 1.1 sexagesimal: 9:40 is 580 (which is why times must be quoted)
        value = 0
        for part in s.split(":"):
            value = value * 60 + int(part)
        return sign * value
    return sign * int(s)


def _to_float(text: str) -> float:
    s = text.replace("_", "").lower()
    sign = -1.0 if s[0] == "-" else 1.0
    if s[0] in "+-":
        s = s[1:]
    if s == ".inf":
        return sign * float("inf")
    if s == ".nan":
        return float("nan")
    if ":" in s:
        value = 0.0
        for part in s.split(":"):
            value = value * 60 + float(part)
        return sign * value
    return sign * float(s)


def _resolve_plain(value: str) -> object:
    """Type a plain (unquoted) scalar the way YAML 1.1 does; dates and the rest stay strings."""
    for tag, regexp in _RESOLVERS.get(value[:1] if value else "", ()):
        if regexp.match(value):
            kind = tag[len(_CORE):]
            try:
                if kind == "null":
                    return None
                if kind == "bool":
                    return _BOOLS[value.lower()]
                if kind == "int":
                    return _to_int(value)
                if kind == "float":
                    return _to_float(value)
            except (ValueError, KeyError, IndexError):
                return value
            return value
    return value


def _tag_message(tag: str) -> tuple[str, str]:
    shown = tag.replace(_CORE, "!!")
    if "python" in tag:
        return (f"tag '{shown}' would build a Python object; scenarios are data, never code",
                "remove the tag and write plain text, numbers, lists and mappings")
    return (f"tag '{shown}' is not allowed in a scenario",
            "remove the tag; scenario files use plain YAML values only")


_SYNTAX_HINTS = [
    ("mapping values are not allowed", "text containing ': ' must be quoted, or written as a block with '>'"),
    ("could not find expected ':'", "check this line and the one above: a key needs ': ' after it, "
                                    "and text containing ':' or '#' must be quoted"),
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("did not find expected key", "check the indentation: items at one level must line up"),
    ("found undefined alias", "anchors and aliases are not supported; write the content out in full"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("did not find expected '-' indicator", "list items at one level must line up under each other"),
]


def _reader_diagnostic(file: str, text: str, position: int, character: int, reason: str) -> Diagnostic:
    # The reader reports an offset, not a mark: turn it into a line and column.
    position = min(max(position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    return Diagnostic("CP105", f"character U+{character:04X} is not allowed in YAML text ({reason})",
                      file, line, col, "remove the invisible control character (often pasted from another program)")


def _syntax_diagnostic(file: str, problem: str, context: str | None, line: int, col: int) -> Diagnostic:
    message = problem if not context else f"{problem} ({context})"
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in message), None)
    return Diagnostic("CP105", message, file, line, col, hint)


def _tab_indent(file: str, text: str) -> Diagnostic | None:
    if "\t" not in text:
        return None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" \t")
        if "\t" in line[: len(line) - len(stripped)] and stripped and not stripped.startswith("#"):
            return Diagnostic("CP103", "tab character in indentation", file, number, line.index("\t") + 1,
                              "YAML indents with spaces only; replace the tab with spaces")
    return None


def _too_large(file: str, data: bytes | str) -> Diagnostic:
    # Point at the line where the limit is crossed: that is where the file must be cut.
    line = data.count(b"\n" if isinstance(data, bytes) else "\n", 0, MAX_BYTES) + 1
    return Diagnostic("CP101", f"file is larger than the limit of {MAX_BYTES:,} bytes (reached at line {line:,})",
                      file, line, 1, "split the scenario into smaller ones")


def decode(file: str, raw: bytes) -> tuple[str | None, Diagnostic | None]:
    if len(raw) > MAX_BYTES:
        return None, _too_large(file, raw)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic("CP102", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8", file, line, col,
                                "save the file as UTF-8 (most editors offer this under 'Save with encoding')")


def read_text(file: str, text: str, reader: str | None = None) -> Document:
    """Parse one YAML document of plain data. Never raises for bad input: problems come back as diagnostics.

    `reader` picks "c" or "python" (tests compare them); by default the C reader when it is installed."""
    if len(text) > MAX_BYTES:  # text handed over directly; a file was checked while reading it
        return Document(file, None, [_too_large(file, text)])
    tab = _tab_indent(file, text)
    if tab:
        return Document(file, None, [tab])
    build = READERS[reader or DEFAULT_READER]
    root, collections, index, marks, duplicates, problem = build(text)
    diagnostics = [Diagnostic("CP106", f"duplicate key '{key}' (first defined at line {first})", file, line, col,
                              "YAML would silently keep only the last one: rename or remove one of them")
                   for key, line, col, first in duplicates]
    if problem is not None:
        diagnostics.append(_problem_diagnostic(file, text, problem))
        return Document(file, None, diagnostics)
    if root is None:
        diagnostics.append(Diagnostic("CP104", "the file has no content", file, 1, 1,
                                      "start from the worked example in docs/authoring.md"))
        return Document(file, None, diagnostics)
    if type(root) is not dict:
        what = "a list" if type(root) is list else "a single value"
        diagnostics.append(Diagnostic("CP110", f"the top level is {what}, not a mapping of keys", file, 1, 1,
                                      "a scenario starts with keys such as 'format: 1' and 'id: my-scenario'"))
        return Document(file, None, diagnostics)
    return Document(file, root, diagnostics, Positions(collections, index, marks))


_ANCHORS = ("CP108", "anchors (&name) and aliases (*name) are not allowed", "write the repeated content out in full")
_PROBLEMS = {  # what each reader reports, as (code, message, hint); "tag", "syntax" and "reader" are built below
    "anchor": _ANCHORS,
    "documents": ("CP105", "more than one YAML document in the file", "one scenario per file: remove the second '---'"),
    "depth": ("CP109", f"nesting deeper than {MAX_DEPTH} levels",
              "scenarios never need this much nesting; flatten the structure"),
    "values": ("CP111", f"more than {MAX_VALUES:,} values in one file", "split the scenario into smaller ones"),
    "key": ("CP112", "a mapping key must be a plain value, not a list or mapping",
            "write the key as plain text, e.g. 'node-2:'"),
}


def _problem_diagnostic(file: str, text: str, problem: tuple) -> Diagnostic:
    """The one diagnostic for why a reader stopped; both readers report problems as the same tuples."""
    kind = problem[0]
    if kind == "reader":
        return _reader_diagnostic(file, text, *problem[1:])
    if kind == "syntax":
        return _syntax_diagnostic(file, *problem[1:])
    if kind == "tag":
        tag, line, col = problem[1:]
        message, hint = _tag_message(tag)
        return Diagnostic("CP107", message, file, line, col, hint)
    code, message, hint = _PROBLEMS[kind]
    return Diagnostic(code, message, file, problem[1], problem[2], hint)


class _Stop(Exception):
    """The Python reader cannot go on; args[0] is the problem, as the C reader reports it."""


def _at(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _stop(kind: str, mark) -> _Stop:
    return _Stop((kind, *_at(mark)))


# Typing plain scalars quickly: only text starting with a digit, a sign or a dot can be a number; any
# other text is typed only if it is one of a few words (true, No, null, ~...), found by one dict lookup.
_NUMERIC_FIRST = frozenset("0123456789+-.")


def _keywords() -> dict[str, object]:
    words: dict[str, object] = {"": None, "~": None}
    for base in ("yes", "no", "true", "false", "on", "off", "null", "y", "n"):
        for word in (base, base.capitalize(), base.upper()):
            typed = _resolve_plain(word)
            if not isinstance(typed, str):
                words[word] = typed
    return words


_KEYWORDS = _keywords()


def _python_build(text: str) -> tuple[object, list, bytes, bytes, list[tuple], tuple | None]:
    """The reference reader: (root, collections, index, marks, duplicates, problem) from libyaml's events,
    as the C reader returns them.

    The collections, index and marks are the positions (see Positions); duplicates are (key, line, col,
    line of the first); a problem is a tuple naming what stopped the reader (see _problem_diagnostic). The tree is built without recursion, and this loop runs once per value in
    the file, so it is written for speed: the collection being filled and its pending key live in local
    variables (the enclosing ones wait on a stack), and numbers are typed once per distinct spelling."""
    ScalarEvent, MappingStartEvent, SequenceStartEvent = (
        yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
    allowed_tags, numeric_first, keywords, no_key = _ALLOWED_TAGS, _NUMERIC_FIRST, _KEYWORDS, _NO_KEY
    numbers: dict[str, object] = {}
    duplicates: list[tuple] = []
    collections: list = []
    index: list[int] = []
    all_marks: list[int] = []
    root: object = None
    stack: list[tuple] = []  # the enclosing collections' (container, marks, is_map, key, key line, key col, start)
    container: dict | list | None = None
    start: tuple[int, int] = (0, 0)  # where the open collection began
    marks: list[int] = []  # the positions in the open collection, packed when it closes
    is_map = False
    key: object = no_key
    key_line = key_col = 0
    count = 0
    documents = 0
    parser = _Loader(text)
    get_event = parser.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None:
                    raise _stop("anchor", event.start_mark)
                tag = event.tag
                value = event.value
                if tag is None:
                    # libyaml reports a plain scalar's style as '' and the pure-Python parser as None
                    if event.implicit[0] and not event.style:
                        if value[:1] in numeric_first:
                            typed = numbers.get(value, numbers)  # the dict itself: "not seen yet"
                            if typed is numbers:
                                typed = numbers[value] = _resolve_plain(value)
                            value = typed
                        else:
                            value = keywords.get(value, value)
                elif tag not in allowed_tags:
                    raise _Stop(("tag", tag, *_at(event.start_mark)))
                elif tag != "!" and tag != _STR_TAG:
                    value = _resolve_plain(value)  # !!int, !!bool... : typed as written
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                collections.append(container)
                index += (*start, len(all_marks), len(marks))
                all_marks += marks
                container, marks, is_map, key, key_line, key_col, start = stack.pop()
                continue
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None:
                    raise _stop("anchor", event.start_mark)
                tag = event.tag
                if tag is not None and tag not in allowed_tags:
                    raise _Stop(("tag", tag, *_at(event.start_mark)))
                value = {} if kind is MappingStartEvent else []
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _stop("documents", event.start_mark)
                continue
            elif kind is yaml.StreamEndEvent:
                return root, collections, pack(index), pack(all_marks), duplicates, None
            elif kind is yaml.AliasEvent:
                raise _stop("anchor", event.start_mark)
            else:  # stream start, document end
                continue
            count += 1
            mark = event.start_mark
            if count > MAX_VALUES:
                raise _stop("values", mark)
            if is_map:
                if key is no_key:
                    if kind is not ScalarEvent:
                        raise _stop("key", mark)
                    if value in container:
                        first = marks[4 * list(container).index(value)]
                        duplicates.append((value, mark.line + 1, mark.column + 1, first))
                    key, key_line, key_col = value, mark.line + 1, mark.column + 1
                    continue
                if key not in container:  # on a duplicate, keep the first: the diagnostic says so
                    container[key] = value
                    marks += (key_line, key_col, mark.line + 1, mark.column + 1)
                key = no_key
            elif container is not None:
                container.append(value)
                marks += (mark.line + 1, mark.column + 1)
            else:
                root = value
            if kind is not ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _stop("depth", mark)
                stack.append((container, marks, is_map, key, key_line, key_col, start))
                container, marks, is_map, key = value, [], kind is MappingStartEvent, no_key
                start = (mark.line + 1, mark.column + 1)
    except _Stop as stop:
        return None, [], b"", b"", duplicates, stop.args[0]
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        return None, [], b"", b"", duplicates, ("reader", exc.position, character, exc.reason)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = _at(mark) if mark is not None else (0, 0)
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [], b"", b"", duplicates, ("syntax", problem, getattr(exc, "context", None), line, col)
    finally:
        parser.dispose()


def _c_build(text: str) -> tuple[object, list, bytes, bytes, list[tuple], tuple | None]:
    return crossing_paths_yaml.build(text, _ALLOWED_TAGS, _KEYWORDS, _resolve_plain, MAX_DEPTH, MAX_VALUES)


READERS = {"python": _python_build}
if crossing_paths_yaml is not None:
    READERS["c"] = _c_build
# CROSSING_PATHS_YAML_READER=python sets the C reader aside (to compare, or to rule it out).
DEFAULT_READER = os.environ.get("CROSSING_PATHS_YAML_READER", "c")
if DEFAULT_READER not in READERS:
    DEFAULT_READER = "python"


class _NoKey:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()


def read_bytes(file: str, raw: bytes) -> Document:
    text, problem = decode(file, raw)
    if problem:
        return Document(file, None, [problem])
    return read_text(file, text)


def read_file_bytes(path) -> tuple[bytes | None, Diagnostic | None]:
    """Read at most the size limit (plus one byte, to tell that it is over)."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, Diagnostic("CP100", f"cannot read the file: {exc.strerror or exc}", name)
    if len(raw) > MAX_BYTES:
        return None, _too_large(name, raw)
    return raw, None


def read_file(path) -> Document:
    raw, problem = read_file_bytes(path)
    if problem:
        return Document(str(path), None, [problem])
    return read_bytes(str(path), raw)
