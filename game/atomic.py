"""Write a file so that a kill or a power cut mid-write leaves either the old file or the new one, never half
of each: the text goes to a temporary file in the same folder, is flushed to disk, then os.replace moves it
over the old one (a rename within one folder is atomic)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str, newline: str | None = None) -> None:
    """Raises OSError (the caller says what could not be saved); the temporary file never stays behind.
    `newline` as for open(): "" writes the line ends in `text` as they are (CSV's CRLF on every system)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
