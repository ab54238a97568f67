"""The readable subject access export (UK GDPR Art. 15): every record held on a tenancy as a field/value
table, and, for a safeguarding lead, a part on a new page behind a red box: review before disclosure.

Takes a SubjectAccessDocument (plain data, from services.subject_access); the one font registry, style
sheet and markup helper; written through the one atomic writer.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from liaison_app.domain.briefing import RecordSection, SubjectAccessDocument
from liaison_app.outputs import atomic_write
from liaison_app.printing.styles import REVIEW_PINK, REVIEW_RED, RecordStyles, record_styles
from liaison_app.printing.text import markup


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return markup(str(value))


def _record_table(row, styles: RecordStyles) -> Table:
    cells = [[Paragraph(markup(k.replace("_", " ")), styles.key), Paragraph(_text(v), styles.body)]
             for k, v in row.items()]
    table = Table(cells, colWidths=[45 * mm, 125 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.grey),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _sections(sections: Sequence[RecordSection], styles: RecordStyles) -> list:
    story: list = []
    for section in sections:
        story.append(Paragraph(markup(f"{section.heading} ({len(section.rows)})"), styles.heading))
        if not section.rows:
            story.append(Paragraph("None held.", styles.body))
        for row in section.rows:
            story += [_record_table(row, styles), Spacer(1, 2 * mm)]
    return story


def _review_banner(document: SubjectAccessDocument, styles: RecordStyles) -> list:
    """A new page opening with a boxed, red warning: everything after it is for the lead to review."""
    box = Table([[Paragraph(markup(document.review_heading), styles.review)],
                 [Paragraph(markup(document.review_note), styles.body)]], colWidths=[170 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, REVIEW_RED), ("BACKGROUND", (0, 0), (-1, -1), REVIEW_PINK),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [PageBreak(), box]


def _build(document: SubjectAccessDocument, target: Path) -> None:
    styles = record_styles()
    story = [Paragraph(markup(f"Everything held about tenancy {document.tenancy_ref}"), styles.title),
             Paragraph(markup(f"Subject access export made {document.made_at}."), styles.body)]
    story += _sections(document.sections, styles)
    if document.review_sections is not None:
        story += _review_banner(document, styles)
        story += _sections(document.review_sections, styles)
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=f"Subject access {document.tenancy_ref}",
                            author="Liaison")
    doc.build(story)


def write_subject_access_pdf(path: str | os.PathLike, document: SubjectAccessDocument) -> Path:
    """Write the export as a PDF at `path`, whole or not at all (the folder is made if missing)."""
    return atomic_write(path, lambda tmp: _build(document, tmp), make_folder=True)
