"""One read per part of the tenant record: its header and each tab, as frozen rows (never ORM objects).

The record and its tabs call these off the UI thread (ui/workers.py `load`), so nothing here touches Qt.
Rows are `services.rows.freeze` copies (FrozenAdjustment, FrozenVisit …): the records' attribute names, frozen.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Mapping

from sqlalchemy import bindparam
from sqlmodel import select

from liaison_app.domain import Block, Contractor, FollowUp, Home, Job, Operative, Tenant, Visit
from liaison_app.services import conduct, needs, safeguarding, support, tenants, works
from liaison_app.services.catalogues import job_types
from liaison_app.services.flag_notes import most_serious, notes_for
from liaison_app.services.records import NotFound
from liaison_app.services.rows import freeze, freeze_all, row_type
from liaison_app.store import Store
from liaison_app.store.record_header import header_row


@dataclass(frozen=True)
class TenantHeader:
    """What the top of the tenant record shows: who, where, how to reach them, and their badges."""

    id: str
    display_name: str
    full_name: str
    preferred_name: str
    tenancy_ref: str
    home_id: str | None
    address: str  # one line; "" when no home is recorded
    block_name: str
    phone: str
    email: str
    preferred_contact: str
    language: str
    interpreter_needed: bool
    badges: tuple[str, ...]
    badge_notes: tuple[tuple[str, str], ...] = ()  # (badge, what it means and how serious) for tooltips


def tenant_header(store: Store, tenant_id: str) -> TenantHeader:
    """The header as tenants.get_tenant, tenants.tenant_badges and flag_notes.flag_notes give it, read in
    one go (store/record_header.py): the record waits for it before anything of the tenant shows."""
    on = date.today()
    row = header_row(store, tenant_id, on.isoformat(), (on + timedelta(days=tenants.REVIEW_SOON_DAYS)).isoformat())
    if row is None:
        raise NotFound("No such tenant.")
    badges: list[str] = []
    for source, code, _severity in row.records:
        badge = tenants.screen_flag(source, code)
        if badge not in badges:
            badges.append(badge)
    if row.review_due:
        badges.append("Review due")
    severities = most_serious([(code, severity) for source, code, severity in row.records if source == "warning"])
    # The domain's own naming rules, on the row (making a Tenant to ask it cost more than the whole read)
    display_name, full_name = Tenant.display_name.fget(row), Tenant.full_name.fget(row)
    return TenantHeader(row.id, display_name, full_name, row.preferred_name, row.tenancy_ref,
                        row.home_id, ", ".join(p for p in row.address_parts if p), row.block_name, row.phone,
                        row.email, row.preferred_contact, row.language, row.interpreter_needed, tuple(badges),
                        tuple(notes_for(badges, severities).items()))


def adjustments_screen(store: Store, tenant_id: str, include_ended: bool = False) -> tuple[Any, ...]:
    """The tenant's wishes and adjustments (FrozenAdjustment), oldest start first."""
    return freeze_all(needs.list_adjustments(store, tenant_id, include_ended=include_ended))


@dataclass(frozen=True)
class WarningsScreen:
    home_id: str | None  # the tenant's home: a new warning may be put on it
    warnings: tuple[Any, ...]  # FrozenRiskWarning, on the tenant and on their home, most severe first


def warnings_screen(store: Store, tenant_id: str, include_ended: bool = False) -> WarningsScreen:
    tenant, _home, _block = tenants.get_tenant(store, tenant_id)
    return WarningsScreen(tenant.home_id,
                          freeze_all(needs.list_warnings(store, tenant_id, include_ended=include_ended)))


@dataclass(frozen=True)
class VisitsScreen:
    visits: tuple[Any, ...]  # FrozenVisit, newest first
    follow_ups: tuple[Any, ...]  # FrozenFollowUp, soonest due first


def visits_screen(store: Store, tenant_id: str, include_done: bool = False) -> VisitsScreen:
    """As freeze_all of visits.list_visits and visits.list_follow_ups, read as plain columns (a big record has
    a hundred visits or more, and loading each as a database object first cost most of the read)."""
    with store.read() as session:
        return VisitsScreen(_frozen(session, _visits_query(), Visit, tenant_id),
                            _frozen(session, _follow_ups_query(include_done), FollowUp, tenant_id))


@cache
def _visits_query() -> Any:
    return _columns(Visit).where(Visit.tenant_id == bindparam("tenant_id")).order_by(Visit.at.desc(), Visit.id)


