"""Demo states for the no-access rules (docs/NO_ACCESS_RULES.md) and check history.

Runs after demo_works has made its rows (plain dicts, not yet stored) and turns its no-access gas cases
into one case per stage, each attempt with its time of day and what it used:
- Ready for legal action: three days, morning/afternoon/evening, visits and a letter, every shared
  adjustment and support measure used, due within 28 days;
- Try adjustments/support first: the same attempts, but a support plan not yet tried and a
  female-operative adjustment the tenant has not agreed to share;
- 2nd attempt and 1st attempt: as demo_works made them, with times;
- Vary the attempts: three morning visits (no letter, one time of day);
- Evidence complete — not yet due: everything done, the check 200-odd days away.
It also gives every home an electrical (EICR) and a water-safety record (and, through demo_checks,
nearly every home a gas record and every block an asbestos survey), except one tenant's home, which has
no check record at all ("No record — due now").
"""
from __future__ import annotations

from datetime import timedelta
from random import Random
from typing import Any

from liaison_app.domain import AccessAttempt, Adjustment, Job, SafetyCheck, SupportMeasure, SupportPlan, Tenant
from liaison_app.domain.validation import add_months
from liaison_app.services.demo_checks import fill_check_records

FULL = [(24, "visit", "no_answer", "first", "morning"), (17, "letter", "no_answer", "second", "afternoon"),
        (10, "visit", "refused", "final", "18:15")]
MORNINGS = [(20, "visit", "no_answer", "first", "morning"), (13, "visit", "no_answer", "", "10:30"),
            (6, "visit", "refused", "", "morning")]
TIMES = ("morning", "afternoon")
NOTES = {"second": "Neighbour says the tenant is rarely in before 6pm."}
# tuples, not lists: the bulk insert caches converted values, so they must be hashable
NEW_ATTEMPT_FIELDS = {"time_of_day": "", "adjustments_used": (), "measures_used": (), "withdrawn_on": None,
                      "withdrawn_by": "", "withdrawn_reason": ""}
OTHER_CHECKS = (("electrical_safety", 60, "EICR"), ("water_safety", 24, "WS"))


def _rows(gen, cls) -> list[dict[str, Any]]:
    return gen.rows[cls]


class _Used:
    """Per tenant: the ids of their shared adjustments and of the measures of their agreed plans
    (indexed once: a landlord-sized demo has many cases)."""

    def __init__(self, gen):
        self.adjustments: dict[str, list[str]] = {}
        for a in _rows(gen, Adjustment):
            if a.get("share_with_contractors", True) and a.get("consent_given", True) and not a.get("end_date"):
                self.adjustments.setdefault(a["tenant_id"], []).append(a["id"])
        plans = {p["id"]: p["tenant_id"] for p in _rows(gen, SupportPlan) if p["status"] == "active"}
        self.measures: dict[str, list[str]] = {}
        for m in _rows(gen, SupportMeasure):
            if m["plan_id"] in plans:
                self.measures.setdefault(plans[m["plan_id"]], []).append(m["id"])

    def __call__(self, tenant_id: str) -> tuple[list[str], list[str]]:
        return self.adjustments.get(tenant_id, []), self.measures.get(tenant_id, [])


def _attempt(gen, job: dict, days: int, method: str, outcome: str, letter: str, when: str,
             used: tuple[list[str], list[str]] = ([], [])) -> dict[str, Any]:
    return gen.add(AccessAttempt, job_id=job["id"], attempted_on=gen.today - timedelta(days=days), method=method,
                   outcome=outcome, letter_stage=letter, notes=NOTES.get(letter, ""), time_of_day=when,
                   adjustments_used=tuple(used[0]), measures_used=tuple(used[1]), withdrawn_on=None, withdrawn_by="", withdrawn_reason="")


def _replace_attempts(gen, job: dict, pattern, used=([], [])) -> None:
    gen.rows[AccessAttempt] = [a for a in _rows(gen, AccessAttempt) if a["job_id"] != job["id"]]
    for days, method, outcome, letter, when in pattern:
        _attempt(gen, job, days, method, outcome, letter, when, used)


def _unshared_female_operative(gen, tenant_id: str) -> None:
    template = next((a for a in _rows(gen, Adjustment)), None)
    if template is None:
        return
    gen.add(Adjustment, **{**{k: v for k, v in template.items() if k not in ("id", "created_at", "created_by",
                                                                             "updated_at", "updated_by", "version")},
                           "tenant_id": tenant_id, "kind": "female_operative",
                           "instruction": "A female operative is required.", "reason": "",
                           "share_with_contractors": True, "consent_given": False, "consent_on": None,
                           "start_date": gen.today - timedelta(days=30), "end_date": None})


