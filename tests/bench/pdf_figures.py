"""PDFs: a contractor's day pack of 200 jobs (pages per second, beside bare ReportLab Platypus), and the
checks-due report as a PDF (seconds and peak memory, made as `liaison-app report checks-due` makes it).

The pack's floor is bare Platypus on the same machine in the same run: the same text of every
briefing as plain paragraphs in the same embedded font, a page break per job (no tables, boxes, QR
codes or page numbers). The report runs in its own process, so its peak memory (VmHWM) is its own.

The report's target is for a report of about 4,000 rows. No window of the 125,000-tenancy store gives
one: every home or block with no record of a check is in the report whatever the window ("no record —
due now"), 21,694 rows at the bench's date, and the default 30 days holds 35,608. So the figure is the
checks-due report of the smallest window (--days 0: overdue and no record) made end to end (open the
store, sign in, gather every row, print, audit) with the first 4,000 rows printed: the store is opened
and the rows gathered as for the whole report, so the figure is never better than what an officer
printing 4,000 rows would see. The whole 30-day report is measured as well (report_full_*, in the JSON
and under the table), to show that the print scales with the rows.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.bench.stores import PASSWORD, ROOT, TODAY, USER

JOBS = 200
DAY = date(2026, 3, 2)
REPORT_ROWS = 4_000
REPORT = r"""
import dataclasses, json, sys, time
from datetime import date
from liaison_app.printing import write_document
from liaison_app.services import officers, reports
from liaison_app.store import open_store
started = time.perf_counter()
store = open_store(sys.argv[1])
officers.sign_in(store, sys.argv[3], sys.argv[4])
report = reports.checks_due_report(store, days=int(sys.argv[6]), today=date.fromisoformat(sys.argv[5]))
gathered, most = len(report.rows), int(sys.argv[7])
if most and gathered > most:  # the first rows (soonest due) of the report: see the module's docstring
    report = dataclasses.replace(report, rows=report.rows[:most], links=report.links[:most])
out = write_document(sys.argv[2], reports.report_for_pdf(store, report, sys.argv[2]))
reports.report_exported(store, report, out)
store.close()
took = time.perf_counter() - started
with open("/proc/self/status", encoding="ascii") as fh:
    peak = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"code": 0, "seconds": took, "peak_mb": peak, "rows": len(report.rows), "gathered": gathered}))
"""


OPERATIVES = 25  # a contractor's day: 25 operatives with eight one-hour jobs each, none double-booked


def _pack_store(folder: Path):
    """200 jobs of one contractor on DAY, 8 a.m. to 4 p.m., spread over OPERATIVES operatives as a real day is.
    (Until issue #15 every job went to one operative three minutes apart, so each briefing and the cover
    sheet listed some twenty double bookings: an 846-page pack with a 249-page cover, whose long table cells
    made pages cheap and the figure better than a real pack's.)"""
    from liaison_app.domain import Adjustment, Contractor, Home, Job, Operative, RiskWarning, SupportMeasure, \
        SupportPlan, Tenant
    from liaison_app.store import open_store

    store = open_store(folder / "pack.db")
    kinds = ["boot_covers", "female_operative", "call_ahead", "hearing", "door_time", "quiet_working"]
    contractor = Contractor(name="Bench Builders Ltd")
    operatives = [Operative(contractor_id=contractor.id, name=f"Sam Fitter {k + 1}", badge_number=f"B-{100 + k}")
                  for k in range(OPERATIVES)]
    parents, people, rows, plans, measures = [contractor, *operatives], [], [], [], []
    for n in range(JOBS):
        home = Home(address_line1=f"{n + 1} Station Road", town="Frome", postcode="BA11 1AA")
        tenant = Tenant(tenancy_ref=f"T-{n:05d}", first_name="Łucja", last_name=f"Wiśniewska-{n}",
                        home_id=home.id, phone="01373 400400", private_notes="private")
        start = datetime.combine(DAY, datetime.min.time()) + timedelta(hours=8 + n // OPERATIVES)
        parents.append(home)
        people.append(tenant)
        rows += [Adjustment(tenant_id=tenant.id, kind=kinds[n % 6], reason="private"),
                 Adjustment(tenant_id=tenant.id, kind=kinds[(n + 2) % 6], reason="private"),
                 RiskWarning(tenant_id=tenant.id, kind="dangerous_animal", details="private"),
                 Job(job_ref=f"BJ-{n:05d}", contractor_id=contractor.id, operative_id=operatives[n % OPERATIVES].id,
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


def _floor_pages_per_second(store, path: Path) -> float:
    from pypdf import PdfReader
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
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=REGULAR).build(story)
    return len(PdfReader(str(path)).pages) / (time.perf_counter() - start)


def day_pack(work: Path) -> dict[str, tuple[float, float | None]]:
    """Pages per second of a 200-job day pack, end to end (load, render, audit as printed)."""
    from pypdf import PdfReader

    from liaison_app.cli.briefs import write_pack
    from liaison_app.store import open_store

    folder = work / "pack"
    if not folder.exists():  # the 200 jobs are made once a run; each measurement prints them again
        folder.mkdir()
        _pack_store(folder).close()
    store = open_store(folder / "pack.db")
    try:
        floor = _floor_pages_per_second(store, folder / "floor.pdf")
        start = time.perf_counter()
        write_pack(store, "Bench Builders Ltd", DAY, folder / "pack.pdf")
        seconds = time.perf_counter() - start
    finally:
        store.close()
    pages = len(PdfReader(str(folder / "pack.pdf")).pages)
    if pages < JOBS * 2:
        raise RuntimeError(f"the pack has {pages} pages, fewer than two a job")
    return {"pack": (pages / seconds, floor)}


def _report_run(db: Path, work: Path, days: int, most: int) -> dict:
    out = work / f"checks-{time.monotonic_ns()}.pdf"
    env = dict(os.environ, LIAISON_HOME=str(work / "home"), PYTHONPATH=str(ROOT))
    command = [sys.executable, "-c", REPORT, str(db), str(out), USER, PASSWORD, TODAY.isoformat(), str(days), str(most)]
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=str(ROOT))
    result = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else {"code": proc.returncode}
    if result["code"] != 0:
        raise RuntimeError(f"the checks-due report failed: {proc.stderr.strip()[-2000:]}")
    out.unlink(missing_ok=True)
    return result


def checks_due_report(db: Path, work: Path) -> dict[str, tuple[float, float | None]]:
    """The checks-due report as a PDF, as `liaison-app report checks-due -o FILE.pdf` makes it (open the
    store, sign in, gather, print, audit), in its own process, as of the day the benchmark store was made
    (stores.TODAY), so the same store gives the same rows whenever it runs: the first REPORT_ROWS rows of
    the smallest window (the target's size: see the module's docstring), then the whole 30-day report."""
    part = _report_run(db, work, days=0, most=REPORT_ROWS)
    whole = _report_run(db, work, days=30, most=0)
    return {"report_seconds": (part["seconds"], None), "report_mb": (part["peak_mb"], None),
            "report_rows": (part["rows"], None), "report_gathered": (part["gathered"], None),
            "report_full_seconds": (whole["seconds"], None), "report_full_mb": (whole["peak_mb"], None),
            "report_full_rows": (whole["rows"], None)}
