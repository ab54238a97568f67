"""The officer's day: what needs attention today, gathered from every area.

Sections: today's job appointments and visits; follow-ups due or overdue; adjustments, risk
warnings and support plans due for review (within 14 days or overdue); mandatory checks due in
the next 30 days for tenants with an adjustment or a support plan; and no-access cases with their
stage and days left. Titles and details carry names, references and catalogue labels only —
never a reason, a detail, a note or a cause of strain.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session, func, select

from liaison_app.domain import (AccessAttempt, Adjustment, Block, Contractor, FollowUp, Home, Job, RiskWarning,
                                SupportPlan, Tenant, Visit)
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.enums import JobStatus, PlanStatus
from liaison_app.services import today_signoffs
from liaison_app.domain.text import plural, uk_date
from liaison_app.services import tenants
from liaison_app.services import operatives
from liaison_app.services.access import job_escalation
from liaison_app.services.catalogues import adjustment_kinds, job_types, visit_types, warning_kinds
from liaison_app.services.checks_due import CLOSED_STATUSES, due_checks_page
from liaison_app.store import Store

REVIEW_DAYS = 14
CHECK_DAYS = 30
# At most this many lines per section, most urgent first; `TodayView.totals` keeps the full counts.
# A landlord-sized store can hold thousands of overdue reviews; listing them all costs seconds and
# hundreds of megabytes, and no officer reads past the first screens anyway.
SECTION_LIMIT = 200


@dataclass
class TodayItem:
    section: str
    when: date | datetime | None
    title: str
    detail: str
    tenant_id: str | None
    job_id: str | None
    record_type: str
    record_id: str
    flags: tuple[str, ...] = ()  # an appointment's risk warnings first, then adjustments, in officers' words


@dataclass
class TodayView:
    appointments: list[TodayItem] = field(default_factory=list)
    visits: list[TodayItem] = field(default_factory=list)
    follow_ups: list[TodayItem] = field(default_factory=list)
    reviews: list[TodayItem] = field(default_factory=list)
    checks_due: list[TodayItem] = field(default_factory=list)
    no_access: list[TodayItem] = field(default_factory=list)
    signoffs: list[TodayItem] = field(default_factory=list)  # returned sign-off slips that do not match
    concern_reviews: list[TodayItem] = field(default_factory=list)  # safeguarding leads only
    totals: dict[str, int] = field(default_factory=dict)  # lines in each section before the limit

    def count(self) -> int:
        return sum(self.total(name) for name in SECTIONS)

    def total(self, section: str) -> int:
        return self.totals.get(section, len(getattr(self, section)))


SECTIONS = ("appointments", "visits", "follow_ups", "reviews", "checks_due", "no_access", "signoffs",
            "concern_reviews")


class _Names:
    """Tenant names and places, looked up once per view."""

    def __init__(self, session: Session):
        self.session = session
        self._tenants: dict[str, Tenant | None] = {}

    def preload(self, tenant_ids) -> None:
        """Fetch many tenants in a few queries instead of one each."""
        wanted = list({t for t in tenant_ids if t and t not in self._tenants})
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            found = {t.id: t for t in self.session.exec(select(Tenant).where(Tenant.id.in_(chunk)))}
            self._tenants.update({t: found.get(t) for t in chunk})

    def tenant(self, tenant_id: str | None) -> Tenant | None:
        if not tenant_id:
            return None
        if tenant_id not in self._tenants:
            self._tenants[tenant_id] = self.session.get(Tenant, tenant_id)
        return self._tenants[tenant_id]

    def name(self, tenant_id: str | None) -> str:
        tenant = self.tenant(tenant_id)
        return tenant.display_name if tenant else ""

    def place(self, job: Job) -> str:
        if job.block_id:
            block = self.session.get(Block, job.block_id)
            return f"{block.name} (communal)" if block else ""
        tenant = self.tenant(job.tenant_id)
        home_id = job.home_id or (tenant.home_id if tenant else None)
        home = self.session.get(Home, home_id) if home_id else None
        return home.one_line() if home else ""


def _when_text(due: date, on: date) -> str:
    left = (due - on).days
    if left < 0:
        return f"overdue since {uk_date(due)}"
    return "due today" if left == 0 else f"due {uk_date(due)} ({plural(left, 'day')})"


def _appointments(store: Store, session: Session, names: _Names, on: date) -> list[TodayItem]:
    start = datetime.combine(on, time.min)
    query = select(Job).where(Job.appointment_start >= start, Job.appointment_start < start + timedelta(days=1),
                              Job.status != JobStatus.CANCELLED.value).order_by(Job.appointment_start)
    items = []
    jobs = list(session.exec(query))
    flags = tenants.flags_for(store, [j.tenant_id for j in jobs if j.tenant_id], on, risks_first=True)
    for job in jobs:
        contractor = session.get(Contractor, job.contractor_id)
        who = names.name(job.tenant_id) or names.place(job)
        title = f"{job.appointment_start:%H:%M} {job_types().label(job.job_type)} — {who}"
        detail = " · ".join(p for p in (job.job_ref, names.place(job), contractor.name if contractor else "") if p)
        todo = operatives.warnings_in(session, job, on)  # the booked operative: what the office must sort out first
        items.append(TodayItem("appointments", job.appointment_start, title, detail, job.tenant_id, job.id,
                               "job", job.id, flags=(*todo, *flags.get(job.tenant_id, ()))))
    return items


def _visits(session: Session, names: _Names, on: date) -> list[TodayItem]:
    start = datetime.combine(on, time.min)
    query = select(Visit).where(Visit.at >= start, Visit.at < start + timedelta(days=1)).order_by(Visit.at)
    return [TodayItem("visits", v.at, f"{v.at:%H:%M} {visit_types().label(v.visit_type)} — {names.name(v.tenant_id)}",
                      "", v.tenant_id, v.job_id, "visit", v.id) for v in session.exec(query)]


def _first_page(session: Session, names: _Names, cls, due: tuple, soonest) -> tuple[list, int]:
    """The SECTION_LIMIT records of `cls` meeting `due` that come first by `soonest` (their tenants'
    names loaded), and how many meet it in all: counted in SQL, never loaded."""
    total = session.exec(select(func.count()).select_from(cls).where(*due)).one()
    found = list(session.exec(select(cls).where(*due).order_by(soonest, cls.id).limit(SECTION_LIMIT)))
    names.preload(r.tenant_id for r in found)
    return found, total


def _follow_ups(session: Session, names: _Names, on: date) -> tuple[list[TodayItem], int]:
    """The SECTION_LIMIT longest-waiting follow-ups due, and how many are due in all."""
    found, total = _first_page(session, names, FollowUp, (FollowUp.due_date <= on, FollowUp.done_on.is_(None)),
                               FollowUp.due_date)
    return [TodayItem("follow_ups", f.due_date, f"{f.action} — {names.name(f.tenant_id)}",
                      _when_text(f.due_date, on), f.tenant_id, None, "followup", f.id) for f in found], total


def _reviews(session: Session, names: _Names, on: date) -> tuple[list[TodayItem], int]:
    """The most urgent reviews (at most SECTION_LIMIT of each kind) and how many are due in all."""
    horizon = on + timedelta(days=REVIEW_DAYS)
    items = []
    total = 0
    for cls, catalogue, what, rtype in ((Adjustment, adjustment_kinds(), "adjustment", "adjustment"),
                                        (RiskWarning, warning_kinds(), "risk warning", "riskwarning")):
        due = (cls.review_date <= horizon, (cls.end_date.is_(None)) | (cls.end_date > on))
        found, count = _first_page(session, names, cls, due, cls.review_date)
        total += count
        for rec in found:
            who = names.name(rec.tenant_id) or "a home"
            items.append(TodayItem("reviews", rec.review_date, f"Review {what}: {catalogue.label(rec.kind)} — {who}",
                                   _when_text(rec.review_date, on), rec.tenant_id, None, rtype, rec.id))
    due = (SupportPlan.review_date <= horizon, SupportPlan.status != PlanStatus.CLOSED.value)
    plans, count = _first_page(session, names, SupportPlan, due, SupportPlan.review_date)
    total += count
    for plan in plans:
        items.append(TodayItem("reviews", plan.review_date, f"Review support plan — {names.name(plan.tenant_id)}",
                               _when_text(plan.review_date, on), plan.tenant_id, None, "supportplan", plan.id))
    return sorted(items, key=lambda i: (i.when, i.title)), total


def _checks_due(store: Store, names: _Names, on: date) -> tuple[list[TodayItem], int]:
    """The most urgent SECTION_LIMIT checks due (of tenants with support) and how many are due in all."""
    items = []
    due_list, total = due_checks_page(store, days=CHECK_DAYS, today=on, only_supported=True, limit=SECTION_LIMIT)
    names.preload(d.tenant_id for d in due_list)
    for due in due_list:
        support = list(due.adjustments) + (["support plan"] if due.has_support_plan else [])
        title = f"{due.label} — {names.name(due.tenant_id)}"
        detail = f"{_when_text(due.due_date, on)} · " + ", ".join(support)
        items.append(TodayItem("checks_due", due.due_date, title, detail, due.tenant_id, due.job_id,
                               "job" if due.job_id else "safetycheck", due.job_id or ""))
    return items, total


def no_access_jobs(session: Session) -> list[Job]:
    """Open mandatory-check jobs with at least one access attempt."""
    mandatory = [k.code for k in job_types().kinds if k.get("mandatory")]
    attempted = select(AccessAttempt.job_id).distinct()
    query = select(Job).where(Job.id.in_(attempted), Job.status.not_in(CLOSED_STATUSES),
                              Job.job_type.in_(mandatory))
    return list(session.exec(query))


def _no_access(session: Session, names: _Names, on: date) -> list[TodayItem]:
    items = []
    for job in no_access_jobs(session):
        esc = job_escalation(session, job, on)
        if esc.stage in (rules.ACCESS_GAINED, rules.NOT_STARTED):
            continue
        who = names.name(job.tenant_id) or names.place(job)
        left = ("no check record — due now" if esc.no_record else "no due date" if esc.days_left is None
                else f"overdue by {plural(-esc.days_left, 'day')}" if esc.days_left < 0
                else f"{plural(esc.days_left, 'day')} left")
        title = f"{job.job_ref} {job_types().label(job.job_type)}: {esc.stage} — {who}"
        detail = " · ".join(p for p in (left, plural(esc.failed_attempts, 'failed attempt'), esc.prompt) if p)
        when = on if esc.no_record else esc.due_date  # no record of the check: due now
        items.append(TodayItem("no_access", when, title, detail, job.tenant_id, job.id, "job", job.id))
    return sorted(items, key=lambda i: (i.when is None, i.when or on, i.title))  # by days to the due date


def today_view(store: Store, on: date | None = None) -> TodayView:
    """Everything that needs the officer on `on` (default today)."""
    on = on or date.today()
    with store.read() as session:
        names = _Names(session)
        reviews, review_total = _reviews(session, names, on)
        follow_ups, follow_up_total = _follow_ups(session, names, on)
        view = TodayView(appointments=_appointments(store, session, names, on), visits=_visits(session, names, on),
                         follow_ups=follow_ups, reviews=reviews, no_access=_no_access(session, names, on))
        view.checks_due, checks_total = _checks_due(store, names, on)
        view.signoffs, view.concern_reviews = today_signoffs.sections(store, session, on, TodayItem)
    counted = {"reviews": review_total, "follow_ups": follow_up_total, "checks_due": checks_total}
    for name in SECTIONS:
        items = getattr(view, name)
        view.totals[name] = counted.get(name, len(items))
        setattr(view, name, items[:SECTION_LIMIT])
    return view
