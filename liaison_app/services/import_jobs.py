"""`import jobs`: works orders from the repairs system, matched on job_ref.

A job belongs to a tenancy's home (tenancy_ref) or a communal block (block); the contractor is
made if new, and so is the operative (with their ID badge number, gender, Gas Safe registration and
badge expiry where given; a blank one of these leaves what the office recorded).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from liaison_app.domain import Block, Contractor, Job, Operative, Tenant
from liaison_app.domain.enums import JobStatus
from liaison_app.domain.validation import ValidationError, clean_badge, clean_required
from liaison_app.services.catalogues import job_types
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    ImportResult, Problems, audit_import, changed, insert_rows, Stamper, unique_rows, update_rows,
)
from liaison_app.services.operatives import collect_operative_values
from liaison_app.services.records import text
from liaison_app.services.works import collect_job_values
from liaison_app.store import Store

COLUMNS = ("job_ref", "tenancy_ref", "block", "contractor", "operative", "operative_badge", "trade", "job_type",
           "description", "appointment_start", "appointment_end", "due_date", "complaint_ref", "complainant_name",
           "complainant_phone", "complainant_consent", "operative_gender", "operative_gas_safe",
           "operative_gas_safe_expiry", "operative_badge_expiry")
# jobs.csv column -> Operative field (services.operatives cleans them)
OPERATIVE_COLUMNS = {"operative_gender": "gender", "operative_gas_safe": "gas_safe_number",
                     "operative_gas_safe_expiry": "gas_safe_expiry", "operative_badge_expiry": "badge_expiry"}
OPERATIVE_DETAILS = tuple(OPERATIVE_COLUMNS.values())
REQUIRED = ("job_ref", "contractor", "job_type", "description")
JOB_FIELDS = ("job_ref", "trade", "job_type", "description", "appointment_start", "appointment_end", "due_date",
              "complaint_ref", "complainant_name", "complainant_phone", "complainant_consent")
_JOB_DEFAULTS = {"completed_on": None, "certificate_ref": "", "complaint_ref": "", "complainant_name": "",
                 "complainant_phone": "", "complainant_consent": False, "appointment_start": None,
                 "appointment_end": None, "due_date": None, "operative_id": None, "block_id": None,
                 "tenant_id": None, "home_id": None, "complainant_tenant_id": None}


class _Store:
    """What the store already holds that rows refer to."""

    def __init__(self, conn):
        t, b, c, o, j = (Tenant.__table__, Block.__table__, Contractor.__table__, Operative.__table__,
                         Job.__table__)
        self.tenants = {r.tenancy_ref: (r.id, r.home_id) for r in conn.execute(select(t.c.id, t.c.tenancy_ref,
                                                                                     t.c.home_id))}
        self.blocks = {r.name.casefold(): r.id for r in conn.execute(select(b.c.id, b.c.name))}
        self.contractors = {r.name.casefold(): r.id for r in conn.execute(select(c.c.id, c.c.name))}
        self.operatives = {(r.contractor_id, r.name.casefold()): dict(r._mapping) for r in conn.execute(
            select(o.c.id, o.c.contractor_id, o.c.name, o.c.badge_number, *(o.c[k] for k in OPERATIVE_DETAILS)))}
        cols = [j.c[k] for k in (*JOB_FIELDS, "id", "tenant_id", "home_id", "block_id", "contractor_id",
                                 "operative_id", "status")]
        self.jobs = {r["job_ref"]: dict(r) for r in conn.execute(select(*cols)).mappings()}


def _check_row(line: int, row: dict[str, str], known: _Store, problems: Problems) -> dict[str, Any]:
    values, errors = collect_job_values({k: v for k, v in row.items() if k in JOB_FIELDS})
    problems.add_errors(line, errors)
    ref, block = text(row.get("tenancy_ref")), text(row.get("block"))
    if not ref and not block:
        problems.add(line, "tenancy_ref", "Give the tenancy_ref of the home, or the block for a communal job.")
    if ref and ref not in known.tenants:
        problems.add(line, "tenancy_ref", "No tenant with this tenancy reference.")
    if block and block.casefold() not in known.blocks:
        problems.add(line, "block", "No block with this name: import the tenants of the block first.")
    try:
        values["contractor"] = clean_required(text(row.get("contractor")), "The contractor's name")
    except ValidationError as exc:
        problems.add(line, "contractor", str(exc))
    try:
        values["operative_badge"] = clean_badge(row.get("operative_badge"))
    except ValidationError as exc:
        problems.add(line, "operative_badge", str(exc))
    values["operative"], values["tenancy_ref"], values["block"] = text(row.get("operative")), ref, block
    if values["operative_badge"] and not values["operative"]:
        problems.add(line, "operative", "Give the operative's name with their badge number.")
    values["operative_details"] = _operative_details(line, row, values["operative"], problems)
    return values


def _operative_details(line: int, row: dict[str, str], operative: str, problems: Problems) -> dict[str, Any]:
    """The operative's details given on the row (blank ones are left out: they change nothing)."""
    given = {field: row[column] for column, field in OPERATIVE_COLUMNS.items() if text(row.get(column))}
    details, errors = collect_operative_values(given)
    for exc in errors:
        exc.field = next(c for c, f in OPERATIVE_COLUMNS.items() if f == exc.field)
    problems.add_errors(line, errors)
    if given and not operative:
        problems.add(line, "operative", "Give the operative's name with their details.")
    return details


