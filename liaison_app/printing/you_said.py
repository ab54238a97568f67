""""You said, we did" as one A4 page fit to publish and to hand to contractors, built in named steps:
the heading and headline figures, a bar chart of the points raised (ReportLab's own charts), the table of
what tenants said and what was done, and the contractors' figures. The body shrinks to fit one page; the
CSV holds every row. Text arrives already anonymised (services/you_said.py) and is escaped here like any
other (printing.text.markup). No "Confidential" banner: nothing on it is personal data.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from liaison_app.domain.briefing import TableDocument
from liaison_app.domain.text import plural
from liaison_app.domain.you_said import PointSaid, ScopeSaid, YouSaidSummary
from liaison_app.outputs import atomic_write
from liaison_app.printing.fonts import BOLD, ITALIC, REGULAR, register_fonts
from liaison_app.printing.tables import write_document
from liaison_app.printing.text import markup

MARGIN = 15 * mm
TOP = 12 * mm  # and bottom: no header or footer on this page
ROOM = A4[1] - 2 * TOP - 2
WIDTH = A4[0] - 2 * MARGIN

@dataclass(frozen=True)
class Detail:
    """How much the page prints: quotes (and actions) per point, contractors (the most raised first) and the
    longest quote (0: as given, about 160 characters). The CSV always has everything."""

    quotes: int
    contractors: int
    quote_chars: int = 0


# Tried in turn until the page fits at full size; the last is shrunk to fit if it still does not.
DETAILS = (Detail(2, 12), Detail(1, 8), Detail(1, 5, 90))
LABEL_CHARS = 32  # a chart label longer than this (a landlord's own wording) is cut with "…"
BAR = colors.Color(0.18, 0.33, 0.55)
LIGHT = colors.Color(0.9, 0.9, 0.9)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("YsTitle", fontName=BOLD, fontSize=22, leading=26, spaceAfter=2),
        "sub": ParagraphStyle("YsSub", fontName=REGULAR, fontSize=10.5, leading=13.5, spaceAfter=4),
        "head": ParagraphStyle("YsHead", fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=6, spaceAfter=3),
        "body": ParagraphStyle("YsBody", fontName=REGULAR, fontSize=10, leading=13),
        "cell": ParagraphStyle("YsCell", fontName=REGULAR, fontSize=9, leading=11.5),
        "bold": ParagraphStyle("YsBold", fontName=BOLD, fontSize=9, leading=11.5),
        "quote": ParagraphStyle("YsQuote", fontName=ITALIC, fontSize=9, leading=11.5, spaceBefore=2),
        "action": ParagraphStyle("YsAction", fontName=REGULAR, fontSize=9, leading=11.5, spaceAfter=2),
        "small": ParagraphStyle("YsSmall", fontName=REGULAR, fontSize=8, leading=10, spaceBefore=6),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def headline(scope: ScopeSaid) -> list[str]:
    """The figures in words, one sentence each."""
    lines = [f"Tenants raised a code-of-conduct point {_times(scope.raised)}." if scope.raised
             else "No tenant raised a code-of-conduct point."]
    if scope.score_line():
        lines.append(f"Text-message survey: {scope.score_line()}.")
    if scope.id_line():
        lines.append(f"Returned sign-off slips: {scope.id_line()}.")
    return lines


def _heading(summary: YouSaidSummary, s: dict) -> list:
    who = f" — {summary.contractor_filter}" if summary.contractor_filter else ""
    about = f"what tenants told us about our contractors' conduct{who}, {summary.period}"
    return [_p("You said, we did", s["title"]),
            _p(f"{summary.landlord}: {about}" if summary.landlord else about[0].upper() + about[1:], s["sub"]),
            _p(" ".join(headline(summary.overall)), s["body"])]


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(points: tuple[PointSaid, ...], width: float = WIDTH) -> Drawing:
    """How many times each code-of-conduct point was raised: one bar per point, the number at its end."""
    label_w = 52 * mm
    height = 10 + 13 * len(points)
    drawing = Drawing(width, height + 6)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = label_w, 4, width - label_w - 12 * mm, height
    chart.data = [[p.raised for p in reversed(points)]]
    chart.categoryAxis.categoryNames = [_cut(p.label) for p in reversed(points)]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = REGULAR, 9
    chart.categoryAxis.labels.boxAnchor, chart.categoryAxis.labels.dx = "e", -4
    most = max([p.raised for p in points] + [1])
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, most
    chart.valueAxis.valueStep = max(1, -(-most // 5))
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = REGULAR, 8
    chart.bars[0].fillColor, chart.bars[0].strokeColor = BAR, None
    chart.barLabelFormat, chart.barLabels.nudge = "%d", 8
    chart.barLabels.fontName, chart.barLabels.fontSize = BOLD, 9
    drawing.add(chart)
    return drawing


def _quote(text: str, chars: int) -> str:
    if not chars or len(text) <= chars:
        return text
    return text[:chars - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-…") + "…"


def _said_cell(point: PointSaid, s: dict, detail: Detail) -> list:
    tenants = f"{point.tenants} tenant{'' if point.tenants == 1 else 's'}"
    cell = [_p(f"{tenants}, {_times(point.raised)}", s["bold"])]
    cell += [_p(f"“{_quote(q, detail.quote_chars)}”", s["quote"]) for q in point.quotes[:detail.quotes]]
    more = len(point.quotes) - detail.quotes + point.more_quotes
    if more > 0:
        cell.append(_p(f"and {more} more", s["cell"]))
    return cell


def _did_cell(point: PointSaid, s: dict, detail: Detail) -> list:
    if not point.actions:
        return [_p("Nothing recorded yet.", s["cell"])]
    more = len(point.actions) - detail.quotes + point.more_actions
    cell = [_p(f"• {_quote(a, detail.quote_chars)}", s["action"]) for a in point.actions[:detail.quotes]]
    return cell + ([_p(f"and {more} more", s["cell"])] if more > 0 else [])


def _grid(rows: list, widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), LIGHT)]))
    return table


def said_table(scope: ScopeSaid, s: dict, detail: Detail = DETAILS[0]) -> list:
    """Point by point: what tenants said, and what was done."""
    raised = [p for p in scope.points if p.raised]
    if not raised:
        return [_p("No feedback on any code-of-conduct point in this period.", s["body"])]
    rows = [[_p(h, s["bold"]) for h in ("Code-of-conduct point", "You said", "We did")]]
    rows += [[_p(p.label, s["bold"]), _said_cell(p, s, detail), _did_cell(p, s, detail)] for p in raised]
    out = [_grid(rows, [40 * mm, 80 * mm, WIDTH - 120 * mm])]
    quiet = [p.label for p in scope.points if not p.raised]
    if quiet:
        out.append(_p("Not raised: " + ", ".join(quiet) + ".", s["small"]))
    return out


def contractors_table(summary: YouSaidSummary, s: dict, detail: Detail = DETAILS[0]) -> list:
    """Each contractor's figures, when the summary covers more than one."""
    if len(summary.contractors) < 2:
        return []
    shown = sorted(summary.contractors, key=lambda c: -c.raised)[:detail.contractors]
    rows = [[_p(h, s["bold"]) for h in ("Contractor", "Points raised", "Survey", "Returned sign-off slips")]]
    rows += [[_p(c.contractor, s["cell"]), _p(str(c.raised), s["cell"]), _p(c.score_line() or "—", s["cell"]),
              _p(c.id_line() or "—", s["cell"])] for c in summary.contractors if c in shown]
    out = [_p("By contractor", s["head"]), _grid(rows, [50 * mm, 25 * mm, 55 * mm, WIDTH - 130 * mm])]
    left = len(summary.contractors) - len(shown)
    return out + ([_p(f"And {plural(left, 'more contractor')}, with fewer points raised: see the CSV.", s["small"])]
                  if left else [])


