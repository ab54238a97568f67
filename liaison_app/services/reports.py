"""Reports an officer exports as CSV or PDF: checks due, no-access cases, and conduct feedback.

Rows hold names, references, dates and catalogue labels only — never a reason, a detail, a note,
a cause of strain or what a tenant said. CSV cells that a spreadsheet would run as a formula
(starting = + - @, tab or carriage return) get a leading single quote; plain numbers stay numbers.
Files go through the one atomic writer (liaison_app.outputs) and never over the store or a backup;
every export is audited. A CSV is written here (`export_report`); a PDF is printing's: the caller asks
`report_for_pdf` for the document, writes it with liaison_app.printing, then calls `report_exported`.
"""
from __future__ import annotations

import csv
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlmodel import Session, select

from liaison_app.domain import Adjustment, Block, Contractor, Home, Tenant
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.domain.periods import is_active
from liaison_app.domain.text import plural, uk_date
from liaison_app.domain.validation import ValidationError, parse_date
from liaison_app.domain.you_said import YouSaidSummary
from liaison_app.outputs import atomic_text, check_output
from liaison_app.services import signoff, you_said
from liaison_app.services.access import job_attempts, job_escalation
from liaison_app.services.audit import audit
from liaison_app.services.catalogues import adjustment_kinds, conduct_points, job_types
from liaison_app.services.checks import job_home_id
from liaison_app.services.checks_due import DueCheck, due_checks
from liaison_app.services.conduct import list_feedback
from liaison_app.services.officers import signed_in_name
from liaison_app.services.today import no_access_jobs
from liaison_app.store import Store

