"""Operatives at the door: what the office records about them (gender, trade, Gas Safe, badge expiry)
and the doorstep warnings about the operative booked on a job (domain.operatives applies the rules;
this module reads what they need: the tenant's request, the operative, their other bookings).

Warnings are instructions ("CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING"), never the operative's
recorded gender, which is office data (domain.briefing.PRIVATE_FIELDS).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Callable

from sqlmodel import Session, select

from liaison_app.domain import Adjustment, Job, Operative
from liaison_app.domain import operatives as rules
from liaison_app.domain.periods import is_active
from liaison_app.domain.validation import ValidationError, clean_badge, collect_cleaned, parse_date
from liaison_app.services.records import field, text
from liaison_app.store import Store

# Jobs that no longer hold an operative's time.
FINISHED = ("cancelled", "completed")
GENDER_KINDS = {"female_operative": "female", "male_operative": "male"}


def _gender(value: Any) -> str:
    v = text(value).lower()
    if v in ("", "unknown", "not recorded"):
        return ""
    if v not in rules.GENDERS:
        raise ValidationError("Gender must be female, male or blank (not recorded).")
    return v


def _gas_safe(value: Any) -> str:
    v = text(value).replace(" ", "")
    if v and not (v.isdigit() and 6 <= len(v) <= 7):
        raise ValidationError("A Gas Safe registration number is 6 or 7 digits.")
    return v


CLEANERS = {
    "gender": lambda v: field("gender", _gender, v),
    "trade": text,
    "gas_safe_number": lambda v: field("gas_safe_number", _gas_safe, v),
    "gas_safe_expiry": lambda v: field("gas_safe_expiry", parse_date, v),
    "badge_number": lambda v: field("badge_number", clean_badge, v),
    "badge_expiry": lambda v: field("badge_expiry", parse_date, v),
    "ended_on": lambda v: field("ended_on", parse_date, v),
}


def operative_cleaner(name: str) -> Callable[[Any], Any]:
    """The cleaner of one operative field (a form checks a field as it is typed)."""
    return CLEANERS[name]


def clean_operative_values(values: dict[str, Any]) -> dict[str, Any]:
    """Clean an operative's fields (the first problem is raised, naming its field)."""
    out = {k: CLEANERS[k](v) if k in CLEANERS else v for k, v in values.items()}
    if out.get("gas_safe_expiry") and not out.get("gas_safe_number", "x"):
        raise ValidationError("Give the Gas Safe registration number with its expiry.", field="gas_safe_number")
    return out


def collect_operative_values(values: dict[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    """Clean an operative's fields, collecting every problem (for an import)."""
    return collect_cleaned(values, CLEANERS)


def requested_gender(session: Session, tenant_id: str | None, on: date) -> str:
    """'female' or 'male' when the tenant has an active, shared request for one, else ''."""
    if not tenant_id:
        return ""
    query = select(Adjustment).where(Adjustment.tenant_id == tenant_id,
                                     Adjustment.kind.in_(tuple(GENDER_KINDS)))
    for adj in session.exec(query):
        if is_active(adj, on) and adj.share_with_contractors and adj.consent_given:
            return GENDER_KINDS[adj.kind]
    return ""


def bookings_overlapping(session: Session, operative_id: str | None, start: datetime | None,
                         end: datetime | None, exclude_job_id: str | None = None) -> list[rules.Booking]:
    """The operative's other unfinished jobs whose appointment overlaps start–end."""
    if not operative_id or start is None:
        return []
    finish = rules.appointment_end(start, end)
    query = (select(Job.id, Job.job_ref, Job.appointment_start, Job.appointment_end)
             .where(Job.operative_id == operative_id, Job.appointment_start.is_not(None),
                    Job.appointment_start < finish, Job.appointment_start > start - timedelta(days=1),
                    Job.status.not_in(FINISHED))
             .order_by(Job.appointment_start, Job.job_ref))
    return [rules.Booking(ref, s, e) for job_id, ref, s, e in session.exec(query)
            if job_id != exclude_job_id and rules.overlaps(start, end, s, e)]


def clashes_of(session: Session, job: Any) -> list[rules.Booking]:
    """The other bookings of the job's operative at an overlapping time (none for a finished job)."""
    if job.status in FINISHED:
        return []
    return bookings_overlapping(session, job.operative_id, job.appointment_start, job.appointment_end, job.id)


def warnings_in(session: Session, job: Any, on: date) -> tuple[str, ...]:
    """Every doorstep warning about the operative booked on `job` (read in the caller's session)."""
    operative = session.get(Operative, job.operative_id) if job.operative_id else None
    if operative is None:
        return ()
    day = job.appointment_start.date() if job.appointment_start else on
    return rules.operative_warnings(
        requested=requested_gender(session, job.tenant_id, day), booked=True, operative_gender=operative.gender, gas_work=rules.needs_gas_safe(job.job_type, job.trade),
        gas_safe_number=operative.gas_safe_number, gas_safe_expiry=operative.gas_safe_expiry, on=day,
        clashes=clashes_of(session, job))


def job_warnings(store: Store, job_id: str, on: date | None = None) -> tuple[str, ...]:
    """The doorstep warnings of one job, for its record and the job form."""
    with store.read() as session:
        job = session.get(Job, job_id)
        return warnings_in(session, job, on or date.today()) if job is not None else ()


def booking_clash(store: Store, operative_id: str | None, start: datetime | None, end: datetime | None,
                  exclude_job_id: str | None = None) -> str:
    """The double-booking warning for a form about to book `operative_id` from start to end ('' if none)."""
    if not operative_id or start is None:
        return ""
    with store.read() as session:
        return rules.double_booking_line(bookings_overlapping(session, operative_id, start, end, exclude_job_id))
