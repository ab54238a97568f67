"""Benchmark: a contractor's day pack of 200 jobs, in pages per second, beside a floor.

The floor is bare ReportLab Platypus on the same machine in the same run: the same text of every
briefing as plain paragraphs in the same embedded font, with a page break per job (no tables,
boxes, QR codes or page numbering). Target: at least 40 pages/s end to end (load + render + audit).

Run:  python tests/bench/bench_pack.py        or   python -m pytest tests/bench/bench_pack.py -s
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from pypdf import PdfReader

TARGET_PAGES_PER_SECOND = 40
JOBS = 200
DAY = date(2026, 3, 2)


def make_store(folder: Path):
    from liaison_app.domain import Adjustment, Contractor, Home, Job, Operative, RiskWarning, SupportMeasure, \
        SupportPlan, Tenant
    from liaison_app.store import open_store

    store = open_store(folder / "bench.db")
    kinds = ["boot_covers", "female_operative", "call_ahead", "hearing", "door_time", "quiet_working"]
    contractor = Contractor(name="Bench Builders Ltd")
    operative = Operative(contractor_id=contractor.id, name="Sam Fitter", badge_number="B-100")
    parents, people, rows, plans, measures = [contractor, operative], [], [], [], []
    for n in range(JOBS):
        home = Home(address_line1=f"{n + 1} Station Road", town="Frome", postcode="BA11 1AA")
        tenant = Tenant(tenancy_ref=f"T-{n:05d}", first_name="Łucja", last_name=f"Wiśniewska-{n}",
                        home_id=home.id, phone="01373 400400", private_notes="private")
        start = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=7, minutes=3 * n)
        parents.append(home)
        people.append(tenant)
        rows += [Adjustment(tenant_id=tenant.id, kind=kinds[n % 6], reason="private"),
                 Adjustment(tenant_id=tenant.id, kind=kinds[(n + 2) % 6], reason="private"),
                 RiskWarning(tenant_id=tenant.id, kind="dangerous_animal", details="private"),
                 Job(job_ref=f"BJ-{n:05d}", contractor_id=contractor.id, operative_id=operative.id,
                     job_type="gas_safety", trade="gas", tenant_id=tenant.id, home_id=home.id,
                     description="Annual gas safety check of the boiler, hob and fire. " * 6,
                     appointment_start=start, appointment_end=start + timedelta(hours=1))]
        if n % 3 == 0:
            plan = SupportPlan(tenant_id=tenant.id, status="active", strain="private")
            plans.append(plan)
            measures.append(SupportMeasure(plan_id=plan.id, text="Explain each step before starting."))
            rows.append(RiskWarning(home_id=home.id, kind="no_lone_visit", severity="high"))
    with store.write() as s:
        for batch in (parents, people, rows, plans, measures):  # parents before the rows that point at them
            s.add_all(batch)
            s.flush()
    return store


def floor_pages_per_second(store, folder: Path) -> tuple[int, float]:
    """Bare Platypus: the briefings' text as plain paragraphs, one job per page break."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from liaison_app.printing.fonts import BOLD, REGULAR, register_fonts
    from liaison_app.printing.text import markup
    from liaison_app.services.briefing import pack_for_day

    register_fonts()
    pack = pack_for_day(store, "Bench Builders Ltd", DAY)
    body = ParagraphStyle("b", fontName=REGULAR, fontSize=10.5, leading=13)
    head = ParagraphStyle("h", fontName=BOLD, fontSize=14, leading=17)
    start = time.perf_counter()
    story = []
    for b in pack.briefings:
        story.append(Paragraph(markup(b.job_ref), head))
        texts = [b.address, b.appointment_date, b.tenant_name, b.job_type, b.description, *b.before_you_arrive,
                 *b.in_the_home, *(i.instruction for i in b.your_safety), b.emergency_procedure,
                 *b.conduct_reminders, b.safeguarding_line, "I have read this briefing"]
        story += [Paragraph(markup(t), body) for t in texts] + [PageBreak()]
    path = folder / "floor.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=REGULAR).build(story)
    seconds = time.perf_counter() - start
    pages = len(PdfReader(str(path)).pages)
    return pages, pages / seconds


def pack_pages_per_second(store, folder: Path) -> tuple[int, float]:
    from liaison_app.cli.briefs import write_pack as write_pack_pdf

    path = folder / "pack.pdf"
    start = time.perf_counter()
    write_pack_pdf(store, "Bench Builders Ltd", DAY, path)
    seconds = time.perf_counter() - start
    pages = len(PdfReader(str(path)).pages)
    return pages, pages / seconds


def measure() -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="liaison-bench-"))
    os.environ.setdefault("LIAISON_HOME", str(folder))
    store = make_store(folder)
    try:
        floor_pages, floor_rate = floor_pages_per_second(store, folder)
        pages, rate = pack_pages_per_second(store, folder)
    finally:
        store.close()
    result = {"pages": pages, "pages_per_s": rate, "floor_pages": floor_pages, "floor_pages_per_s": floor_rate}
    print(f"day pack of {JOBS} jobs: {pages} pages at {rate:.1f} pages/s "
          f"(target >= {TARGET_PAGES_PER_SECOND}); floor: bare Platypus {floor_pages} pages at "
          f"{floor_rate:.1f} pages/s; ratio {rate / floor_rate:.2f} of floor")
    return result


def test_pack_pages_per_second():
    result = measure()
    assert result["pages"] >= JOBS * 2
    assert result["pages_per_s"] >= TARGET_PAGES_PER_SECOND


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    measure()
