"""Access attempts on a job, the no-access escalation, and the evidence file for the landlord's legal file.

The rule table (stages, what legal action needs) is domain.access_rules (docs/NO_ACCESS_RULES.md);
here it is fed from the store: each attempt with its time of day and what it used, the tenant's
active adjustments (shared with the contractor or not) and the measures of their open support plans,
and the check's due date (no record of a mandatory check: due now). `Escalation.prompt` is the next
step in plain words. Attempt notes are office only: they appear in the evidence PDF (made for the
landlord's legal file) but never in an audit event, a briefing or a report. Correcting and
withdrawing an attempt: services/access_changes.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

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
from liaison_app.domain import access_rules
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.briefing import Section, TableDocument
from liaison_app.domain.enums import AccessMethod, AccessOutcome, JobStatus, LetterStage, PlanStatus
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError, clean_choice, parse_past_date
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
    prompt: str  # the next step in plain words ("" once access is gained or before the case starts)
    untried: list[str] = field(default_factory=list)  # labels of what is not yet honoured or tried
    no_record: bool = False  # a mandatory check with no record at this home: due now
    rows: dict[str, bool] = field(default_factory=dict)  # the rule rows R3..R8: met?
    completed_on: date | None = None  # the job was done: its due date no longer counts down


def clean_time(value: str | None) -> str:
    text = (value or "").strip().lower()
    if text and not access_rules.time_slot(text):
        raise ValidationError("Give the time of day as morning, afternoon, evening or a time such as 14:30.",
                              field="time_of_day")
    return text


def clean_attempt(attempted_on, method, outcome, letter_stage) -> tuple[date, str, str, str]:
    when = parse_past_date(attempted_on, "attempted_on", "The attempt date is in the future.")
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


def clean_used(session: Session, job: Job, adjustments_used, measures_used, on: date) -> tuple[list[str], list[str]]:
    """The ids of what an attempt used, checked against the tenant's adjustments and support measures."""
    tenant_id = job.tenant_id
    adjustments, plans = _support(session, tenant_id, on)
    known_adj = {a.id for a in adjustments}
    known_measures = {m.id for plan in plans for m in _measures(session, plan)}
    adj = list(dict.fromkeys(adjustments_used or ()))
    measures = list(dict.fromkeys(measures_used or ()))
    if set(adj) - known_adj:
        raise ValidationError("Choose only this tenant's current adjustments.", field="adjustments_used")
    if set(measures) - known_measures:
        raise ValidationError("Choose only this tenant's current support measures.", field="measures_used")
    return adj, measures


def record_attempt(store: Store, job_id: str, *, attempted_on: date | str, method: str, outcome: str,
                   letter_stage: str = "", notes: str = "", time_of_day: str = "",
                   adjustments_used=(), measures_used=()) -> AccessAttempt:
    """Record one attempt to gain access, with what it used (and the job's status it leads to: see
    `_status_after`)."""
    when, method, outcome, letter_stage = clean_attempt(attempted_on, method, outcome, letter_stage)
    attempt = AccessAttempt(job_id=job_id, attempted_on=when, method=method, outcome=outcome,
                            letter_stage=letter_stage, notes=(notes or "").strip(), time_of_day=clean_time(time_of_day))
    with store.write() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise ValidationError("No such job.", field="job_id")
        attempt.adjustments_used, attempt.measures_used = clean_used(session, job, adjustments_used, measures_used,
                                                                     when)
        records.add_new(session, store, attempt, summary=f"{outcome} {job.job_ref}")
        status = _status_after(job, outcome)
        if status != job.status:
            job.status, job.updated_at, job.updated_by = status, utcnow(), store.actor
            session.add(job)
            session.flush()
            record_event(session, store.actor, "change", "job", job.id, ["status"], f"{status} {job.job_ref}")
    return attempt


def list_attempts(store: Store, job_id: str) -> list[AccessAttempt]:
    """The job's attempts, oldest first (withdrawn ones included: `withdrawn_on` is set)."""
    with store.read() as session:
        return job_attempts(session, job_id)


def job_attempts(session: Session, job_id: str) -> list[AccessAttempt]:
    query = select(AccessAttempt).where(AccessAttempt.job_id == job_id)
    return list(session.exec(query.order_by(AccessAttempt.attempted_on, AccessAttempt.created_at)).all())


def _tenant_and_home(session: Session, job: Job) -> tuple[Tenant | None, Home | None]:
    tenant = session.get(Tenant, job.tenant_id) if job.tenant_id else None
    home_id = job.home_id or (tenant.home_id if tenant else None)
    return tenant, session.get(Home, home_id) if home_id else None


