"""Letters to tenants as PDF (issue #14, point 1): one test per letter kind and per adjustment a letter
honours, reading the text extracted from the PDF; a large-print letter's font sizes read from the PDF;
officer text printed as itself; the week's batch one letter per page; `liaison-app letter`."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from letters_world import MARKERS, world  # noqa: E402
from liaison_app import cli  # noqa: E402
from liaison_app.domain import Visit  # noqa: E402
from liaison_app.printing import render_briefing_pdf  # noqa: E402
from liaison_app.printing.letters import render_letter_pdf, render_letters_pdf  # noqa: E402
from liaison_app.services import letters  # noqa: E402
from liaison_app.services.briefing import briefing_for_ref  # noqa: E402

CALL_AHEAD = "We will phone you before we come."


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def letter_text(store, tmp_path, kind="appointment", job_ref="G-100") -> str:
    out = render_letter_pdf(letters.letter_for_job(store, kind, job_ref), tmp_path / f"{kind}.pdf")
    return flat(pdf_text(out))


def font_sizes(path) -> set[float]:
    sizes: set[float] = set()

    def visit(text, _cm, tm, _font, size):
        if text.strip():
            sizes.add(round(size * tm[3], 1))

    for page in PdfReader(str(path)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("kind,says", [
    ("appointment", ["Your appointment: annual gas safety check", "We have booked your annual gas safety check.",
                     "Gas Safety (Installation and Use) Regulations 1998", "copy of the gas safety record within 28 days"]),
    ("no-access-1", ["We could not get into your home", "but we could not get in", "We have made a new appointment"]),
    ("no-access-2", ["This is our second letter", "bringing someone you trust"]),
    ("no-access-final", ["This is our final letter", "What happens next: if we cannot get in by",
                         "ask the court for an order to enter your home", "Regulations 1998"]),
    ("support-offer", ["Support for you while we work in your home",
                       "Your customer liaison officer will be there during the visit.", "A quiet room <b>& tea</b>"]),
])
def test_each_kind_of_letter_says_what_it_is_for_and_nothing_private(store, tmp_path, kind, says):
    world(store, failed=True, plan=True, password="BLUEBELL")
    text = letter_text(store, tmp_path, kind)
    assert [s for s in says if s not in text] == []
    assert "Wessex Homes" in text and "Dear Sia Ó Briain," in text and "Ref: G-100" in text
    assert "Direct line: 01985 123456" in text  # the officer has no direct line: the landlord's letters line
    assert [m for m in MARKERS if m in text] == []


def test_the_appointment_letter_says_who_is_coming_and_how_to_check_their_id(store, tmp_path):
    world(store, private=False)
    text = letter_text(store, tmp_path)
    assert "Who is coming: Dai Evans from Acme Gas Ltd. Their ID badge number is AG-0042." in text
    assert "ask to see the worker's photo ID card" in text and "ring us on 01985 123456" in text
    assert "between 09:00 and 13:00" in text


def test_large_print_sets_every_word_at_16_point_or_more(store, tmp_path):
    world(store, private=False, adjustments=("large_print",), password="BLUEBELL", language="Polish")
    out = render_letter_pdf(letters.letter_for_job(store, "appointment", "G-100"), tmp_path / "large.pdf")
    sizes = font_sizes(out)
    assert min(sizes) >= 16.0, sizes


def test_a_standard_letter_is_12_point_in_embedded_fonts_only(store, tmp_path):
    world(store, private=False)
    out = render_letter_pdf(letters.letter_for_job(store, "appointment", "G-100"), tmp_path / "standard.pdf")
    assert min(font_sizes(out)) == 12.0
    fonts = {str(f["/BaseFont"]) for page in PdfReader(str(out)).pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts  # never a built-in PDF font (Helvetica)


def test_call_ahead_promises_a_phone_call_first(store, tmp_path):
    world(store, private=False, adjustments=("call_ahead",))
    assert CALL_AHEAD in letter_text(store, tmp_path)


def test_without_call_ahead_no_call_is_promised(store, tmp_path):
    world(store, private=False)
    assert CALL_AHEAD not in letter_text(store, tmp_path)


def test_preferred_language_gets_a_line_on_translation_in_that_language(store, tmp_path):
    world(store, private=False, language="Polish")
    text = letter_text(store, tmp_path)
    assert "Jeśli chcą Państwo otrzymać tłumaczenie tego listu" in text and "01985 123456" in text
    assert text.index("Jeśli chcą") < text.index("Dear Sia")  # first thing after the address


def test_a_language_without_a_written_line_gets_the_english_line_naming_it(store, tmp_path):
    world(store, private=False, language="Tigrinya")
    assert "If you would like this letter in Tigrinya, or read to you, please call us on 01985 123456." in (
        letter_text(store, tmp_path))


def test_an_interpreter_is_offered_when_one_is_needed(store, tmp_path):
    world(store, private=False, language="Turkish", interpreter=True)
    text = letter_text(store, tmp_path)
    assert "We will arrange an interpreter who speaks Turkish, free of charge." in text
    assert "Bu mektubun tercüme edilmesini" in text


def test_a_welsh_speaker_gets_the_letter_in_welsh_first_then_english(store, tmp_path):
    world(store, private=False, language="Welsh", adjustments=("call_ahead",))
    text = letter_text(store, tmp_path)
    welsh, english = text.index("Annwyl Sia Ó Briain,"), text.index("Dear Sia Ó Briain,")
    assert welsh < english
    assert "Mae'r gyfraith yn dweud bod rhaid i ni wirio'r offer nwy" in text[welsh:english]
    assert "Byddwn yn eich ffonio cyn i ni ddod." in text[welsh:english] and CALL_AHEAD in text[english:]
    assert "Tachwedd" in text or "Rhagfyr" in text or any(m in text for m in ("Ionawr", "Mehefin", "Medi"))


def test_doorstep_password_is_asked_for_in_the_letter_and_printed_only_on_the_briefing(store, tmp_path):
    world(store, private=False, password="BLUEBELL")
    text = letter_text(store, tmp_path)
    assert "Remember your doorstep password." in text and "BLUEBELL" not in text
    briefing = flat(pdf_text(render_briefing_pdf(briefing_for_ref(store, "G-100"), tmp_path / "b.pdf")))
    assert "CONFIDENTIAL — doorstep password" in briefing and "BLUEBELL" in briefing


def test_officer_text_prints_as_itself(store, tmp_path):
    t, _ = world(store, private=False)
    from liaison_app.services import tenants
    tenants.change_tenant(store, t.id, {"preferred_name": "<b>Sia</b> & <font size=40>"})
    assert "Dear <b>Sia</b> & <font size=40> Ó Briain," in letter_text(store, tmp_path)


def test_the_weeks_letters_print_one_letter_per_page(store, tmp_path):
    world(store, private=False)
    world(store, private=False, failed=True, ref="G-200", booked=False)
    batch, _ = letters.letters_due_batch(store)
    out = render_letters_pdf(batch, tmp_path / "week.pdf")
    pages = [flat(p.extract_text()) for p in PdfReader(str(out)).pages]
    assert len(pages) >= 2
    starts = [n for n, page in enumerate(pages) if "Dear Sia Ó Briain," in page]
    assert len(starts) == 2 and all(pages[n].startswith("Wessex Homes") for n in starts)  # each on its own page
    assert "Your appointment" in pages[starts[0]] and "could not get into" in pages[starts[1]]


def test_cli_letter_writes_the_pdf_and_logs_it(store_path, store, tmp_path, capsys):
    t, _ = world(store, private=False)
    out = tmp_path / "letter.pdf"
    assert cli.main(["--db", str(store_path), "letter", "appointment", "G-100", "-o", str(out)]) == 0
    assert "Your appointment" in pdf_text(out) and "Letter written" in capsys.readouterr().out
    with store.read() as s:
        assert s.exec(select(Visit.visit_type).where(Visit.tenant_id == t.id)).all() == ["letter"]


@pytest.mark.parametrize("argv,message", [
    (("letter", "no-access-1", "G-100"), "Record the failed access attempt first"),
    (("letter", "appointment", "J-404"), "No job with reference J-404"),
])
def test_cli_refusals_are_one_line_exit_1_and_no_file(store_path, store, tmp_path, capsys, argv, message):
    world(store, private=False)
    out = tmp_path / "x.pdf"
    assert cli.main(["--db", str(store_path), *argv, "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and not out.exists()
    with store.read() as s:
        assert s.exec(select(Visit)).all() == []
