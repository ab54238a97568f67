"""Letters to tenants as PDF (issue #14): A4, the landlord's name and address, the tenant's name and
address where a window envelope shows it, the date and reference, a line in the tenant's language on
how to get the letter translated or read to them, then the letter — in Welsh first and then English
for a Welsh-language tenant.

Everything on a large-print letter is set at the letter's font size or larger (16 pt or more, never a
smaller fallback: the page numbers too). Every piece of text is plain text escaped by `text.markup`;
a paragraph starting "! " prints bold. One letter per page run: a batch starts each letter on a new
page, numbered "Page X of Y" within the letter. Written through the one atomic writer.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, HRFlowable, PageBreak, PageTemplate, Paragraph,
    Spacer, Table, TableStyle,
)

from liaison_app.domain.letters import Letter, LetterBatch, LetterText
from liaison_app.outputs import atomic_write
from liaison_app.printing.canvas import HeldPagesCanvas
from liaison_app.printing.fonts import BOLD, REGULAR, register_fonts
from liaison_app.printing.styles import BLACK
from liaison_app.printing.text import markup

PAGE_W, PAGE_H = A4
MARGIN = 20 * mm
STANDARD_FOOTER_PT = 9.0
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew and Arabic scripts


def _styles(size: float) -> dict[str, ParagraphStyle]:
    lead = size * 1.4
    def style(name: str, font: str = REGULAR, scale: float = 1.0, **kw) -> ParagraphStyle:
        return ParagraphStyle(f"Letter{name}{size}", fontName=font, fontSize=size * scale, leading=lead * scale,
                              bulletFontName=REGULAR, **kw)
    return {"body": style("Body", spaceAfter=size * 0.7), "bold": style("Bold", BOLD, spaceAfter=size * 0.7),
            "subject": style("Subject", BOLD, 1.15, spaceBefore=size * 0.4, spaceAfter=size * 0.8),
            "landlord": style("Landlord", BOLD, 1.15, alignment=TA_RIGHT),
            "right": style("Right", alignment=TA_RIGHT), "address": style("Address"),
            "box": style("Box", BOLD), "box_rtl": style("BoxRtl", BOLD, alignment=TA_RIGHT)}


class LetterMark(Flowable):
    """Invisible marker at the start of each letter: the page numbers count within it."""

    _ZEROSIZE = 1

    def __init__(self, key: str, footer_pt: float):
        super().__init__()
        self.key, self.footer_pt = key, footer_pt
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.canv._part = (self.key, self.footer_pt)


class LetterCanvas(HeldPagesCanvas):
    """Writes each letter's 'Page X of Y' (a letter of more than one page) at the letter's own size."""

    first_part = ("", STANDARD_FOOTER_PT)

    def decorate_page(self, page: int, pages: int, number: int, total: int, parts: int) -> None:
        if pages > 1:
            size = self._part[1]
            self.setFont(REGULAR, size)
            self.drawRightString(PAGE_W - MARGIN, MARGIN - size, f"Page {page} of {pages}")


def _para(text: str, s: dict[str, ParagraphStyle]) -> Paragraph:
    if text.startswith("! "):
        return Paragraph(markup(text[2:]), s["bold"])
    return Paragraph(markup(text), s["body"])


def _head(letter: Letter, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """The landlord (top right), then the tenant's name and address (left, where a window envelope shows
it) beside the date and reference."""
    right = [Paragraph(markup(letter.landlord_name), s["landlord"])]
    right += [Paragraph(markup(line), s["right"]) for line in letter.landlord_address]
    to = [Paragraph(markup(line), s["address"]) for line in letter.recipient]
    dated = [Paragraph(markup(letter.dated), s["right"]), Paragraph(markup(f"Ref: {letter.job_ref}"), s["right"])]
    table = Table([["", right], [to, dated]], colWidths=[width * 0.55, width * 0.45], hAlign="LEFT")
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),  # an empty cell too: never Helvetica
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 1), (-1, 1), 4 * mm)]))
    return [table, Spacer(1, 8 * mm)]


def _translation(letter: Letter, s: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    if not letter.translation_line:
        return []
    style = s["box_rtl"] if _RIGHT_TO_LEFT.search(letter.translation_line) else s["box"]
    box = Table([[Paragraph(markup(letter.translation_line), style)]], colWidths=[width], hAlign="LEFT")
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BOX", (0, 0), (-1, -1), 1.5, BLACK), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [box, Spacer(1, 5 * mm)]


def _text(text: LetterText, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(markup(text.subject), s["subject"])]
    story += [_para(p, s) for p in text.paragraphs]
    return story


def letter_story(letter: Letter, width: float, key: str = "letter") -> list[Flowable]:
    s = _styles(letter.font_size)
    footer = letter.font_size if letter.large_print else STANDARD_FOOTER_PT
    story: list[Flowable] = [LetterMark(key, footer), *_head(letter, s, width), *_translation(letter, s, width)]
    for n, text in enumerate(letter.texts):
        if n:
            story += [CondPageBreak(60 * mm), HRFlowable(width="100%", thickness=1, color=BLACK,
                                                        spaceBefore=4 * mm, spaceAfter=4 * mm)]
        story += _text(text, s)
    return story


def _doc(path: str, title: str, subject: str, author: str) -> BaseDocTemplate:
    register_fonts()
    doc = BaseDocTemplate(path, pagesize=A4, title=title, subject=subject, author=author, creator="Liaison",
                          producer="Liaison", initialFontName=REGULAR, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN + 6 * mm)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame])])
    return doc


def render_letter_pdf(letter: Letter, path: str | os.PathLike) -> Path:
    """One letter as a PDF at `path` (written whole or not at all)."""
    def build(tmp: Path) -> None:
        doc = _doc(str(tmp), f"Letter to a tenant — {letter.kind} — job {letter.job_ref}", f"Job {letter.job_ref}",
                   letter.landlord_name or "Liaison")
        doc.build(letter_story(letter, doc.width), canvasmaker=LetterCanvas)
    return atomic_write(path, build)


def render_letters_pdf(batch: LetterBatch, path: str | os.PathLike) -> Path:
    """A batch of letters (the letters due this week) as one PDF, each letter starting on a new page."""
    def build(tmp: Path) -> None:
        landlord = batch.letters[0].landlord_name if batch.letters else ""
        doc = _doc(str(tmp), batch.title, ", ".join(l.job_ref for l in batch.letters), landlord or "Liaison")
        story: list[Flowable] = []
        for n, letter in enumerate(batch.letters):
            if n:
                story.append(PageBreak())
            story += letter_story(letter, doc.width, key=f"letter-{n}")
        if not story:
            story.append(Paragraph("No letters are due.", _styles(12.0)["body"]))
        doc.build(story, canvasmaker=LetterCanvas)
    return atomic_write(path, build)
