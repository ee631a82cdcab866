"""Control characters: which ones a scenario may not contain, and how text is made safe to print.

YAML's double-quoted escapes let a file carry any character: `"\\0"` (NUL, which pygame refuses to draw),
`"\\e[2J"` (an ANSI sequence that clears the terminal it is printed on), `"\\e]0;title\\a"` (one that renames
the terminal window), or right-to-left overrides that make a printed line read differently from what it
says. The validator rejects them in scenario text (CP325, CP326); everything printed for people goes
through `escape`, so that a file that was never validated still cannot act on the terminal that shows it.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, and C1: Unicode category Cc less the two that text uses.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a renderer must never be handed: control characters, and lone surrogates (SDL_ttf cannot encode them
# and raises); a scenario cannot hold either, but a save, a settings file or a network request can.
UNDRAWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Embeddings, overrides and isolates (not the marks LRM/RLM): they reorder how the rest of a line reads.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What `escape` rewrites: the above, tab (a terminal moves the cursor for it), and lone surrogates
# (which no terminal encoding can carry).
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x09: "tab", 0x0D: "carriage return", 0x1B: "ESC",
          0x7F: "DEL", 0x85: "NEL", 0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding",
          0x202C: "pop directional formatting", 0x202D: "left-to-right override",
          0x202E: "right-to-left override", 0x2066: "left-to-right isolate", 0x2067: "right-to-left isolate",
          0x2068: "first strong isolate", 0x2069: "pop directional isolate"}


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """`text` as it may be printed for people: every control character written as an escape (ESC as
    `\\x1b`, a right-to-left override as `\\u202e`), as YAML would write it. Newlines are kept."""
    return _UNPRINTABLE.sub(_escaped, text) if _UNPRINTABLE.search(text) else text


def escape_json(document: str) -> str:
    """A JSON document with the characters `json.dumps(..., ensure_ascii=False)` leaves raw (DEL, C1,
    bidirectional controls, surrogates) written as \\u escapes. They can only occur inside strings, where
    the escape means the same character, so the document still reads back to the same data."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def describe(char: str) -> str:
    """'U+001B (ESC)', for messages that name a character."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"
