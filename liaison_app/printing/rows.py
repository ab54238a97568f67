"""A long headed table drawn straight on the canvas, a page at a time, in the look of a ReportLab Table
with a grey grid, a shaded header row, cells aligned to the top and ReportLab's cell padding.

ReportLab's Table re-measures and rebuilds every remaining row, and re-wraps and redraws the header, at
each page: a 35,000-row report took minutes. Here each row is laid out once (its height from its lines,
or from its Paragraph where a cell needs one), a page takes the rows that fit, the header is drawn once
as a form placed on every page, and a line of text that repeats is formatted once (write_lines), so the
work grows with the rows and no faster. A row taller than a page runs over to the next, split between lines; the header
row repeats at the top of every page.

Cells come from printing.tables: plain lines (already broken to fit their column, drawn as they are and
so never parsed as markup) or a Paragraph of escaped text.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, Paragraph

PAD_SIDE, PAD_TOP, PAD_BOTTOM = 6.0, 3.0, 3.0  # ReportLab's default cell padding, as the tables had
GRID_WIDTH = 0.4
GRID_COLOUR = colors.grey
HEAD_SHADE = colors.Color(0.88, 0.88, 0.88)
ROUND = 1  # round line caps and joins, ReportLab's Table default


@dataclass(frozen=True)
class CellFont:
    """The font of plain cells: name, size and leading (the distance between lines)."""
    name: str
    size: float
    leading: float


@dataclass
class Row:
    """A row as it prints: per column, a sequence of plain lines or a Paragraph wrapped to its column."""
    cells: list
    height: float


def _cell_height(cell, font: CellFont) -> float:
    if isinstance(cell, Paragraph):
        return cell.height
    return font.leading * max(1, len(cell))  # an empty cell still takes a line, as in ReportLab's Table


def lay_out(cells: list, widths: list[float], font: CellFont) -> Row:
    """A row of cells (each plain lines, as a sequence or one string, or a Paragraph), measured for `widths`."""
    laid = []
    for cell, width in zip(cells, widths):
        if isinstance(cell, Paragraph):
            cell.wrap(width - 2 * PAD_SIDE, 1e9)
            laid.append(cell)
        else:
            laid.append((cell.split("\n") if cell else ()) if isinstance(cell, str) else cell)
    return Row(laid, max(_cell_height(c, font) for c in laid) + PAD_TOP + PAD_BOTTOM)


def split_row(row: Row, room: float, widths: list[float], font: CellFont) -> tuple[Row, Row] | None:
    """The part of a row too tall for a page that fits `room` points, and the rest; None if no line fits."""
    inner = room - PAD_TOP - PAD_BOTTOM
    lines = int(inner // font.leading)
    if lines < 1:
        return None
    top, rest = [], []
    for cell, width in zip(row.cells, widths):
        if not isinstance(cell, Paragraph):
            top.append(cell[:lines])
            rest.append(cell[lines:])
            continue
        parts = cell.split(width - 2 * PAD_SIDE, inner) if cell.height > inner else [cell]
        for part in parts:
            part.wrap(width - 2 * PAD_SIDE, 1e9)
        top.append(parts[0] if parts else [])
        rest.append(parts[1] if len(parts) > 1 else [] if parts else cell)
    first = Row(top, max(_cell_height(c, font) for c in top) + PAD_TOP + PAD_BOTTOM)
    return first, Row(rest, max(_cell_height(c, font) for c in rest) + PAD_TOP + PAD_BOTTOM)


REMEMBERED_LINES = 20_000  # per document: the formatted lines kept for the lines that repeat


def write_lines(canvas, font: CellFont, x: float, y: float, lines) -> None:
    """Each line at (x, y), a line lower each time, written exactly as canvas.drawString writes it (so
    the PDF reads the same, to a reader and to text extraction). A line of text that repeats (a check's
    name, "yes", a date) is turned into PDF text operators once per document and reused: ReportLab's
    formatting of a line in an embedded font is most of the cost of drawing it, and its result depends
    only on the font, the size and the text."""
    if not canvas.bottomup:  # never so in Platypus; kept simple if it were
        for line in lines:
            canvas.drawString(x, y, line)
            y -= font.leading
        return
    known = canvas.__dict__.setdefault("_liaison_lines", {})
    maker = None
    for line in lines:
        key = (font.name, font.size, font.leading, line)
        code = known.get(key)
        if code is None:
            if maker is None:
                maker = canvas.beginText()
                maker.setFont(font.name, font.size, font.leading)
            maker._curSubset = -1  # as in a new text object: the font is selected in the code
            code = maker._formatText(line)
            if len(known) < REMEMBERED_LINES:
                known[key] = code
        canvas._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {code} T* ET")
        y -= font.leading


class RowsPage(Flowable):
    """One page's part of the table: the header row and the rows that fit, drawn on the canvas."""

    def __init__(self, header: Row, rows: list[Row], widths: list[float], font: CellFont):
        super().__init__()
        self.hAlign = "CENTER"
        self.header, self.rows, self.widths, self.font = header, rows, widths, font
        self.width = sum(widths)
        self.height = header.height + sum(r.height for r in rows)

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        self._draw_header(self.height - self.header.height)
        canvas.setFillColor(colors.black)
        edges, top = [self.height], self.height - self.header.height
        for row in self.rows:
            edges.append(top)
            self._draw_row(row, top)
            top -= row.height
        self._draw_grid(edges + [top])
        canvas.restoreState()

    def _draw_header(self, bottom: float) -> None:
        """The header row, drawn once per document as a form and placed on each page."""
        canvas, name = self.canv, f"RowsHeader{id(self.header)}"
        if not canvas.hasForm(name):
            canvas.beginForm(name, 0, 0, self.width, self.header.height)
            canvas.setFillColor(HEAD_SHADE)
            canvas.rect(0, 0, self.width, self.header.height, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            self._draw_row(self.header, self.header.height)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(0, bottom)
        canvas.doForm(name)
        canvas.restoreState()

    def _draw_row(self, row: Row, top: float) -> None:
        canvas, font, x = self.canv, self.font, 0.0
        canvas.setFont(font.name, font.size, font.leading)
        for cell, width in zip(row.cells, self.widths):
            if isinstance(cell, Paragraph):
                cell.drawOn(canvas, x + PAD_SIDE, top - PAD_TOP - cell.height)
            elif cell:
                write_lines(canvas, font, x + PAD_SIDE, top - PAD_TOP - font.size, cell)
            x += width

    def _draw_grid(self, row_edges: list[float]) -> None:
        canvas = self.canv
        canvas.setStrokeColor(GRID_COLOUR)
        canvas.setLineWidth(GRID_WIDTH)
        canvas.setLineCap(ROUND)
        canvas.setLineJoin(ROUND)
        column_edges = [0.0]
        for width in self.widths:
            column_edges.append(column_edges[-1] + width)
        bottom = row_edges[-1]
        canvas.lines([(0, y, self.width, y) for y in row_edges] +
                     [(x, self.height, x, bottom) for x in column_edges])


class RowsTable(Flowable):
    """The rows from `start` on, with `laid` rows already measured (a row carried over from the last page,
    or the one that did not fit it). Each page's split hands the rows that fit to a RowsPage and the rest
    to a new RowsTable; `make_row(cells)` gives a row's cells as printed, when a page first needs it."""

    def __init__(self, header: list, rows: list, widths: list[float], font: CellFont, make_row, *,
                 start: int = 0, laid: list[Row] | None = None, page_height: float = 0.0, head: Row | None = None):
        super().__init__()
        self.hAlign = "CENTER"
        self.header_cells, self.rows, self.widths, self.font, self.make_row = header, rows, widths, font, make_row
        self.start, self.laid = start, laid or []
        self.page_height = page_height  # the room a whole page offers: a row that fits it is never split
        self.head = head
        self.width = sum(widths)
        self._fits, self._used, self._deferred = 0, 0.0, False

    def _header(self) -> Row:
        if self.head is None:
            self.head = lay_out(list(self.header_cells), self.widths, self.font)
        return self.head

    def _more(self) -> bool:
        if self.start >= len(self.rows):
            return False
        self.laid.append(lay_out(self.make_row(self.rows[self.start]), self.widths, self.font))
        self.start += 1
        return True

    def wrap(self, avail_width, avail_height):
        self.page_height = max(self.page_height, avail_height)
        room = avail_height - self._header().height
        fits, used = 0, 0.0
        while fits < len(self.laid) or self._more():
            if used + self.laid[fits].height > room:
                break
            used += self.laid[fits].height
            fits += 1
        self._fits, self._used = fits, used
        over = self.laid[fits].height if fits < len(self.laid) else 0.0
        self.height = self._header().height + used + over
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self.wrap(avail_width, avail_height)
        head, fits = self._header(), self._fits
        here, rest = self.laid[:fits], self.laid[fits:]
        if rest and head.height + rest[0].height > self.page_height:  # too tall for any page: split it here
            parts = split_row(rest[0], avail_height - head.height - self._used, self.widths, self.font)
            if parts is not None:
                here, rest = here + [parts[0]], [parts[1], *rest[1:]]
        if not here and not self._deferred:
            self._deferred = True
            return []  # the row fits a whole page: it starts the next one
        if not here:  # a fresh page still too short for it (never with the page height known): split it
            parts = split_row(rest[0], avail_height - head.height, self.widths, self.font)
            if parts is None:
                return []
            here, rest = [parts[0]], [parts[1], *rest[1:]]
        page = RowsPage(head, here, self.widths, self.font)
        return [page, self._rest(rest)] if rest or self.start < len(self.rows) else [page]

    def _rest(self, laid: list[Row]) -> RowsTable:
        return RowsTable(self.header_cells, self.rows, self.widths, self.font, self.make_row, start=self.start,
                         laid=laid, page_height=self.page_height, head=self.head)

    def draw(self):  # every row fitted: drawn as one page's part
        page = RowsPage(self._header(), self.laid[:self._fits], self.widths, self.font)
        page.canv = self.canv
        page.draw()
