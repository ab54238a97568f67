"""The works half of the demo: contractors, operatives, jobs, the mandatory check calendar, no-access
cases at each stage, the gas contractor's round today and tomorrow, communal complaint jobs, support
plans and conduct feedback (see demo.py)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from liaison_app.domain import (
    AccessAttempt, Adjustment, ConductFeedback, Contractor, Job, Operative, RiskWarning, SafetyCheck, SupportContact,
    SupportMeasure, SupportPlan, SupportPlanJob,
)
from liaison_app.domain.validation import add_months
from liaison_app.services import demo_data as data
from liaison_app.services.catalogues import adjustment_kinds, conduct_points, support_measures, warning_kinds

SETTINGS = {
    "landlord_name": "Wessex Vale Homes (demo)",
    "safeguarding_line": ("Worried about a child, an adult or an animal's welfare? Safeguarding team: 01632 960200 "
                          "(9am to 5pm); out of hours 01632 960299; 999 if anyone is in danger now."),
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


def _gas(gen, jobs: _Jobs, people) -> tuple[list, list]:
    """Gas checks: calendar rows, last year's completed check, and the next one where it is due soon.
    Returns those jobs (soonest due first) and, for the homes not due soon, (next due, tenant, home)."""
    upcoming, later = [], []
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
        else:
            later.append((next_due, tenant, home))
    return sorted(upcoming, key=lambda u: (u[0]["due_date"], u[0]["job_ref"])), later


# Attempts as (days ago, method, outcome, letter stage).
_THREE_FAILED = [(24, "letter", "no_answer", "first"), (17, "visit", "no_answer", "second"),
                 (10, "letter", "refused", "final")]
NO_ACCESS_CASES = [("ready", _THREE_FAILED), ("support", _THREE_FAILED),
                   ("second", [(12, "letter", "no_answer", "first"), (5, "visit", "no_answer", "second")]),
                   ("first", [(4, "letter", "no_answer", "first")])]


def _no_access(gen, upcoming) -> list[tuple[dict, dict, dict]]:
    """No-access gas cases at every stage, the soonest due furthest on: ready for legal action; three
    failed attempts but a support plan agreed (or still a draft) since, so support comes first; a
    second attempt; a first letter. Returns the upcoming jobs left over."""
    n = min(len(upcoming), max(len(NO_ACCESS_CASES), len(upcoming) // 40))
    picked = _distinct_names(upcoming[::max(1, len(upcoming) // max(n, 1))] + upcoming, n)  # spread over weeks
    for k, (job, tenant, _) in enumerate(picked):
        case, attempts = NO_ACCESS_CASES[k % len(NO_ACCESS_CASES)]
        job.update(status="no_access", appointment_start=None, appointment_end=None)
        for days, method, outcome, stage in attempts:
            gen.add(AccessAttempt, job_id=job["id"], attempted_on=gen.today - timedelta(days=days), method=method,
                    outcome=outcome, letter_stage=stage,
                    notes="Neighbour says the tenant is rarely in before 6pm." if stage == "second" else "")
        if case == "support":
            status = "draft" if (k // len(NO_ACCESS_CASES)) % 2 == 0 else "active"
            _plan(gen, tenant, job, status=status, start=gen.today - timedelta(days=3),
                  review=gen.today + timedelta(days=gen.randint(20, 60)))
    taken = {id(job) for job, _, _ in picked}
    return [u for u in upcoming if id(u[0]) not in taken]


def _name(tenant: dict) -> tuple[str, str]:
    return tenant["first_name"], tenant["last_name"]


def _distinct_names(candidates: list, n: int, avoid: frozenset = frozenset()) -> list:
    """The first `n` candidates whose tenants' names differ from each other's and from `avoid`
    (invented names repeat; two cases for two different "Winston Spencer"s would puzzle)."""
    picked, seen, ids = [], set(avoid), set()
    for cand in candidates:
        if len(picked) == n:
            break
        if _name(cand[1]) not in seen and id(cand[0]) not in ids:
            picked.append(cand)
            seen.add(_name(cand[1]))
            ids.add(id(cand[0]))
    return picked


ROUND_NEEDS = [("adjustment", "female_operative"), ("adjustment", "boot_covers"), ("warning", "dangerous_animal")]
NAMED_LANGUAGES = ("Welsh", "Polish", "Greek")


def _job_for(jobs: _Jobs, check: tuple) -> tuple[dict, dict, dict]:
    next_due, tenant, home = check
    return jobs.add("gas_safety", home=home, tenant=tenant, due_date=next_due), tenant, home


def _top_up(jobs: _Jobs, upcoming: list, later: list, wanted: int) -> tuple[list, list]:
    """On a small demo, raise gas jobs early for checks due later, so there are `wanted` of them
    (the no-access cases and the contractor's round)."""
    later = sorted(later, key=lambda t: (t[0], t[1]["tenancy_ref"]))
    extra = max(0, wanted - len(upcoming))
    return upcoming + [_job_for(jobs, c) for c in later[:extra]], later[extra:]


def _round_candidates(jobs: _Jobs, free: list, later: list) -> list:
    """The unbooked gas jobs, with one for a tenant whose name is Welsh, Polish or Greek if none has."""
    if not any(t["language"] in NAMED_LANGUAGES for _, t, _ in free):
        free += [_job_for(jobs, c) for c in later if c[1]["language"] in NAMED_LANGUAGES][:1]
    return free


def _book_gas(gen, jobs: _Jobs, free, avoid: frozenset) -> None:
    """The gas contractor's round: four visits today and three tomorrow (enough for a printed pack), one
    of today's tenants Welsh, Polish or Greek, and among them a female operative, boot covers and a dog;
    then a third of the rest over the following days."""
    named = [u for u in free if u[1]["language"] in NAMED_LANGUAGES][:1]
    first = _distinct_names(named + free, 7, avoid)
    chosen = {id(u[0]) for u in first}
    order = first + [u for u in free if id(u[0]) not in chosen]
    for k, (job, tenant, home) in enumerate(order[:7]):
        jobs.book(job, gen.today + timedelta(days=0 if k < 4 else 1))
        if k < len(ROUND_NEEDS):
            _ensure_need(gen, tenant, home, *ROUND_NEEDS[k])
    rest = order[7:]
    for i, (job, _, _) in enumerate(rest[: len(rest) // 3]):
        jobs.book(job, gen.today + timedelta(days=2 + i % 5))


def _ensure_need(gen, tenant, home, what: str, kind: str) -> None:
    """Give the tenant (or, for a warning, the home) this adjustment or warning unless it has one."""
    start, review = gen.days_ago(60, 400), gen.today + timedelta(days=gen.randint(60, 330))
    if what == "adjustment":
        if any(a["tenant_id"] == tenant["id"] and a["kind"] == kind and a["end_date"] is None
               for a in gen.rows[Adjustment]):
            return
        gen.add(Adjustment, tenant_id=tenant["id"], kind=kind, instruction=adjustment_kinds().get(kind).instruction,
                reason=gen.pick(data.ADJUSTMENT_REASONS.get(kind, [""])), share_with_contractors=True,
                consent_given=True, consent_on=gen.today, start_date=start, review_date=review, end_date=None)
        return
    if any(w["home_id"] == home["id"] and w["kind"] == kind and w["end_date"] is None for w in gen.rows[RiskWarning]):
        return
    gen.add(RiskWarning, tenant_id=None, home_id=home["id"], kind=kind, instruction=warning_kinds().get(kind).instruction,
            details=gen.pick(data.WARNING_DETAILS.get(kind, [""])), severity="high", start_date=start,
            review_date=review, end_date=None)


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
                           complainant_name=f"{who['first_name']} {who['last_name']}",
                           complainant_phone=who["phone"] or (_phone_for(gen) if k == 0 else ""),
                           complainant_consent=k == 0 or (bool(who["phone"]) and gen.rng.random() < 0.8),
                           due_date=gen.today + timedelta(days=gen.randint(2, 20)))
            if k % 4 == 0:
                jobs.book(job, gen.today + timedelta(days=k % 3))


def _phone_for(gen) -> str:
    return f"07700 900{gen.randint(0, 999):03d}"


def _plans(gen, upcoming, people) -> None:
    """Support plans for tenants under strain, first for those with a gas check booked; one is due for review."""
    chosen = [(job, tenant) for job, tenant, _ in upcoming if job["status"] == "booked"][:max(2, len(people) // 100)]
    chosen += [(None, t) for t, _ in people[: max(1, len(people) // 100)]]
    for k, (job, tenant) in enumerate(chosen):
        review = gen.today + timedelta(days=gen.randint(2, 10) if k == 0 else gen.randint(20, 180))
        _plan(gen, tenant, job, status="active", start=gen.days_ago(30, 120), review=review)


def _plan(gen, tenant, job, *, status: str, start: date, review: date) -> None:
    measures = support_measures()
    plan = gen.add(SupportPlan, tenant_id=tenant["id"], strain=gen.pick(data.SUPPORT_STRAINS), status=status,
                   start_date=start, review_date=review, closed_on=None, outcome="")
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
    upcoming, later = _gas(gen, jobs, people)
    upcoming, later = _top_up(jobs, upcoming, later, len(NO_ACCESS_CASES) + 7)
    free = _round_candidates(jobs, _no_access(gen, upcoming), later)
    _book_gas(gen, jobs, free, frozenset(_name(t) for j, t, _ in upcoming if j["status"] == "no_access"))
    _repairs(gen, jobs, people)
    _communal(gen, jobs, people)
    _plans(gen, upcoming, people)
    done = [j for j in gen.rows[Job] if j["status"] == "completed" and j["tenant_id"]]
    _feedback(gen, done[:: max(1, len(done) // 500)] if len(done) > 2000 else done)
