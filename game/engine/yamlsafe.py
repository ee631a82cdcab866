"""A YAML reader for untrusted files: plain data only, every value with its line and column.

Built on libyaml's event stream (PyYAML's C parser where available) rather than `yaml.load`, because
the constructor there silently keeps the last of two duplicate keys, expands aliases (a 'billion laughs'
file eats all memory), recurses (deep nesting raises RecursionError) and forgets where values came from.
Here the tree is built iteratively from events, so none of that can happen, and where each value stood
is kept beside the data (`Positions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import yaml
from yaml.resolver import Resolver

from .diagnostics import Diagnostic
from .positions import NOWHERE, Marks, Positions, pack

try:  # libyaml: several times faster; pure Python works the same, only slower
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser

__all__ = ["NOWHERE", "Document", "Positions", "decode", "read_bytes", "read_file", "read_file_bytes",
           "read_text"]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 1_000_000  # keys count too: a 10,000-node scenario holds about 530,000; bounds memory

_CORE = "tag:yaml.org,2002:"
_STR_TAG = _CORE + "str"
_ALLOWED_TAGS = frozenset({_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")} | {"!"})
_RESOLVERS = Resolver.yaml_implicit_resolvers
_BOOLS = {"yes": True, "true": True, "on": True, "no": False, "false": False, "off": False}


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


def _syntax_diagnostic(file: str, text: str, problem: str, context: str | None, line: int, col: int,
                       context_line: int = 0, context_col: int = 0) -> Diagnostic:
    # imported for a broken file only: the title's first frame waits for its own data files to be read
    from .syntax_origin import origin

    cause = origin(text, problem, context, line, col, context_line, context_col)
    if cause is not None:  # an unclosed quote or bracket: point where it opens, not where the parser gave up
        return Diagnostic("CP105", cause.message, file, cause.line, cause.col, cause.hint)
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


def read_text(file: str, text: str) -> Document:
    """Parse one YAML document of plain data. Never raises for bad input: problems come back as diagnostics."""
    if len(text) > MAX_BYTES:  # text handed over directly; a file was checked while reading it
        return Document(file, None, [_too_large(file, text)])
    tab = _tab_indent(file, text)
    if tab:
        return Document(file, None, [tab])
    root, collections, _, _, duplicates, problem = _build(text, record=False)
    if duplicates:  # rare: read again, recording marks, to say where each first key was
        root, collections, _, _, duplicates, problem = _build(text, record=True)
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
    return Document(file, root, diagnostics, Positions(collections, _recorder(text)))


_ANCHORS = ("CP108", "anchors (&name) and aliases (*name) are not allowed", "write the repeated content out in full")
_PROBLEMS = {  # what the reader reports, as (code, message, hint); "tag", "syntax" and "reader" are built below
    "anchor": _ANCHORS,
    "documents": ("CP105", "more than one YAML document in the file", "one scenario per file: remove the second '---'"),
    "depth": ("CP109", f"nesting deeper than {MAX_DEPTH} levels",
              "scenarios never need this much nesting; flatten the structure"),
    "values": ("CP111", f"more than {MAX_VALUES:,} values in one file", "split the scenario into smaller ones"),
    "key": ("CP112", "a mapping key must be a plain value, not a list or mapping",
            "write the key as plain text, e.g. 'node-2:'"),
    "mistagged": ("CP202", "the value after a '!!int', '!!float', '!!bool' or '!!null' tag is not of that type",
                  "remove the tag (plain values are typed by how they are written) or correct the value"),
}
# What each typing tag promises about its value (PyYAML itself crashes on `!!int ''`: we say why instead)
_TAG_TYPES = {_CORE + "int": (int,), _CORE + "float": (float, int), _CORE + "bool": (bool,),
              _CORE + "null": (type(None),)}


def _problem_diagnostic(file: str, text: str, problem: tuple) -> Diagnostic:
    """The one diagnostic for why the reader stopped."""
    kind = problem[0]
    if kind == "reader":
        return _reader_diagnostic(file, text, *problem[1:])
    if kind == "syntax":
        return _syntax_diagnostic(file, text, *problem[1:])
    if kind == "tag":
        tag, line, col = problem[1:]
        message, hint = _tag_message(tag)
        return Diagnostic("CP107", message, file, line, col, hint)
    code, message, hint = _PROBLEMS[kind]
    return Diagnostic(code, message, file, problem[1], problem[2], hint)


class _Stop(Exception):
    """The reader cannot go on; args[0] is the problem (see _problem_diagnostic)."""


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


def _scalar(event) -> object:
    """A scalar off the fast path: refused (an anchor, a tag that is not plain data), typed by its tag,
    or text that was quoted or written as a block."""
    if event.anchor is not None:
        raise _stop("anchor", event.start_mark)
    tag = event.tag
    if tag is None:
        return event.value if event.style else _resolve_plain(event.value)
    if tag not in _ALLOWED_TAGS:
        raise _Stop(("tag", tag, *_at(event.start_mark)))
    if tag == "!" or tag == _STR_TAG:
        return event.value
    typed = _resolve_plain(event.value)  # !!int, !!bool... : typed as written, and it must be what it says
    wanted = _TAG_TYPES.get(tag)
    if wanted is not None and (type(typed) not in wanted or (bool in wanted) != (type(typed) is bool)):
        raise _stop("mistagged", event.start_mark)
    return float(typed) if tag == _CORE + "float" else typed  # `!!float 1` is 1.0, as PyYAML makes it


# One flat loop over libyaml's events, deliberately not split into functions: a call per event was a third
# of the time to read a 10,000-node scenario (bench/load_validate.py).
def _build(text: str, record: bool) -> tuple[object, list, bytes, bytes, list[tuple], tuple | None]:  # noqa: C901
    """(root, collections, index, marks, duplicates, problem) from libyaml's events.

    The collections, index and marks are the positions (see Positions); index and marks only if `record`
    (otherwise empty). Duplicates are (key, line, col, line of the first), the last 0 unless `record`; a
    problem is a tuple naming what stopped the reader (see _problem_diagnostic).

    The tree is built without recursion, and this loop runs once per value in a file of up to a million
    values, so it is written for speed. Most of the time goes to PyYAML making the event objects; of the
    rest, the collection being filled and its marks live in local variables (the enclosing ones wait on
    a stack), a mapping's key and its value are read in one pass of the loop, and a plain scalar (most of
    them) is typed by one dict lookup: the words YAML types are there from the start, and numbers are
    typed once per spelling. Anything unusual goes through `_scalar`."""
    ScalarEvent, MappingStartEvent, SequenceStartEvent = (
        yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    MappingEndEvent, SequenceEndEvent, AliasEvent = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.AliasEvent
    numeric_first, max_values, max_depth = _NUMERIC_FIRST, MAX_VALUES, MAX_DEPTH
    known: dict[str, object] = dict(_KEYWORDS)  # plain scalars typed so far
    duplicates: list[tuple] = []
    collections: list = []
    index: list[int] = []
    all_marks: list[int] = []
    stack: list[tuple] = []  # the enclosing collections' (container, marks, is_map, start)
    top: list = []  # holds the root, as if the document were a list of one item
    container: dict | list = top  # the collection being filled
    marks: list[int] = []  # the positions in it, packed when it closes
    start: tuple[int, int] = (0, 0)  # where it began
    is_map = False
    key: object = None  # a mapping's key, waiting for its value
    key_mark = None
    fresh = True  # the key is not a duplicate
    count = 0
    documents = 0
    parser = _Parser(text)
    get_event = parser.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if is_map:
                if kind is not ScalarEvent:
                    if kind is not MappingEndEvent:
                        raise _stop("anchor" if kind is AliasEvent else "key", event.start_mark)
                    collections.append(container)
                    if record:
                        index += (*start, len(all_marks), len(marks))
                        all_marks += marks
                    container, marks, is_map, start = stack.pop()
                    continue
                count += 1
                if count > max_values:
                    raise _stop("values", event.start_mark)
                key = event.value
                if event.style == "" and event.tag is None and event.anchor is None:
                    typed = known.get(key, known)  # the dict itself: "not seen yet"
                    if typed is not known:
                        key = typed
                    elif key[0] in numeric_first:
                        typed = known[key] = _resolve_plain(key)
                        key = typed
                else:
                    key = _scalar(event)
                key_mark = event.start_mark
                fresh = key not in container
                if not fresh:  # the first is kept: the diagnostic says so
                    first = marks[4 * list(container).index(key)] if record else 0
                    duplicates.append((key, *_at(key_mark), first))
                event = get_event()  # its value
                kind = type(event)
            elif kind is SequenceEndEvent:
                collections.append(container)
                if record:
                    index += (*start, len(all_marks), len(marks))
                    all_marks += marks
                container, marks, is_map, start = stack.pop()
                continue
            # a value: of the key just read, an item of a list, or the root
            if kind is ScalarEvent:
                value = event.value
                if event.style == "" and event.tag is None and event.anchor is None:
                    typed = known.get(value, known)
                    if typed is not known:
                        value = typed
                    elif value[0] in numeric_first:
                        typed = known[value] = _resolve_plain(value)
                        value = typed
                else:
                    value = _scalar(event)
                opens = False
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                if event.anchor is not None:
                    raise _stop("anchor", event.start_mark)
                if event.tag is not None and event.tag not in _ALLOWED_TAGS:
                    raise _Stop(("tag", event.tag, *_at(event.start_mark)))
                value = {} if kind is MappingStartEvent else []
                opens = True
            elif kind is AliasEvent:
                raise _stop("anchor", event.start_mark)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _stop("documents", event.start_mark)
                continue
            elif kind is yaml.StreamEndEvent:
                root = top[0] if top else None
                return root, collections, pack(index), pack(all_marks), duplicates, None
            else:  # stream start, document end
                continue
            count += 1
            if count > max_values:
                raise _stop("values", event.start_mark)
            if is_map:
                if fresh:
                    container[key] = value
                    if record:
                        mark = event.start_mark
                        marks += (key_mark.line + 1, key_mark.column + 1, mark.line + 1, mark.column + 1)
            else:
                container.append(value)
                if record:
                    mark = event.start_mark
                    marks += (mark.line + 1, mark.column + 1)
            if opens:
                if len(stack) >= max_depth:
                    raise _stop("depth", event.start_mark)
                stack.append((container, marks, is_map, start))
                container, marks, is_map = value, [], kind is MappingStartEvent
                if record:
                    start = _at(event.start_mark)
    except _Stop as stop:
        return None, [], b"", b"", duplicates, stop.args[0]
    except yaml.reader.ReaderError as exc:
        character = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        return None, [], b"", b"", duplicates, ("reader", exc.position, character, exc.reason)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = _at(mark) if mark is not None else (0, 0)
        problem = getattr(exc, "problem", None) or str(exc)
        context_mark = getattr(exc, "context_mark", None)
        context_at = _at(context_mark) if context_mark is not None else (0, 0)
        return None, [], b"", b"", duplicates, ("syntax", problem, getattr(exc, "context", None), line, col,
                                                *context_at)
    finally:
        parser.dispose()


def _recorder(text: str) -> Callable[[], Marks]:
    def record() -> Marks:
        return _build(text, record=True)[2:4]
    return record


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
