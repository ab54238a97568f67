"""Reports an officer exports as CSV or PDF: checks due, no-access cases, and conduct feedback.

Rows hold names, references, dates and catalogue labels only — never a reason, a detail, a note,
a cause of strain or what a tenant said. CSV cells that a spreadsheet would run as a formula
(starting = + - @, tab or carriage return) get a leading single quote; plain numbers stay numbers.
Files go through the one atomic writer (liaison_app.outputs) and never over the store or a backup;
every export is audited.
"""
from __future__ import annotations

import csv
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from sqlmodel import Session, select

from liaison_app.domain import Adjustment, Block, Contractor, Home, Tenant
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError, parse_date
from liaison_app.outputs import atomic_text, check_output
from liaison_app.services.access import job_attempts, job_escalation
from liaison_app.services.audit import audit
from liaison_app.services.catalogues import adjustment_kinds, conduct_points, job_types
from liaison_app.services.checks import DueCheck, due_checks, job_home_id
from liaison_app.services.conduct import list_feedback
from liaison_app.services.today import no_access_jobs
from liaison_app.store import Store

REPORTS = {"checks-due": "Mandatory checks due", "no-access": "No-access cases", "conduct": "Conduct feedback"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
MAX_DAYS = 3650  # checks due within ten years: longer than any check's cycle, and a date that exists


@dataclass
class Report:
    name: str
    title: str
    description: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)


