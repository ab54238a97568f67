"""Works: contractors, their operatives, and jobs (repairs, mandatory checks, communal complaints)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, select

from liaison_app.domain import Block, Contractor, Home, Job, Operative, Tenant
from liaison_app.domain.enums import JobStatus
from liaison_app.domain.validation import (
    ValidationError,
    clean_email,
    clean_phone,
    clean_required,
    collect_cleaned,
    parse_date,
    parse_datetime,
    parse_yes_no,
)
from liaison_app.services import complaints, records
from liaison_app.services.catalogues import job_types
from liaison_app.services.operatives import clean_operative_values
from liaison_app.services.records import Change, add_new, field, text
from liaison_app.store import Store


def _contractor_values(values: dict[str, Any]) -> dict[str, Any]:
    cleaners = {
        "name": lambda v: field("name", clean_required, text(v), "The contractor's name"),
        "phone": lambda v: field("phone", clean_phone, v),
        "email": lambda v: field("email", clean_email, v),
        "conduct_version": text,
        "conduct_signed_on": lambda v: field("conduct_signed_on", parse_date, v),
        "ended_on": lambda v: field("ended_on", parse_date, v),
    }
    return {k: cleaners[k](v) if k in cleaners else v for k, v in values.items()}


def create_contractor(store: Store, name: str, *, phone: str = "", email: str = "", conduct_version: str = "",
                      conduct_signed_on: date | str | None = None) -> Contractor:
    values = _contractor_values(dict(name=name, phone=phone, email=email, conduct_version=conduct_version,
                                     conduct_signed_on=conduct_signed_on))
    if find_contractor(store, values["name"]) is not None:
        raise ValidationError("A contractor with this name already exists.", field="name")
    return records.create(store, Contractor(**values))


def change_contractor(store: Store, contractor_id: str, values: dict[str, Any],
                      expected_version: int | None = None) -> Change:
    cleaned = _contractor_values(values)
    if "name" in cleaned:
        other = find_contractor(store, cleaned["name"])
        if other is not None and other.id != contractor_id:
            raise ValidationError("A contractor with this name already exists.", field="name")
    return records.change(store, Contractor, contractor_id, cleaned, expected_version=expected_version)


def list_contractors(store: Store, include_ended: bool = False) -> list[Contractor]:
    with store.read() as session:
        stmt = select(Contractor).order_by(Contractor.name)
        if not include_ended:
            stmt = stmt.where(or_(Contractor.ended_on.is_(None), Contractor.ended_on > date.today()))
        return list(session.exec(stmt).all())


def find_contractor(store: Store, name: str) -> Contractor | None:
    """The contractor with this name (ignoring case and surrounding space), if any."""
    wanted = text(name).casefold()
    with store.read() as session:
        for c in session.exec(select(Contractor)).all():
            if c.name.casefold() == wanted:
                return c
    return None


def add_operative(store: Store, contractor_id: str, name: str, badge_number: str = "", **details: Any) -> Operative:
    """`details`: gender, trade, gas_safe_number, gas_safe_expiry, badge_expiry (services.operatives)."""
    operative = Operative(contractor_id=contractor_id,
                          name=field("name", clean_required, text(name), "The operative's name"),
                          **clean_operative_values({"badge_number": badge_number, **details}))
    return records.create(store, operative, under=(Contractor, contractor_id, "contractor_id"))


def change_operative(store: Store, operative_id: str, values: dict[str, Any],
                     expected_version: int | None = None) -> Change:
    cleaned = dict(values)
    if "name" in cleaned:
        cleaned["name"] = field("name", clean_required, text(cleaned["name"]), "The operative's name")
    cleaned.update(clean_operative_values({k: v for k, v in cleaned.items() if k != "name"}))
    return records.change(store, Operative, operative_id, cleaned, expected_version=expected_version)


def list_operatives(store: Store, contractor_id: str, include_ended: bool = False) -> list[Operative]:
    with store.read() as session:
        stmt = select(Operative).where(Operative.contractor_id == contractor_id).order_by(Operative.name)
        if not include_ended:
            stmt = stmt.where(Operative.ended_on.is_(None))
        return list(session.exec(stmt).all())


def _job_type(value: Any) -> str:
    code = text(value)
    if code not in job_types():
        raise ValidationError("Choose a job type from the list.", field="job_type")
    return code


MAX_JOB_REF = 40  # a job reference is printed as a QR code on every briefing


def _job_ref(value: Any) -> str:
    ref = field("job_ref", clean_required, text(value), "The job reference")
    if len(ref) > MAX_JOB_REF:
        raise ValidationError(f"A job reference is at most {MAX_JOB_REF} characters (it is printed as a QR code).",
                              field="job_ref")
    return ref


def _job_cleaners() -> dict[str, Any]:
    return {
        "job_ref": _job_ref,
        "job_type": _job_type,
        "description": lambda v: field("description", clean_required, v if v is None else str(v),
                                       "The description of the tasks"),
        "trade": text, "complaint_ref": text, "complainant_name": text, "certificate_ref": text,
        "complainant_phone": lambda v: field("complainant_phone", clean_phone, v),
        "complainant_consent": lambda v: field("complainant_consent", parse_yes_no, v, default=False),
        "appointment_start": lambda v: field("appointment_start", parse_datetime, v),
        "appointment_end": lambda v: field("appointment_end", parse_datetime, v),
        "due_date": lambda v: field("due_date", parse_date, v),
        "completed_on": lambda v: field("completed_on", parse_date, v),
        "status": lambda v: field("status", _status, v),
    }


def collect_job_values(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Clean the fields of a job, collecting every problem (each names its field)."""
    out, problems = collect_cleaned(values, _job_cleaners())
    start, end = out.get("appointment_start"), out.get("appointment_end")
    if start and end and end <= start:
        problems.append(ValidationError("The appointment ends before it starts.", field="appointment_end"))
    if end and not start and "appointment_start" not in {p.field for p in problems}:
        problems.append(ValidationError("Give the appointment's start too.", field="appointment_start"))
    return out, problems


