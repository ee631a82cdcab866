"""Finding a scenario from what a person types: a path, a file name, or a scenario's id.

`text`, `snapshot` and `play PATH` resolve their argument here, so every command accepts the same names:
`scenarios/friend-request.yaml`, `friend-request.yaml`, `friend-request`, a draft anywhere on disk, or the
id a file declares. A name that matches nothing is a CP100 diagnostic whose hint suggests close names.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .checked import Checked, check_file, not_found
from .diagnostics import Diagnostic
from .yamlsafe import read_file

SUFFIXES = (".yaml", ".yml")
MAX_LISTED = 8  # scenarios named in a hint when nothing is close


def scenario_files(folder: Path) -> list[Path]:
    """The scenario files in a folder, sorted; none when it is missing or unreadable."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())
    except OSError:
        return []


def declared_id(path: Path) -> str | None:
    """The `id:` a file declares, read without building the scenario (cheap, and never raises)."""
    data = read_file(path).data
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def find(name: str, folder: Path) -> Path | Diagnostic:
    """The file `name` means, or a CP100 diagnostic (with "did you mean" in its hint) when there is none.
    Tried in order: the path as given; a name in `folder`, with or without its suffix, in any case; the id
    a file in `folder` declares."""
    path = Path(name)
    if path.is_file():
        return path
    looks_like_path = "/" in name or "\\" in name
    if path.exists() or looks_like_path:  # a folder, or a path that names nothing: the loader says why
        return path if path.exists() else _missing_path(name, path)
    files = scenario_files(folder)
    stem = path.stem if path.suffix in SUFFIXES else name
    wanted = stem.casefold()
    for p in files:
        if p.name.casefold() == name.casefold() or p.stem.casefold() == wanted:
            return p
    ids = {p: declared_id(p) for p in files}
    for p, scenario_id in ids.items():
        if scenario_id is not None and scenario_id.casefold() == wanted:
            return p
    known = list(dict.fromkeys([*(p.stem for p in files), *(i for i in ids.values() if i)]))
    return Diagnostic("CP100", f"there is no scenario file or id '{name}' (looked here and in {folder})",
                      name, hint=_suggest(stem, known, folder))


def open_scenario(name: str, folder: Path) -> Checked:
    """Find, load and validate: the one path from a typed name to a playable scenario or its diagnostics."""
    found = find(name, folder)
    if isinstance(found, Diagnostic):
        return not_found(name, found)
    return check_file(found)


def _suggest(word: str, known: list[str], folder: Path) -> str:
    close = difflib.get_close_matches(word, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if not known:
        return f"give the path of a scenario file; {folder} has none"
    more = f" and {len(known) - MAX_LISTED} more" if len(known) > MAX_LISTED else ""
    return "scenarios available: " + ", ".join(known[:MAX_LISTED]) + more


def _missing_path(name: str, path: Path) -> Diagnostic:
    """A path to nothing: said as the loader says it, with a close file in the same folder if there is one."""
    siblings = [p.name for p in scenario_files(path.parent)] if path.parent.is_dir() else []
    close = difflib.get_close_matches(path.name, siblings, n=1, cutoff=0.6)
    hint = f"did you mean '{path.parent / close[0]}'?" if close else None
    return Diagnostic("CP100", "cannot read the file: No such file or directory", name, hint=hint)