def neutralise_cell(value: object) -> str:
    """Text safe to open in a spreadsheet: a would-be formula gets a leading ' (numbers are left alone)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _place(session: Session, home_id: str | None, block_id: str | None) -> tuple[str, str]:
    """(address, block name) of a home or a block."""
    if block_id:
        block = session.get(Block, block_id)
        return (block.address_line1 or block.name, block.name) if block else ("", "")
    home = session.get(Home, home_id) if home_id else None
    if home is None:
        return "", ""
    block = session.get(Block, home.block_id) if home.block_id else None
    return home.one_line(), block.name if block else ""


def _tenant(session: Session, tenant_id: str | None) -> tuple[str, str]:
    tenant = session.get(Tenant, tenant_id) if tenant_id else None
    return (tenant.tenancy_ref, tenant.display_name) if tenant else ("", "")


CHECKS_HEADERS = ["Due date", "Days left", "Check", "Tenancy ref", "Tenant", "Address", "Block", "Job ref",
                  "Adjustments", "Support plan"]


def _check_row(session: Session, item: DueCheck) -> list[str]:
    address, block = _place(session, item.home_id, item.block_id)
    ref, name = _tenant(session, item.tenant_id)
    return [item.due_date.isoformat(), str(item.days_left), item.label, ref, name, address, block, item.job_ref,
            "; ".join(item.adjustments), _yes(item.has_support_plan)]


def checks_due_report(store: Store, days: int = 30, today: date | None = None) -> Report:
    """Mandatory checks due within `days` days (overdue included), soonest first."""
    if days < 0:
        raise ValidationError("The number of days cannot be negative.", field="days")
    if days > MAX_DAYS:
        raise ValidationError(f"The number of days can be at most {MAX_DAYS:,} (ten years).", field="days")
    today = today or date.today()
    items = due_checks(store, days=days, today=today)
    with store.read() as session:
        rows = [_check_row(session, i) for i in items]
    return Report("checks-due", REPORTS["checks-due"],
                  f"Due within {days} days of {today.isoformat()}, overdue included.", CHECKS_HEADERS, rows)


NO_ACCESS_HEADERS = ["Stage", "Days left", "Due date", "Check", "Job ref", "Tenancy ref", "Tenant", "Address",
                     "Contractor", "Failed attempts", "Last attempt", "Adjustments", "Support plan", "Try first"]


def no_access_report(store: Store, today: date | None = None) -> Report:
    """Open mandatory checks with failed access, most urgent stage first, then fewest days left."""
    today = today or date.today()
    cases = []
    with store.read() as session:
        for job in no_access_jobs(session):
            esc = job_escalation(session, job, today)
            if esc.stage in (rules.ACCESS_GAINED, rules.NOT_STARTED):
                continue
            attempts = job_attempts(session, job.id)
            address, _ = _place(session, job_home_id(session, job), job.block_id)
            ref, name = _tenant(session, job.tenant_id)
            contractor = session.get(Contractor, job.contractor_id)
            adjustments = "" if not esc.has_adjustments else _adjustment_labels(session, job.tenant_id, today)
            row = [esc.stage, "" if esc.days_left is None else str(esc.days_left),
                   esc.due_date.isoformat() if esc.due_date else "", job_types().label(job.job_type), job.job_ref,
                   ref, name, address, contractor.name if contractor else "", str(esc.failed_attempts),
                   attempts[-1].attempted_on.isoformat() if attempts else "", adjustments,
                   _yes(esc.has_support_plan), "; ".join(esc.untried)]
            cases.append((-rules.URGENCY[esc.stage], esc.days_left if esc.days_left is not None else 10**6,
                          job.job_ref, row))
    rows = [c[-1] for c in sorted(cases, key=lambda c: c[:3])]
    return Report("no-access", REPORTS["no-access"], f"Open mandatory checks with failed access, at "
                  f"{today.isoformat()}, most urgent first.", NO_ACCESS_HEADERS, rows)


def _adjustment_labels(session: Session, tenant_id: str | None, today: date) -> str:
    found = session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant_id).order_by(Adjustment.kind))
    return "; ".join(dict.fromkeys(adjustment_kinds().label(a.kind) for a in found if is_active(a, today)))


CONDUCT_HEADERS = ["Contractor", "Code-of-conduct point", "Feedback", "With action recorded", "First received",
                   "Last received"]


def conduct_report(store: Store, date_from: date | str, date_to: date | str) -> Report:
    """Feedback received between two dates (inclusive), counted per contractor and code-of-conduct point."""
    start = parse_date(date_from, required=True)
    end = parse_date(date_to, required=True)
    if end < start:
        raise ValidationError("The end date is before the start date.", field="date_to")
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for fb in list_feedback(store, date_from=start, date_to=end):
        groups[(fb.contractor_id, fb.point)].append(fb)
    with store.read() as session:
        contractors = {cid: session.get(Contractor, cid) for cid, _ in groups}
    names = {cid: c.name if c else "" for cid, c in contractors.items()}
    order = {code: i for i, code in enumerate(conduct_points().codes())}
    rows = []
    for (cid, point), items in sorted(groups.items(), key=lambda g: (names[g[0][0]].casefold(),
                                                                      order.get(g[0][1], 99))):
        dates = sorted(f.received_on for f in items)
        rows.append([names[cid], conduct_points().label(point), str(len(items)),
                     str(sum(1 for f in items if f.action_taken)), dates[0].isoformat(), dates[-1].isoformat()])
    return Report("conduct", REPORTS["conduct"], f"Tenant feedback received {start.isoformat()} to "
                  f"{end.isoformat()}, per contractor and code-of-conduct point.", CONDUCT_HEADERS, rows)


def _write_csv(report: Report, target: Path) -> None:
    with atomic_text(target, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise_cell(h) for h in report.headers])
        writer.writerows([neutralise_cell(c) for c in row] for row in report.rows)


def report_document(store: Store, report: Report) -> TableDocument:
    """What the report's PDF holds: its title, description, who produced it and when, and its rows."""
    section = Section(f"{len(report.rows)} rows", headers=report.headers, rows=report.rows,
                      empty_text="Nothing to report.")
    return TableDocument(report.title, [report.description, f"Produced {date.today().isoformat()} by {store.actor}."],
                         [section], wide=True, subject=report.name)


def export_report(store: Store, report: Report, path: str | os.PathLike,
                  write_pdf: Callable[[Path, TableDocument], object] | None = None) -> Path:
    """Write the report as CSV or PDF (by the file's suffix), atomically, and audit the export. A PDF is
    made by `write_pdf(path, document)` (the caller passes liaison_app.printing's: services never print)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        raise ValidationError("Name the report file .csv or .pdf.", field="path")
    check_output(target, store.path, suffix[1:])  # never over the store, a backup, or a file of another kind
    if suffix == ".csv":
        _write_csv(report, target)
    elif write_pdf is None:
        raise ValueError("A PDF report needs the printing writer (liaison_app.printing.write_document).")
    else:
        write_pdf(target, report_document(store, report))
    audit(store, "export", "report", report.name, report.headers, f"{report.name} {len(report.rows)} rows {suffix}")
    return target


def report_names() -> dict[str, str]:
    """Each report's name and title, in the order a page offers them."""
    return dict(REPORTS)