def clean_job_values(values: dict[str, Any]) -> dict[str, Any]:
    """Clean the fields of a job form; the first problem is raised, naming its field."""
    out, problems = collect_job_values(values)
    if problems:
        raise problems[0]
    return out


def _status(value: Any) -> str:
    v = text(value).lower()
    if v not in JobStatus.values():
        raise ValidationError(f"Status must be one of: {', '.join(JobStatus.values())}.")
    return v


def _check_links(session: Session, job: Job) -> None:
    records.must_exist(session, Contractor, job.contractor_id, "contractor_id")
    if job.tenant_id:
        job.home_id = job.home_id or records.must_exist(session, Tenant, job.tenant_id, "tenant_id").home_id
    if job.block_id:
        records.must_exist(session, Block, job.block_id, "block_id")
    if not (job.tenant_id or job.block_id or job.home_id):
        raise ValidationError("Say which tenant's home or which block the job is at.", field="tenant_id")
    if job.complainant_tenant_id:
        records.must_exist(session, Tenant, job.complainant_tenant_id, "complainant_tenant_id")
    if job.operative_id:
        operative = session.get(Operative, job.operative_id)
        if operative is None or operative.contractor_id != job.contractor_id:
            raise ValidationError("This operative does not work for the job's contractor.", field="operative_id")


def create_job(store: Store, *, job_ref: str, contractor_id: str, job_type: str, description: str,
               tenant_id: str | None = None, block_id: str | None = None, operative_id: str | None = None,
               trade: str = "", appointment_start: datetime | str | None = None,
               appointment_end: datetime | str | None = None, due_date: date | str | None = None,
               complaint_ref: str = "", complainant_name: str = "", complainant_phone: str = "",
               complainant_consent: bool = False, complainant_tenant_id: str | None = None) -> Job:
    values = clean_job_values(dict(
        job_ref=job_ref, job_type=job_type, description=description, trade=trade,
        appointment_start=appointment_start, appointment_end=appointment_end, due_date=due_date,
        complaint_ref=complaint_ref, complainant_name=complainant_name, complainant_phone=complainant_phone,
        complainant_consent=complainant_consent))
    if not values["trade"]:
        values["trade"] = job_types().get(values["job_type"]).get("trade") or ""
    status = JobStatus.BOOKED.value if values["appointment_start"] else JobStatus.OPEN.value
    job = Job(**values, contractor_id=contractor_id, tenant_id=tenant_id or None, block_id=block_id or None,
              operative_id=operative_id or None, status=status, complainant_tenant_id=complainant_tenant_id or None)
    with store.write() as session:
        if session.exec(select(Job.id).where(Job.job_ref == values["job_ref"])).first():
            raise ValidationError("A job with this reference already exists.", field="job_ref")
        _check_links(session, job)
        add_new(session, store, job, summary=job.job_ref)
    return job