@cache
def _follow_ups_query(include_done: bool) -> Any:
    stmt = _columns(FollowUp).where(FollowUp.tenant_id == bindparam("tenant_id"))
    if not include_done:
        stmt = stmt.where(FollowUp.done_on.is_(None))
    return stmt.order_by(FollowUp.due_date, FollowUp.id)


def _columns(table: type) -> Any:
    return select(*(getattr(table, name) for name in table.model_fields))


def _frozen(session: Any, stmt: Any, table: type, tenant_id: str) -> tuple[Any, ...]:
    """The rows of `stmt` (a query of every column of `table`), as `freeze` would copy its records."""
    frozen = row_type(table)
    return tuple(frozen(*row) for row in session.execute(stmt, {"tenant_id": tenant_id}))


@dataclass(frozen=True)
class PlanRow:
    """A support plan with its active measures, contacts and linked jobs."""

    plan: Any  # FrozenSupportPlan
    measures: tuple[Any, ...]
    contacts: tuple[Any, ...]
    job_ids: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.plan.id


def support_screen(store: Store, tenant_id: str, include_closed: bool = False) -> tuple[PlanRow, ...]:
    return tuple(PlanRow(freeze(v.plan), freeze_all(v.measures), freeze_all(v.contacts), tuple(v.job_ids))
                 for v in support.list_plans(store, tenant_id, include_closed=include_closed))


@dataclass(frozen=True)
class ConductScreen:
    feedback: tuple[Any, ...]  # FrozenConductFeedback, newest first
    contractor_names: Mapping[str, str]  # every contractor's name by id, ended ones included (read-only)

    def contractor(self, contractor_id: str) -> str:
        return self.contractor_names.get(contractor_id, "")


def conduct_screen(store: Store, tenant_id: str) -> ConductScreen:
    names = {c.id: c.name for c in works.list_contractors(store, include_ended=True)}
    return ConductScreen(freeze_all(conduct.list_feedback(store, tenant_id=tenant_id)), MappingProxyType(names))


def concerns_screen(store: Store, tenant_id: str) -> tuple[Any, ...]:
    """The concerns the signed-in officer may see (FrozenSafeguardingConcern), newest first; the viewing is audited."""
    return freeze_all(safeguarding.list_concerns(store, tenant_id))


def tenant_jobs_screen(store: Store, tenant_id: str, limit: int = 200) -> tuple[works.JobRow, ...]:
    """The first `limit` jobs at the tenant's home, soonest first (later pages: works.list_jobs), as
    works.list_jobs gives them, read as plain columns rather than five database objects a job."""
    with store.read() as session:
        rows = session.execute(_jobs_query(), {"tenant_id": tenant_id, "limit": limit}).all()
    types = job_types()
    return tuple(works.JobRow(r.id, r.job_ref, r.job_type, types.label(r.job_type), r.status, _job_address(r),
                              Tenant.display_name.fget(r) if r.tenant else "", r.contractor, r.operative or "",
                              r.appointment_start, r.due_date) for r in rows)


@cache
def _jobs_query() -> Any:
    return (select(Job.id, Job.job_ref, Job.job_type, Job.status, Job.appointment_start, Job.due_date,
                   Contractor.name.label("contractor"), Operative.name.label("operative"),
                   Tenant.id.label("tenant"), Tenant.first_name, Tenant.preferred_name, Tenant.last_name,
                   Home.id.label("home"), Home.address_line1, Home.address_line2, Home.town, Home.postcode,
                   Block.id.label("block"), Block.name.label("block_name"),
                   Block.address_line1.label("block_line1"), Block.town.label("block_town"),
                   Block.postcode.label("block_postcode"))
            .join(Contractor, Contractor.id == Job.contractor_id)
            .outerjoin(Operative, Operative.id == Job.operative_id)
            .outerjoin(Tenant, Tenant.id == Job.tenant_id)
            .outerjoin(Home, Home.id == Job.home_id)
            .outerjoin(Block, Block.id == Job.block_id)
            .where(Job.tenant_id == bindparam("tenant_id"))
            .order_by(Job.appointment_start.is_(None), Job.appointment_start, Job.due_date.is_(None),
                      Job.due_date, Job.job_ref)
            .limit(bindparam("limit")))


def _job_address(r: Any) -> str:
    """As works.list_jobs says where a job is: the home's address, else the block's."""
    if r.home is not None:
        parts = [r.address_line1, r.address_line2, r.town, r.postcode]
    elif r.block is not None:
        parts = [r.block_name, r.block_line1, r.block_town, r.block_postcode]
    else:
        parts = []
    return ", ".join(p for p in parts if p)
