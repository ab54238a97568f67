"""The briefing PDF, judged on its extracted text (pdftotext / pypdf), its fonts and its QR code."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import timedelta

import pytest
from pypdf import PdfReader

import briefing_world as world
from liaison_app.cli.briefs import write_briefing as write_briefing_pdf
from liaison_app.printing import render_briefing_pdf, render_pack_pdf
from liaison_app.printing.templates import FOOTER_TEXT
from liaison_app.services.briefing import briefing_for_job, pack_for_day, printed_jobs, record_printed

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pages_text(path) -> list[str]:
    """Each page's text, as pdftotext reads it (pages split on form feeds)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True)
    return out.stdout.split("\f")[:-1]


def write_pack_pdf(store, contractor, day, path, progress=None):
    """The day pack from services, drawn by printing, audited: what the command line and the preview do."""
    pack = pack_for_day(store, contractor, day)
    written = render_pack_pdf(pack, path, progress=progress)
    record_printed(store, printed_jobs(pack))
    return written


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@needs_poppler
def test_every_instruction_printed_and_no_private_text(store, tmp_path):
    _, _, job = world.full_world(store)
    pdf = write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")
    text = squash("".join(pages_text(pdf)))
    b = briefing_for_job(store, job.id)
    wanted = [*b.before_you_arrive, *b.in_the_home, *(i.instruction for i in b.your_safety), *b.conduct_reminders,
              b.emergency_procedure, b.safeguarding_line, b.address, b.tenant_phone, b.job_type, b.description]
    assert len(b.before_you_arrive) == 2 and len(b.in_the_home) == 2 and len(b.your_safety) == 2
    for item in wanted:
        assert squash(item) in text, item
    for secret in world.PRIVATE:
        assert secret not in text


@needs_poppler
@pytest.mark.parametrize("first,last", [
    ("Ŵyn", "ap Ŷr"), ("Łucja", "Wiśniewska"), ("Işıl", "Doğan"), ("Seán", "Ó Briain"),
    ("Ζωή", "Παπαδοπούλου"), ("Наталья", "Иванова"),
])
def test_names_in_any_script_come_back_exactly(store, tmp_path, first, last):
    _, _, job = world.full_world(store, first=first, last=last)
    text = "".join(pages_text(write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")))
    assert f"{first} {last}" in text


@needs_poppler
def test_arabic_is_shaped_in_its_own_embedded_font(store, tmp_path):
    _, _, job = world.full_world(store, first="ليلى", last="Haddad")
    pdf = write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")
    text = unicodedata.normalize("NFKC", "".join(pages_text(pdf)))
    assert "ليلى" in text or "ىليل" in text  # shaped presentation forms, in logical or visual order
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoNaskhArabic" in fonts


@needs_poppler
def test_markup_in_officer_text_prints_as_itself(store, tmp_path):
    hostile = 'Ann <b>Bold</b> & <font name=x>Co</font> <img src="http://example.com/x.png"/>'
    _, _, job = world.full_world(store, first="Ann&", last="<i>Lee</i>", description=hostile)
    text = "".join(pages_text(write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")))
    assert "Ann& <i>Lee</i>" in text
    assert squash(hostile) in squash(text)


@needs_poppler
def test_a_long_description_flows_onto_further_pages_with_nothing_cut(store, tmp_path):
    words = [f"step{n:04d}" for n in range(600)]
    description = " ".join(words)
    assert len(description) > 5000
    _, _, job = world.full_world(store, description=description)
    pages = pages_text(write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf"))
    assert len(pages) >= 3
    text = "".join(pages)
    missing = [w for w in words if w not in text]
    assert missing == []


@needs_poppler
def test_every_font_is_embedded_and_none_is_built_in(store, tmp_path):
    _, _, job = world.full_world(store, first="Ζωή ليلى", last="Öztürk")
    pdf = write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert len(lines) >= 3
    for line in lines:
        assert line.split()[-5] == "yes", line  # the "emb" column
    assert not any(base in line for line in lines for base in ("Helvetica", "Times", "Courier", "Symbol"))


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbarimg or pdftoppm not installed")
def test_the_qr_code_decodes_to_the_job_reference(store, tmp_path):
    _, _, job = world.full_world(store)
    pdf = write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.split()
    assert out == [job.job_ref]


@needs_poppler
def test_header_and_footer_on_every_page_and_metadata(store, tmp_path):
    _, _, job = world.full_world(store, description="Long work. " * 700)
    pdf = write_briefing_pdf(store, job.job_ref, tmp_path / "b.pdf")
    pages = pages_text(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "CONFIDENTIAL" in page
        assert FOOTER_TEXT in page
        assert f"Page {number} of {len(pages)}" in page
        assert f"Job {job.job_ref}" in page
    meta = PdfReader(str(pdf)).metadata
    assert job.job_ref in meta.title and job.job_ref in meta.subject


@needs_poppler
def test_pack_cover_then_one_briefing_per_job_in_appointment_order(store, tmp_path):
    contractor, tenant, first = world.full_world(store)  # 10:00
    late = world.job(store, contractor.id, world.tenant(store, ref="T-2", line1="2 Acre Lane"), ref="J-LATE",
                     start_hour=15)
    early = world.job(store, contractor.id, world.tenant(store, ref="T-3", line1="3 Acre Lane"), ref="J-EARLY",
                      start_hour=8, description="Early job. " * 500)
    world.job(store, contractor.id, world.tenant(store, ref="T-4", line1="4 Acre Lane"), ref="J-TOMORROW",
              day=world.TODAY + timedelta(days=1))
    calls = []
    pdf = write_pack_pdf(store, contractor.name, world.TODAY, tmp_path / "pack.pdf",
                         progress=lambda done, total: calls.append((done, total)) or True)
    pages = pages_text(pdf)
    cover = pages[0]
    order = [early.job_ref, first.job_ref, late.job_ref]
    assert [cover.index(ref) for ref in order] == sorted(cover.index(ref) for ref in order)
    assert "J-TOMORROW" not in "".join(pages)
    starts = [i for i, page in enumerate(pages) if "Contractor briefing" in page]
    assert len(starts) == 3
    assert [re.search(r"Job (J-[A-Z0-9]+)", pages[i]).group(1) for i in starts] == order
    assert starts[1] - starts[0] >= 2  # the long early briefing runs over pages, the next starts afresh
    for n, page in enumerate(pages, start=1):
        assert FOOTER_TEXT in page and f"pack page {n} of {len(pages)}" in page
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)
    assert "FEMALE OPERATIVE" in cover


def test_a_cancelled_pack_leaves_no_file_and_keeps_the_old_one(store, tmp_path):
    from liaison_app.services.briefing import BuildCancelled

    contractor, _, _ = world.full_world(store)
    world.job(store, contractor.id, world.tenant(store, ref="T-2", line1="2 Acre Lane"), ref="J-2", start_hour=14)
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"%PDF-1.4 old pack")  # an earlier PDF may be replaced; a file of another kind may not
    with pytest.raises(BuildCancelled):
        write_pack_pdf(store, contractor.name, world.TODAY, target, progress=lambda done, total: done < 1)
    assert target.read_bytes() == b"%PDF-1.4 old pack"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_failed_render_removes_its_temporary_file(store, tmp_path, monkeypatch):
    import liaison_app.printing.render as render

    _, _, job = world.full_world(store)
    b = briefing_for_job(store, job.id)
    monkeypatch.setattr(render, "single_story", lambda _b: 1 / 0)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ZeroDivisionError):
        render_briefing_pdf(b, out / "b.pdf")
    assert list(out.iterdir()) == []
