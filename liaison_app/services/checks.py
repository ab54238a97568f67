"""Mandatory safety checks: each home's or block's check calendar, and completing a check.

The calendar holds one SafetyCheck row per (home or block, kind). Completing a check job marks the
job completed with its certificate and moves the calendar on by the catalogue's cycle, keeping the
anniversary for a check done early enough (domain.checks_rules.next_due_after).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session, select

from liaison_app.domain import Adjustment, Block, Home, Job, SafetyCheck, SupportPlan, Tenant, utcnow
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.enums import JobStatus, PlanStatus
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError, parse_past_date
from liaison_app.services import records
from liaison_app.services.audit import record_event
from liaison_app.services.catalogues import Kind, adjustment_kinds, job_types, mandatory_check_kinds
from liaison_app.store import Store

CLOSED_STATUSES = (JobStatus.COMPLETED.value, JobStatus.CANCELLED.value)


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


@dataclass
class DueCheck:
    """A mandatory check due by a horizon, with the tenant it affects and what support they have."""

    kind: str
    label: str
    due_date: date
    days_left: int
    home_id: str | None
    block_id: str | None
    tenant_id: str | None = None
    job_id: str | None = None
    job_ref: str = ""
    adjustments: list[str] = field(default_factory=list)  # catalogue labels of active adjustments
    has_support_plan: bool = False
    no_record: bool = False  # no record of this check at all: due now (due_date is today)


def _chunks(ids: list[str], size: int = 500):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _collect_due(session: Session, horizon: date, today: date, supported_only: bool,
                 no_record: bool) -> dict[tuple, DueCheck]:
    mandatory = {k.code: k for k in mandatory_check_kinds()}
    found: dict[tuple, DueCheck] = {}

    def offer(kind: str, due: date, home_id, block_id, job: Job | None = None, no_record: bool = False) -> None:
        key = ("block", block_id, kind) if block_id else ("home", home_id, kind)
        item = found.get(key)
        if item is not None and no_record:
            return  # an open check job has the due date
        if item is None:
            item = found[key] = DueCheck(kind, mandatory[kind].label, due, 0, home_id if not block_id else None,
                                         block_id, no_record=no_record)
        item.due_date = min(item.due_date, due)
        if job is not None:
            item.job_id, item.job_ref = job.id, job.job_ref
            item.tenant_id = item.tenant_id or job.tenant_id

    rows = session.exec(select(SafetyCheck).where(SafetyCheck.next_due <= horizon,
                                                  SafetyCheck.kind.in_(list(mandatory))))
    for row in rows:
        offer(row.kind, row.next_due, row.home_id, row.block_id)
    jobs = session.exec(select(Job).where(Job.due_date <= horizon, Job.status.not_in(CLOSED_STATUSES),
                                          Job.job_type.in_(list(mandatory))))
    for job in jobs:
        offer(job.job_type, job.due_date, job_home_id(session, job), job.block_id, job)
    if not no_record:
        return found
    for kind, home_id, block_id in _without_record(session, list(mandatory.values()), supported_only, today):
        offer(kind, today, home_id, block_id, no_record=True)
    return found


def _supported_homes(today: date):
    """The homes of tenants with an active adjustment or an open support plan (a subquery)."""
    adjusted = select(Adjustment.tenant_id).where((Adjustment.end_date.is_(None)) | (Adjustment.end_date > today))
    planned = select(SupportPlan.tenant_id).where(SupportPlan.status != PlanStatus.CLOSED.value)
    return select(Tenant.home_id).where(Tenant.id.in_(adjusted) | Tenant.id.in_(planned))


def _without_record(session: Session, kinds: list[Kind], supported_only: bool, today: date):
    """(kind, home id, block id) of each home or block with no record at all of a check that has a cycle:
    it is due now. With `supported_only`, only the homes of tenants with adjustments or a support plan."""
    for kind in kinds:
        if not kind.get("cycle_months"):
            continue
        if kind.get("scope") == "block":
            if supported_only:
                continue
            recorded = select(SafetyCheck.block_id).where(SafetyCheck.kind == kind.code,
                                                          SafetyCheck.block_id.is_not(None))
            for block_id in session.exec(select(Block.id).where(Block.id.not_in(recorded))):
                yield kind.code, None, block_id
            continue
        recorded = select(SafetyCheck.home_id).where(SafetyCheck.kind == kind.code, SafetyCheck.home_id.is_not(None))
        query = select(Home.id).where(Home.id.not_in(recorded))
        if supported_only:
            query = query.where(Home.id.in_(_supported_homes(today)))
        for home_id in session.exec(query):
            yield kind.code, home_id, None


def _attach_tenants(session: Session, items: list[DueCheck], today: date) -> None:
    home_ids = [i.home_id for i in items if i.home_id and not i.tenant_id]
    by_home: dict[str, str] = {}
    for chunk in _chunks(home_ids):
        for tenant_id, home_id in session.exec(select(Tenant.id, Tenant.home_id).where(
                Tenant.home_id.in_(chunk), (Tenant.tenancy_end.is_(None)) | (Tenant.tenancy_end > today))):
            by_home.setdefault(home_id, tenant_id)
    for item in items:
        if item.home_id and not item.tenant_id:
            item.tenant_id = by_home.get(item.home_id)
    tenant_ids = list({i.tenant_id for i in items if i.tenant_id})
    adjustments: dict[str, list[str]] = {}
    planned: set[str] = set()
    for chunk in _chunks(tenant_ids):
        for adj in session.exec(select(Adjustment).where(Adjustment.tenant_id.in_(chunk))
                                .order_by(Adjustment.kind)):
            if is_active(adj, today):
                adjustments.setdefault(adj.tenant_id, []).append(adjustment_kinds().label(adj.kind))
        planned |= set(session.exec(select(SupportPlan.tenant_id).where(
            SupportPlan.tenant_id.in_(chunk), SupportPlan.status != PlanStatus.CLOSED.value)).all())
    for item in items:
        item.adjustments = list(dict.fromkeys(adjustments.get(item.tenant_id, [])))
        item.has_support_plan = item.tenant_id in planned


def due_checks(store: Store, *, days: int = 30, today: date | None = None,
               only_supported: bool = False, no_record: bool = False) -> list[DueCheck]:
    """Mandatory checks due within `days` (overdue ones included), soonest first. With `no_record`, also
    every home or block with no record at all of a check that has a cycle (due now; `DueCheck.no_record`).

    With `only_supported`, just those of tenants with an active adjustment or an open support plan."""
    today = today or date.today()
    with store.read() as session:
        items = list(_collect_due(session, today + timedelta(days=days), today, only_supported, no_record).values())
        _attach_tenants(session, items, today)
    for item in items:
        item.days_left = (item.due_date - today).days
    if only_supported:
        items = [i for i in items if i.adjustments or i.has_support_plan]
    return sorted(items, key=lambda i: (i.due_date, i.label, i.job_ref))


def is_closed(status: str) -> bool:
    """True when a job with this status is finished (completed or cancelled)."""
    return status in CLOSED_STATUSES
