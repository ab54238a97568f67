"""Every PDF table cell fits its page: a long word wraps, a huge cell is cut with "…" (issue #10, item 12)."""
from __future__ import annotations

from pypdf import PdfReader

from liaison_app.domain.briefing import Section
from liaison_app.printing.tables import write_pdf


def _text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_odd_cells_never_stop_a_table(tmp_path):
    # Before: ValueError "flowable given negative availWidth" (or a row too tall for any page).
    for wide, n in ((True, 14), (False, 9)):  # the widest report (no-access) has 14 columns, landscape
        headers = [f"Column {i}" for i in range(n)]
        rows = [["Y" * 400] * 5 + ["short"] * (n - 5),
                ["Z" * 100_000] + ["short"] * (n - 1),
                ["line\n" * 500] + ["b"] * (n - 1),
                ["words " * 5000] * n,
                ["T-42"] + [""] * (n - 2) + ["an ordinary row"]]
        out = tmp_path / f"t-{wide}.pdf"
        write_pdf(out, "Odd cells", [], [Section("Rows", headers=headers, rows=rows)], wide=wide)
        text = _text(out).replace("\n", " ")  # lines break between words, never inside an ordinary one
        assert "an ordinary row" in text and "T-42" in text and f"Column {n - 1}" in text
        assert "…" in text


def test_cells_are_cut_with_an_ellipsis():
    from liaison_app.printing.tables import MAX_CELL_CHARS, cell_text

    assert cell_text("plain") == "plain"
    assert cell_text(None) == ""
    long = cell_text("Z" * 100_000)
    assert len(long) == MAX_CELL_CHARS and long.endswith("…")
    assert cell_text("a\n" * 500).count("\n") < 100 and cell_text("a\n" * 500).endswith("…")
