"""A YAML reader for untrusted files: plain data only, every value with its line and column.

Built on libyaml's event stream (PyYAML's C parser where available) rather than `yaml.load`, because
the constructor there silently keeps the last of two duplicate keys, expands aliases (a 'billion laughs'
file eats all memory), recurses (deep nesting raises RecursionError) and forgets where values came from.
Here the tree is built iteratively from events, so none of that can happen, and each mapping and sequence
remembers the position of everything in it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from yaml.resolver import Resolver

from .diagnostics import Diagnostic

try:  # libyaml: several times faster; pure Python works the same, only slower
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 1_000_000  # keys count too: a 10,000-node scenario holds about 530,000; bounds memory

_CORE = "tag:yaml.org,2002:"
_STR_TAG = _CORE + "str"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!"}
_RESOLVERS = Resolver.yaml_implicit_resolvers
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


class Mapping(dict):
    """A dict that remembers where each key and value stood: marks[key] = (kline, kcol, vline, vcol)."""

    __slots__ = ("marks", "line", "col")


class Sequence(list):
    """A list that remembers where each item stood: marks[i] = (line, col)."""

    __slots__ = ("marks", "line", "col")


@dataclass
class Document:
    file: str
    data: Mapping | None
    diagnostics: list[Diagnostic]


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


def _reader_diagnostic(file: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    # The reader reports an offset, not a mark: turn it into a line and column.
    position = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    char = exc.character if isinstance(exc.character, str) else chr(exc.character or 0)
    return Diagnostic("CP105", f"character U+{ord(char):04X} is not allowed in YAML text ({exc.reason})",
                      file, line, col, "remove the invisible control character (often pasted from another program)")


def _syntax_diagnostic(file: str, exc: yaml.YAMLError) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = problem if not context else f"{problem} ({context})"
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in message), None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
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


def read_text(file: str, text: str) -> Document:
    """Parse one YAML document of plain data. Never raises for bad input: problems come back as diagnostics."""
    if len(text) > MAX_BYTES:  # text handed over directly; a file was checked while reading it
        return Document(file, None, [_too_large(file, text)])
    diagnostics: list[Diagnostic] = []
    tab = _tab_indent(file, text)
    if tab:
        return Document(file, None, [tab])
    try:
        root = _build(file, text, diagnostics)
    except _Stop:
        return Document(file, None, diagnostics)
    except yaml.reader.ReaderError as exc:
        diagnostics.append(_reader_diagnostic(file, text, exc))
        return Document(file, None, diagnostics)
    except yaml.YAMLError as exc:
        diagnostics.append(_syntax_diagnostic(file, exc))
        return Document(file, None, diagnostics)

    if root is None:
        diagnostics.append(Diagnostic("CP104", "the file has no content", file, 1, 1,
                                      "start from the worked example in docs/authoring.md"))
        return Document(file, None, diagnostics)
    if type(root) is not Mapping:
        what = "a list" if type(root) is Sequence else "a single value"
        diagnostics.append(Diagnostic("CP110", f"the top level is {what}, not a mapping of keys", file, 1, 1,
                                      "a scenario starts with keys such as 'format: 1' and 'id: my-scenario'"))
        return Document(file, None, diagnostics)
    return Document(file, root, diagnostics)


class _Stop(Exception):
    """The file cannot be read further; the reason is already among the diagnostics."""


def _fail(diagnostics: list[Diagnostic], file: str, code: str, message: str, mark, hint: str | None = None):
    diagnostics.append(Diagnostic(code, message, file, mark.line + 1, mark.column + 1, hint))
    raise _Stop


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


def _build(file: str, text: str, diagnostics: list[Diagnostic]) -> object:
    """The tree of plain data, built from libyaml's events without recursion.

    This loop runs once per value in the file, so it is written for speed: the collection being filled
    and its pending key live in local variables (the enclosing ones wait on a stack), and numbers are
    typed once per distinct spelling."""
    ScalarEvent, MappingStartEvent, SequenceStartEvent = (
        yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    MappingEndEvent, SequenceEndEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent
    allowed_tags, numeric_first, keywords, no_key = _ALLOWED_TAGS, _NUMERIC_FIRST, _KEYWORDS, _NO_KEY
    numbers: dict[str, object] = {}
    root: object = None
    stack: list[tuple] = []  # the enclosing collections' (container, marks, is_map, key, key line, key col)
    container: Mapping | Sequence | None = None
    marks: dict | list | None = None
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
                    _fail(diagnostics, file, "CP108", "anchors (&name) and aliases (*name) are not allowed",
                          event.start_mark, "write the repeated content out in full")
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
                    message, hint = _tag_message(tag)
                    _fail(diagnostics, file, "CP107", message, event.start_mark, hint)
                elif tag != "!" and tag != _STR_TAG:
                    value = _resolve_plain(value)  # !!int, !!bool... : typed as written
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                container, marks, is_map, key, key_line, key_col = stack.pop()
                continue
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None:
                    _fail(diagnostics, file, "CP108", "anchors (&name) and aliases (*name) are not allowed",
                          event.start_mark, "write the repeated content out in full")
                tag = event.tag
                if tag is not None and tag not in allowed_tags:
                    message, hint = _tag_message(tag)
                    _fail(diagnostics, file, "CP107", message, event.start_mark, hint)
                mark = event.start_mark
                if kind is MappingStartEvent:
                    value = Mapping()
                    value.marks = {}
                else:
                    value = Sequence()
                    value.marks = []
                value.line, value.col = mark.line + 1, mark.column + 1
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    _fail(diagnostics, file, "CP105", "more than one YAML document in the file", event.start_mark,
                          "one scenario per file: remove the second '---'")
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            elif kind is yaml.AliasEvent:
                _fail(diagnostics, file, "CP108", "anchors (&name) and aliases (*name) are not allowed",
                      event.start_mark, "write the repeated content out in full")
            else:  # stream start, document end
                continue
            count += 1
            if count > MAX_VALUES:
                _fail(diagnostics, file, "CP111", f"more than {MAX_VALUES:,} values in one file", event.start_mark,
                      "split the scenario into smaller ones")
            mark = event.start_mark
            if is_map:
                if key is no_key:
                    if kind is not ScalarEvent:
                        _fail(diagnostics, file, "CP112", "a mapping key must be a plain value, not a list or "
                              "mapping", mark, "write the key as plain text, e.g. 'node-2:'")
                    if value in container:
                        first = marks[value]
                        diagnostics.append(Diagnostic(
                            "CP106", f"duplicate key '{value}' (first defined at line {first[0]})", file,
                            mark.line + 1, mark.column + 1,
                            "YAML would silently keep only the last one: rename or remove one of them"))
                    key, key_line, key_col = value, mark.line + 1, mark.column + 1
                    continue
                if key not in container:  # on a duplicate, keep the first: the error says so anyway
                    container[key] = value
                    marks[key] = (key_line, key_col, mark.line + 1, mark.column + 1)
                key = no_key
            elif container is not None:
                container.append(value)
                marks.append((mark.line + 1, mark.column + 1))
            else:
                root = value
            if kind is not ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    _fail(diagnostics, file, "CP109", f"nesting deeper than {MAX_DEPTH} levels", mark,
                          "scenarios never need this much nesting; flatten the structure")
                stack.append((container, marks, is_map, key, key_line, key_col))
                container, marks, is_map, key = value, value.marks, kind is MappingStartEvent, no_key
    finally:
        parser.dispose()


class _NoKey:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<no key>"


_NO_KEY = _NoKey()


def locate(root: object, path: tuple, at_key: bool = False) -> tuple[int, int]:
    """Line and column of the value at `path` (or of its key). Path elements that are not in the data,
    such as pydantic's union tags, are skipped; a missing key resolves to its mapping."""
    line, col = getattr(root, "line", 1), getattr(root, "col", 1)
    node = root
    for i, part in enumerate(path):
        last = i == len(path) - 1
        if type(node) is Mapping and part in node:
            kl, kc, vl, vc = node.marks[part]
            line, col = (kl, kc) if last and at_key else (vl, vc)
            node = node[part]
        elif type(node) is Sequence and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.marks[part]
            node = node[part]
    return line, col


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
