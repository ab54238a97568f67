"""Access attempts on a job, the no-access escalation, and the evidence file for the landlord's legal file.

The escalation stages and their order are in domain.checks_rules. Before legal action an officer
must have tried the tenant's adjustments and support plan: `Escalation.prompt` says what is still
untried. Attempt notes are private to officers; they appear in the evidence PDF (made for the
landlord's legal file) but never in an audit event, a briefing or a report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from sqlmodel import Session, select

from liaison_app.domain import (
    AccessAttempt,
    Adjustment,
    Home,
    Job,
    SafetyCheck,
    SupportMeasure,
    SupportPlan,
    Tenant,
    utcnow,
)
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.domain.enums import AccessMethod, AccessOutcome, JobStatus, LetterStage, PlanStatus
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError, clean_choice, parse_date
from liaison_app.outputs import check_output
from liaison_app.services import records
from liaison_app.services.audit import audit, record_event
from liaison_app.services.catalogues import adjustment_kinds, job_types
from liaison_app.store import Store


@dataclass
class Escalation:
    stage: str
    failed_attempts: int
    days_left: int | None
    due_date: date | None
    has_adjustments: bool
    has_support_plan: bool
    prompt: str
    untried: list[str] = field(default_factory=list)  # labels of what is still untried


def _clean_attempt(attempted_on, method, outcome, letter_stage) -> tuple[date, str, str, str]:
    try:
        when = parse_date(attempted_on, required=True)
    except ValidationError as exc:
        raise ValidationError(str(exc), field="attempted_on") from exc
    if when > date.today():
        raise ValidationError("The attempt date is in the future.", field="attempted_on")
    checks = (("method", method, AccessMethod.values(), "Method", None),
              ("outcome", outcome, AccessOutcome.values(), "Outcome", None),
              ("letter_stage", letter_stage, [""] + LetterStage.values(), "Letter stage", ""))
    cleaned = []
    for name, value, allowed, label, default in checks:
        try:
            cleaned.append(clean_choice(value, allowed, label, default=default))
        except ValidationError as exc:
            raise ValidationError(str(exc), field=name) from exc
    return (when, *cleaned)


def _status_after(job: Job, outcome: str) -> str:
    """A failed attempt marks an open or booked job 'no access'; gaining access puts it back to booked/open."""
    if outcome in rules.FAILED_OUTCOMES and job.status in (JobStatus.OPEN.value, JobStatus.BOOKED.value):
        return JobStatus.NO_ACCESS.value
    if outcome == rules.GAINED_OUTCOME and job.status == JobStatus.NO_ACCESS.value:
        return JobStatus.BOOKED.value if job.appointment_start else JobStatus.OPEN.value
    return job.status


def record_attempt(store: Store, job_id: str, *, attempted_on: date | str, method: str, outcome: str,
                   letter_stage: str = "", notes: str = "") -> AccessAttempt:
    """Record one attempt to gain access (and the job's status it leads to: see `_status_after`)."""
    when, method, outcome, letter_stage = _clean_attempt(attempted_on, method, outcome, letter_stage)
    attempt = AccessAttempt(job_id=job_id, attempted_on=when, method=method, outcome=outcome,
                            letter_stage=letter_stage, notes=(notes or "").strip())
    now = utcnow()
    attempt.created_at = attempt.updated_at = now
    attempt.created_by = attempt.updated_by = store.actor
    with store.write() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise ValidationError("No such job.", field="job_id")
        session.add(attempt)
        session.flush()
        record_event(session, store.actor, "create", "accessattempt", attempt.id,
                     ["job_id", "attempted_on", "method", "outcome", "letter_stage", "notes"],
                     f"{outcome} {job.job_ref}")
        status = _status_after(job, outcome)
        if status != job.status:
            job.status, job.updated_at, job.updated_by = status, now, store.actor
            session.add(job)
            session.flush()
            record_event(session, store.actor, "change", "job", job.id, ["status"], f"{status} {job.job_ref}")
    return attempt


def list_attempts(store: Store, job_id: str) -> list[AccessAttempt]:
    """The job's attempts, oldest first."""
    with store.read() as session:
        return job_attempts(session, job_id)


def job_attempts(session: Session, job_id: str) -> list[AccessAttempt]:
    query = select(AccessAttempt).where(AccessAttempt.job_id == job_id)
    return list(session.exec(query.order_by(AccessAttempt.attempted_on, AccessAttempt.created_at)).all())


def _tenant_and_home(session: Session, job: Job) -> tuple[Tenant | None, Home | None]:
    tenant = session.get(Tenant, job.tenant_id) if job.tenant_id else None
    home_id = job.home_id or (tenant.home_id if tenant else None)
    return tenant, session.get(Home, home_id) if home_id else None


def _due_date(session: Session, job: Job, home: Home | None) -> date | None:
    if job.due_date:
        return job.due_date
    column, target = (SafetyCheck.block_id, job.block_id) if job.block_id else (SafetyCheck.home_id,
                                                                                 home.id if home else None)
    if target is None:
        return None
    row = session.exec(select(SafetyCheck).where(column == target, SafetyCheck.kind == job.job_type)).first()
    return row.next_due if row else None


def _support(session: Session, tenant_id: str | None, on: date) -> tuple[list[Adjustment], list[SupportPlan]]:
    if not tenant_id:
        return [], []
    adjustments = [a for a in session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant_id))
                   if is_active(a, on)]
    plans = list(session.exec(select(SupportPlan).where(SupportPlan.tenant_id == tenant_id,
                                                        SupportPlan.status != PlanStatus.CLOSED.value)))
    return adjustments, plans


