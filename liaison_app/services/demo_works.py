"""The works half of the demo: contractors, operatives, jobs, the mandatory check calendar, a no-access
case, communal complaint jobs, support plans and conduct feedback (see demo.py)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from liaison_app.domain import (
    AccessAttempt, ConductFeedback, Contractor, Job, Operative, SafetyCheck, SupportContact, SupportMeasure,
    SupportPlan, SupportPlanJob,
)
from liaison_app.domain.validation import add_months
from liaison_app.services import demo_data as data
from liaison_app.services.catalogues import conduct_points, support_measures

SETTINGS = {
    "landlord_name": "Wessex Vale Homes (demo)",
    "safeguarding_line": "Safeguarding team: 01632 960200 (9am to 5pm); out of hours 01632 960299",
    "conduct_reminders": "Show your ID at the door and wear it at all times.\n"
                         "Do not use the tenant's toilet or bathroom.",
}
TRADE_JOBS = {"gas_safety": "gas", "electrical_safety": "electrical", "repair": "general", "planned": "general",
              "damp_mould": "damp", "communal_repair": "general", "lift": "lifts", "fire_risk": "general"}


class _Crews:
    """Contractors by trade, each with operatives and ID badge numbers."""

    def __init__(self, gen, n_tenants: int):
        self.by_trade: dict[str, tuple[dict, list[dict]]] = {}
        for c in data.CONTRACTORS:
            row = gen.add(Contractor, name=c["name"], phone=c["phone"], email=f"office@{c['prefix'].lower()}.example.com",
                          conduct_version="2026.1", conduct_signed_on=gen.today - timedelta(days=120), ended_on=None)
            ops = [gen.add(Operative, contractor_id=row["id"], name=name, badge_number=f"{c['prefix']}-{1000 + k:04d}",
                           ended_on=None)
                   for k, name in enumerate(_operative_names(gen, 3 + n_tenants // 5000))]
            self.by_trade[c["trade"]] = (row, ops)

    def for_job(self, gen, job_type: str) -> tuple[dict, dict]:
        contractor, ops = self.by_trade[TRADE_JOBS.get(job_type, "general")]
        return contractor, gen.pick(ops)


def _operative_names(gen, n: int) -> list[str]:
    names = gen.rng.sample(data.OPERATIVE_NAMES, min(n, len(data.OPERATIVE_NAMES)))
    while len(names) < n:
        community = gen.pick(data.COMMUNITIES)
        name = f"{gen.pick(community['first'])} {gen.pick(community['last'])}"
        if name not in names:
            names.append(name)
    return names


class _Jobs:
    def __init__(self, gen, crews: _Crews):
        self.gen, self.crews, self.count = gen, crews, 0
        self.slots: dict[tuple[str, date], int] = {}

    def add(self, job_type: str, *, home=None, tenant=None, block=None, description: str | None = None,
            **values: Any) -> dict[str, Any]:
        gen = self.gen
        self.count += 1
        contractor, operative = self.crews.for_job(gen, job_type)
        prefix = {"gas_safety": "GS", "electrical_safety": "EL", "communal_repair": "CR"}.get(job_type, "JB")
        row = dict(job_ref=f"{prefix}-{self.count:07d}", tenant_id=tenant["id"] if tenant else None,
                   home_id=home["id"] if home else None, block_id=block["id"] if block else None,
                   contractor_id=contractor["id"], operative_id=operative["id"], trade=TRADE_JOBS.get(job_type, ""),
                   job_type=job_type, description=description or gen.pick(data.JOB_DESCRIPTIONS[job_type]),
                   appointment_start=None, appointment_end=None, due_date=None, status="open", completed_on=None,
                   certificate_ref="", complaint_ref="", complainant_name="", complainant_phone="",
                   complainant_consent=False)
        row.update(values)
        return gen.add(Job, **row)

    def book(self, job: dict[str, Any], day: date) -> None:
        """An appointment on `day` in the operative's next free two-hour slot (08:00 to 16:00)."""
        key = (job["operative_id"], day)
        slot = self.slots.get(key, 0)
        self.slots[key] = slot + 1
        start = datetime.combine(day, time(8 + 2 * (slot % 5), 0))
        job.update(appointment_start=start, appointment_end=start + timedelta(hours=2), status="booked")


