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
MAX_VALUES = 2_000_000

_CORE = "tag:yaml.org,2002:"
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


def _typed_scalar(event: yaml.ScalarEvent) -> object:
    tag = event.tag
    if tag is None:
        # libyaml reports a plain scalar's style as '' and the pure-Python parser as None
        return _resolve_plain(event.value) if event.implicit[0] and not event.style else event.value
    if tag in ("!", _CORE + "str"):
        return event.value
    return _resolve_plain(event.value)  # !!int, !!bool... : typed as written


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


def decode(file: str, raw: bytes) -> tuple[str | None, Diagnostic | None]:
    if len(raw) > MAX_BYTES:
        return None, Diagnostic("CP101", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", file,
                                hint="split the scenario into smaller ones")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic("CP102", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8", file, line, col,
                                "save the file as UTF-8 (most editors offer this under 'Save with encoding')")


def read_text(file: str, text: str) -> Document:
    """Parse one YAML document of plain data. Never raises for bad input: problems come back as diagnostics."""
    diagnostics: list[Diagnostic] = []
    tab = _tab_indent(file, text)
    if tab:
        return Document(file, None, [tab])
    root: object = None
    stack: list[list] = []  # frames: [container, pending key or _NO_KEY, key mark]
    count = 0
    documents = 0

    def fail(code: str, message: str, mark, hint: str | None = None) -> Document:
        diagnostics.append(Diagnostic(code, message, file, mark.line + 1, mark.column + 1, hint))
        return Document(file, None, diagnostics)

    try:
        for event in yaml.parse(text, Loader=_Loader):
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return fail("CP105", "more than one YAML document in the file", event.start_mark,
                                "one scenario per file: remove the second '---'")
                continue
            if kind in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if kind is yaml.AliasEvent or getattr(event, "anchor", None):
                return fail("CP108", "anchors (&name) and aliases (*name) are not allowed", event.start_mark,
                            "write the repeated content out in full")
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _ALLOWED_TAGS:
                message, hint = _tag_message(tag)
                return fail("CP107", message, event.start_mark, hint)
            count += 1
            if count > MAX_VALUES:
                return fail("CP111", f"more than {MAX_VALUES:,} values in one file", event.start_mark,
                            "split the scenario into smaller ones")
            mark = event.start_mark
            if kind is yaml.ScalarEvent:
                value: object = _typed_scalar(event)
            elif kind is yaml.MappingStartEvent:
                value = Mapping()
                value.marks, value.line, value.col = {}, mark.line + 1, mark.column + 1
            else:  # SequenceStartEvent
                value = Sequence()
                value.marks, value.line, value.col = [], mark.line + 1, mark.column + 1
            if not stack:
                root = value
            else:
                frame = stack[-1]
                container = frame[0]
                if type(container) is Sequence:
                    container.append(value)
                    container.marks.append((mark.line + 1, mark.column + 1))
                elif frame[1] is _NO_KEY:
                    if type(value) in (Mapping, Sequence):
                        return fail("CP112", "a mapping key must be a plain value, not a list or mapping",
                                    mark, "write the key as plain text, e.g. 'node-2:'")
                    if value in container:
                        first = container.marks[value]
                        diagnostics.append(Diagnostic(
                            "CP106", f"duplicate key '{value}' (first defined at line {first[0]})", file,
                            mark.line + 1, mark.column + 1,
                            "YAML would silently keep only the last one: rename or remove one of them"))
                    frame[1], frame[2] = value, (mark.line + 1, mark.column + 1)
                else:
                    key = frame[1]
                    if key not in container:  # on a duplicate, keep the first: the error says so anyway
                        container[key] = value
                        container.marks[key] = (*frame[2], mark.line + 1, mark.column + 1)
                    frame[1] = _NO_KEY
            if kind is not yaml.ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    return fail("CP109", f"nesting deeper than {MAX_DEPTH} levels", mark,
                                "scenarios never need this much nesting; flatten the structure")
                stack.append([value, _NO_KEY, None])
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
        return None, Diagnostic("CP101", f"file is larger than the limit of {MAX_BYTES:,} bytes", name,
                                hint="split the scenario into smaller ones")
    return raw, None


def read_file(path) -> Document:
    raw, problem = read_file_bytes(path)
    if problem:
        return Document(str(path), None, [problem])
    return read_bytes(str(path), raw)