def _untried(adjustments: list[Adjustment], plans: list[SupportPlan], attempts: list[AccessAttempt]) -> list[str]:
    """Labels of the adjustments and plans no failed attempt has been made with yet."""
    labels = []
    for adj in adjustments:
        took_effect = adj.start_date or adj.created_at.date()
        if rules.is_untried(took_effect, attempts):
            labels.append(adjustment_kinds().label(adj.kind))
    for plan in plans:
        took_effect = None if plan.status == PlanStatus.DRAFT.value else (plan.start_date or plan.created_at.date())
        if rules.is_untried(took_effect, attempts):
            labels.append("the support plan" + (" (still a draft: agree it)" if took_effect is None else ""))
    return list(dict.fromkeys(labels))


def _escalation(session: Session, job: Job, today: date) -> Escalation:
    attempts = job_attempts(session, job.id)
    tenant, home = _tenant_and_home(session, job)
    adjustments, plans = _support(session, tenant.id if tenant else None, today)
    untried = _untried(adjustments, plans, attempts)
    kind = job_types().get(job.job_type)
    min_attempts = int(kind.get("min_attempts") or 0) if kind else 0
    stage = rules.escalation_stage(attempts, min_attempts, support_untried=bool(untried))
    prompt = ""
    if untried and stage not in (rules.ACCESS_GAINED, rules.NOT_STARTED):
        prompt = "Before legal action, try: " + "; ".join(untried) + "."
    due = _due_date(session, job, home)
    return Escalation(stage, sum(1 for a in attempts if rules.is_failed(a)), rules.days_left(due, today), due,
                      bool(adjustments), bool(plans), prompt, untried)


def escalation(store: Store, job_id: str, today: date | None = None) -> Escalation:
    """How far the job's no-access case has gone, the days left to its legal due date, and what to try first."""
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        return _escalation(session, job, today or date.today())


def job_escalation(session: Session, job: Job, today: date) -> Escalation:
    """The same, inside a caller's read session (today's list and reports)."""
    return _escalation(session, job, today)


def _evidence_sections(session: Session, job: Job, today: date) -> tuple[list[str], list]:
    tenant, home = _tenant_and_home(session, job)
    esc = _escalation(session, job, today)
    label = job_types().label(job.job_type)
    intro = [f"Job {job.job_ref} — {label}",
             f"Tenant: {tenant.full_name} ({tenant.tenancy_ref})" if tenant else "Communal job",
             f"Address: {home.one_line()}" if home else "",
             f"Due date: {esc.due_date.isoformat() if esc.due_date else 'not recorded'}",
             f"Stage: {esc.stage}; failed attempts: {esc.failed_attempts}",
             f"Prepared {today.isoformat()} from Liaison for the landlord's legal file."]
    attempts = [[a.attempted_on.isoformat(), AccessMethod(a.method).label, AccessOutcome(a.outcome).label,
                 LetterStage(a.letter_stage).label if a.letter_stage else "", a.notes]
                for a in job_attempts(session, job.id)]
    adjustments, plans = _support(session, tenant.id if tenant else None, today)
    adj_rows = [[adjustment_kinds().label(a.kind), a.instruction, _d(a.start_date), _d(a.review_date)]
                for a in adjustments]
    plan_rows = _plan_rows(session, plans)
    sections = [
        Section("Access attempts", headers=["Date", "Method", "Outcome", "Letter", "Notes"], rows=attempts),
        Section("Reasonable adjustments in place", headers=["Adjustment", "What is done", "From", "Review"],
                rows=adj_rows),
        Section("Support plan measures", headers=["Plan", "Measure", "Agreed on", "Ended"], rows=plan_rows),
    ]
    if esc.prompt:
        sections.append(Section("Still to try", [esc.prompt]))
    return [line for line in intro if line], sections


def _d(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def _plan_rows(session: Session, plans: list[SupportPlan]) -> list[list[str]]:
    rows = []
    for plan in plans:
        name = f"{PlanStatus(plan.status).label} from {_d(plan.start_date)}"
        for m in session.exec(select(SupportMeasure).where(SupportMeasure.plan_id == plan.id)
                              .order_by(SupportMeasure.created_at)):
            rows.append([name, m.text, _d(m.created_at), _d(m.ended_on)])
    return rows


def evidence_document(store: Store, job_id: str, today: date | None = None) -> TableDocument:
    """What the access-evidence PDF holds: every attempt, adjustment and support measure for this check
    (never safeguarding). Not audited: `write_evidence_pdf` audits the export."""
    today = today or date.today()
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        intro, sections = _evidence_sections(session, job, today)
        job_ref = job.job_ref
    return TableDocument("Access evidence", intro, sections, wide=True, subject=job_ref,
                         footer=f"Confidential — personal data. Access evidence for job {job_ref}.")


def write_evidence_pdf(store: Store, job_id: str, path: str | Path,
                       write_pdf: Callable[[Path, TableDocument], Path], today: date | None = None) -> Path:
    """Write the access evidence to `path` with `write_pdf(path, document)` (the caller passes
    liaison_app.printing's: services never print) and audit the export."""
    check_output(path, store.path, "pdf")  # never over the store, a backup, or a file of another kind
    document = evidence_document(store, job_id, today)
    job_ref = document.subject
    out = write_pdf(Path(path), document)
    audit(store, "export", "job", job_id, ["access_attempts", "adjustments", "support_measures"],
          f"access evidence {job_ref}")
    return out
