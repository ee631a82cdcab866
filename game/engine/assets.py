"""Asset paths in scenarios: always relative to assets/, and never allowed to leave it.

The validator uses this to report bad paths (CP313, CP314) and the UI uses the same function to load
images, so a path that passes validation is exactly a path the game will open.
"""

from __future__ import annotations

import re
from pathlib import Path

from game import paths

ROOT = paths.ROOT
ASSETS = ROOT / "assets"

# A drive ("C:"), a URL scheme ("file:") or an NTFS stream: a colon has no business in an asset path.
_FORBIDDEN = re.compile(r"[:\\\x00]")


def escape_reason(rel: str) -> str | None:
    """Why `rel` may not be used as an asset path, judged from the text alone; None when it may."""
    if not rel or not rel.strip():
        return "the path is empty"
    if rel.startswith(("/", "~")):
        return "it is an absolute path"
    found = _FORBIDDEN.search(rel)
    if found:
        what = {":": "a drive letter or ':'", "\\": "a backslash", "\x00": "a NUL character"}[found.group()]
        return f"it contains {what}"
    if ".." in rel.split("/"):
        return "it climbs out with '..'"
    return None


def resolve_asset(assets_root: Path, rel: str) -> Path | None:
    """The file `rel` names inside `assets_root` (which may not exist yet), or None if the path would
    leave assets_root: absolute paths, '..', drive letters, backslashes, or a symlink that points outside."""
    if escape_reason(rel) is not None:
        return None
    root = Path(assets_root).resolve()
    try:
        target = (root / rel).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, or a name the OS refuses
        return None
    if target != root and root not in target.parents:
        return None
    return target


# The formats pygame-ce's image loader reads everywhere, told apart by their first bytes (the file's
# name can lie: a renamed .txt or .svg is not a picture).
IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "WebP", "BMP")
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
          (b"BM", "BMP"))


def image_format(path: Path) -> str | None:
    """'PNG', 'JPEG', 'GIF', 'WebP' or 'BMP' from the file's first bytes; None if it is none of them or
    cannot be read."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        return None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return next((name for magic, name in _MAGIC if head.startswith(magic)), None)
