"""Issue #15's pack speed-ups draw the same pages: paragraphs of the same text share their lines and their
drawing, KeepTogether is measured without copying the frame, the page furniture's repeated text is formatted
once, and the QR code is one filled path. Each is compared here with ReportLab drawing it afresh. The fonts
load with the cyclic garbage collector paused, and it is resumed as it was."""
from __future__ import annotations

import gc
import re

from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCode
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether

import briefing_world as world
from liaison_app.domain import Operative
from liaison_app.printing import fonts, render_pack_pdf, story, templates
from liaison_app.printing.fonts import register_fonts
from liaison_app.printing.qr import JobQrCode
from liaison_app.printing.styles import styles
from liaison_app.services import records
from liaison_app.services.briefing import pack_for_day


def _pack(store):
    """Five jobs of one contractor's day: repeated headings, bullets, labels and boxes; long descriptions,
    so sections and paragraphs meet the foot of a page."""
    c, first, job = world.full_world(store, description="Check the boiler, hob and fire. " * 40)
    op = records.create(store, Operative(contractor_id=c.id, name="Sam Fitter", badge_number="B-9"))
    for n in range(4):
        tenant = world.tenant(store, ref=f"T-1{n}", first="Łucja", last=f"Wiśniewska-{n}", line1=f"{n} Mill St")
        world.job(store, c.id, tenant, ref=f"J-11{n}", start_hour=11 + n, operative_id=op.id,
                  description="Service the boiler. <b>Bring</b> a & b. " * (20 + 30 * n))
    return pack_for_day(store, c.name, job.appointment_start.date(), on=job.appointment_start.date())


def _streams(path) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(str(path)).pages]


def _drawn_afresh(canv, font, size, x, y, text, align=0.0):
    """The page furniture drawn by ReportLab's own string calls (the font is set by decorate)."""
    {0.0: canv.drawString, 0.5: canv.drawCentredString, 1: canv.drawRightString}[align](x, y, text)


def test_the_pack_is_drawn_as_reportlab_draws_it_afresh(store, tmp_path, monkeypatch):
    pack = _pack(store)
    quick = _streams(render_pack_pdf(pack, tmp_path / "quick.pdf"))
    monkeypatch.setattr(story, "LAID_KEPT", 0)  # no shared lines
    monkeypatch.setattr(story, "DRAWN_KEPT", 0)  # no shared drawing
    monkeypatch.setattr(story.Together, "wrap", KeepTogether.wrap)  # the frame copied, as ReportLab does
    monkeypatch.setattr(templates, "_say", _drawn_afresh)
    afresh = _streams(render_pack_pdf(pack, tmp_path / "afresh.pdf"))
    assert len(quick) == len(afresh) >= 12
    assert quick == afresh  # every page's drawing, byte for byte


def test_a_shared_paragraph_split_at_a_page_end_leaves_the_others_whole():
    text = "<b>Dog on premises:</b> ask for it to be secured before entry. " * 4  # short enough to share
    body = styles().body
    kept, split = story.Para(text, body), story.Para(text, body)
    height = kept.wrap(120, 1000)[1]
    assert split.wrap(120, 1000)[1] == height and split.blPara is kept.blPara  # shared lines
    texts = lambda p: [[w.text for w in line.words] for line in p.blPara.lines]
    before = texts(kept)
    first, rest = split.split(120, height / 2)  # ReportLab's split adds a space to each line's last word
    first.wrap(120, 1000)
    rest.wrap(120, 1000)
    fresh = story.Para(text, body)
    fresh.wrap(120, 1000)
    assert texts(kept) == texts(fresh) == before  # the shared lines are as they were
    words = lambda p: " ".join(w for line in texts(p) for w in line).split()
    assert words(first) + words(rest) == words(kept)  # nothing lost in the split
    story.forget_parsed()


def _rects(code: list[str]) -> list[tuple[str, ...]]:
    return sorted(tuple(m) for line in code for m in re.findall(r"(\S+) (\S+) (\S+) (\S+) re", line))


def test_the_qr_code_is_reportlabs_modules_in_one_filled_path(tmp_path):
    register_fonts()
    ours, theirs = Canvas(str(tmp_path / "a.pdf")), Canvas(str(tmp_path / "b.pdf"))
    JobQrCode("GS-000123", 70).drawOn(ours, 0, 0)
    QrCode("GS-000123", width=70, height=70, qrLevel="M", qrBorder=4).drawOn(theirs, 0, 0)
    assert _rects(ours._code) == _rects(theirs._code) and len(_rects(ours._code)) > 50  # the same dark runs
    fills = [op for line in ours._code for op in line.split() if op in ("f", "f*", "B", "b")]
    assert fills == ["f"]  # one path, filled once by the non-zero rule: overlapping rows stay black


def test_the_fonts_load_with_the_collector_paused_and_resumed_as_it_was():
    was = gc.isenabled()
    try:
        for collecting in (True, False):
            gc.enable() if collecting else gc.disable()
            assert fonts.register_fonts.__wrapped__() == fonts.REGULAR
            assert gc.isenabled() is collecting
    finally:
        gc.enable() if was else gc.disable()
    for name in fonts._FILES:
        assert isinstance(pdfmetrics.getFont(name), TTFont)  # each an embedded TrueType font
