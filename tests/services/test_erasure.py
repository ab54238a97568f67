"""Erasure: every row about the tenant goes, no copy stays in the store file or its log; retention."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, text
from sqlmodel import select

from liaison_app.domain import (AccessAttempt, Adjustment, AuditEvent, ConductFeedback, FollowUp, Home, Job,
                                RiskWarning, SafeguardingConcern, SupportContact, SupportMeasure, SupportPlan,
                                SupportPlanJob, Tenant, Visit)
from liaison_app.services import erasure
from liaison_app.services.audit import verify_chain
from liaison_app.services.officers import NotAllowed
from liaison_app.services.tenants import change_tenant, search_tenants
from trust_world import NAME, build

PERSON_TABLES = (Adjustment, Visit, FollowUp, SupportPlan, SupportMeasure, SupportContact, SupportPlanJob,
                 ConductFeedback, SafeguardingConcern)


def _count(store, cls, *where):
    with store.read() as session:
        return session.exec(select(func.count()).select_from(cls).where(*where)).one()


def _files_hold(store, needle: str) -> list[str]:
    found = []
    for suffix in ("", "-wal"):
        path = store.path.with_name(store.path.name + suffix)
        if path.exists():
            data = path.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if needle.encode(encoding) in data or needle.casefold().encode(encoding) in data:
                    found.append(f"{path.name} ({encoding})")
    return found


def test_erase_leaves_no_trace_of_the_name(store):
    world = build(store)
    assert _files_hold(store, NAME[1])  # the search below can find the name while it is there
    erasure.erase_tenant(store, world.tenant_id)
    assert _files_hold(store, NAME[1]) == []
    assert _files_hold(store, NAME[0]) == []
    assert _files_hold(store, "Past trauma") == [] and _files_hold(store, "No food in the flat") == []
    assert _files_hold(store, "WX-0042") == []  # not even the tenancy reference, audit trail included
    assert search_tenants(store, "quixot") == [] and search_tenants(store, "zebedee") == []
    assert [r.name for r in search_tenants(store, "nora")] == ["Nora Next"]


def test_erase_deletes_person_rows_and_keeps_the_homes_compliance_record(store):
    world = build(store)
    erasure.erase_tenant(store, world.tenant_id)
    assert _count(store, Tenant, Tenant.id == world.tenant_id) == 0
    for cls in PERSON_TABLES:
        assert _count(store, cls) == 0, cls.__name__
    assert _count(store, RiskWarning, RiskWarning.tenant_id == world.tenant_id) == 0
    with store.read() as session:
        job = session.get(Job, world.job_id)
        attempt = session.exec(select(AccessAttempt)).one()
        assert session.get(Home, world.home_id) is not None
    assert job.tenant_id is None and job.home_id == world.home_id
    assert attempt.notes == "" and attempt.outcome == "no_answer"
    assert _count(store, RiskWarning, RiskWarning.home_id == world.home_id) == 0  # nobody else lives there


def test_home_warnings_stay_when_another_tenancy_uses_the_home(store):
    world = build(store)
    with store.write() as session:  # the neighbour moves into the same home
        session.exec(text("UPDATE tenant SET home_id = :h WHERE id = :t").bindparams(
            h=world.home_id, t=world.neighbour_id))
    erasure.erase_tenant(store, world.tenant_id)
    assert _count(store, RiskWarning, RiskWarning.home_id == world.home_id) == 1


def test_erase_is_audited_without_a_name_and_the_chain_holds(store):
    world = build(store)
    erasure.erase_tenant(store, world.tenant_id)
    with store.read() as session:
        ev = session.exec(select(AuditEvent).where(AuditEvent.action == "erase")).one()
    assert ev.record_id == world.tenant_id and NAME[1] not in ev.summary and NAME[0] not in ev.summary
    assert verify_chain(store).ok
    with store.read() as session:
        fts = session.exec(text("SELECT count(*) FROM tenant_fts WHERE tenant_fts MATCH 'quixot'")).one()[0]
        assert fts == 0
        assert session.exec(text("PRAGMA integrity_check")).one()[0] == "ok"


def test_only_admins_erase(store):
    world = build(store)
    store.actor_role = "officer"
    with pytest.raises(NotAllowed):
        erasure.erase_tenant(store, world.tenant_id)
    assert _count(store, Tenant, Tenant.id == world.tenant_id) == 1


def test_records_past_retention(store):
    world = build(store)
    change_tenant(store, world.tenant_id, {"tenancy_end": date(2018, 5, 1)})
    change_tenant(store, world.neighbour_id, {"tenancy_end": date(2024, 5, 1)})
    today = date(2026, 6, 1)
    assert [r.tenancy_ref for r in erasure.records_past_retention(store, today=today)] == ["WX-0042"]
    assert [r.tenancy_ref for r in erasure.records_past_retention(store, 1, today=today)] == ["WX-0042", "WX-0043"]
    from liaison_app.services.settings import set_setting

    set_setting(store, "retention_years", "10")
    assert erasure.records_past_retention(store, today=today) == []
