"""The demo's text-message survey answers and a few more returned slips (issue #14, "You said, we did").

After the demo's rows are stored: a survey answer for some of the jobs done in the last 90 days, spread over
the contractors, with scores from 1 to 5 and comments in tenants' own words — some naming the tenant, the
operative, a phone number or the job reference, as real answers do, so the published summary shows them
removed — and two returned slips, one where no ID was shown ("ID shown on N of M visits").
Uses no random numbers, so the rest of the demo is the same as without it.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from liaison_app.domain import ConductFeedback, Job, Operative, SignOff, Tenant
from liaison_app.services.import_common import insert_rows

ANSWERS = 24
# (score, code point or "", comment); {first}, {operative}, {ref} are filled from the job.
SURVEY = [
    (5, "", "Very polite and tidy, thank you."),
    (2, "cleared_up", "Left dust all over the kitchen, I had to clean it myself. Ring me on 07700 900461."),
    (4, "id_shown", "{operative} showed his badge straight away."),
    (1, "respect_customs", "Came at prayer time even though {first} asked for after 2pm. Job {ref}."),
    (3, "dust_sheets_boot_covers", "Boot covers on but no dust sheets in the hall."),
    (5, "", ""),
    (2, "id_shown", "Did not show ID until I asked twice."),
    (3, "right_equipment", "Had to come back for a part, second day off work for me."),
    (4, "", "Good job, a bit late."),
    (1, "no_damage", "Scraped the new flooring and said nothing. Email me at {first}.home@example.com"),
]


def _done_jobs(gen, days: int) -> list[dict[str, Any]]:
    since = gen.today - timedelta(days=days)
    jobs = [j for j in gen.rows[Job] if j["tenant_id"] and j["status"] == "completed" and j.get("completed_on")
            and since <= j["completed_on"] <= gen.today]
    return sorted(jobs, key=lambda j: (j["completed_on"], j["job_ref"]), reverse=True)


def _base(gen) -> dict[str, Any]:
    return {"id": gen.new_id(), "created_at": gen.now, "created_by": gen.actor, "updated_at": gen.now,
            "updated_by": gen.actor, "version": 1}


def survey_rows(gen) -> list[dict[str, Any]]:
    tenants = {t["id"]: t for t in gen.rows[Tenant]}
    operatives = {o["id"]: o["name"] for o in gen.rows[Operative]}
    rows = []
    for i, job in enumerate(_done_jobs(gen, 90)[:ANSWERS]):
        score, point, comment = SURVEY[i % len(SURVEY)]
        words = comment.format(first=tenants[job["tenant_id"]]["first_name"], ref=job["job_ref"],
                               operative=operatives.get(job.get("operative_id"), "The engineer"))
        rows.append({**_base(gen), "job_id": job["id"], "contractor_id": job["contractor_id"],
                     "tenant_id": job["tenant_id"], "point": point, "what_was_said": words, "action_taken": "",
                     "received_on": min(job["completed_on"] + timedelta(days=1), gen.today), "score": score})
    return rows


def slip_rows(gen, taken: set[str]) -> list[dict[str, Any]]:
    """Two slips of jobs done 15 to 60 days ago (older than the sign-off demo's): one with no ID shown."""
    jobs = [j for j in _done_jobs(gen, 60) if j["id"] not in taken and j["completed_on"] < gen.today - timedelta(15)]
    return [{**_base(gen), "job_id": job["id"], "returned_on": job["completed_on"] + timedelta(days=2),
             "id_shown": i == 0, "badge_matches": True, "signed": True, "badge_number": ""}
            for i, job in enumerate(jobs[:2])]


def add_survey_answers(conn, gen) -> None:
    """Store the survey answers and the slips (after the demo's own rows and slips are in)."""
    insert_rows(conn, ConductFeedback.__table__, survey_rows(gen))
    taken = {r[0] for r in conn.execute(SignOff.__table__.select().with_only_columns(SignOff.__table__.c.job_id))}
    insert_rows(conn, SignOff.__table__, slip_rows(gen, taken))