def change_job(store: Store, job_id: str, values: dict[str, Any], expected_version: int | None = None) -> Change:
    cleaned = clean_job_values(values)
    current = get_job(store, job_id)
    if "job_ref" in cleaned and cleaned["job_ref"] != current.job_ref and find_job(store, cleaned["job_ref"]):
        raise ValidationError("A job with this reference already exists.", field="job_ref")
    probe = current.model_copy(update=cleaned)
    with store.read() as session:
        _check_links(session, probe)
    if probe.home_id != current.home_id:
        cleaned["home_id"] = probe.home_id
    return records.change(store, Job, job_id, cleaned, expected_version=expected_version, summary=current.job_ref,
                          then=lambda session, job, changed: complaints.after_job_change(session, store, job, changed))


def get_job(store: Store, job_id: str) -> Job:
    return records.get(store, Job, job_id)


def find_job(store: Store, job_ref: str) -> Job | None:
    with store.read() as session:
        return session.exec(select(Job).where(Job.job_ref == text(job_ref))).first()


@dataclass(frozen=True)
class JobRow:
    id: str
    job_ref: str
    job_type: str
    job_label: str
    status: str
    address: str
    tenant_name: str
    contractor: str
    operative: str
    appointment_start: datetime | None
    due_date: date | None


def _in_range(date_from: date | None, date_to: date | None):
    """A job is in the range when its appointment (or, with none, its due date) falls in it."""
    conds_appt, conds_due = [Job.appointment_start.is_not(None)], [Job.appointment_start.is_(None)]
    if date_from:
        conds_appt.append(Job.appointment_start >= datetime.combine(date_from, datetime.min.time()))
        conds_due.append(Job.due_date >= date_from)
    if date_to:
        conds_appt.append(Job.appointment_start < datetime.combine(date_to + timedelta(days=1), datetime.min.time()))
        conds_due.append(Job.due_date <= date_to)
    return or_(and_(*conds_appt), and_(*conds_due))


def list_jobs(store: Store, *, date_from: date | None = None, date_to: date | None = None,
              contractor_id: str | None = None, status: str | None = None, job_type: str | None = None,
              tenant_id: str | None = None, limit: int = 500, offset: int = 0) -> list[JobRow]:
    """Jobs, soonest appointment (then due date) first."""
    stmt = (select(Job, Contractor.name, Operative.name, Tenant, Home, Block)
            .join(Contractor, Contractor.id == Job.contractor_id)
            .outerjoin(Operative, Operative.id == Job.operative_id)
            .outerjoin(Tenant, Tenant.id == Job.tenant_id)
            .outerjoin(Home, Home.id == Job.home_id)
            .outerjoin(Block, Block.id == Job.block_id))
    if date_from or date_to:
        stmt = stmt.where(_in_range(date_from, date_to))
    for column, value in ((Job.contractor_id, contractor_id), (Job.status, status),
                          (Job.job_type, job_type), (Job.tenant_id, tenant_id)):
        if value:
            stmt = stmt.where(column == value)
    stmt = stmt.order_by(Job.appointment_start.is_(None), Job.appointment_start, Job.due_date.is_(None),
                         Job.due_date, Job.job_ref).limit(limit).offset(offset)
    with store.read() as session:
        rows = session.exec(stmt).all()
    types = job_types()
    return [JobRow(job.id, job.job_ref, job.job_type, types.label(job.job_type), job.status,
                   _address(home, block), tenant.display_name if tenant else "", contractor, operative or "",
                   job.appointment_start, job.due_date)
            for job, contractor, operative, tenant, home, block in rows]


def _address(home: Home | None, block: Block | None) -> str:
    if home is not None:
        return home.one_line()
    if block is not None:
        parts = [block.name, block.address_line1, block.town, block.postcode]
        return ", ".join(p for p in parts if p)
    return ""

