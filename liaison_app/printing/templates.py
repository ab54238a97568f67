"""Step 3: the A4 page template. "CONFIDENTIAL" header and the confidentiality footer with
"Page X of Y" on every page.

Numbering is per briefing: a two-pass canvas (`NumberedCanvas`) keeps every page until the end,
then draws each page's header and footer knowing how many pages its own section (the cover sheet,
or one job's briefing) has. In a pack the footer also gives the pack-wide page number.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from liaison_app.domain.briefing import BuildCancelled, ProgressCallback
from liaison_app.printing.canvas import HeldPagesCanvas
from liaison_app.printing.fonts import BOLD, REGULAR, register_fonts
from liaison_app.printing.rows import CellFont, write_lines
from liaison_app.printing.styles import BLACK, WHITE

FOOTER_TEXT = "Confidential — personal data. Keep it out of sight; return or shred after the job."
PAGE_W, PAGE_H = A4
MARGIN = 15 * mm
HEADER_H = 12 * mm
FOOTER_H = 12 * mm


class SectionMark(Flowable):
    """Invisible marker at the start of a section (cover sheet or one briefing): names the section
    for the page header and reports progress; a progress callback returning False cancels."""

    _ZEROSIZE = 1

    def __init__(self, key: str, label: str, landlord: str, done: int = 0, total: int = 0,
                 progress: ProgressCallback | None = None):
        super().__init__()
        self.key, self.label, self.landlord = key, label, landlord
        self.done, self.total, self.progress = done, total, progress
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv._part = (self.key, self.label, self.landlord)
        if self.progress is not None and not self.progress(self.done, self.total):
            raise BuildCancelled("The pack was cancelled.")


class NumberedCanvas(HeldPagesCanvas):
    """Decorates each page with its section's header and 'Page X of Y' (and, in a pack, the pack page)."""

    first_part = ("", "", "")

    def decorate_page(self, page: int, pages: int, number: int, total: int, parts: int) -> None:
        _key, label, landlord = self._part
        pack_page = f"pack page {number} of {total}" if parts > 1 else ""
        decorate(self, label, landlord, page, pages, pack_page)


def _say(canv: Canvas, font: str, size: float, x: float, y: float, text: str, align: float = 0.0) -> None:
    """canv.drawString (align 0), drawCentredString (0.5) or drawRightString (1) in `font` at `size`, the
    same text operators, formatted once per document for a text every page repeats (rows.write_lines)."""
    if align:
        x -= align * stringWidth(text, font, size)
    write_lines(canv, CellFont(font, size, size * 1.2), x, y, (text,))


def decorate(canv: Canvas, label: str, landlord: str, page: int, pages: int, pack_page: str) -> None:
    canv.saveState()
    top = PAGE_H - MARGIN + 2 * mm
    canv.setFillColor(BLACK)
    canv.rect(MARGIN, top - 7 * mm, 42 * mm, 7 * mm, stroke=0, fill=1)
    canv.setFillColor(WHITE)
    canv.setFont(BOLD, 12)
    _say(canv, BOLD, 12, MARGIN + 21 * mm, top - 5.2 * mm, "CONFIDENTIAL", 0.5)
    canv.setFillColor(BLACK)
    canv.setFont(REGULAR, 9)
    _say(canv, REGULAR, 9, MARGIN + 45 * mm, top - 5 * mm, landlord[:70])
    canv.setFont(BOLD, 12)
    _say(canv, BOLD, 12, PAGE_W - MARGIN, top - 5.2 * mm, label, 1)
    canv.setLineWidth(1)
    canv.line(MARGIN, top - 9 * mm, PAGE_W - MARGIN, top - 9 * mm)
    bottom = MARGIN - 4 * mm
    canv.line(MARGIN, bottom + 8 * mm, PAGE_W - MARGIN, bottom + 8 * mm)
    canv.setFont(REGULAR, 8)
    _say(canv, REGULAR, 8, MARGIN, bottom + 4 * mm, FOOTER_TEXT)
    canv.setFont(BOLD, 10)
    _say(canv, BOLD, 10, PAGE_W - MARGIN, bottom + 4 * mm, f"Page {page} of {pages}", 1)
    if pack_page:
        canv.setFont(REGULAR, 7.5)
        _say(canv, REGULAR, 7.5, PAGE_W - MARGIN, bottom, pack_page, 1)
    canv.restoreState()


def make_doc(path: str, *, title: str, subject: str, author: str, keywords: str = "") -> BaseDocTemplate:
    """An A4 document with one frame inside the header and footer bands."""
    register_fonts()
    doc = BaseDocTemplate(path, pagesize=A4, title=title, subject=subject, author=author, keywords=keywords,
                          creator="Liaison", producer="Liaison", initialFontName=REGULAR,
                          leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + HEADER_H,
                          bottomMargin=MARGIN + FOOTER_H - 4 * mm)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


