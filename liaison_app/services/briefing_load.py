"""Loading what a briefing is built from: one short read session per briefing or pack.

Only the rows a briefing may draw on are read (the job, its tenant, home, block, contractor,
operative, the tenant's adjustments, person and home warnings, support plans and measures);
visits, safeguarding concerns and other household members are never loaded.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Sequence

from sqlmodel import Session, or_, select

from liaison_app.domain import (
    Adjustment,
    Block,
    Contractor,
    Home,
    Job,
    Officer,
    Operative,
    RiskWarning,
    Setting,
    SupportMeasure,
    SupportPlan,
    Tenant,
)
from liaison_app.services import settings as settings_service
from liaison_app.domain import operatives as rules
from liaison_app.services.operatives import FINISHED, clashes_of
from liaison_app.domain.briefing import Briefing, Pack
from liaison_app.services.briefing_rules import BriefingRecords, NothingToPrint, build_briefing, settings_over_defaults

SKIPPED_STATUSES = ("cancelled", "completed")


def _settings_in(session: Session) -> dict[str, str]:
    """The landlord's settings (services.settings' defaults where none is stored), read in this session."""
    values = dict(settings_service.DEFAULTS)
    values.update({s.key: s.value for s in session.exec(select(Setting)) if s.key in values})
    return values


def _printed_by(session: Session, username: str) -> str:
    officer = session.exec(select(Officer).where(Officer.username == username)).first()
    return (officer.display_name or officer.username) if officer is not None else username


def _in(session: Session, table, column, values) -> list:
    values = sorted(values)
    return [row for n in range(0, len(values), 500)
            for row in session.exec(select(table).where(column.in_(values[n:n + 500])))]


class _Pack:
    """What a pack's briefings draw on, read for all its jobs in a few queries (a query per job and kind of
    record was a sixth of a 200-job pack's time). The tenants, homes, blocks, contractors and operatives
    are held here, so `session.get` finds them without asking the store again."""

    def __init__(self, session: Session, jobs: Sequence[Job]):
        tenant_ids = {j.tenant_id for j in jobs if j.tenant_id}
        tenants = {t.id: t for t in _in(session, Tenant, Tenant.id, tenant_ids)}
        home_ids = {j.home_id or getattr(tenants.get(j.tenant_id), "home_id", None) for j in jobs} - {None}
        homes = _in(session, Home, Home.id, home_ids)
        block_ids = ({j.block_id for j in jobs} | {h.block_id for h in homes}) - {None}
        self.held = [tenants, homes, _in(session, Block, Block.id, block_ids),
                     _in(session, Contractor, Contractor.id, {j.contractor_id for j in jobs}),
                     _in(session, Operative, Operative.id, {j.operative_id for j in jobs} - {None})]
        self.adjustments = _grouped(_in(session, Adjustment, Adjustment.tenant_id, tenant_ids), "tenant_id")
        plans = [p for p in _in(session, SupportPlan, SupportPlan.tenant_id, tenant_ids) if p.status == "active"]
        self.plans = _grouped(plans, "tenant_id")
        self.measures = _grouped(_in(session, SupportMeasure, SupportMeasure.plan_id, {p.id for p in plans}), "plan_id")
        self.person_warnings = _grouped(_in(session, RiskWarning, RiskWarning.tenant_id, tenant_ids), "tenant_id")
        self.home_warnings = _grouped(_in(session, RiskWarning, RiskWarning.home_id, home_ids), "home_id")
        self.bookings = _bookings(session, jobs)

    def clashes(self, job: Job) -> list[rules.Booking]:
        """What services.operatives.clashes_of finds for the job, from the bookings read for the whole pack."""
        start, end = job.appointment_start, job.appointment_end
        if job.status in FINISHED or not job.operative_id or start is None:
            return []
        finish, since = rules.appointment_end(start, end), start - timedelta(days=1)
        return [rules.Booking(ref, s, e) for job_id, ref, s, e in self.bookings.get(job.operative_id, ())
                if since < s < finish and job_id != job.id and rules.overlaps(start, end, s, e)]


def _bookings(session: Session, jobs: Sequence[Job]) -> dict[str, list[tuple]]:
    """Per operative of the pack, their unfinished jobs that could overlap one of its jobs (id, reference,
    start, end), in appointment order: one query for the pack, not one a job (as clashes_of asks)."""
    booked = [j for j in jobs if j.operative_id and j.appointment_start is not None]
    if not booked:
        return {}
    since = min(j.appointment_start for j in booked) - timedelta(days=1)
    until = max(rules.appointment_end(j.appointment_start, j.appointment_end) for j in booked)
    operatives, out = sorted({j.operative_id for j in booked}), {}
    for n in range(0, len(operatives), 500):
        query = (select(Job.id, Job.job_ref, Job.operative_id, Job.appointment_start, Job.appointment_end)
                 .where(Job.operative_id.in_(operatives[n:n + 500]), Job.appointment_start.is_not(None),
                        Job.appointment_start < until, Job.appointment_start > since, Job.status.not_in(FINISHED))
                 .order_by(Job.appointment_start, Job.job_ref))
        for job_id, ref, operative_id, start, end in session.exec(query):
            out.setdefault(operative_id, []).append((job_id, ref, start, end))
    return out


def _grouped(rows: list, key: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(getattr(row, key), []).append(row)
    return out


def _records(session: Session, job: Job, pack: _Pack | None = None) -> BriefingRecords:
    tenant = session.get(Tenant, job.tenant_id) if job.tenant_id else None
    home_id = job.home_id or (tenant.home_id if tenant is not None else None)
    home = session.get(Home, home_id) if home_id else None
    block_id = job.block_id or (home.block_id if home is not None else None)
    adjustments: list = []
    plans: list = []
    person_or_home = []
    if pack is not None:
        adjustments = list(pack.adjustments.get(tenant.id, [])) if tenant is not None else []
        plans = [(p, list(pack.measures.get(p.id, []))) for p in pack.plans.get(tenant.id, [])] if tenant else []
        found = (pack.person_warnings.get(tenant.id, []) if tenant is not None else []) + (
            pack.home_warnings.get(home.id, []) if home is not None else [])
        warnings = list({w.id: w for w in found}.values())
    else:
        if tenant is not None:
            adjustments = list(session.exec(select(Adjustment).where(Adjustment.tenant_id == tenant.id)))
            person_or_home.append(RiskWarning.tenant_id == tenant.id)
            for plan in session.exec(select(SupportPlan).where(SupportPlan.tenant_id == tenant.id,
                                                               SupportPlan.status == "active")):
                measures = list(session.exec(select(SupportMeasure).where(SupportMeasure.plan_id == plan.id)))
                plans.append((plan, measures))
        if home is not None:
            person_or_home.append(RiskWarning.home_id == home.id)
        warnings = list(session.exec(select(RiskWarning).where(or_(*person_or_home)))) if person_or_home else []
    return BriefingRecords(
        job=job, tenant=tenant, home=home,
        block=session.get(Block, block_id) if block_id else None,
        contractor=session.get(Contractor, job.contractor_id),
        operative=session.get(Operative, job.operative_id) if job.operative_id else None,
        adjustments=adjustments, warnings=warnings, plans=plans,
        clashes=pack.clashes(job) if pack is not None else clashes_of(session, job),
    )


def _build_all(session: Session, store, jobs: Sequence[Job], on: date) -> list[Briefing]:
    settings = _settings_in(session)
    printed_by = _printed_by(session, store.actor)
    now = datetime.now()
    pack = _Pack(session, jobs) if len(jobs) > 1 else None
    return [build_briefing(_records(session, job, pack), settings, on, printed_at=now, printed_by=printed_by)
            for job in jobs]


def load_briefings(store, job_ids: Sequence[str], on: date) -> list[Briefing]:
    """Briefings for the given jobs (unknown ids are skipped), in the order given."""
    with store.read() as session:
        jobs = [j for j in (session.get(Job, job_id) for job_id in job_ids) if j is not None]
        return _build_all(session, store, jobs, on)


def find_job_id(store, job_ref_or_id: str) -> str | None:
    with store.read() as session:
        job = session.exec(select(Job).where(or_(Job.job_ref == job_ref_or_id, Job.id == job_ref_or_id))).first()
        return job.id if job is not None else None


def find_contractor_name(session: Session, name: str) -> Contractor | None:
    """The contractor with this name, matched exactly, else ignoring case (there are few contractors)."""
    exact = session.exec(select(Contractor).where(Contractor.name == name)).first()
    if exact is not None:
        return exact
    folded = name.strip().casefold()
    return next((c for c in session.exec(select(Contractor)) if c.name.casefold() == folded), None)


def jobs_on_day(session: Session, contractor_id: str, day: date) -> list[Job]:
    start = datetime.combine(day, time.min)
    query = (select(Job)
             .where(Job.contractor_id == contractor_id, Job.appointment_start >= start,
                    Job.appointment_start < start + timedelta(days=1), Job.status.not_in(SKIPPED_STATUSES))
             .order_by(Job.appointment_start, Job.job_ref))
    return list(session.exec(query))


def load_pack(store, contractor_name: str, day: date, on: date) -> Pack:
    """The pack for a contractor's day; NothingToPrint for an unknown contractor or an empty day."""
    with store.read() as session:
        contractor = find_contractor_name(session, contractor_name)
        if contractor is None:
            raise NothingToPrint(f"No contractor named {contractor_name!r}.")
        jobs = jobs_on_day(session, contractor.id, day)
        if not jobs:
            raise NothingToPrint(f"{contractor.name} has no jobs booked on {day:%d %B %Y}.")
        briefings = _build_all(session, store, jobs, on)
        settings = settings_over_defaults(_settings_in(session))
        return Pack(landlord_name=settings["landlord_name"], contractor=contractor.name,
                    day=f"{day:%A} {day.day} {day:%B %Y}", printed_on=f"{datetime.now():%d %B %Y %H:%M}",
                    printed_by=_printed_by(session, store.actor), briefings=tuple(briefings))
