"""Mandatory checks due by a horizon, with the tenant each affects and the support they have.

A landlord-sized store can have a hundred thousand checks due (a year after a data load, every one
is), so the gathering is one SQL statement and only the checks returned become Python objects.
`due_checks_page` returns the soonest `limit` of them with the full count (the Today page);
`due_checks` returns them all (the checks-due report).

The rule, in the statement below: the candidates are each calendar row due by the horizon, each open
check job due by it (on its own home or block, else its tenant's home) and, with `no_record`, each
home or block with no record at all of a check that has a cycle. There is one check per (kind, home
or block), due on the soonest candidate's date; an open job (the latest, when there are two) names
the check's job and tenant, else the home's current tenant is named. A check whose only candidate is
"no record" is due now. With `only_supported`, only checks of tenants with an active adjustment or an
open support plan.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import text

from liaison_app.domain.enums import JobStatus, PlanStatus
from liaison_app.services.catalogues import Kind, adjustment_kinds, mandatory_check_kinds
from liaison_app.store import Store

CLOSED_STATUSES = (JobStatus.COMPLETED.value, JobStatus.CANCELLED.value)
# An open job's statuses. The statement asks for these, not "not closed", so SQLite reads the few open jobs
# through the status index instead of every job due (a job's status is always a JobStatus: imports and
# services write nothing else).
OPEN_STATUSES = [s.value for s in JobStatus if s.value not in CLOSED_STATUSES]


@dataclass
class DueCheck:
    """A mandatory check due by a horizon, with the tenant it affects and what support they have."""

    kind: str
    label: str
    due_date: date
    days_left: int
    home_id: str | None
    block_id: str | None
    tenant_id: str | None = None
    job_id: str | None = None
    job_ref: str = ""
    adjustments: list[str] = field(default_factory=list)  # catalogue labels of active adjustments
    has_support_plan: bool = False
    no_record: bool = False  # no record of this check at all: due now (due_date is today)


_CANDIDATES = """
SELECT sc.kind AS kind, sc.home_id AS home, sc.block_id AS block, sc.next_due AS due, NULL AS job
  FROM safetycheck AS sc
 WHERE sc.next_due <= :horizon AND +sc.kind IN (SELECT key FROM json_each(:kinds))
UNION ALL
SELECT j.job_type, CASE WHEN j.block_id IS NOT NULL THEN NULL WHEN j.home_id IS NOT NULL OR j.tenant_id IS NULL
       THEN j.home_id ELSE (SELECT t.home_id FROM tenant AS t WHERE t.id = j.tenant_id) END, j.block_id, j.due_date,
       j.rowid
  FROM job AS j
 WHERE +j.due_date <= :horizon AND j.status IN (SELECT value FROM json_each(:open))
   AND +j.job_type IN (SELECT key FROM json_each(:kinds))"""
# The homes that may lack a record of a check with a cycle: those with no check at all, and those with fewer
# kinds of cycled check recorded than there are. One pass over the checks in table order (then a sort) costs
# a third of asking each home for each kind through the home_id index (a row lookup per check it holds).
_INCOMPLETE_HOMES = """
incomplete AS (
  SELECT h.id AS home FROM home AS h WHERE NOT EXISTS (SELECT 1 FROM safetycheck AS sc WHERE sc.home_id = h.id)
  UNION ALL
  SELECT sc.home_id FROM safetycheck AS sc NOT INDEXED WHERE sc.home_id IS NOT NULL GROUP BY sc.home_id
  HAVING count(DISTINCT CASE WHEN sc.kind IN (SELECT value FROM json_each(:home_cycles)) THEN sc.kind END)
         < (SELECT count(DISTINCT value) FROM json_each(:home_cycles))),"""
_NO_RECORD_HOMES = """
UNION ALL
SELECT k.value, h.id, NULL, NULL, NULL FROM incomplete AS i JOIN home AS h ON h.id = i.home
  JOIN json_each(:home_cycles) AS k
 WHERE {supported} NOT EXISTS (SELECT 1 FROM safetycheck AS sc WHERE sc.home_id = h.id AND +sc.kind = k.value)"""
_NO_RECORD_BLOCKS = """
UNION ALL
SELECT k.value, NULL, b.id, NULL, NULL FROM json_each(:block_cycles) AS k JOIN block AS b
 WHERE NOT EXISTS (SELECT 1 FROM safetycheck AS sc WHERE sc.block_id = b.id AND +sc.kind = k.value)"""
_SUPPORTED = """(EXISTS (SELECT 1 FROM adjustment AS a WHERE a.tenant_id = {tenant} AND (a.start_date IS NULL
                  OR a.start_date <= :today) AND (a.end_date IS NULL OR a.end_date > :today))
      OR EXISTS (SELECT 1 FROM supportplan AS p WHERE p.tenant_id = {tenant} AND p.status != :closed_plan))"""
_CHECKS = """
WITH {incomplete}cand AS ({candidates}),
grouped AS (SELECT kind, home, block, min(due) AS due, max(job) AS job FROM cand
             GROUP BY kind, block, CASE WHEN block IS NULL THEN home END),
