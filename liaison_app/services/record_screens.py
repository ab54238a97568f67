"""One read per part of the tenant record: its header and each tab, as frozen rows (never ORM objects).

The record and its tabs call these off the UI thread (ui/workers.py `load`), so nothing here touches Qt.
Rows are `services.rows.freeze` copies (FrozenAdjustment, FrozenVisit …): the records' attribute names, frozen.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from liaison_app.services import conduct, needs, safeguarding, support, tenants, visits, works
from liaison_app.services.flag_notes import flag_notes
from liaison_app.services.rows import freeze, freeze_all
from liaison_app.store import Store


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
    tenant, home, block = tenants.get_tenant(store, tenant_id)
    badges = tuple(tenants.tenant_badges(store, tenant_id))
    return TenantHeader(tenant.id, tenant.display_name, tenant.full_name, tenant.preferred_name or "",
                        tenant.tenancy_ref, tenant.home_id, home.one_line() if home else "",
                        block.name if block else "", tenant.phone, tenant.email, tenant.preferred_contact,
                        tenant.language, bool(tenant.interpreter_needed), badges,
                        tuple(flag_notes(store, tenant_id, list(badges)).items()))


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
    return VisitsScreen(freeze_all(visits.list_visits(store, tenant_id)),
                        freeze_all(visits.list_follow_ups(store, tenant_id, include_done=include_done)))


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
    """The first `limit` jobs at the tenant's home, soonest first (later pages: works.list_jobs)."""
    return tuple(works.list_jobs(store, tenant_id=tenant_id, limit=limit))
