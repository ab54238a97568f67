"""Step 2: styles. Large, bold, black: legible in a van and after a black-and-white photocopy.

Every style names its font (and its bullet font), so ReportLab never falls back to Helvetica.
Built once per process.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from liaison_app.printing.fonts import BOLD, REGULAR, register_fonts

BLACK = colors.black
WHITE = colors.white
GREY = colors.Color(0.85, 0.85, 0.85)  # light shading only; meaning is always in words too


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bold: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    big: ParagraphStyle
    bullet: ParagraphStyle
    alert: ParagraphStyle
    box_heading: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    centre: ParagraphStyle
    check: ParagraphStyle


def _style(name: str, size: float, *, font: str = REGULAR, leading: float | None = None, colour=BLACK,
           **kw) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25,
                          textColor=colour, bulletFontName=REGULAR, bulletFontSize=size, **kw)


@lru_cache(maxsize=None)
def styles() -> Styles:
    register_fonts()
    return Styles(
        title=_style("Title", 18, font=BOLD, spaceAfter=3),
        subtitle=_style("Subtitle", 10),
        heading=_style("Heading", 14, font=BOLD, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        body=_style("Body", 10.5, spaceAfter=3),
        bold=_style("BodyBold", 10.5, font=BOLD, spaceAfter=3),
        small=_style("Small", 8.5),
        label=_style("Label", 9.5, font=BOLD),
        big=_style("Big", 14, font=BOLD, leading=17),
        bullet=_style("Bullet", 10.5, leftIndent=14, bulletIndent=2, spaceAfter=3),
        alert=_style("Alert", 15, font=BOLD, colour=WHITE, leading=19),
        box_heading=_style("BoxHeading", 13, font=BOLD, spaceAfter=3),
        cell=_style("Cell", 10),
        cell_bold=_style("CellBold", 10, font=BOLD),
        centre=_style("Centre", 8.5, alignment=TA_CENTER),
        check=_style("Check", 10.5, font=BOLD, leading=20),
    )


@dataclass(frozen=True)
class TableStyles:
    """The plain A4 documents of headed tables (reports, access evidence, subject access)."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    head: ParagraphStyle


@lru_cache(maxsize=None)
def table_styles() -> TableStyles:
    register_fonts()
    return TableStyles(
        title=ParagraphStyle("TableTitle", fontName=BOLD, fontSize=15, leading=19, spaceAfter=4),
        heading=ParagraphStyle("TableHeading", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8,
                               spaceAfter=3),
        body=ParagraphStyle("TableBody", fontName=REGULAR, fontSize=9.5, leading=12.5),
        cell=ParagraphStyle("TableCell", fontName=REGULAR, fontSize=7.5, leading=9.5),
        head=ParagraphStyle("TableHead", fontName=BOLD, fontSize=7.5, leading=9.5),
    )


@dataclass(frozen=True)
class RecordStyles:
    """The subject access export: records as field/value tables, and a part marked for review."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    key: ParagraphStyle
    review: ParagraphStyle


REVIEW_RED = colors.HexColor("#8a1c1c")
REVIEW_PINK = colors.HexColor("#fbeaea")


@lru_cache(maxsize=None)
def record_styles() -> RecordStyles:
    register_fonts()
    return RecordStyles(
        title=ParagraphStyle("RecordTitle", fontName=BOLD, fontSize=15, leading=19, spaceAfter=6),
        heading=ParagraphStyle("RecordHeading", fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=10,
                               spaceAfter=3),
        body=ParagraphStyle("RecordBody", fontName=REGULAR, fontSize=9, leading=11.5),
        key=ParagraphStyle("RecordKey", fontName=BOLD, fontSize=8.5, leading=11),
        review=ParagraphStyle("RecordReview", fontName=BOLD, fontSize=13, leading=17, textColor=REVIEW_RED,
                              spaceAfter=4),
    )
