"""Long report tables (issue #15, point 5): laid out a page at a time, every row printed once and in
order, the header on every page, typed markup printed as itself whether a cell is plain or wrapped."""
from __future__ import annotations

from pypdf import PdfReader

from liaison_app.domain.briefing import Section
from liaison_app.printing.tables import write_pdf

HEADERS = ["Tenancy ref", "Tenant", "Address", "Adjustments"]


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_every_row_prints_once_in_order_with_the_header_on_every_page(tmp_path):
    rows = [[f"R-{n:04d}", f"Tenant {n}", f"{n} Mill Lane, Bath, BA1 1AA" + ", Somerset" * (n % 7),
             "Boot covers; call ahead\nQuiet working" if n % 5 == 0 else ""] for n in range(400)]
    out = write_pdf(tmp_path / "long.pdf", "Long", [], [Section("Rows", headers=HEADERS, rows=rows)])
    pages = _pages(out)
    assert len(pages) > 5
    assert all(page.count("Tenancy ref") == 1 for page in pages)  # at the top, never again at a page's foot
    text = "\n".join(pages)
    refs = [word for word in text.split() if word.startswith("R-")]
    assert refs == [f"R-{n:04d}" for n in range(400)]


def test_typed_markup_prints_as_itself_in_short_and_wrapped_cells(tmp_path):
    short = "<b>bold</b> & <i>x</i>"
    wrapped = "<font size=40>big</font> " + "word " * 60
    out = write_pdf(tmp_path / "m.pdf", "Markup", [],
                    [Section("Rows", headers=HEADERS, rows=[["R-1", short, wrapped, "أحمد <b>"]])])
    text = " ".join(_pages(out)).replace("\n", " ")
    assert short in text
    assert "<font size=40>big</font>" in text
