"""Mandatory safety checks: each home's or block's check calendar, and completing a check.

The calendar holds one SafetyCheck row per (home or block, kind). Completing a check job marks the
job completed with its certificate and moves the calendar on by the catalogue's cycle, keeping the
anniversary for a check done early enough (domain.checks_rules.next_due_after).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from liaison_app.domain import Job, SafetyCheck, Tenant, utcnow
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.enums import JobStatus
from liaison_app.domain.validation import ValidationError, parse_past_date
from liaison_app.services import records
from liaison_app.services.audit import record_event
from liaison_app.services.catalogues import Kind, job_types, mandatory_check_kinds
from liaison_app.services.checks_due import CLOSED_STATUSES
from liaison_app.store import Store



@dataclass
class CheckStatus:
    kind: str
    label: str
    last_done: date | None
    certificate_ref: str
    next_due: date | None
    days_left: int | None
    state: str = ""  # No record — due now / On report / Overdue / Due soon / In date


def check_kind(code: str) -> Kind | None:
    """The catalogue entry of a mandatory check kind, or None for other job types."""
    kind = job_types().get(code)
    return kind if kind is not None and kind.get("mandatory") else None


def job_home_id(session: Session, job: Job) -> str | None:
    """The home a job belongs to: its own, else its tenant's."""
    if job.home_id or job.block_id or not job.tenant_id:
        return job.home_id
    tenant = session.get(Tenant, job.tenant_id)
    return tenant.home_id if tenant else None


def _status(kind: Kind, row: SafetyCheck | None, open_due: date | None, today: date) -> CheckStatus:
    due = row.next_due if row and row.next_due else None
    if open_due and (due is None or open_due < due):
        due = open_due
    cycle = kind.get("cycle_months")
    return CheckStatus(kind.code, kind.label, row.last_done if row else None, row.certificate_ref if row else "",
                       due, rules.days_left(due, today), rules.due_state(due, today, cycle))


def check_calendar(store: Store, *, home_id: str | None = None, block_id: str | None = None,
                   today: date | None = None) -> list[CheckStatus]:
    """Every mandatory check of the right scope for one home or block, with its next due date.

    The due date is the calendar's, or an open check job's due date when that is sooner or the only one."""
    if bool(home_id) == bool(block_id):
        raise ValueError("Give exactly one of home_id or block_id.")
    today = today or date.today()
    scope = "home" if home_id else "block"
    column = SafetyCheck.home_id if home_id else SafetyCheck.block_id
    job_column = Job.home_id if home_id else Job.block_id
    target = home_id or block_id
    with store.read() as session:
        rows = {r.kind: r for r in session.exec(select(SafetyCheck).where(column == target))}
        job_query = select(Job).where(Job.status.not_in(CLOSED_STATUSES), Job.due_date.is_not(None))
        if home_id:
            tenant_ids = select(Tenant.id).where(Tenant.home_id == home_id)
            job_query = job_query.where((job_column == target) | Job.tenant_id.in_(tenant_ids))
        else:
            job_query = job_query.where(job_column == target)
        open_due: dict[str, date] = {}
        for job in session.exec(job_query):
            if job.job_type not in open_due or job.due_date < open_due[job.job_type]:
                open_due[job.job_type] = job.due_date
    kinds = [k for k in mandatory_check_kinds() if k.get("scope") == scope]
    return [_status(k, rows.get(k.code), open_due.get(k.code), today) for k in kinds]


def _calendar_row(session: Session, job: Job) -> tuple[SafetyCheck, bool]:
    home_id = job_home_id(session, job)
    if not home_id and not job.block_id:
        raise ValidationError("This job has no home or block, so it has no check calendar.", field="job_id")
    column, target = (SafetyCheck.block_id, job.block_id) if job.block_id else (SafetyCheck.home_id, home_id)
    row = session.exec(select(SafetyCheck).where(column == target, SafetyCheck.kind == job.job_type)).first()
    if row is not None:
        return row, False
    return SafetyCheck(kind=job.job_type, block_id=job.block_id, home_id=None if job.block_id else home_id), True


def _touch(obj, actor: str) -> None:
    obj.updated_at = utcnow()
    obj.updated_by = actor
    if not obj.created_by:
        obj.created_by = actor


def complete_check(store: Store, job_id: str, completed_on: date | str, certificate_ref: str = "") -> CheckStatus:
    """Mark a mandatory check job completed with its certificate, and move its calendar on (one transaction)."""
    done = parse_past_date(completed_on, "completed_on", "The completion date is in the future.")
    certificate = (certificate_ref or "").strip()
    with store.write() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        kind = check_kind(job.job_type)
        if kind is None:
            raise ValidationError("This job is not a mandatory safety check.", field="job_id")
        if job.status in CLOSED_STATUSES:
            raise ValidationError(f"This job is already {job.status}.", field="job_id")
        row, is_new = _calendar_row(session, job)
        current_due = row.next_due or job.due_date
        job.status, job.completed_on, job.certificate_ref = JobStatus.COMPLETED.value, done, certificate
        _touch(job, store.actor)
        row.last_done, row.certificate_ref = done, certificate
        row.next_due = rules.next_due_after(done, current_due, kind.get("cycle_months"),
                                            kind.get("early_window_months") or 0)
        _touch(row, store.actor)
        session.add(job)
        session.add(row)
        session.flush()
        record_event(session, store.actor, "change", "job", job.id, ["status", "completed_on", "certificate_ref"],
                     f"check completed {job.job_ref}")
        record_event(session, store.actor, "create" if is_new else "change", "safetycheck", row.id,
                     ["last_done", "certificate_ref", "next_due"], f"{kind.code} calendar")
        result = _status(kind, row, None, date.today())
    return result


def is_closed(status: str) -> bool:
    """True when a job with this status is finished (completed or cancelled)."""
    return status in CLOSED_STATUSES
