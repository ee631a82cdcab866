"""`python main.py results cpd [--format html|md|pdf] [--out FILE]`: a printable CPD record of the learner's
reflections (game/records/cpd.py; the PDF through game/records/cpd_pdf.py), to standard output or a file. The
desktop's My progress writes the same record through `write_record`."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from . import cpd

SUFFIX = {"html": ".html", "md": ".md", "pdf": ".pdf"}
FORMATS = (*cpd.FORMATS, "pdf")


def standard_title(framework_id: str, standard_id: str) -> str | None:
    """A standard's short title in the framework played (None when the framework is no longer shipped)."""
    from game.engine import reference

    try:
        fw = reference.framework(framework_id)
    except Exception:  # noqa: BLE001 - a damaged data file: the record still goes out, with numbers only
        return None
    std = fw.get(standard_id) if fw is not None else None
    return std.short if std else None


def record_bytes(playthroughs, fmt: str, made_at: datetime | None = None) -> bytes:
    """The record as the file holds it (UTF-8 text, or a PDF). Raises cpd_pdf.PdfUnavailable without fpdf2."""
    made_at = made_at or datetime.now(UTC).astimezone()
    if fmt == "pdf":
        from .cpd_pdf import to_pdf

        return to_pdf(playthroughs, made_at, standard_title)
    return cpd.render(fmt, playthroughs, made_at, standard_title).encode("utf-8")


def write_record(playthroughs, fmt: str, folder: Path, made_at: datetime | None = None) -> Path:
    """Write the record into `folder` under a dated name that is not taken yet; returns the file. Raises OSError
    (and cpd_pdf.PdfUnavailable for a PDF without fpdf2)."""
    made_at = made_at or datetime.now(UTC).astimezone()
    data = record_bytes(playthroughs, fmt, made_at)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"cpd-record-{made_at:%Y-%m-%d-%H%M%S}"
    path = folder / f"{stem}{SUFFIX[fmt]}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{SUFFIX[fmt]}"
    with open(path, "xb") as f:  # never over a file already there
        f.write(data)
    return path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python main.py results cpd",
                                description="A printable CPD record of your reflections, with headings as in "
                                            "Social Work England's CPD record.")
    p.add_argument("--format", choices=FORMATS, default="html",
                   help="html (print it from a browser), md (Markdown) or pdf; default html")
    p.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from game.saves import SaveError, SaveStore

    try:
        store = SaveStore.open()
    except SaveError as exc:
        print(f"crossing-paths results cpd: {exc}", file=sys.stderr)
        return 1
    try:
        playthroughs = list(store.playthroughs())
    except (SaveError, AttributeError) as exc:
        print(f"crossing-paths results cpd: cannot read your records: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if not cpd.reflected(playthroughs):
        print("crossing-paths results cpd: no reflections written yet. Write one at a debrief (Reflect), from "
              "My progress on the title screen, or here with 'python main.py results reflect'.", file=sys.stderr)
        return 1
    if args.format == "pdf" and args.out is None and sys.stdout.isatty():
        print("crossing-paths results cpd: a PDF is not for the terminal: add --out FILE", file=sys.stderr)
        return 2
    from .cpd_pdf import PdfUnavailable

    try:
        data = record_bytes(playthroughs, args.format)
    except PdfUnavailable as exc:
        print(f"crossing-paths results cpd: {exc}", file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        Path(args.out).write_bytes(data)
    except OSError as exc:
        print(f"crossing-paths results cpd: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"CPD record written to {args.out}", file=sys.stderr)
    return 0
