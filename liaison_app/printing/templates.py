"""Step 3: the A4 page template. "CONFIDENTIAL" header and the confidentiality footer with
"Page X of Y" on every page.

Numbering is per briefing: a two-pass canvas (`NumberedCanvas`) keeps every page until the end,
then draws each page's header and footer knowing how many pages its own section (the cover sheet,
or one job's briefing) has. In a pack the footer also gives the pack-wide page number.
"""
from __future__ import annotations



from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from liaison_app.domain.briefing import BuildCancelled, ProgressCallback
from liaison_app.printing.canvas import HeldPagesCanvas
from liaison_app.printing.fonts import BOLD, REGULAR, register_fonts
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


def decorate(canv: Canvas, label: str, landlord: str, page: int, pages: int, pack_page: str) -> None:
    canv.saveState()
    top = PAGE_H - MARGIN + 2 * mm
    canv.setFillColor(BLACK)
    canv.rect(MARGIN, top - 7 * mm, 42 * mm, 7 * mm, stroke=0, fill=1)
    canv.setFillColor(WHITE)
    canv.setFont(BOLD, 12)
    canv.drawCentredString(MARGIN + 21 * mm, top - 5.2 * mm, "CONFIDENTIAL")
    canv.setFillColor(BLACK)
    canv.setFont(REGULAR, 9)
    canv.drawString(MARGIN + 45 * mm, top - 5 * mm, landlord[:70])
    canv.setFont(BOLD, 12)
    canv.drawRightString(PAGE_W - MARGIN, top - 5.2 * mm, label)
    canv.setLineWidth(1)
    canv.line(MARGIN, top - 9 * mm, PAGE_W - MARGIN, top - 9 * mm)
    bottom = MARGIN - 4 * mm
    canv.line(MARGIN, bottom + 8 * mm, PAGE_W - MARGIN, bottom + 8 * mm)
    canv.setFont(REGULAR, 8)
    canv.drawString(MARGIN, bottom + 4 * mm, FOOTER_TEXT)
    canv.setFont(BOLD, 10)
    canv.drawRightString(PAGE_W - MARGIN, bottom + 4 * mm, f"Page {page} of {pages}")
    if pack_page:
        canv.setFont(REGULAR, 7.5)
        canv.drawRightString(PAGE_W - MARGIN, bottom, pack_page)
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


