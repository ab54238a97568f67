"""The demo's doorstep states (issue #12): what the office records about each operative, one of today's
gas jobs whose tenant asks for a female operative booked with a man (the briefing says to confirm a
female operative), and that operative double-booked on a second job at an overlapping time.

Works on the demo generator's rows (services/demo.py) after the works half is made; uses no random
numbers, so the rest of the demo is the same as without it.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from liaison_app.domain import Adjustment, Contractor, Job, Operative
from liaison_app.services import demo_data as data

# The office's record of the demo's named operatives (only to honour a tenant's request).
GENDERS = {"Dai Evans": "male", "Sarah Okonjo": "female", "Tomasz Nowicki": "male", "Priya Mistry": "female",
           "Gareth Lloyd": "male", "Kemal Arslan": "male", "Joanne Reid": "female", "Marcus Bailey": "male",
           "Aisling Byrne": "female", "Hannah Wood": "female", "Ravi Chauhan": "male", "Ewa Kaczmarek": "female"}
GAS = "gas"


def _record_operatives(gen) -> None:
    trades = {c["name"]: c["trade"] for c in data.CONTRACTORS}
    contractor_trade = {c["id"]: trades.get(c["name"], "") for c in gen.rows[Contractor]}
    for k, op in enumerate(gen.rows[Operative]):
        trade = contractor_trade.get(op["contractor_id"], "")
        gas = trade == GAS
        op.update(gender=GENDERS.get(op["name"], ""), trade=trade,
                  gas_safe_number=f"{510000 + 7919 * k % 89999}" if gas else "",
                  gas_safe_expiry=gen.today + timedelta(days=90 + 45 * k) if gas else None,
                  badge_expiry=gen.today + timedelta(days=180 + 30 * k))


def _today_gas(gen) -> list[dict[str, Any]]:
    today = [j for j in gen.rows[Job] if j["job_type"] == "gas_safety" and j["appointment_start"] is not None
             and j["appointment_start"].date() == gen.today and j["status"] == "booked"]
    return sorted(today, key=lambda j: (j["appointment_start"], j["job_ref"]))


def _asks_for_female(gen, tenant_id: str | None, on: date) -> bool:
    return any(a["tenant_id"] == tenant_id and a["kind"] == "female_operative" and a["end_date"] is None
               and a["share_with_contractors"] and (a["start_date"] is None or a["start_date"] <= on)
               for a in gen.rows[Adjustment])


def _male_colleague(gen, job: dict[str, Any]) -> dict[str, Any] | None:
    """A man of the job's contractor, the one with fewest jobs today (so the demo's only clash is ours)."""
    men = [o for o in gen.rows[Operative] if o["contractor_id"] == job["contractor_id"] and o["gender"] == "male"]
    busy = {o["id"]: sum(1 for j in _today_gas(gen) if j["operative_id"] == o["id"]) for o in men}
    return min(men, key=lambda o: (busy[o["id"]], o["name"])) if men else None


def _mismatch_and_double_booking(gen) -> None:
    today = _today_gas(gen)
    asked = [j for j in today if _asks_for_female(gen, j["tenant_id"], gen.today)]
    if not asked:
        return
    job = asked[0]
    man = _male_colleague(gen, job)
    if man is None:
        return
    job["operative_id"] = man["id"]
    other = next((j for j in today if j is not job and j["tenant_id"] != job["tenant_id"]), None)
    if other is not None:  # the same man booked on a second job half an hour into the first
        other.update(operative_id=man["id"], appointment_start=job["appointment_start"] + timedelta(minutes=30),
                     appointment_end=job["appointment_end"])


def make_doorstep_states(gen) -> None:
    """Operatives' records, a mismatched operative and a double booking (see the module's docstring)."""
    _record_operatives(gen)
    _mismatch_and_double_booking(gen)
