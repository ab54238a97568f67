"""Long report tables drawn straight on the canvas (printing/rows.py, issue #15 point 5): the pages read and
look as ReportLab's own Table printed them, a row taller than a page runs on with every line once, names in
every script print exactly in embedded fonts, and a line that repeats prints every time."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
from xml.sax.saxutils import escape

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.platypus import LongTable, TableStyle

from liaison_app.domain.briefing import Briefing, Section
from liaison_app.printing import render_briefing_pdf, story
from liaison_app.printing import rows as rows_module
from liaison_app.printing import tables
from liaison_app.printing.fonts import REGULAR
from liaison_app.printing.story import Para
from liaison_app.printing.styles import styles
from liaison_app.printing.text import is_plain, markup

HEADERS = ["Due date", "Days left", "Check", "Tenancy ref", "Tenant", "Address", "Block", "Adjustments", "Support plan"]
NAMES = ["Gwenllïan Ŵyn-Ŷr", "Łucja Wiśniewska", "Seán Ó Briain", "Ağrı Yılmaz", "Ζωή Παπαδοπούλου",
         "Наталья Иванова", "أحمد بن علي"]


def _rows(n: int) -> list[list[str]]:
    return [["2026-03-%02d" % (1 + k % 28), str(k % 40 - 5), "Annual gas safety check" if k % 3 else "Asbestos survey",
             f"HA-{k:06d}", NAMES[k % len(NAMES)], f"Flat {k}, Tŷ Gwyn Swindon {k}, 1 Cricklade Road, Swindon, SN2 2EB"
             + ", Wiltshire" * (k % 4), "" if k % 2 else f"Tŷ Gwyn Swindon {k}",
             "Hearing; Mobility" if k % 5 else "<font size=40>big</font>", "yes" if k % 2 else "no"] for k in range(n)]


def _texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _reportlab_table(section, styles_, width, page_height):
    """The table as ReportLab's LongTable draws it, from the same cells: what reports printed before."""
    rows = [[tables.cell_text(c) for c in row] for row in section.rows]
    widths = tables.column_widths(section.headers, rows, width, styles_.cell.fontSize)
    cells = [[c if not isinstance(c, tuple) else "\n".join(c) for c in (tables._cell(t, w, styles_.cell)
                                                                          for t, w in zip(row, widths))]
             for row in rows]
    table = LongTable([[tables.para(h, styles_.head) for h in section.headers], *cells], colWidths=widths,
                      repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, styles_.cell.fontSize, styles_.cell.leading),
                               ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.88, 0.88)),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _both(tmp_path, monkeypatch, rows) -> tuple:
    section = [Section("Rows", headers=HEADERS, rows=rows)]
    ours = tables.write_pdf(tmp_path / "ours.pdf", "Checks", ["Due within 30 days."], section, wide=True)
    monkeypatch.setattr(tables, "_table", _reportlab_table)
    theirs = tables.write_pdf(tmp_path / "theirs.pdf", "Checks", ["Due within 30 days."], section, wide=True)
    return ours, theirs


def test_pages_read_as_reportlabs_table_printed_them(tmp_path, monkeypatch):
    ours, theirs = _both(tmp_path, monkeypatch, _rows(150))
    pages = _texts(ours)
    assert len(pages) > 3
    assert pages == _texts(theirs)  # the same rows on the same pages, the header on each, in the same order
    assert all(page.count("Tenancy ref") == 1 for page in pages)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_look_as_reportlabs_table_drew_them(tmp_path, monkeypatch):
    ours, theirs = _both(tmp_path, monkeypatch, _rows(40))
    for name, pdf in (("o", ours), ("t", theirs)):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), str(tmp_path / name)],
                       check=True)
    for page in ("1", "2"):
        a, b = (Image.open(next(tmp_path.glob(f"{n}-*{page}.png"))).convert("L") for n in ("o", "t"))
        difference = ImageChops.difference(a, b).point(lambda v: 255 if v > 60 else 0)
        assert difference.getbbox() is None or sum(difference.histogram()[255:]) < 20, page  # anti-aliasing only