def _due_date(session: Session, job: Job, home: Home | None) -> tuple[date | None, bool]:
    """The check's legal due date, and whether the home has no record of this check at all (due now)."""
    if job.due_date:
        return job.due_date, False
    column, target = (SafetyCheck.block_id, job.block_id) if job.block_id else (SafetyCheck.home_id,
                                                                                 home.id if home else None)
    if target is None:
        return None, False
    row = session.exec(select(SafetyCheck).where(column == target, SafetyCheck.kind == job.job_type)).first()
    if row is not None:
        return row.next_due, False
    kind = job_types().get(job.job_type)
    return None, bool(kind and kind.get("mandatory") and kind.get("cycle_months"))


def _support(session: Session, tenant_id: str | None, on: date) -> tuple[list[Adjustment], list[SupportPlan]]:
    if not tenant_id:
        return [], []
    adjustments = [a for a in session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant_id)
                                           .order_by(Adjustment.kind)) if is_active(a, on)]
    plans = list(session.exec(select(SupportPlan).where(SupportPlan.tenant_id == tenant_id,
                                                        SupportPlan.status != PlanStatus.CLOSED.value)))
    return adjustments, plans


def _measures(session: Session, plan: SupportPlan) -> list[SupportMeasure]:
    """The plan's measures still in use, in the order they were agreed."""
    found = session.exec(select(SupportMeasure).where(SupportMeasure.plan_id == plan.id)
                         .order_by(SupportMeasure.created_at))
    return [m for m in found if m.ended_on is None or m.ended_on > date.today()]


def _needs(session: Session, adjustments: list[Adjustment], plans: list[SupportPlan]) -> list[access_rules.Need]:
    """What must be honoured or tried before legal action (rows R6 and R7)."""
    needs = [access_rules.Need(a.id, adjustment_kinds().label(a.kind), shared=a.share_with_contractors and
                               a.consent_given, consent=a.consent_given) for a in adjustments]
    for plan in plans:
        measures = _measures(session, plan)
        if plan.status == PlanStatus.DRAFT.value:
            needs.append(access_rules.Need(plan.id, "the support plan", True,
                                           blocked="agree the support plan (still a draft)"))
        elif not measures:
            needs.append(access_rules.Need(plan.id, "the support plan", True,
                                           blocked="record what the support plan will try (it has no measures)"))
        needs += [access_rules.Need(m.id, m.text, True) for m in measures if plan.status != PlanStatus.DRAFT.value]
    return needs


@dataclass(frozen=True)
class UsedChoice:
    """Something an attempt can record as used: an adjustment honoured or a support measure tried."""

    id: str
    label: str
    is_measure: bool
    shared: bool = True  # adjustments: shared with the contractor (else it never counts as honoured)


def attempt_choices(store: Store, job_id: str, on: date | None = None) -> list[UsedChoice]:
    """The tenant's current adjustments, then the measures of their agreed support plans: what an attempt
    on this job may record as used."""
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        adjustments, plans = _support(session, job.tenant_id, on or date.today())
        choices = [UsedChoice(a.id, adjustment_kinds().label(a.kind), False,
                              a.share_with_contractors and a.consent_given) for a in adjustments]
        for plan in plans:
            if plan.status != PlanStatus.DRAFT.value:
                choices += [UsedChoice(m.id, m.text, True) for m in _measures(session, plan)]
    return choices


def used_ids(a: AccessAttempt) -> list[str]:
    """The ids of the adjustments and support measures an attempt used (none for an attempt from before 0007)."""
    return [*(a.adjustments_used or []), *(a.measures_used or [])]


def as_rule_attempt(a: AccessAttempt) -> access_rules.Attempt:
    return access_rules.Attempt(a.attempted_on, a.method, a.outcome, a.time_of_day or "",
                                frozenset(used_ids(a)), a.withdrawn_on is not None)


def _escalation(session: Session, job: Job, today: date) -> Escalation:
    attempts = job_attempts(session, job.id)
    tenant, home = _tenant_and_home(session, job)
    adjustments, plans = _support(session, tenant.id if tenant else None, today)
    due, no_record = _due_date(session, job, home)
    left = 0 if no_record else rules.days_left(due, today)
    kind = job_types().get(job.job_type)
    min_days = int(kind.get("min_attempts") or 0) if kind else 0
    result = access_rules.assess([as_rule_attempt(a) for a in attempts], _needs(session, adjustments, plans), left,
                                 min_days or access_rules.MIN_DAYS)
    untried = list(dict.fromkeys(n.label for n in result.not_honoured))
    return Escalation(result.stage, result.failed_attempts, left, due, bool(adjustments), bool(plans),
                      result.next_step, untried, no_record, result.rows, job.completed_on)


def escalation(store: Store, job_id: str, today: date | None = None) -> Escalation:
    """How far the job's no-access case has gone, the days left to its legal due date, and the next step."""
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        return _escalation(session, job, today or date.today())


