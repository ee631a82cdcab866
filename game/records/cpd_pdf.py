"""The CPD record as a PDF, through fpdf2 (pure Python, maintained, no system libraries): the same entries and
headings as the HTML and Markdown record (game/records/cpd.py), in the game's own font.

fpdf2 places text as text, never as markup, so the learner's words need no escaping here. Characters the
bundled font lacks (Chinese, Japanese…) use a system fallback font when one is found, as the desktop field does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from game import paths

from . import cpd
from .playthrough import Playthrough

FALLBACK_FILES = (  # common places of a font with wide coverage; the first found is used
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)


class PdfUnavailable(RuntimeError):
    """fpdf2 is not installed: the HTML record prints to PDF from any browser instead."""


def to_pdf(playthroughs: Iterable[Playthrough], made_at: datetime,
           standard_title: cpd.StandardTitle | None = None) -> bytes:
    try:
        from fpdf import FPDF
    except ImportError as exc:
        raise PdfUnavailable("PDF needs the fpdf2 package (pip install -r requirements.txt); the HTML record "
                             "prints to PDF from any web browser") from exc
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title("CPD record - Crossing Paths")
    fonts = paths.FONTS
    pdf.add_font("body", "", str(fonts / "AtkinsonHyperlegible-Regular.ttf"))
    pdf.add_font("body", "B", str(fonts / "AtkinsonHyperlegible-Bold.ttf"))
    fallback = next((f for f in FALLBACK_FILES if Path(f).exists()), None)
    if fallback is not None:
        try:
            pdf.add_font("fallback", "", fallback)
            pdf.set_fallback_fonts(["fallback"], exact_match=False)
        except Exception:  # noqa: BLE001 - a font fpdf2 cannot read: missing characters show as boxes
            pass

    def para(text: str, size: float = 11, style: str = "", gap: float = 2) -> None:
        pdf.set_font("body", style, size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")  # ragged right reads easier
        pdf.ln(gap)

    pdf.add_page()
    para("CPD record", 20, "B", 1)
    para(f"Made with Crossing Paths on {cpd.date_words(made_at)}. {cpd.PRIVACY_NOTE}", 10, "", 4)
    entries = [cpd.entry(p, standard_title) for p in cpd.reflected(playthroughs)]
    if not entries:
        para("No reflections written yet.")
    for i, e in enumerate(entries):
        if i:
            pdf.add_page()
        para(e.title, 15, "B", 3)
        for s in e.sections:
            para(s.heading, 12, "B", 1)
            for text in s.paragraphs:
                para(text)
        para("Scores by standard", 12, "B", 1)
        if not e.scores:
            para("No standards were scored.")
            continue
        pdf.set_font("body", "", 11)
        with pdf.table(col_widths=(3, 1), text_align="LEFT", line_height=6) as table:
            table.row(["Standard", "Score"])
            for name, score in e.scores:
                table.row([name, score])
    return bytes(pdf.output())