def test_a_row_taller_than_a_page_runs_on_with_every_line_once(tmp_path):
    lines = "\n".join(f"line{n:02d}" for n in range(60))  # 60 lines of 9.5 points: taller than a landscape page
    wrapped = " ".join(f"word{n:03d}" for n in range(240))  # a long cell that wraps (under MAX_CELL_CHARS)
    rows = [["R-1", "before"], ["R-2", lines], ["R-3", wrapped], ["R-4", "after"]]
    out = tables.write_pdf(tmp_path / "tall.pdf", "Tall", [], [Section("Rows", headers=["Ref", "Notes"], rows=rows)],
                           wide=True)
    pages = _texts(out)
    assert len(pages) >= 2 and all(page.count("Notes") == 1 for page in pages)  # the header on every page
    words = " ".join(pages).split()
    assert [w for w in words if w.startswith("line")] == [f"line{n:02d}" for n in range(60)]
    assert [w for w in words if w.startswith("word")] == [f"word{n:03d}" for n in range(240)]
    assert [w for w in words if w.startswith("R-")] == ["R-1", "R-2", "R-3", "R-4"]


def test_names_in_every_script_print_exactly_in_embedded_fonts(tmp_path):
    out = tables.write_pdf(tmp_path / "names.pdf", "Names", [], [Section("Rows", headers=HEADERS, rows=_rows(70))])
    text = " ".join(_texts(out)).replace("\n", " ")
    for name in NAMES[:-1]:
        assert name in text, name
    assert "<font size=40>big</font>" in text  # typed markup prints as itself
    data = out.read_bytes()
    assert b"/FontFile2" in data and b"/Helvetica" not in data and b"/Times" not in data


def test_a_line_that_repeats_prints_every_time(tmp_path, monkeypatch):
    rows = _rows(300)
    first = tables.write_pdf(tmp_path / "a.pdf", "Rows", [], [Section("Rows", headers=HEADERS, rows=rows)])
    monkeypatch.setattr(rows_module, "REMEMBERED_LINES", 3)  # most lines formatted afresh each time
    second = tables.write_pdf(tmp_path / "b.pdf", "Rows", [], [Section("Rows", headers=HEADERS, rows=rows)])
    pages = _texts(first)
    assert pages == _texts(second)
    text = " ".join(pages).split()
    assert text.count("Asbestos") == sum(1 for row in rows if row[2] == "Asbestos survey") == 100
    assert text.count("yes") == 150


def test_a_paragraph_breaks_its_lines_again_for_a_new_width():
    p = Para(markup("Wear boot covers inside the home and explain each step before starting. " * 6), styles().body)
    narrow = p.wrap(150, 1000)
    wide = p.wrap(450, 1000)
    assert wide[1] < narrow[1]
    assert p.wrap(150, 1000) == narrow and p.height == narrow[1]
    first, rest = p.split(150, narrow[1] / 2)
    assert first.wrap(150, 1000)[1] + rest.wrap(150, 1000)[1] == narrow[1]  # nothing lost in a split


@pytest.mark.parametrize("text", ["plain", "two\nlines", "<b> & \"q\"", "tab\there", "cr\r\nlf", "bell\x07",
                                  "أحمد", "Ζωή Наталья Łucja", ""])
def test_plain_means_markup_only_escapes(text):
    assert is_plain(text) == (escape(text) == markup(text).replace("<br/>", "\n"))


def test_paragraphs_of_the_same_text_print_alike_and_alone():
    body, bold = styles().body, styles().cell_bold
    text = "Code of conduct: <b>show your ID</b>"
    a, b, c = Para(text, body), Para(text, body), Para(text, bold)
    assert a.frags is not b.frags and all(x is not y for x, y in zip(a.frags, b.frags))  # each its own
    assert [(f.fontName, f.text) for f in a.frags] == [(f.fontName, f.text) for f in b.frags]
    assert c.frags[0].fontName != a.frags[0].fontName  # another style is parsed for itself
    b.frags[0].text = "changed"
    assert a.wrap(200, 500) == Para(text, body).wrap(200, 500)
    assert Para(text, body).frags[0].text == "Code of conduct: "


def test_typed_text_is_not_kept_once_a_briefing_is_printed(tmp_path):
    fields = {f.name: "" for f in dataclasses.fields(Briefing) if f.type in ("str", str)}
    briefing = Briefing(**{**{f.name: () for f in dataclasses.fields(Briefing) if f.name not in fields}, **fields,
                           "job_ref": "J-1", "tenant_name": "Gwenllïan Ŵyn-Ŷr"})
    render_briefing_pdf(briefing, tmp_path / "b.pdf")
    assert not any("Gwenllïan" in key[0] for key in story._parsed)