def _cases(gen) -> list[dict[str, Any]]:
    """demo_works' no-access gas jobs, in the order it made them (ready, support, second, first, …)."""
    attempted = dict.fromkeys(a["job_id"] for a in _rows(gen, AccessAttempt))
    jobs = {j["id"]: j for j in _rows(gen, Job)}
    return [jobs[i] for i in attempted if i in jobs and jobs[i]["status"] == "no_access"]


def _retarget(gen, cases: list[dict[str, Any]], used_by: _Used) -> None:
    for k, job in enumerate(cases):
        kind = k % 4
        if kind == 0:
            _replace_attempts(gen, job, FULL, used_by(job["tenant_id"]))
        elif kind == 1:
            _replace_attempts(gen, job, FULL, (used_by(job["tenant_id"])[0], []))
            _unshared_female_operative(gen, job["tenant_id"])
        else:
            for n, attempt in enumerate(a for a in _rows(gen, AccessAttempt) if a["job_id"] == job["id"]):
                attempt["time_of_day"] = TIMES[n % len(TIMES)]


def _later_gas_jobs(gen, cases) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(calendar row, tenant) of homes whose gas check is months away and who have no open job."""
    busy = {j["tenant_id"] for j in _rows(gen, Job) if j["status"] not in ("completed", "cancelled")}
    tenants = {t["home_id"]: t for t in _rows(gen, Tenant)}
    found = [(c, tenants[c["home_id"]]) for c in _rows(gen, SafetyCheck)
             if c["kind"] == "gas_safety" and c["home_id"] in tenants and c["next_due"]
             and (c["next_due"] - gen.today).days > 150 and tenants[c["home_id"]]["id"] not in busy]
    return found[:2] if cases else []


def _new_case(gen, template: dict, calendar: dict, tenant: dict, n: int) -> dict[str, Any]:
    fresh = {k: v for k, v in template.items() if k not in ("id", "created_at", "created_by", "updated_at",
                                                            "updated_by", "version")}
    fresh.update(job_ref=f"GS-NA{n:05d}", tenant_id=tenant["id"], home_id=calendar["home_id"],
                 due_date=calendar["next_due"], status="no_access", appointment_start=None, appointment_end=None)
    return gen.add(Job, **fresh)


def _no_record_home(gen) -> str | None:
    """The home of a tenant with adjustments, no open job and no gas record: it gets no record at all."""
    busy = {j["tenant_id"] for j in _rows(gen, Job) if j["status"] not in ("completed", "cancelled")}
    adjusted = {a["tenant_id"] for a in _rows(gen, Adjustment)}
    recorded = {c["home_id"] for c in _rows(gen, SafetyCheck)}
    for tenant in _rows(gen, Tenant):
        if tenant["id"] in adjusted and tenant["id"] not in busy and tenant.get("home_id") not in recorded | {None}:
            return tenant["home_id"]
    return None


def _other_checks(gen, skip: str | None) -> None:
    """An EICR and a water-safety record for every home but `skip`, done some time within their cycle."""
    template = _rows(gen, SafetyCheck)[0] if _rows(gen, SafetyCheck) else None
    homes = {t["home_id"] for t in _rows(gen, Tenant) if t.get("home_id")} - {skip}
    if template is None:
        return
    rng = Random(len(homes))  # its own draws: the demo states made after this one stay as they were
    for home_id in sorted(homes):
        for kind, months, prefix in OTHER_CHECKS:
            last = gen.today - timedelta(days=rng.randint(0, months * 30 - 1))
            gen.add(SafetyCheck, **{**{k: template[k] for k in template if k not in ("id",)}, "home_id": home_id,
                                    "block_id": None, "kind": kind, "last_done": last,
                                    "certificate_ref": f"{prefix}-{rng.randint(100000, 999999)}",
                                    "next_due": add_months(last, months)})


def make_access_states(gen) -> None:
    """Every no-access stage and a home with no check record (see the module notes)."""
    cases = _cases(gen)
    used_by = _Used(gen)
    _retarget(gen, cases, used_by)
    for n, (calendar, tenant) in enumerate(_later_gas_jobs(gen, cases)):
        job = _new_case(gen, cases[0], calendar, tenant, n + 1)
        _replace_attempts(gen, job, MORNINGS if n == 0 else FULL, used_by(tenant["id"]))
    skip = _no_record_home(gen)
    _other_checks(gen, skip)
    fill_check_records(gen, skip)  # gas and asbestos records as a landlord keeps them
    for attempt in _rows(gen, AccessAttempt):  # every row with the same keys (the bulk insert asks it)
        for key, value in NEW_ATTEMPT_FIELDS.items():
            attempt.setdefault(key, value)