def job_escalation(session: Session, job: Job, today: date) -> Escalation:
    """The same, inside a caller's read session (today's list and reports)."""
    return _escalation(session, job, today)


def _attempt_row(a: AccessAttempt, labels: dict[str, str]) -> list[str]:
    used = "; ".join(labels.get(i, "(no longer recorded)") for i in used_ids(a))
    return [a.attempted_on.isoformat(), a.time_of_day, AccessMethod(a.method).label, AccessOutcome(a.outcome).label,
            LetterStage(a.letter_stage).label if a.letter_stage else "", used, a.notes]


def _used_rows(attempts: list[AccessAttempt], records_by_id: dict[str, tuple[str, str]], attr: str) -> list[list[str]]:
    """One row per adjustment or measure recorded as used on a counted attempt, with the dates it was used."""
    dates: dict[str, list[str]] = {}
    for a in attempts:
        for record_id in getattr(a, attr) or []:
            dates.setdefault(record_id, []).append(a.attempted_on.isoformat())
    return [[*records_by_id[i], ", ".join(d)] for i, d in dates.items() if i in records_by_id]


def _evidence_sections(session: Session, job: Job, today: date) -> tuple[list[str], list]:
    tenant, home = _tenant_and_home(session, job)
    esc = _escalation(session, job, today)
    due = esc.due_date.isoformat() if esc.due_date else ("no record — due now" if esc.no_record else "not recorded")
    intro = [f"Job {job.job_ref} — {job_types().label(job.job_type)}",
             f"Tenant: {tenant.full_name} ({tenant.tenancy_ref})" if tenant else "Communal job",
             f"Address: {home.one_line()}" if home else "", f"Due date: {due}",
             f"Stage: {esc.stage}; failed attempts: {esc.failed_attempts}",
             f"Prepared {today.isoformat()} from Liaison for the landlord's legal file."]
    all_attempts = job_attempts(session, job.id)
    counted = [a for a in all_attempts if a.withdrawn_on is None]
    adjustments, plans = _support(session, tenant.id if tenant else None, today)
    adj = {a.id: (adjustment_kinds().label(a.kind), a.instruction) for a in adjustments}
    measures = {m.id: (f"{PlanStatus(p.status).label} from {_d(p.start_date)}", m.text)
                for p in plans for m in _measures(session, p)}
    labels = {i: v[0] for i, v in adj.items()} | {i: v[1] for i, v in measures.items()}
    sections = [
        Section("Access attempts", headers=["Date", "Time", "Method", "Outcome", "Letter", "Used that time",
                                            "Notes"], rows=[_attempt_row(a, labels) for a in counted]),
        Section("Reasonable adjustments honoured (recorded as used)",
                headers=["Adjustment", "What is done", "Used on"], rows=_used_rows(counted, adj, "adjustments_used"),
                empty_text="None recorded as used."),
        Section("Support measures tried (recorded as used)", headers=["Plan", "Measure", "Used on"],
                rows=_used_rows(counted, measures, "measures_used"), empty_text="None recorded as used."),
    ]
    withdrawn = [[a.attempted_on.isoformat(), _d(a.withdrawn_on), a.withdrawn_by, a.withdrawn_reason]
                 for a in all_attempts if a.withdrawn_on is not None]
    if withdrawn:
        sections.append(Section("Withdrawn attempts (not counted)", headers=["Date", "Withdrawn on", "By", "Why"],
                                rows=withdrawn))
    if esc.prompt:
        sections.append(Section("Next step", [esc.prompt]))
    return [line for line in intro if line], sections


def _d(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def evidence_document(store: Store, job_id: str, today: date | None = None) -> TableDocument:
    """What the access-evidence PDF holds: every attempt, adjustment and support measure for this check
    (never safeguarding). Not audited: `evidence_exported` audits the export."""
    today = today or date.today()
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise records.NotFound("No such job.")
        intro, sections = _evidence_sections(session, job, today)
        job_ref = job.job_ref
    return TableDocument("Access evidence", intro, sections, wide=True, subject=job_ref,
                         footer=f"Confidential — personal data. Access evidence for job {job_ref}.")


def evidence_for_pdf(store: Store, job_id: str, path: str | Path, today: date | None = None) -> TableDocument:
    """Check the access evidence may be written to `path` and give the document to print there. Services never
    print: the caller writes it with liaison_app.printing (write_document), then calls `evidence_exported`."""
    check_output(path, store.path, "pdf")  # never over the store, a backup, or a file of another kind
    return evidence_document(store, job_id, today)


def evidence_exported(store: Store, job_id: str, document: TableDocument) -> None:
    """Audit the access-evidence export once printing has written `document`."""
    audit(store, "export", "job", job_id, ["access_attempts", "adjustments", "support_measures"],
          f"access evidence {document.subject}")
