"""Plain A4 PDFs of headed tables (reports, access evidence) in the one font registry (printing.fonts).

Typed text never reaches ReportLab as markup unescaped: a cell that fits as plain lines (no Arabic or
control character, no word wider than its column) is broken between words here and drawn as plain
text, which is never parsed; any other cell goes through the one markup helper (printing.text.markup:
escaped, Arabic shaped) into a Paragraph. So "<b>" or "&" typed by an officer prints as itself. Every
cell fits its column: a word too long for it is broken across lines, and a cell longer than
`MAX_CELL_CHARS` (or `MAX_CELL_LINES`) is cut with "…", so one odd record never stops a report.
A long table is laid out a row at a time and drawn a page at a time (printing.rows), so a report
of thousands of rows takes seconds and twice the rows take twice the time. Files go through the one
atomic writer (liaison_app.outputs), so a failure never leaves a half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.outputs import atomic_write
from liaison_app.printing.fonts import BOLD as FONT_BOLD
from liaison_app.printing.fonts import REGULAR as FONT
from liaison_app.printing.fonts import register_fonts
from liaison_app.printing.rows import PAD_SIDE, CellFont, RowsTable
from liaison_app.printing.styles import TableStyles, table_styles
from liaison_app.printing.text import is_plain, markup

MAX_CELL_CHARS = 2000
MAX_CELL_LINES = 60
MAX_COLUMN_SHARE = 0.4
CELL_PADDING = 2 * PAD_SIDE  # a cell's left and right padding
MIN_COLUMN = CELL_PADDING + 16.0
FRAME_PADDING = 12.0  # a page frame's top and bottom padding (6 points each)


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Text as text: escaped (Arabic shaped), with line breaks kept."""
    return Paragraph(markup("" if text is None else str(text)), style)


def cell_text(value: object) -> str:
    """A table cell's text, cut with "…" after MAX_CELL_CHARS characters or MAX_CELL_LINES lines."""
    text = "" if value is None else str(value)
    if len(text) <= MAX_CELL_CHARS and text.count("\n") < MAX_CELL_LINES:
        return text  # the usual cell: kept as it is, not copied
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
        cells = {str(row[i] or "") for row in rows}  # each different text once
        words = {w for c in cells for w in c.split()}
        widest = max([pdfmetrics.stringWidth(w, FONT_BOLD, font_size) for w in header.split()] +
                     [pdfmetrics.stringWidth(w, FONT, font_size) for w in words], default=0)
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


def _lines(text: str, room: float, size: float, widths: dict[str, float] | None = None) -> list[str] | None:
    """`text` broken between words into lines of at most `room` points, as a Paragraph breaks it (its
    spaces may shrink by rl_config.spaceShrinkage); None when a word alone is wider than `room`. `widths`
    keeps each word's width at this size (a table's words repeat: names of checks, streets, dates)."""
    widths = {} if widths is None else widths
    space = stringWidth(" ", FONT, size)
    shrink = rl_config.spaceShrinkage * space
    out = []
    for line in text.split("\n"):
        words, width = [], -space
        for word in line.split():
            wide = widths.get(word)
            if wide is None:
                wide = widths[word] = stringWidth(word, FONT, size)
            if wide > room:
                return None
            if words and width + space + wide > room + shrink * len(words):
                out.append(" ".join(words))
                words, width = [], -space
            words.append(word)
            width += space + wide
        out.append(" ".join(words))
    return out


def _cell(text: str, width: float, style: ParagraphStyle, widths: dict[str, float] | None = None):
    """The cell as plain lines, broken between words to fit the column as a Paragraph would, where it
    needs no markup (no Arabic or control character) and no word is wider than the column; else a
    Paragraph. Plain lines are drawn as they are (so escaped by nature) at a fraction of the cost."""
    if not text:
        return ()
    if is_plain(text):
        lines = _lines(text, width - CELL_PADDING, style.fontSize, widths)
        if lines is not None:
            return tuple(lines)
    return para(text, style)


REMEMBERED_CELLS = 5000  # per column: the texts whose lines are kept for the rows that repeat them
REMEMBERED_WORDS = 50_000  # per table: the words whose widths are kept


def _row_maker(widths: list[float], style: ParagraphStyle):
    """make_row for a RowsTable: a row's cells as printed. A text seen before in the same column (a check's
    name, "yes", a date) reuses its lines; a Paragraph is made afresh for each row that needs one."""
    seen: list[dict[str, tuple]] = [{} for _ in widths]
    words: dict[str, float] = {}

    def make_row(row: list[str]) -> list:
        out = []
        for text, width, known in zip(row, widths, seen):
            cell = known.get(text)
            if cell is None:
                cell = _cell(text, width, style, words if len(words) < REMEMBERED_WORDS else None)
                if isinstance(cell, tuple) and len(known) < REMEMBERED_CELLS:
                    known[text] = cell
            out.append(cell)
        return out
    return make_row


def _table(section: Section, styles: TableStyles, width: float, page_height: float) -> RowsTable:
    rows = [[cell_text(c) for c in row] for row in section.rows]
    header = [para(h, styles.head) for h in section.headers]
    widths = column_widths(section.headers, rows, width, styles.cell.fontSize)
    font = CellFont(FONT, styles.cell.fontSize, styles.cell.leading)
    return RowsTable(header, rows, widths, font, _row_maker(widths, styles.cell), page_height=page_height)


def _story(title: str, intro, sections, width: float, page_height: float) -> list:
    styles = table_styles()
    story: list = [para(title, styles.title)]
    story += [para(line, styles.body) for line in intro]
    for section in sections:
        story.append(para(section.heading, styles.heading))
        story += [para(line, styles.body) for line in section.lines]
        if section.headers and section.rows:
            story += [Spacer(1, 2 * mm), _table(section, styles, width, page_height)]
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
        story = _story(title, intro, sections, doc.width, doc.height - FRAME_PADDING)
        doc.build(story,
                  onFirstPage=_footer(footer), onLaterPages=_footer(footer), canvasmaker=_canvas)

    return atomic_write(path, build)


def write_document(path: str | os.PathLike, document: TableDocument) -> Path:
    """Write a TableDocument (what a service says a report or evidence file holds) as a PDF at `path`."""
    return write_pdf(path, document.title, list(document.intro), list(document.sections), wide=document.wide,
                     footer=document.footer, subject=document.subject)
