"""Returned sign-off slips: what came back per job, and the mismatches Today and the conduct report show.

The slip is the bottom of every printed briefing ("I have read this briefing", operative name, ID badge
number, "ID shown to tenant", signature). When it comes back, the officer records per job: ID shown
(yes/no), badge matches the booked operative (yes/no), signed (yes/no), the date it came back and, if
legible, the badge number written on it. Any "no" is a mismatch (domain.signoff.signoff_problems).
Rows carry references, names of contractors and operatives, and dates only: nothing private.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import not_, or_
from sqlmodel import Session, select

from liaison_app.domain import Contractor, Job, Operative, SignOff
from liaison_app.domain.signoff import PROBLEMS, signoff_problems
from liaison_app.domain.validation import ValidationError, clean_badge, parse_date, parse_yes_no
from liaison_app.services import records
from liaison_app.services.records import NotFound, field
from liaison_app.store import Store

TODAY_DAYS = 30  # Today lists mismatched slips returned in the last 30 days


@dataclass(frozen=True)
class Booked:
    """Who was booked for a job, for the officer to compare with the slip."""

    operative: str
    badge_number: str


@dataclass(frozen=True)
class Mismatch:
    """A returned slip with at least one "no"."""

    signoff_id: str
    job_id: str
    job_ref: str
    tenant_id: str | None
    contractor_id: str
    contractor: str
    operative: str
    returned_on: date
    problems: tuple[str, ...]


def booked_operative(store: Store, job_id: str) -> Booked:
    """The operative booked on the job (name and badge), or blanks when none was chosen."""
    with store.read() as session:
        job = session.get(Job, job_id)
        if job is None:
            raise NotFound("No such job.")
        operative = session.get(Operative, job.operative_id) if job.operative_id else None
    return Booked(operative.name, operative.badge_number) if operative else Booked("", "")


def get_signoff(store: Store, job_id: str) -> SignOff | None:
    """The job's returned slip, or None when it has not come back."""
    with store.read() as session:
        return session.exec(select(SignOff).where(SignOff.job_id == job_id)).first()


@dataclass(frozen=True)
class SignOffState:
    """What the job record shows about its slip: who was booked, and the slip if it came back."""

    job_id: str
    booked: Booked
    slip: SignOff | None
    problems: tuple[str, ...]


def signoff_state(store: Store, job_id: str) -> SignOffState:
    """One read for the job record's sign-off line and form (run off the UI thread)."""
    slip = get_signoff(store, job_id)
    problems = signoff_problems(slip.id_shown, slip.badge_matches, slip.signed) if slip else ()
    return SignOffState(job_id, booked_operative(store, job_id), slip, problems)


def _clean(store: Store, job_id: str, returned_on, id_shown, badge_matches, signed, badge_number) -> dict:
    with store.read() as session:
        job = session.get(Job, job_id)
    if job is None:
        raise ValidationError("No such job.", field="job_id")
    returned = field("returned_on", parse_date, returned_on, required=True)
    if returned > date.today():
        raise ValidationError("The slip cannot come back in the future.", field="returned_on")
    if job.appointment_start is not None and returned < job.appointment_start.date():
        raise ValidationError("The slip came back before the appointment.", field="returned_on")
    values = {"returned_on": returned, "badge_number": field("badge_number", clean_badge, badge_number)}
    for name, value in (("id_shown", id_shown), ("badge_matches", badge_matches), ("signed", signed)):
        values[name] = field(name, parse_yes_no, value, default=False)
    booked = booked_operative(store, job_id).badge_number
    written = values["badge_number"]
    if values["badge_matches"] and written and booked and written.casefold() != booked.casefold():
        raise ValidationError("The badge number on the slip is not the booked operative's.", field="badge_matches")
    return values


def record_signoff(store: Store, job_id: str, *, returned_on: date | str, id_shown: bool | str,
                   badge_matches: bool | str, signed: bool | str, badge_number: str = "",
                   expected_version: int | None = None) -> SignOff:
    """Record (or correct) what the job's returned sign-off slip shows. Audited; one slip per job."""
    values = _clean(store, job_id, returned_on, id_shown, badge_matches, signed, badge_number)
    current = get_signoff(store, job_id)
    if current is None:
        return records.create(store, SignOff(job_id=job_id, **values), summary="sign-off returned")
    records.change(store, SignOff, current.id, values, expected_version=expected_version)
    return records.get(store, SignOff, current.id)


def _mismatches(session: Session, date_from: date | None, date_to: date | None) -> list[Mismatch]:
    query = select(SignOff, Job).join(Job, Job.id == SignOff.job_id).where(
        or_(not_(SignOff.id_shown), not_(SignOff.badge_matches), not_(SignOff.signed)))
    if date_from:
        query = query.where(SignOff.returned_on >= date_from)
    if date_to:
        query = query.where(SignOff.returned_on <= date_to)
    out = []
    for slip, job in session.exec(query.order_by(SignOff.returned_on.desc(), Job.job_ref)):
        contractor = session.get(Contractor, job.contractor_id)
        operative = session.get(Operative, job.operative_id) if job.operative_id else None
        out.append(Mismatch(slip.id, job.id, job.job_ref, job.tenant_id, job.contractor_id,
                            contractor.name if contractor else "", operative.name if operative else "",
                            slip.returned_on, signoff_problems(slip.id_shown, slip.badge_matches, slip.signed)))
    return out


def recent_mismatches(session: Session, on: date) -> list[Mismatch]:
    """Mismatched slips returned in the last TODAY_DAYS days up to `on`, newest first (for Today)."""
    return _mismatches(session, on - timedelta(days=TODAY_DAYS), on)


def mismatch_counts(store: Store, date_from: date, date_to: date) -> list[tuple[str, str, int, date, date]]:
    """Per contractor and problem, slips returned between two dates (inclusive): (contractor, problem,
    count, first returned, last returned), by contractor then PROBLEMS order (for the conduct report)."""
    with store.read() as session:
        found = _mismatches(session, date_from, date_to)
    groups: dict[tuple[str, str], list[date]] = defaultdict(list)
    for m in found:
        for problem in m.problems:
            groups[(m.contractor, problem)].append(m.returned_on)
    order = {p: i for i, p in enumerate(PROBLEMS)}
    return [(name, problem, len(days), min(days), max(days))
            for (name, problem), days in sorted(groups.items(), key=lambda g: (g[0][0].casefold(), order[g[0][1]]))]


def conduct_rows(store: Store, date_from: date, date_to: date) -> list[list[str]]:
    """The conduct report's rows for mismatched slips returned between two dates: contractor,
    "Returned sign-off: <problem>", count, "" (no action is recorded on a slip), first and last returned."""
    return [[name, f"Returned sign-off: {problem}", str(count), "", first.isoformat(), last.isoformat()]
            for name, problem, count, first, last in mismatch_counts(store, date_from, date_to)]