REPORTS = {"checks-due": "Mandatory checks due", "no-access": "No-access cases", "conduct": "Conduct feedback",
           "you-said-we-did": "You said, we did"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_DAYS = 3650  # checks due within ten years: longer than any check's cycle, and a date that exists


@dataclass(frozen=True)
class Report:
    name: str
    title: str
    description: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # per row: ("job", id) or ("tenant", id), or ("", "")
    document: YouSaidSummary | None = None  # a report with a PDF of its own (printing.write_report_pdf)


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


def _by_id(session: Session, table: type, columns: tuple[str, ...], ids) -> dict:
    """{id: row of `columns`} of the `table` records whose id is in `ids`, in one plain query (the ids as one
    JSON parameter: no statement to build per chunk, no ORM row)."""
    listed = json.dumps(sorted({i for i in ids if i}))
    sql = (f"SELECT id, {', '.join(columns)} FROM {table.__tablename__} "
           "WHERE id IN (SELECT value FROM json_each(?))")
    return {row[0]: row for row in session.connection().exec_driver_sql(sql, (listed,))}


@dataclass(frozen=True)
class _Names:
    """The addresses, block names and tenants of a report's rows, read as plain columns (never whole
    records) in a few queries: a 20,000-row report made 60,000 ORM objects to print four words of each."""
    homes: dict
    blocks: dict
    tenants: dict

    def place(self, home_id: str | None, block_id: str | None) -> tuple[str, str]:
        """(address, block name) of a home or a block, as _place gives them."""
        if block_id:
            block = self.blocks.get(block_id)
            return (block.address_line1 or block.name, block.name) if block else ("", "")
        home = self.homes.get(home_id) if home_id else None
        if home is None:
            return "", ""
        block = self.blocks.get(home.block_id) if home.block_id else None
        return Home.one_line(home), block.name if block else ""

    def tenant(self, tenant_id: str | None) -> tuple[str, str]:
        tenant = self.tenants.get(tenant_id) if tenant_id else None
        return (tenant.tenancy_ref, Tenant.display_name.fget(tenant)) if tenant else ("", "")


def _names(session: Session, items: list[DueCheck]) -> _Names:
    homes = _by_id(session, Home, ("address_line1", "address_line2", "town", "postcode", "block_id"),
                   [i.home_id for i in items])
    tenants = _by_id(session, Tenant, ("tenancy_ref", "preferred_name", "first_name", "last_name"),
                     [i.tenant_id for i in items])
    blocks = _by_id(session, Block, ("address_line1", "name"),
                    [i.block_id for i in items] + [h.block_id for h in homes.values()])
    return _Names(homes, blocks, tenants)


def _tenant(session: Session, tenant_id: str | None) -> tuple[str, str]:
    tenant = session.get(Tenant, tenant_id) if tenant_id else None
    return (tenant.tenancy_ref, tenant.display_name) if tenant else ("", "")


CHECKS_HEADERS = ["Due date", "Days left", "Check", "Tenancy ref", "Tenant", "Address", "Block", "Job ref",
                  "Adjustments", "Support plan"]


def _check_row(names: _Names, item: DueCheck) -> list[str]:
    address, block = names.place(item.home_id, item.block_id)
    ref, name = names.tenant(item.tenant_id)
    due = "no record — due now" if item.no_record else item.due_date.isoformat()
    return [due, str(item.days_left), item.label, ref, name, address, block, item.job_ref,
            "; ".join(item.adjustments), _yes(item.has_support_plan)]


def checks_due_report(store: Store, days: int = 30, today: date | None = None) -> Report:
    """Mandatory checks due within `days` days (overdue included, and homes or blocks with no record of a
    check: "no record — due now"), soonest first."""
    if days < 0:
        raise ValidationError("The number of days cannot be negative.", field="days")
    if days > MAX_DAYS:
        raise ValidationError(f"The number of days can be at most {MAX_DAYS:,} (ten years).", field="days")
    today = today or date.today()
    items = due_checks(store, days=days, today=today, no_record=True)
    with store.read() as session:
        names = _names(session, items)
    rows = [_check_row(names, i) for i in items]
    links = [("job", i.job_id) if i.job_id else ("tenant", i.tenant_id or "") for i in items]
    return Report("checks-due", REPORTS["checks-due"],
                  f"Due within {plural(days, 'day')} of {uk_date(today)}, overdue included.", CHECKS_HEADERS, rows,
                  links)


NO_ACCESS_HEADERS = ["Stage", "Days left", "Due date", "Check", "Job ref", "Tenancy ref", "Tenant", "Address",
                     "Contractor", "Failed attempts", "Last attempt", "Adjustments", "Support plan", "Try first"]


def no_access_report(store: Store, today: date | None = None) -> Report:
    """Open mandatory checks with failed access, fewest days to the due date first (no record of the check:
    due now), then the most advanced stage."""
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
                   _due_text(esc), job_types().label(job.job_type), job.job_ref,
                   ref, name, address, contractor.name if contractor else "", str(esc.failed_attempts),
                   attempts[-1].attempted_on.isoformat() if attempts else "", adjustments,
                   _yes(esc.has_support_plan), "; ".join(esc.untried)]
            cases.append((esc.days_left if esc.days_left is not None else 10**6, -rules.URGENCY[esc.stage],
                          job.job_ref, ("job", job.id), row))
    ordered = sorted(cases, key=lambda c: c[:3])
    rows, links = [c[-1] for c in ordered], [c[-2] for c in ordered]
    return Report("no-access", REPORTS["no-access"], f"Open mandatory checks with failed access, at "
                  f"{uk_date(today)}, fewest days to the due date first.", NO_ACCESS_HEADERS, rows, links)


def _due_text(esc) -> str:
    if esc.due_date:
        return esc.due_date.isoformat()
    return "no record — due now" if esc.no_record else ""


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
        label = conduct_points().label(point) if point else "Text-message survey, no point named"
        rows.append([names[cid], label, str(len(items)),
                     str(sum(1 for f in items if f.action_taken)), dates[0].isoformat(), dates[-1].isoformat()])
    rows = sorted(rows + signoff.conduct_rows(store, start, end), key=lambda r: r[0].casefold())  # stable
    return Report("conduct", REPORTS["conduct"], f"Tenant feedback received {uk_date(start)} to "
                  f"{uk_date(end)}, per contractor and code-of-conduct point, with returned sign-off slips "
                  "that did not match.", CONDUCT_HEADERS, rows)


