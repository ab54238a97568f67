"""Plain A4 PDFs of headed tables (reports, access evidence) in the one font registry (printing.fonts).

Typed text never reaches ReportLab as markup unescaped: a cell that fits as plain lines (no Arabic or
control character, no word wider than its column) is broken between words here and drawn as plain
text, which is never parsed; any other cell goes through the one markup helper (printing.text.markup:
escaped, Arabic shaped) into a Paragraph. So "<b>" or "&" typed by an officer prints as itself. Every
cell fits its column: a word too long for it is broken across lines, and a cell longer than
`MAX_CELL_CHARS` (or `MAX_CELL_LINES`) is cut with "…", so one odd record never stops a report.
A long table is laid out a page at a time (RowsTable), so a report of thousands of rows takes
seconds. Files go through the one atomic writer (liaison_app.outputs), so a failure never leaves a
half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

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
MIN_ROW_HEIGHT = 9.5 + 6.0  # one line of a cell (TableCell leading) and its top and bottom padding


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


class RowsTable(Flowable):
    """A long table laid out a page at a time. ReportLab splits a table by building a new one of every
    remaining row, cell styles and heights included, at each page: a 14,000-row report took minutes.
    This builds a LongTable of at most the rows one page can hold, lets it split, and carries what did
    not fit (a row split across the page included) to the next page with the rows not yet made. Cells
    are made as they are first needed; the header row repeats at the top of every page."""

    def __init__(self, header: list, rows: list[list[str]], widths: list[float], style: TableStyle, make_row,
                 start: int = 0, pending: list[list] | None = None, per_page: int = 0, tallest: float = 0.0):
        super().__init__()
        self.hAlign = "CENTER"
        self.header, self.rows, self.widths, self.style, self.make_row = header, rows, widths, style, make_row
        self.start, self.pending = start, pending or []
        self.per_page = per_page  # rows the last page held: a good guess at this one
        self.tallest = tallest  # the most room a page has offered this table
        self._table: LongTable | None = None
        self._built_for: tuple[float, float] | None = None
        self._taken = 0

    def _left(self) -> int:
        return len(self.pending) + len(self.rows) - self.start

    def _build(self, count: int) -> LongTable:
        made = [self.make_row(row) for row in self.rows[self.start:self.start + max(0, count - len(self.pending))]]
        table = LongTable([self.header, *self.pending[:count], *made], colWidths=self.widths, repeatRows=1,
                          splitInRow=1)  # a row too tall for a page runs over to the next
        table.setStyle(self.style)
        self._taken = count
        return table

    def wrap(self, avail_width, avail_height):
        self.tallest = max(self.tallest, avail_height)
        if self._built_for == (avail_width, avail_height):
            return self.width, self.height
        most = int(avail_height / MIN_ROW_HEIGHT) + 2  # more rows than fit: each is at least MIN_ROW_HEIGHT
        count = min(self._left(), most, self.per_page * 5 // 4 + 2 if self.per_page else most)
        while True:
            self._table = self._build(count)
            self.width, self.height = self._table.wrap(avail_width, avail_height)
            if self.height > avail_height or count >= self._left():
                self._built_for = (avail_width, avail_height)
                return self.width, self.height
            count = min(self._left(), count * 2)  # the guess was short: all of them fitted

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        table, heights = self._table, self._table._rowHeights
        fits, used = 0, heights[0]
        while fits + 1 < len(heights) and heights[fits + 1] is not None and used + heights[fits + 1] <= avail_height:
            fits += 1
            used += heights[fits]
        if fits:  # whole rows fit: this page's table keeps the heights just measured
            first = LongTable(table._cellvalues[:fits + 1], colWidths=self.widths, rowHeights=heights[:fits + 1],
                              repeatRows=1)
            first.setStyle(self.style)
            parts = [first, table._cellvalues[fits + 1:]]
        elif heights[0] + (heights[1] or 0) <= self.tallest:
            return []  # the next row fits a page this table has had: start it on the next one
        else:  # a row taller than any page so far: ReportLab splits it across pages
            parts = table.split(avail_width, avail_height)
            if not parts:
                return []
            parts[1:] = [parts[1]._cellvalues[1:]] if len(parts) > 1 else []
        rest = [list(row) for row in parts[1]] if len(parts) > 1 else []
        rows_used = max(0, self._taken - len(self.pending))
        after = RowsTable(self.header, self.rows, self.widths, self.style, self.make_row, self.start + rows_used,
                          rest + self.pending[self._taken:], self._taken - len(rest), self.tallest)
        return [parts[0], after] if after._left() else [parts[0]]

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)


def _lines(text: str, room: float, size: float) -> list[str] | None:
    """`text` broken between words into lines of at most `room` points, as a Paragraph breaks it (its
    spaces may shrink by rl_config.spaceShrinkage); None when a word alone is wider than `room`."""
    space = stringWidth(" ", FONT, size)
    shrink = rl_config.spaceShrinkage * space
    out = []
    for line in text.split("\n"):
        words, width = [], -space
        for word in line.split():
            wide = stringWidth(word, FONT, size)
            if wide > room:
                return None
            if words and width + space + wide > room + shrink * len(words):
                out.append(" ".join(words))
                words, width = [], -space
            words.append(word)
            width += space + wide
        out.append(" ".join(words))
    return out


def _cell(text: str, width: float, style: ParagraphStyle):
    """The cell as plain lines, broken between words to fit the column as a Paragraph would, where it
    needs no markup (no Arabic or control character) and no word is wider than the column; else a
    Paragraph. Plain lines are drawn as they are (so escaped by nature) at a fraction of the cost."""
    if not text:
        return ""
    if escape(text) == markup(text).replace("<br/>", "\n"):
        lines = _lines(text, width - CELL_PADDING, style.fontSize)
        if lines is not None:
            return "\n".join(lines)
    return para(text, style)


def _table(section: Section, styles: TableStyles, width: float) -> RowsTable:
    rows = [[cell_text(c) for c in row] for row in section.rows]
    header = [para(h, styles.head) for h in section.headers]
    widths = column_widths(section.headers, rows, width, styles.cell.fontSize)
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, styles.cell.fontSize, styles.cell.leading),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
    return RowsTable(header, rows, widths, style,
                     lambda row: [_cell(c, w, styles.cell) for c, w in zip(row, widths)])


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
