"""One read for the Jobs page and one for the job record, as frozen rows (never ORM objects).

Pages call these off the UI thread (ui/workers.py `load`), so nothing here touches Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from liaison_app.services import checks, operatives, tenants, works
from liaison_app.services.catalogues import job_types
from liaison_app.services.rows import freeze
from liaison_app.store import Store


@dataclass(frozen=True)
class JobsScreen:
    contractors: tuple[tuple[str, str], ...]  # (id, name) of the current contractors, by name, for the filter
    jobs: tuple[works.JobRow, ...]  # the first page of jobs matching the filters, soonest first


def jobs_screen(store: Store, filters: dict[str, Any], limit: int = 200) -> JobsScreen:
    """The contractors to filter by and the first `limit` jobs matching `filters` (works.list_jobs' keywords);
    later pages come from works.list_jobs as the list scrolls."""
    contractors = tuple((c.id, c.name) for c in works.list_contractors(store))
    return JobsScreen(contractors, tuple(works.list_jobs(store, limit=limit, **filters)))


@dataclass(frozen=True)
class JobDetail:
    """Everything the job record shows around its form."""

    job: Any  # FrozenJob (services.rows): every column of the job
    type_label: str
    where: str  # the home's address, or the block's for a communal job
    tenant_name: str
    tenancy_ref: str
    contractor_name: str
    mandatory: bool  # a mandatory check: access attempts and "Complete check…"
    closed: bool  # a check that is done or cancelled cannot be completed again
    doorstep: tuple[str, ...] = ()  # warnings about the booked operative (services.operatives), as instructions

    @property
    def is_complaint(self) -> bool:
        return bool(self.job.block_id and (self.job.complaint_ref or self.job.complainant_name))


def _where(store: Store, job, home_line: str) -> str:
    if job.tenant_id and not job.block_id:
        return home_line
    day: date | None = job.appointment_start.date() if job.appointment_start else job.due_date
    rows = works.list_jobs(store, date_from=day, date_to=day, contractor_id=job.contractor_id,
                           job_type=job.job_type, limit=10_000)
    return next((r.address for r in rows if r.id == job.id), "")


def job_detail(store: Store, job_id: str) -> JobDetail:
    job = works.get_job(store, job_id)
    name = ref = home_line = ""
    if job.tenant_id:
        tenant, home, _block = tenants.get_tenant(store, job.tenant_id)
        name, ref, home_line = tenant.display_name, tenant.tenancy_ref, home.one_line() if home else ""
    contractor = next((c.name for c in works.list_contractors(store, include_ended=True)
                       if c.id == job.contractor_id), "")
    kind = job_types().get(job.job_type)
    return JobDetail(freeze(job), job_types().label(job.job_type), _where(store, job, home_line), name, ref,
                     contractor, bool(kind and kind.get("mandatory")), checks.is_closed(job.status),
                     operatives.job_warnings(store, job_id))