def _body(summary: YouSaidSummary, detail: Detail) -> list:
    s = _styles()
    body = _heading(summary, s)
    body += [_p("Points raised", s["head"]), bar_chart(summary.overall.points), Spacer(1, 3 * mm)]
    body += [_p("What you said, and what we did", s["head"])] + said_table(summary.overall, s, detail)
    body += contractors_table(summary, s, detail)
    body.append(_p("Quotes are shortened; names, addresses, phone numbers and references are removed. "
                   + summary.produced, s["small"]))
    return body


def _height(flowables: list) -> float:
    return sum(f.wrap(WIDTH, 10 * A4[1])[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def you_said_story(summary: YouSaidSummary) -> list:
    """The page: heading, chart, table and contractors, with less detail (DETAILS) until it fits one page, and
    shrunk as a whole if even the least does not."""
    for detail in DETAILS:
        body = _body(summary, detail)
        if _height(body) <= ROOM:
            break
    return [KeepInFrame(WIDTH, ROOM, body, mode="shrink")]


def _canvas(*args, **kwargs) -> Canvas:
    kwargs.update(initialFontName=REGULAR, initialFontSize=9)
    return Canvas(*args, **kwargs)


def write_you_said_pdf(path: str | os.PathLike, summary: YouSaidSummary) -> Path:
    """The summary as a one-page A4 PDF at `path`, written whole or not at all."""
    def build(tmp: Path) -> None:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                                bottomMargin=TOP, title="You said, we did", subject="you-said-we-did",
                                author=summary.landlord or "Liaison")
        doc.build(you_said_story(summary), canvasmaker=_canvas)

    return atomic_write(path, build)


def write_report_pdf(path: str | os.PathLike, document: TableDocument | YouSaidSummary) -> Path:
    """A report's PDF: the table document most reports give, or a report's own page ("You said, we did")."""
    if isinstance(document, YouSaidSummary):
        return write_you_said_pdf(path, document)
    return write_document(path, document)
