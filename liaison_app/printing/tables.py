"""Plain A4 PDFs of headed tables (reports, access evidence) in the one font registry (printing.fonts).

Every piece of text goes through the one markup helper (printing.text.markup: escaped, Arabic shaped)
before it reaches ReportLab, so "<b>" or "&" typed by an officer prints as itself. Every table cell fits its column: a word too long for it is broken across lines,
and a cell longer than `MAX_CELL_CHARS` (or `MAX_CELL_LINES`) is cut with "…", so one odd record
never stops a report. Files go through the one atomic writer (liaison_app.outputs), so a failure
never leaves a half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.outputs import atomic_write
from liaison_app.printing.fonts import BOLD as FONT_BOLD
from liaison_app.printing.fonts import REGULAR as FONT
from liaison_app.printing.fonts import register_fonts
from liaison_app.printing.styles import TableStyles, table_styles
from liaison_app.printing.text import markup

MAX_CELL_CHARS = 2000
MAX_CELL_LINES = 60
MAX_COLUMN_SHARE = 0.4
CELL_PADDING = 12.0  # the table's left and right padding (6 points each)
MIN_COLUMN = CELL_PADDING + 16.0


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Text as text: escaped (Arabic shaped), with line breaks kept."""
    return Paragraph(markup("" if text is None else str(text)), style)


def cell_text(value: object) -> str:
    """A table cell's text, cut with "…" after MAX_CELL_CHARS characters or MAX_CELL_LINES lines."""
    text = "" if value is None else str(value)
    lines = text.split("\n")
    cut = len(lines) > MAX_CELL_LINES
    text = "\n".join(lines[:MAX_CELL_LINES])
    if len(text) > MAX_CELL_CHARS:
        text, cut = text[:MAX_CELL_CHARS - 1], True
    return text.rstrip() + "…" if cut else text


def column_widths(headers, rows, width: float, font_size: float) -> list[float]:
    """Each column at least as wide as its longest word where it can be (so no word is split), the rest
    shared by text length. No column claims more than MAX_COLUMN_SHARE of the width for one long word
    (such a word is broken across lines instead), and none is narrower than MIN_COLUMN."""
    pad = CELL_PADDING
    least, weight = [], []
    for i, header in enumerate(headers):
        cells = [str(row[i] or "") for row in rows]
        widest = max([pdfmetrics.stringWidth(w, FONT_BOLD, font_size) for w in header.split()] +
                     [pdfmetrics.stringWidth(w, FONT, font_size) for c in cells for w in c.split()], default=0)
        least.append(min(max(widest + pad, MIN_COLUMN), max(width * MAX_COLUMN_SHARE, MIN_COLUMN)))
        weight.append(min(max([len(header)] + [len(c) for c in cells]), 40) + 2)
    spare = width - sum(least)
    if spare >= 0:
        return [m + spare * w / sum(weight) for m, w in zip(least, weight)]
    return [min(m, _level(least, width)) for m in least]


def _level(needs: list[float], width: float) -> float:
    """The widest a column may be so that the columns fit `width`: narrow columns keep what they need
    and the widest share what is left equally (each at least MIN_COLUMN, where the page allows)."""
    remaining, left = width, len(needs)
    for need in sorted(needs):
        if need * left <= remaining:
            remaining -= need
            left -= 1
            continue
        return max(remaining / left, min(MIN_COLUMN, width / len(needs)))
    return max(needs)


def _table(section: Section, styles: TableStyles, width: float) -> LongTable:
    rows = [[cell_text(c) for c in row] for row in section.rows]
    data = [[para(h, styles.head) for h in section.headers]]
    data += [[para(c, styles.cell) for c in row] for row in rows]
    widths = column_widths(section.headers, rows, width, styles.cell.fontSize)
    table = LongTable(data, colWidths=widths, repeatRows=1, splitInRow=1)  # a tall row may run over a page
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _story(title: str, intro, sections, width: float) -> list:
    styles = table_styles()
    story: list = [para(title, styles.title)]
    story += [para(line, styles.body) for line in intro]
    for section in sections:
        story.append(para(section.heading, styles.heading))
        story += [para(line, styles.body) for line in section.lines]
        if section.headers and section.rows:
            story += [Spacer(1, 2 * mm), _table(section, styles, width)]
        elif section.headers:
            story.append(para(section.empty_text, styles.body))
    return story


def _footer(text: str):
    def draw(canvas, doc):
        register_fonts()
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.drawString(doc.leftMargin, 8 * mm, f"{text}   Page {doc.page}")
        canvas.restoreState()
    return draw


def _canvas(*args, **kwargs) -> Canvas:
    """A canvas whose starting font is ours, so no built-in (unembedded) PDF font appears in the file."""
    kwargs.update(initialFontName=FONT, initialFontSize=9)
    return Canvas(*args, **kwargs)


def write_pdf(path: str | os.PathLike, title: str, intro, sections, *,
              wide: bool = False, footer: str = "Confidential — personal data.", subject: str = "") -> Path:
    """Write the document atomically (liaison_app.outputs: temporary file, fsync, rename) and return its path."""
    pagesize = landscape(A4) if wide else A4

    def build(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=pagesize, leftMargin=15 * mm, rightMargin=15 * mm,
                                topMargin=15 * mm, bottomMargin=15 * mm, title=title, subject=subject,
                                author="Liaison")
        doc.build(_story(title, intro, sections, pagesize[0] - 30 * mm),
                  onFirstPage=_footer(footer), onLaterPages=_footer(footer), canvasmaker=_canvas)

    return atomic_write(path, build)


def write_document(path: str | os.PathLike, document: TableDocument) -> Path:
    """Write a TableDocument (what a service says a report or evidence file holds) as a PDF at `path`."""
    return write_pdf(path, document.title, list(document.intro), list(document.sections), wide=document.wide,
                     footer=document.footer, subject=document.subject)