def check_rows(path: str | Path, known: _Store) -> list[dict[str, Any]]:
    problems = Problems()
    csv_rows = read_rows(path, COLUMNS, REQUIRED, problems)
    if not {"tenancy_ref", "block"} & set(csv_rows.columns):
        problems.add(1, "tenancy_ref", "The header needs a tenancy_ref or a block column.")
    return unique_rows(csv_rows, problems, lambda line, row: _check_row(line, row, known, problems),
                       lambda values: values.get("job_ref") or None, "job_ref", "job reference")


class _Writer:
    def __init__(self, known: _Store, actor: str):
        self.known, self.actor = known, actor
        self.stamp = Stamper(actor)
        self.contractors: list[dict] = []
        self.operatives: list[dict] = []
        self.operative_updates: list[dict] = []
        self.jobs: list[dict] = []
        self.job_updates: list[dict] = []
        self.result = ImportResult("job")

    def contractor_id(self, name: str) -> str:
        key = name.casefold()
        if key not in self.known.contractors:
            row = {**self.stamp(), "name": name, "phone": "", "email": "", "conduct_version": "",
                   "conduct_signed_on": None, "ended_on": None}
            self.contractors.append(row)
            self.known.contractors[key] = row["id"]
        return self.known.contractors[key]

    def operative_id(self, contractor_id: str, name: str, badge: str, details: dict[str, Any]) -> str | None:
        if not name:
            return None
        key = (contractor_id, name.casefold())
        current = self.known.operatives.get(key)
        given = {**({"badge_number": badge} if badge else {}), **details}
        if current is None:
            current = {**self.stamp(), "contractor_id": contractor_id, "name": name, "badge_number": "",
                       "ended_on": None, "trade": "", "gender": "", "gas_safe_number": "", "gas_safe_expiry": None,
                       "badge_expiry": None, **given}
            self.operatives.append(current)
            self.known.operatives[key] = current
            return current["id"]
        diff = changed(current, given)
        if diff:
            current.update(diff)
            if "created_at" not in current:  # already in the store (a new one is inserted whole)
                self.operative_updates.append({"id": current["id"], **diff})
        return current["id"]

    def add(self, v: dict[str, Any]) -> None:
        contractor_id = self.contractor_id(v["contractor"])
        tenant_id, home_id = self.known.tenants.get(v["tenancy_ref"], (None, None))
        new = {k: v[k] for k in JOB_FIELDS if k in v}
        new.update(contractor_id=contractor_id, tenant_id=tenant_id, home_id=home_id,
                   block_id=self.known.blocks.get(v["block"].casefold()) if v["block"] else None,
                   operative_id=self.operative_id(contractor_id, v["operative"], v["operative_badge"],
                                                  v["operative_details"]))
        if not new.get("trade"):
            new["trade"] = job_types().get(new["job_type"]).get("trade") or ""
        current = self.known.jobs.get(new["job_ref"])
        if current is None:
            status = JobStatus.BOOKED if new.get("appointment_start") else JobStatus.OPEN
            self.jobs.append({**self.stamp(), **_JOB_DEFAULTS, **new, "status": status.value})
            self.result.created += 1
            return
        if current["status"] in (JobStatus.OPEN, JobStatus.BOOKED):
            start = new.get("appointment_start", current["appointment_start"])
            new["status"] = (JobStatus.BOOKED if start else JobStatus.OPEN).value
        diff = changed(current, new)
        if diff:
            self.job_updates.append({"id": current["id"], **diff})
            self.result.updated += 1
        else:
            self.result.unchanged += 1


def import_jobs(store: Store, path: str | Path) -> ImportResult:
    """Import jobs.csv: all rows or none. Raises ImportRefused listing every problem."""
    with store.raw() as conn:
        known = _Store(conn)
        rows = check_rows(path, known)
        writer = _Writer(known, store.actor)
        for values in rows:
            writer.add(values)
        insert_rows(conn, Contractor.__table__, writer.contractors)
        insert_rows(conn, Operative.__table__, writer.operatives)
        update_rows(conn, Operative.__table__, writer.operative_updates, store.actor)
        insert_rows(conn, Job.__table__, writer.jobs)
        update_rows(conn, Job.__table__, writer.job_updates, store.actor)
        audit_import(conn, store, "job", writer.result)
    return writer.result
