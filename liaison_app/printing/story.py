"""Step 4: the story. Sections with large bold headings, black-bordered boxes for what keeps the
operative safe, and nothing whose meaning rests on colour (it must survive a B&W photocopy).

Every piece of officer-typed or imported text passes through `text.markup` (escaped) before it
becomes a Paragraph; fixed wording is written here as markup.
"""
from __future__ import annotations

from copy import copy

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from liaison_app.domain.briefing import Briefing, Pack, ProgressCallback
from liaison_app.domain.operatives import CONFIRM
from liaison_app.printing.fonts import BOLD, REGULAR
from liaison_app.printing.qr import qr_code
from liaison_app.printing.styles import BLACK, GREY, styles
from liaison_app.printing.templates import PAGE_W, MARGIN, SectionMark
from liaison_app.printing.text import markup

WIDTH = PAGE_W - 2 * MARGIN
LABEL_W = 34 * mm
NOTHING = "Nothing extra recorded."
BOX = 2  # points: the border of boxes that matter for safety


PARSED_KEPT = 2000  # parsed paragraphs kept (headings, bullets, sign-off labels repeat in every briefing)
PARSED_LONGEST = 300  # characters: longer text (a job's description) is parsed each time
LAID_KEPT = 4000  # the line breaks kept, per text and width (the same paragraphs, the same columns)
DRAWN_KEPT = 4000  # per document: the PDF drawing kept, per text, width and height
_NOT_SHARED = ("<a", "<link", "<img", "<span", "<index")  # markup that adds links or images: drawn each time
_parsed: dict = {}  # (markup, style, bullet) -> (text, frags, style, bullet) as ReportLab's parser left them
_laid: dict = {}  # ((markup, style, bullet), width) -> (lines, line widths, size) as Paragraph.wrap left them


def forget_parsed() -> None:
    """Drop the parsed paragraphs and their lines kept, once a document is built: typed text (names,
    addresses) is kept no longer than the build that printed it."""
    _parsed.clear()
    _laid.clear()


class Para(Paragraph):
    """A Paragraph that (1) parses a markup it has parsed before only once: a 200-job pack repeats the same
    headings, bullets and labels in every briefing, and parsing was a sixth of its time; each paragraph
    gets its own copies of the parsed fragments; (2) keeps its lines while it is asked for the same width
    again: a table measures its cells, may split, then draws them, and KeepTogether measures its content
    before the frame does, so every paragraph's lines were broken three times over; (3) shares, between
    paragraphs of the same short text and style, the lines broken for a width and (per document) the PDF
    drawing made of them: the same words drawn the same way, added to the page again as they were made.
    The drawing of a paragraph depends only on its lines and style (the frame moves it into place), and
    its fonts' glyphs are already in that document's subsets, so the page reads exactly as if drawn afresh.
    A paragraph that is split gets lines of its own first (ReportLab's split changes the lines it splits)."""

    _wrapped: tuple | None = None
    _shared: tuple | None = None  # (markup, style, bullet) when this paragraph's lines and drawing are shared

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is not None or not isinstance(text, str) or len(text) > PARSED_LONGEST:
            return super()._setup(text, style, bulletText, frags, cleaner)
        key = (text, style, bulletText)
        if not any(tag in text for tag in _NOT_SHARED):
            self._shared = key
        found = _parsed.get(key)
        if found is None:
            super()._setup(text, style, bulletText, frags, cleaner)
            if len(_parsed) < PARSED_KEPT:
                _parsed[key] = (self.text, self.frags, self.style, self.bulletText)
            return None
        self.text, self._parsed_frags, self.style, bullet = found  # copied when first asked for (frags)
        self.bulletText = [copy(f) for f in bullet] if isinstance(bullet, list) else bullet
        self.debug = 0
        return None

    @property
    def frags(self):
        """This paragraph's own copies of the parsed fragments, made when first asked for: a paragraph whose
        lines and drawing are shared (most, in a pack) never needs them."""
        own = self.__dict__.get("_frags")
        if own is None and self.__dict__.get("_parsed_frags") is not None:
            own = self.__dict__["_frags"] = [copy(f) for f in self.__dict__.pop("_parsed_frags")]
        return own

    @frags.setter
    def frags(self, value):
        self.__dict__.pop("_parsed_frags", None)
        self.__dict__["_frags"] = value

    def wrap(self, availWidth, availHeight):
        kept = self._wrapped
        if kept is not None and kept[0] == availWidth and getattr(self, "blPara", None) is kept[1]:
            self.width, self.height = kept[2]
            return kept[2]
        laid = _laid.get((self._shared, availWidth)) if self._shared is not None else None
        if laid is not None:
            self.blPara, self._wrapWidths, size = laid
            self.width, self.height = size
        else:
            size = super().wrap(availWidth, availHeight)
            blPara = getattr(self, "blPara", None)
            if self._shared is not None and blPara is not None and len(_laid) < LAID_KEPT:
                _laid[(self._shared, availWidth)] = (blPara, self._wrapWidths, size)
        self._wrapped = (availWidth, getattr(self, "blPara", None), size)
        return size

    def split(self, availWidth, availHeight):
        if self._shared is not None:  # lines of its own, for ReportLab's split to change
            self._shared = self._wrapped = None
            Paragraph.wrap(self, availWidth, availHeight)
        return super().split(availWidth, availHeight)

    def draw(self):
        key, canvas = self._shared, self.canv
        if key is None or self.debug:
            return super().draw()
        drawn = canvas.__dict__.setdefault("_liaison_paragraphs", {})
        at = (key, self.width, self.height)
        code = drawn.get(at)
        if code is not None:
            canvas._code.extend(code)
            return None
        start = len(canvas._code)
        super().draw()
        if len(drawn) < DRAWN_KEPT:
            drawn[at] = tuple(canvas._code[start:])
        return None


