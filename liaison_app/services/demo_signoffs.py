"""The demo's returned sign-off slips and told warnings (issue #12 points 5, 7 and 9).

After the demo's rows are stored: the slip of a recent job came back with a colleague's badge number
on it (badge mismatch: it shows on Today and counts in the conduct report), the slip of another came
back in order, and the person was told about a few of the person warnings (UKHDS "informed").
Uses no random numbers, so the rest of the demo is the same as without it.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, update

from liaison_app.domain import Job, Operative, RiskWarning, SignOff
from liaison_app.services.import_common import insert_rows

TOLD = 3  # person warnings marked as told


def _done_on(job: dict[str, Any]):
    return job.get("completed_on") or (job["appointment_start"].date() if job.get("appointment_start") else None)


def _recent_jobs(gen) -> list[dict[str, Any]]:
    """Home jobs done in the last fortnight by a booked operative, newest first."""
    since = gen.today - timedelta(days=14)
    jobs = [j for j in gen.rows[Job] if j["tenant_id"] and j["operative_id"] and j["status"] == "completed"
            and _done_on(j) is not None and since <= _done_on(j) <= gen.today]
    return sorted(jobs, key=lambda j: (_done_on(j), j["job_ref"]), reverse=True)


def _slip(gen, job: dict[str, Any], *, badge: str, matches: bool) -> dict[str, Any]:
    returned = min(_done_on(job) + timedelta(days=1), gen.today)
    return {"id": gen.new_id(), "created_at": gen.now, "created_by": gen.actor, "updated_at": gen.now,
            "updated_by": gen.actor, "version": 1, "job_id": job["id"], "returned_on": returned,
            "id_shown": True, "badge_matches": matches, "signed": True, "badge_number": badge}


def signoff_rows(gen) -> list[dict[str, Any]]:
    """A mismatched slip (a colleague's badge on it) and, when there is another recent job, one in order."""
    operatives = {o["id"]: o for o in gen.rows[Operative]}
    rows = []
    for job in _recent_jobs(gen):
        booked = operatives[job["operative_id"]]
        colleague = next((o for o in gen.rows[Operative] if o["contractor_id"] == booked["contractor_id"]
                          and o["id"] != booked["id"] and o["badge_number"]), None)
        if colleague is not None and booked["badge_number"]:
            rows.append(_slip(gen, job, badge=colleague["badge_number"], matches=False))
            break
    in_order = next((j for j in _recent_jobs(gen) if not rows or j["id"] != rows[0]["job_id"]), None)
    if in_order is not None:
        rows.append(_slip(gen, in_order, badge=operatives[in_order["operative_id"]]["badge_number"], matches=True))
    return rows


def add_signoff_states(conn, gen) -> None:
    """Store the slips and mark a few person warnings as told (after the demo's own rows are in)."""
    insert_rows(conn, SignOff.__table__, signoff_rows(gen))
    told = [w for w in gen.rows[RiskWarning] if w.get("tenant_id") and w.get("start_date")][:TOLD]
    if told:
        table = RiskWarning.__table__
        stmt = update(table).where(table.c.id == bindparam("b_id")).values(informed="yes",
                                                                           informed_on=bindparam("b_on"))
        conn.execute(stmt, [{"b_id": w["id"], "b_on": w["start_date"]} for w in told])