checked AS (
  SELECT g.kind, labels.value AS label, coalesce(g.due, :today) AS due, g.home, g.block,
         coalesce(j.tenant_id, CASE WHEN g.block IS NULL AND g.home IS NOT NULL THEN
                  (SELECT t.id FROM tenant AS t WHERE t.home_id = g.home
                      AND (t.tenancy_end IS NULL OR t.tenancy_end > :today) ORDER BY t.rowid LIMIT 1) END) AS tenant,
         j.id AS job_id, coalesce(j.job_ref, '') AS job_ref, g.due IS NULL AS no_record
    FROM grouped AS g JOIN json_each(:kinds) AS labels ON labels.key = g.kind LEFT JOIN job AS j ON j.rowid = g.job)
SELECT c.*, count(*) OVER () AS total FROM checked AS c {where}
 ORDER BY c.due, c.label, c.job_ref, c.home, c.block {limit}
"""


def _checks_sql(only_supported: bool, no_record: bool, limit: int | None) -> str:
    candidates = _CANDIDATES
    if no_record:
        supported = "h.id IN (SELECT t.home_id FROM tenant AS t WHERE {}) AND".format(_SUPPORTED.format(tenant="t.id"))
        candidates += _NO_RECORD_HOMES.format(supported=supported if only_supported else "")
        if not only_supported:  # a block has no tenant of its own
            candidates += _NO_RECORD_BLOCKS
    where = "WHERE " + _SUPPORTED.format(tenant="c.tenant") if only_supported else ""
    return _CHECKS.format(incomplete=_INCOMPLETE_HOMES if no_record else "", candidates=candidates, where=where,
                          limit="" if limit is None else "LIMIT :limit")


def _support(conn, tenant_ids: list[str], today: date) -> tuple[dict[str, list[str]], set[str]]:
    """Each tenant's active adjustments (catalogue labels, in kind order) and the tenants with an open plan."""
    ids, on = json.dumps(sorted(set(tenant_ids))), today.isoformat()
    adjusted: dict[str, list[str]] = {}
    for tenant_id, kind in conn.exec_driver_sql(
            "SELECT tenant_id, kind FROM adjustment WHERE tenant_id IN (SELECT value FROM json_each(?)) "
            "AND (start_date IS NULL OR start_date <= ?) AND (end_date IS NULL OR end_date > ?) ORDER BY kind",
            (ids, on, on)):  # domain.periods.is_active, in SQL
        adjusted.setdefault(tenant_id, []).append(adjustment_kinds().label(kind))
    planned = {r[0] for r in conn.exec_driver_sql(
        "SELECT tenant_id FROM supportplan WHERE tenant_id IN (SELECT value FROM json_each(?)) AND status != ?",
        (ids, PlanStatus.CLOSED.value))}
    return adjusted, planned


def _params(kinds: list[Kind], today: date, days: int, limit: int | None) -> dict[str, object]:
    cycled = [k for k in kinds if k.get("cycle_months")]
    return {"horizon": (today + timedelta(days=days)).isoformat(), "today": today.isoformat(),
            "kinds": json.dumps({k.code: k.label for k in kinds}), "open": json.dumps(OPEN_STATUSES),
            "closed_plan": PlanStatus.CLOSED.value, "limit": max(0, limit or 0),
            "home_cycles": json.dumps([k.code for k in cycled if k.get("scope") != "block"]),
            "block_cycles": json.dumps([k.code for k in cycled if k.get("scope") == "block"])}


def due_checks_page(store: Store, *, days: int = 30, today: date | None = None, only_supported: bool = False,
                    no_record: bool = False, limit: int | None = None) -> tuple[list[DueCheck], int]:
    """The soonest `limit` (all when None) of the checks `due_checks` gives, and how many there are."""
    today = today or date.today()
    params = _params(list(mandatory_check_kinds()), today, days, limit)
    with store.read() as session:
        conn = session.connection()
        rows = conn.execute(text(_checks_sql(only_supported, no_record, limit)), params).all()
        if not rows and limit == 0:  # a count only
            count_sql = f"SELECT count(*) FROM ({_checks_sql(only_supported, no_record, None)})"
            return [], conn.execute(text(count_sql), params).scalar_one()
        adjustments, planned = _support(conn, [r.tenant for r in rows if r.tenant], today)
    items = []
    for r in rows:
        due = date.fromisoformat(r.due)
        items.append(DueCheck(r.kind, r.label, due, (due - today).days, r.home, r.block, r.tenant, r.job_id,
                              r.job_ref, list(dict.fromkeys(adjustments.get(r.tenant, []))), r.tenant in planned,
                              bool(r.no_record)))
    return items, rows[0].total if rows else 0


def due_checks(store: Store, *, days: int = 30, today: date | None = None,
               only_supported: bool = False, no_record: bool = False) -> list[DueCheck]:
    """Mandatory checks due within `days` (overdue ones included), soonest first. With `no_record`, also
    every home or block with no record at all of a check that has a cycle (due now; `DueCheck.no_record`).

    With `only_supported`, just those of tenants with an active adjustment or an open support plan."""
    return due_checks_page(store, days=days, today=today, only_supported=only_supported, no_record=no_record)[0]