def _gas(gen, jobs: _Jobs, people) -> list[tuple[dict, dict, dict]]:
    """Gas checks: calendar rows, last year's completed check, and the next one where it is due soon."""
    upcoming = []
    for tenant, home in people:
        if gen.rng.random() >= 0.85:
            continue
        last = gen.days_ago(0, 364)
        cert = f"CP12-{jobs.count + 1:07d}"
        jobs.add("gas_safety", home=home, tenant=tenant, status="completed", completed_on=last,
                 due_date=last + timedelta(days=20), certificate_ref=cert)
        next_due = add_months(last, 12)
        gen.add(SafetyCheck, home_id=home["id"], block_id=None, kind="gas_safety", last_done=last,
                certificate_ref=cert, next_due=next_due)
        if (next_due - gen.today).days <= 56:
            job = jobs.add("gas_safety", home=home, tenant=tenant, due_date=next_due)
            upcoming.append((job, tenant, home))
    for i, (job, _, _) in enumerate(sorted(upcoming, key=lambda u: u[0]["due_date"])):
        if i < max(4, len(upcoming) // 3):
            jobs.book(job, gen.today + timedelta(days=i % 5))
    return upcoming


def _no_access(gen, upcoming) -> None:
    """Gas jobs where three attempts to get in have failed; the deadline is close."""
    stages = [("letter", "no_answer", "first"), ("visit", "no_answer", "second"), ("letter", "refused", "final")]
    for job, _, _ in upcoming[-max(1, len(upcoming) // 40):]:
        job.update(status="no_access", appointment_start=None, appointment_end=None,
                   due_date=gen.today + timedelta(days=gen.randint(5, 20)))
        for k, (method, outcome, stage) in enumerate(stages):
            gen.add(AccessAttempt, job_id=job["id"], attempted_on=gen.today - timedelta(days=21 - 7 * k),
                    method=method, outcome=outcome, letter_stage=stage,
                    notes="Neighbour says the tenant is rarely in before 6pm." if k == 1 else "")


def _repairs(gen, jobs: _Jobs, people) -> None:
    for i, (tenant, home) in enumerate(people):
        job_type = "repair" if i % 10 < 7 else gen.pick(["electrical_safety", "planned", "damp_mould"])
        if gen.rng.random() < 0.8:
            done = gen.days_ago(10, 600)
            jobs.add(job_type, home=home, tenant=tenant, status="completed", completed_on=done)
        if i % 12 == 0:
            job = jobs.add(job_type, home=home, tenant=tenant, due_date=gen.today + timedelta(days=gen.randint(3, 40)))
            if i % 24 == 0:
                jobs.book(job, gen.today + timedelta(days=gen.randint(0, 6)))


def _communal(gen, jobs: _Jobs, people) -> None:
    by_block: dict[str, list[dict]] = {}
    for tenant, home in people:
        if home["block_id"]:
            by_block.setdefault(home["block_id"], []).append(tenant)
    for k, (block_id, residents) in enumerate(sorted(by_block.items())):
        block = {"id": block_id}
        for kind, months in (("fire_risk", 36), ("lift", 6)):
            last = gen.days_ago(0, months * 30 - 1)
            gen.add(SafetyCheck, home_id=None, block_id=block_id, kind=kind, last_done=last,
                    certificate_ref=f"{kind.upper()}-{k:05d}", next_due=add_months(last, months))
        if k % 2 == 0:
            who = gen.pick(residents)
            job = jobs.add("communal_repair", block=block, description=gen.pick(data.COMMUNAL_COMPLAINTS),
                           complaint_ref=f"CMP-{gen.today.year}-{k + 1:05d}",
                           complainant_name=f"{who['first_name']} {who['last_name']}", complainant_phone=who["phone"],
                           complainant_consent=bool(who["phone"]) and gen.rng.random() < 0.8,
                           due_date=gen.today + timedelta(days=gen.randint(2, 20)))
            if k % 4 == 0:
                jobs.book(job, gen.today + timedelta(days=k % 3))


def _plans(gen, upcoming, people) -> None:
    """Support plans for tenants under strain, first for those with a gas check coming up."""
    measures = support_measures()
    chosen = [(job, tenant) for job, tenant, _ in upcoming if job["status"] == "booked"][:max(2, len(people) // 100)]
    chosen += [(None, t) for t, _ in people[: max(1, len(people) // 100)]]
    for job, tenant in chosen:
        plan = gen.add(SupportPlan, tenant_id=tenant["id"], strain=gen.pick(data.SUPPORT_STRAINS), status="active",
                       start_date=gen.days_ago(30, 120), review_date=gen.today + timedelta(days=gen.randint(-3, 60)),
                       closed_on=None, outcome="")
        for code in gen.rng.sample(["officer_present", "morning_appointment", "named_operative",
                                    "notice_and_reminder", "explain_steps", "offer_breaks"], 3):
            kind = measures.get(code)
            gen.add(SupportMeasure, plan_id=plan["id"], kind=code, text=kind.instruction,
                    contractor_facing=bool(kind.get("contractor_facing", True)), ended_on=None)
        gen.add(SupportContact, plan_id=plan["id"], role=gen.pick(["support_worker", "family", "advocate"]),
                name=gen.pick(["Jo Bennett", "Amara Osei", "Cerys Morgan", "Tom Hardy-Wells"]),
                phone=f"01632 960{gen.randint(300, 399)}", consent=True)
        if job is not None:
            gen.add(SupportPlanJob, plan_id=plan["id"], job_id=job["id"])


def _feedback(gen, jobs_done: list[dict[str, Any]]) -> None:
    points = conduct_points().codes()
    for job in jobs_done[: max(8, len(jobs_done) // 40)]:
        point = gen.pick(points)
        gen.add(ConductFeedback, job_id=job["id"], contractor_id=job["contractor_id"], tenant_id=job["tenant_id"],
                point=point, received_on=gen.days_ago(1, 90), what_was_said=data.CONDUCT_SAID.get(point, ""),
                action_taken=gen.pick(["Raised with the contractor's supervisor.", "Apology given; toolbox talk held.",
                                       ""]))


def make_works(gen, people) -> None:
    crews = _Crews(gen, len(people))
    jobs = _Jobs(gen, crews)
    upcoming = _gas(gen, jobs, people)
    _no_access(gen, upcoming)
    _repairs(gen, jobs, people)
    _communal(gen, jobs, people)
    _plans(gen, upcoming, people)
    done = [j for j in gen.rows[Job] if j["status"] == "completed" and j["tenant_id"]]
    _feedback(gen, done[:: max(1, len(done) // 500)] if len(done) > 2000 else done)