def you_said_report(store: Store, date_from: date | str, date_to: date | str, contractor: str | None = None) -> Report:
    """"You said, we did" (services/you_said.py): its rows are the CSV, its summary the one-page PDF."""
    summary = you_said.you_said_summary(store, date_from, date_to, contractor)
    return Report("you-said-we-did", REPORTS["you-said-we-did"], you_said.summary_description(summary),
                  list(you_said.HEADERS), you_said.summary_rows(summary), document=summary)


def shown_cell(value: str) -> str:
    """A cell as people read it (screens and PDFs): an ISO date becomes '29 Nov 2026'; CSV files keep ISO."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        return uk_date(date.fromisoformat(value))
    return value


def shown_rows(report: Report) -> list[list[str]]:
    return [[shown_cell(c) for c in row] for row in report.rows]


def _write_csv(report: Report, target: Path) -> None:
    with atomic_text(target, encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise_cell(h) for h in report.headers])
        writer.writerows([neutralise_cell(c) for c in row] for row in report.rows)


def report_document(store: Store, report: Report) -> TableDocument:
    """What the report's PDF holds: its title, description, who produced it and when, and its rows."""
    section = Section(plural(len(report.rows), "row"), headers=report.headers, rows=shown_rows(report),
                      empty_text="Nothing to report.")
    produced = f"Produced {uk_date(date.today())} by {signed_in_name(store) or store.actor}."
    return TableDocument(report.title, [report.description, produced],
                         [section], wide=True, subject=report.name)


def _target(store: Store, path: str | os.PathLike, wanted: str) -> Path:
    """`path` when a report may be written there as `wanted` (".csv" or ".pdf"): never over the store, a
    backup, or a file of another kind."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        raise ValidationError("Name the report file .csv or .pdf.", field="path")
    if suffix != wanted:
        raise ValueError(f"A {suffix} report is not written here: a CSV by export_report, a PDF by printing "
                         "with report_for_pdf's document.")
    check_output(target, store.path, suffix[1:])
    return target


def report_exported(store: Store, report: Report, path: str | os.PathLike) -> None:
    """Audit that `report` was written to `path` (after printing wrote a PDF; export_report does it for a CSV)."""
    suffix = Path(path).suffix.lower()
    audit(store, "export", "report", report.name, report.headers, f"{report.name} {len(report.rows)} rows {suffix}")


def export_report(store: Store, report: Report, path: str | os.PathLike) -> Path:
    """Write the report as CSV, atomically, and audit the export (a PDF: see report_for_pdf)."""
    target = _target(store, path, ".csv")
    _write_csv(report, target)
    report_exported(store, report, target)
    return target


def report_for_pdf(store: Store, report: Report, path: str | os.PathLike) -> TableDocument | YouSaidSummary:
    """Check the report may be written to `path` as a PDF and give the document to print there (a table, or the
    report's own document); once printing has written it, the caller calls report_exported."""
    _target(store, path, ".pdf")
    return report.document if report.document is not None else report_document(store, report)


def build_report(store: Store, name: str, days: int = 30, date_from: date | str | None = None,
                 date_to: date | str | None = None, contractor: str | None = None) -> Report:
    """The report called `name` (a key of report_names()) with its parameters: the Reports page's one read."""
    if name == "checks-due":
        return checks_due_report(store, days=days)
    if name == "no-access":
        return no_access_report(store)
    if name == "conduct":
        return conduct_report(store, date_from, date_to)
    if name == "you-said-we-did":
        return you_said_report(store, date_from, date_to, contractor)
    raise ValidationError(f"No report called {name}.", field="report")


def report_names() -> dict[str, str]:
    """Each report's name and title, in the order a page offers them."""
    return dict(REPORTS)
