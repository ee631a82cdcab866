"""Remember what `validate` found in each file, so checking unchanged files again answers at once.

A trainer runs `validate` over and over while editing one file, and CI runs it on every push; most runs
check files that have not changed since the last. Like ruff's and mypy's caches, each file's answer is kept
under a key made of everything that can change it:
- the file as named on the command line, where it is, and its bytes;
- the checker itself: the source of game/engine and of this command, and the reference data (frameworks,
  the outcome ladder) — a new version of the game never reuses an old answer;
- the assets folder's listing (names, sizes, times): the checks look for the images a scenario names;
- the Python and PyYAML in use, and pydantic (its words can appear in diagnostics).

The answer is the file's own diagnostics and the scenario id it declares (where), for the checks across
files (declared.py), which are always run afresh. Editing one file of the library re-checks that file alone.
A hit prints exactly what a fresh check would, without importing the scenario model or the checks.

The cache is plain JSON, read strictly: anything unexpected in an entry is a miss, never an error, and
nothing in it is ever run. It lives in saves/cache/ and is only an optimisation: a folder that cannot be
written, or a damaged file, just means checking afresh. `--no-cache` skips it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

from game import atomic, paths
from game.engine.declared import Declared
from game.engine.diagnostics import CODES, Diagnostic

FORMAT = 2  # 2: one entry per file (1: one per command line)
KEEP = 400  # files' answers kept: a few libraries and drafts, a few KB each
CODE_DIRS = (paths.ROOT / "game" / "engine",)
CODE_FILES = (Path(__file__), paths.ROOT / "game" / "trainer" / "validate_cmd.py")
_FIELDS = {"code": str, "message": str, "file": str, "line": int, "col": int, "hint": (str, type(None))}


def cache_file() -> Path:
    return paths.saves_dir() / "cache" / "validate.json"


def _feed_tree(digest, root: Path, contents: bool) -> None:
    """Every file under root, in a fixed order: its bytes (code, data) or its size and time (assets)."""
    for folder, dirs, names in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".pyc", ".tmp")):
                continue
            path = Path(folder) / name
            digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
            try:
                if contents:
                    digest.update(path.read_bytes())
                else:
                    st = path.stat()
                    digest.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                digest.update(b"?")


def _library_version(name: str) -> str:
    """Where a library is and when it was installed, without importing it (pydantic alone takes 0.1 s)."""
    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec is not None else None
    try:
        return f"{origin}:{os.stat(origin).st_mtime_ns}" if origin else "-"
    except OSError:
        return "-"


def checker_fingerprint() -> bytes:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{FORMAT}:{sys.version}:{_library_version('yaml')}:{_library_version('pydantic')}".encode())
    for root in CODE_DIRS:
        _feed_tree(digest, root, contents=True)
    for path in CODE_FILES:
        digest.update(path.read_bytes())
    _feed_tree(digest, paths.DATA, contents=True)
    _feed_tree(digest, paths.ASSETS, contents=False)
    return digest.digest()


Answer = tuple[list[Diagnostic], Declared | None]
"""A file's own diagnostics, and the scenario id it declares (None: no scenario could be built)."""


def keys_for(files: list[Path]) -> list[str | None]:
    """Each file's key for checking it now; None for one that cannot be read (the check will say why)."""
    checker = hashlib.blake2b(checker_fingerprint(), digest_size=20)
    checker.update(os.getcwd().encode("utf-8", "surrogateescape"))
    keys: list[str | None] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            keys.append(None)
            continue
        digest = checker.copy()
        digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(str(path.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.blake2b(data, digest_size=20).digest())
        keys.append(digest.hexdigest())
    return keys


def _read() -> dict:
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _diagnostic(item: object) -> Diagnostic | None:
    if not isinstance(item, dict) or set(item) != set(_FIELDS):
        return None
    if any(not isinstance(item[name], kind) or isinstance(item[name], bool) for name, kind in _FIELDS.items()):
        return None
    if item["code"] not in CODES:
        return None
    return Diagnostic(**item)


def _answer(file: str, entry: object) -> Answer | None:
    if not isinstance(entry, dict) or set(entry) != {"diagnostics", "declared"}:
        return None
    items, declared = entry["diagnostics"], entry["declared"]
    found = [_diagnostic(item) for item in items] if isinstance(items, list) else [None]
    if any(d is None for d in found):
        return None
    if declared is None:
        return found, None  # type: ignore[return-value]
    if not (isinstance(declared, list) and len(declared) == 3 and isinstance(declared[0], str)
            and all(type(n) is int for n in declared[1:])):
        return None
    return found, Declared(file, *declared)  # type: ignore[return-value]


def lookup(files: list[Path], keys: list[str | None]) -> list[Answer | None]:
    """The answer remembered for each file under its key, or None (not there, or not exactly as written)."""
    entries = _read() if any(keys) else {}
    return [_answer(str(path), entries.get(key)) if key is not None else None for path, key in zip(files, keys, strict=True)]


def store(answers: dict[str, Answer]) -> None:
    """Remember these answers by key (keeping the newest KEEP). Never raises: the cache is only an
    optimisation."""
    if not answers:
        return
    entries = {k: v for k, v in _read().items() if k not in answers}
    for key, (diagnostics, declared) in answers.items():
        entries[key] = {"diagnostics": [{name: getattr(d, name) for name in _FIELDS} for d in diagnostics],
                        "declared": None if declared is None else [declared.scenario_id, declared.line, declared.col]}
    entries = dict(list(entries.items())[-KEEP:])
    try:
        cache_file().parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(cache_file(), json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False))
    except OSError:
        pass