class Together(KeepTogether):
    """KeepTogether, measured without ReportLab's deep copy of the page frame: that copy guards the frame
    against content that adds content to it as it is measured, which paragraphs and tables never do; it
    was a twentieth of a pack's time. What fits where, and so every page, is the same."""

    def wrap(self, aW, aH):
        doc = getattr(self.canv, "_doctemplate", None)
        frame = getattr(doc, "frame", None)
        if frame is None or not all(isinstance(f, (Paragraph, Table, Spacer)) for f in self._content):
            return super().wrap(aW, aH)
        doc.frame = None
        try:
            return super().wrap(aW, aH)
        finally:
            doc.frame = frame


def _p(text: str, style) -> Paragraph:
    """A Paragraph of plain (officer-typed) text: always escaped."""
    return Para(markup(text), style)


def _table(rows, widths, commands, **kw) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", splitInRow=1, **kw)
    base = [("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    table.setStyle(TableStyle(base + list(commands)))
    return table


def _heading(text: str) -> Paragraph:
    return Para(text, styles().heading)


def _bullets(items: tuple[str, ...], empty: str = NOTHING) -> list[Flowable]:
    s = styles()
    if not items:
        return [Para(empty, s.body)]
    return [Para(markup(item), s.bullet, bulletText="■") for item in items]


def _top(b: Briefing) -> Table:
    """What the operative needs first, on the doorstep: which job, where, when; the QR code beside it."""
    s = styles()
    left = [Para(f"Contractor briefing — job {markup(b.job_ref)}", s.box_heading),
            _p(b.address or "No address recorded", s.title)]
    if b.block:
        left.append(_p(f"Block / communal area: {b.block}", s.bold))
    left.append(_p(", ".join(p for p in (b.appointment_date, b.appointment_window) if p), s.big))
    left.append(_p(f"Printed on {b.printed_on}" + (f" by {b.printed_by}" if b.printed_by else ""), s.subtitle))
    qr = [qr_code(b.job_ref, 26 * mm), _p(b.job_ref, s.centre)]
    return _table([[left, qr]], [WIDTH - 32 * mm, 32 * mm], [("ALIGN", (1, 0), (1, 0), "CENTER"),
                                                              ("LEFTPADDING", (0, 0), (0, 0), 0)])


def _alerts(b: Briefing) -> list[Flowable]:
    """What must not be missed, white on black: a required operative, and that risks are recorded."""
    s = styles()
    lines = [m.upper() for m in b.must_know] + [w.upper() for w in b.operative_warnings]
    if any(item.high for item in b.your_safety):
        lines.append("HIGH RISK — READ “YOUR SAFETY” BEFORE YOU GO IN")
    elif b.your_safety:
        lines.append("RISK WARNING — READ “YOUR SAFETY” BEFORE YOU GO IN")
    if not lines:
        return []
    rows = [[Para(f"■ {markup(line)}", s.alert)] for line in lines]
    return [Spacer(1, 2 * mm), _table(rows, [WIDTH], [("BACKGROUND", (0, 0), (-1, -1), BLACK),
                                                     ("TOPPADDING", (0, 0), (-1, -1), 5),
                                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])]


def _job_rows(b: Briefing) -> list[tuple[str, Flowable]]:
    s = styles()
    rows: list[tuple[str, Flowable]] = []
    if b.tenant_name:
        rows.append(("Tenant", _p(b.tenant_name, s.cell_bold)))
    optional = [("Phone", b.tenant_phone), ("Language", b.language), ("Job type", b.job_type),
                ("Trade", b.trade), ("Contractor", b.contractor),
                ("Operative", _operative(b)),
                ("Complaint ref", b.complaint_ref), ("Raised by", b.complainant)]
    rows += [(label, _p(value, s.cell_bold if label == "Job type" else s.cell)) for label, value in optional if value]
    if b.complaint_ref and not b.complainant:
        rows.append(("Raised by", Para("A resident (no consent to share their contact details).", s.cell)))
    return rows


def _operative(b: Briefing) -> str:
    """The booked operative, with what the office must confirm first (never their recorded gender)."""
    name = b.operative + (f" (ID badge {b.operative_badge})" if b.operative_badge else "")
    confirm = [m for m in b.must_know if m in CONFIRM.values()]
    return " — ".join([name] + confirm) if name and confirm else name


def _the_job(b: Briefing) -> list[Flowable]:
    s = styles()
    rows = [[Para(label, s.label), value] for label, value in _job_rows(b)]
    grid = _table(rows, [LABEL_W, WIDTH - LABEL_W], [("LINEBELOW", (0, 0), (-1, -1), 0.5, BLACK),
                                                     ("LEFTPADDING", (0, 0), (0, -1), 0)])
    return [_heading("The job"), grid, Spacer(1, 2 * mm), Para("What to do", s.box_heading),
            _p(b.description or "No description recorded.", s.body)]


def _safety(b: Briefing) -> list[Flowable]:
    s = styles()
    rows = []
    for item in b.your_safety:
        tag = "HIGH RISK" if item.high else "Risk"
        rows.append([Para(f"<b>■ {tag} — {markup(item.flag)}:</b> {markup(item.instruction)}", s.body)])
    if not rows:
        rows.append([Para("No risk warnings are recorded for this person or home. Stay alert.", s.body)])
    rows.append([Para(f"<b>Emergency procedure:</b> {markup(b.emergency_procedure)}", s.body)])
    box = _table(rows, [WIDTH], [("BOX", (0, 0), (-1, -1), BOX, BLACK),
                                 ("LINEABOVE", (0, -1), (-1, -1), 1, BLACK),
                                 ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    return [_heading("Your safety"), box]


def _worried(b: Briefing) -> list[Flowable]:
    box = _table([[_p(b.safeguarding_line, styles().body)]], [WIDTH], [("BOX", (0, 0), (-1, -1), 1, BLACK),
                                                                      ("TOPPADDING", (0, 0), (-1, -1), 4)])
    return [_heading("If you are worried about someone"), box]


def _sign_off() -> Flowable:
    s = styles()
    line = "_" * 34

    def row(label: str, value: str = line):
        return [Para(label, s.label), Para(value, s.cell)]

    box = '<font size="18">☐</font>'
    rows = [[Para(f"{box} I have read this briefing", s.check), ""],
            row("Operative name"), row("ID badge number"),
            [Para(f"{box} ID shown to tenant", s.check), ""],
            row("Signature"), row("Date and time")]
    grid = _table(rows, [50 * mm, WIDTH - 50 * mm], [("BOX", (0, 0), (-1, -1), 1, BLACK),
                                                     ("SPAN", (0, 0), (1, 0)), ("SPAN", (0, 3), (1, 3)),
                                                     ("TOPPADDING", (0, 0), (-1, -1), 9),
                                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    return Together([_heading("Operative sign-off"), grid])


def _doorstep_password(b: Briefing) -> list[Flowable]:
    """The confidential box: the doorstep password the tenant will ask for (issue #14); only when one is agreed."""
    if not b.doorstep_password:
        return []
    s = styles()
    rows = [[Para("CONFIDENTIAL — doorstep password", s.box_heading)],
            [Para(f"Say this word at the door when the tenant asks: <b>{markup(b.doorstep_password)}</b>", s.big)],
            [Para("Never write it on anything else, say it where others can hear, or show this page to anyone.",
                       s.body)]]
    box = _table(rows, [WIDTH], [("BOX", (0, 0), (-1, -1), BOX, BLACK), ("TOPPADDING", (0, 0), (-1, -1), 4)])
    return [Spacer(1, 3 * mm), Together([box])]


def briefing_story(b: Briefing) -> list[Flowable]:
    """One job's briefing, in BRIEFING.md's order."""
    story: list[Flowable] = [_top(b)] + _alerts(b) + _the_job(b)
    story.append(Together([_heading("Before you arrive")] + _bullets(b.before_you_arrive)))
    story += _doorstep_password(b)
    where = "In the home" if b.tenant_name else "On site"  # a communal job has no home to enter
    story.append(Together([_heading(where)] + _bullets(b.in_the_home)))
    story += _safety(b)
    story.append(Together([_heading("Code of conduct")] + _bullets(b.conduct_reminders)))
    story += _worried(b)
    story.append(_sign_off())
    return story


def _cover_rows(pack: Pack) -> list[list]:
    s = styles()
    rows = [[Para(h, s.cell_bold) for h in ("Time", "Job", "Address and operative", "Flags")]]
    for b in pack.briefings:
        operative = b.operative + (f" (badge {b.operative_badge})" if b.operative_badge else "")
        where = b.address + (f" ({b.block})" if b.block and b.block not in b.address else "")
        rows.append([_p(b.appointment_window or "—", s.cell_bold), _p(b.job_ref, s.cell),
                     [_p(where, s.cell), _p(f"Operative: {operative or 'not booked yet'}", s.cell_bold)],
                     _cover_flags(b)])
    return rows


def _cover_flags(b: Briefing) -> list[Paragraph]:
    """What the office and operative must do first, one line each (a required operative in capitals), then
    the other flags on one line."""
    s = styles()
    todo = [f for f in b.flags if f in b.operative_warnings or f in CONFIRM.values() or f + " required" in b.must_know]
    rest = " · ".join(f for f in b.flags if f not in todo)
    lines = [_p(f"■ {f.upper()}", s.cell_bold) for f in todo] + ([_p(rest, s.cell_bold)] if rest else [])
    return lines or [_p("—", s.cell_bold)]


def cover_story(pack: Pack) -> list[Flowable]:
    s = styles()
    count = len(pack.briefings)
    intro = [Para("Contractor day pack", s.title), _p(pack.contractor, s.big), _p(pack.day, s.big),
             _p(f"{count} job{'s' if count != 1 else ''}, in appointment order. Printed on {pack.printed_on}"
                f" by {pack.printed_by}. Each job's briefing follows on its own page.", s.body), Spacer(1, 3 * mm)]
    table = _table(_cover_rows(pack), [31 * mm, 27 * mm, WIDTH - 113 * mm, 55 * mm],
                   [("GRID", (0, 0), (-1, -1), 0.75, BLACK), ("BACKGROUND", (0, 0), (-1, 0), GREY),
                    ("FONTNAME", (0, 0), (-1, 0), BOLD)], repeatRows=1)
    return intro + [table]


def pack_story(pack: Pack, progress: ProgressCallback | None = None) -> list[Flowable]:
    total = len(pack.briefings)
    story: list[Flowable] = [SectionMark("cover", "Day pack", pack.landlord_name, 0, total, progress)]
    story += cover_story(pack)
    for done, b in enumerate(pack.briefings):
        story += [PageBreak(), SectionMark(b.job_id, f"Job {b.job_ref}", b.landlord_name, done, total, progress)]
        story += briefing_story(b)
    return story


def single_story(b: Briefing) -> list[Flowable]:
    return [SectionMark(b.job_id, f"Job {b.job_ref}", b.landlord_name)] + briefing_story(b)
