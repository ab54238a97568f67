"""Plain A4 PDFs of headed tables (reports, access evidence) in the embedded DejaVu font.

Every piece of text is escaped before it reaches ReportLab markup, so "<b>" or "&" typed by an officer
prints as itself. Files are written to a temporary file beside the target and moved into place,
so a failure never leaves a half-written file.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from liaison_app.paths import resource

FONT = "LiaisonDejaVu"
FONT_BOLD = "LiaisonDejaVu-Bold"


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once under our own names."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@dataclass
class Section:
    """A heading, some lines of text, and an optional table (headers + rows of plain text)."""

    heading: str
    lines: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    empty_text: str = "None recorded."


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=FONT_BOLD, fontSize=15, leading=19, spaceAfter=4),
        "heading": ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                                  spaceAfter=3),
        "body": ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle("head", fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
    }


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Text as text: escaped, with line breaks kept."""
    return Paragraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


def column_widths(headers: list[str], rows: list[list[str]], width: float, font_size: float) -> list[float]:
    """Each column at least as wide as its longest word (so no word is split), the rest shared by text length."""
    pad = 6.0
    least, weight = [], []
    for i, header in enumerate(headers):
        cells = [str(row[i] or "") for row in rows]
        widest = max([pdfmetrics.stringWidth(w, FONT_BOLD, font_size) for w in header.split()] +
                     [pdfmetrics.stringWidth(w, FONT, font_size) for c in cells for w in c.split()], default=0)
        least.append(widest + pad)
        weight.append(min(max([len(header)] + [len(c) for c in cells]), 40) + 2)
    spare = width - sum(least)
    if spare <= 0:
        return [m * width / sum(least) for m in least]
    return [m + spare * w / sum(weight) for m, w in zip(least, weight)]


def _table(section: Section, styles: dict, width: float) -> LongTable:
    data = [[para(h, styles["head"]) for h in section.headers]]
    data += [[para(c, styles["cell"]) for c in row] for row in section.rows]
    widths = column_widths(section.headers, section.rows, width, styles["cell"].fontSize)
    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _story(title: str, intro: list[str], sections: list[Section], width: float) -> list:
    styles = _styles()
    story: list = [para(title, styles["title"])]
    story += [para(line, styles["body"]) for line in intro]
    for section in sections:
        story.append(para(section.heading, styles["heading"]))
        story += [para(line, styles["body"]) for line in section.lines]
        if section.headers and section.rows:
            story += [Spacer(1, 2 * mm), _table(section, styles, width)]
        elif section.headers:
            story.append(para(section.empty_text, styles["body"]))
    return story


def _footer(text: str):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(doc.leftMargin, 8 * mm, f"{text}   Page {doc.page}")
        canvas.restoreState()
    return draw


def _canvas(*args, **kwargs) -> Canvas:
    """A canvas whose starting font is ours, so no built-in (unembedded) PDF font appears in the file."""
    kwargs.update(initialFontName=FONT, initialFontSize=9)
    return Canvas(*args, **kwargs)


def write_pdf(path: str | os.PathLike, title: str, intro: list[str], sections: list[Section], *,
              wide: bool = False, footer: str = "Confidential — personal data.", subject: str = "") -> Path:
    """Write the document atomically (temporary file, then rename) and return its path."""
    target = Path(path)
    pagesize = landscape(A4) if wide else A4
    fd, tmp = tempfile.mkstemp(prefix=".liaison-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=pagesize, leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=15 * mm, bottomMargin=15 * mm, title=title, subject=subject,
                                author="Liaison")
        doc.build(_story(title, intro, sections, pagesize[0] - 30 * mm),
                  onFirstPage=_footer(footer), onLaterPages=_footer(footer), canvasmaker=_canvas)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
