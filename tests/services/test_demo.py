"""Demo data: deterministic for a seed, refuses a store with real records, and holds the cases
the app must show (appointments today, a no-access case, complaint jobs, support plans …)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text as sql
from sqlmodel import select

from liaison_app.domain import (
    AccessAttempt, AuditEvent, Job, SafetyCheck, SupportMeasure, SupportPlan, Tenant,
)
from liaison_app.domain.validation import is_postcode
from liaison_app.domain import checks_rules as rules
from liaison_app.services import access, demo, reports, settings, tenants, today, works
from liaison_app.services.audit import verify_chain
from liaison_app.store import open_store

TODAY = date(2026, 3, 2)


def content(store):
    """Everything the demo wrote except timestamps (which say when it ran)."""
    out = {}
    with store.engine.connect() as conn:
        for table in ("tenant", "home", "block", "adjustment", "riskwarning", "job", "visit", "followup",
                      "accessattempt", "supportplan", "safetycheck", "operative"):
            cols = [r[1] for r in conn.execute(sql(f"PRAGMA table_info({table})"))
                    if r[1] not in ("created_at", "updated_at", "created_by", "updated_by")]
            out[table] = conn.execute(sql(f"SELECT {', '.join(cols)} FROM {table} ORDER BY id")).fetchall()
    return out


@pytest.fixture
def demo_store(store):
    demo.make_demo(store, tenants=120, seed=7, today=TODAY)
    return store


def test_deterministic_for_a_seed(demo_store, tmp_path):
    other = open_store(tmp_path / "other.db")
    different = open_store(tmp_path / "different.db")
    try:
        demo.make_demo(other, tenants=120, seed=7, today=TODAY)
        demo.make_demo(different, tenants=120, seed=8, today=TODAY)
        assert content(other) == content(demo_store)
        assert content(different)["tenant"] != content(demo_store)["tenant"]
    finally:
        other.close()
        different.close()


def test_refuses_a_store_with_real_records(store):
    tenants.create_tenant(store, tenancy_ref="REAL-1", first_name="Real", last_name="Person",
                          address_line1="1 Real Road", postcode="BA1 1AA")
    with pytest.raises(demo.DemoRefused):
        demo.make_demo(store, tenants=10)
    assert tenants.count_tenants(store, "") == 1


def test_second_run_adds_nothing(demo_store):
    before = tenants.count_tenants(demo_store, "")
    result = demo.make_demo(demo_store, tenants=50, seed=1, today=TODAY)
    assert result.already and tenants.count_tenants(demo_store, "") == before


def test_contents(demo_store):
    with demo_store.read() as s:
        all_tenants = s.exec(select(Tenant)).all()
        jobs = s.exec(select(Job)).all()
        attempts = s.exec(select(AccessAttempt)).all()
        plans = s.exec(select(SupportPlan)).all()
        measures = s.exec(select(SupportMeasure)).all()
        checks = s.exec(select(SafetyCheck).where(SafetyCheck.kind == "gas_safety")).all()
    assert len(all_tenants) == 120 and all(t.demo for t in all_tenants)
    assert all(t.search_text for t in all_tenants)
    today_jobs = [j for j in jobs if j.appointment_start and j.appointment_start.date() == TODAY]
    assert any(j.job_type == "gas_safety" for j in today_jobs)
    soon = [j for j in jobs if j.job_type == "gas_safety" and j.status in ("open", "booked")
            and j.due_date and TODAY <= j.due_date <= TODAY + timedelta(days=56)]
    assert soon
    no_access = [j for j in jobs if j.status == "no_access"]
    assert sorted(sum(a.job_id == j.id for a in attempts) for j in no_access) == [1, 2, 3, 3, 3, 3]
    complaints = [j for j in jobs if j.job_type == "communal_repair"]
    assert complaints and all(j.complaint_ref and j.complainant_name and j.block_id for j in complaints)
    assert plans and {m.contractor_facing for m in measures} == {True, False}
    assert checks and all(c.next_due > c.last_done for c in checks)


def test_names_postcodes_and_badges(demo_store):
    rows = tenants.search_tenants(demo_store, "", limit=500)
    text = " ".join(r.name for r in rows)
    scripts = {"Latin with accents": "ŵŷôïłśąęńÓáéíúğışçöüễạăț", "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
               "Cyrillic": "абвгдеєжзиіїйклмнопрстуфхцчшщьюя"}
    found = {name for name, chars in scripts.items() if any(ch in text.lower() for ch in chars)}
    assert found == set(scripts)
    assert all(is_postcode(r.postcode) for r in rows)
    assert any("Boot covers" in r.flags for r in rows)
    assert any("Dangerous animal" in r.flags for r in rows)


def test_settings_and_one_audit_event(demo_store):
    assert settings.get_setting(demo_store, "landlord_name").startswith("Wessex Vale Homes")
    with demo_store.read() as s:
        events = s.exec(select(AuditEvent)).all()
    assert [(e.action, e.record_type) for e in events] == [("demo", "demo")]
    assert "120 tenant" in events[0].summary
    assert verify_chain(demo_store).ok


def test_search_index_complete_after_demo(demo_store):
    with demo_store.engine.connect() as conn:
        assert conn.execute(sql("INSERT INTO tenant_fts(tenant_fts, rank) VALUES ('integrity-check', 1)")) is not None
        indexes = {r[0] for r in conn.execute(sql("SELECT name FROM sqlite_master WHERE type IN ('index','trigger')"))}
    assert {"ix_tenant_last_name_nocase", "tenant_fts_ai", "tenant_fts_au", "ix_visit_tenant_id"} <= indexes
    one = tenants.search_tenants(demo_store, "", limit=1)[0]
    assert one.id in [r.id for r in tenants.search_tenants(demo_store, one.tenancy_ref)]


def test_bad_size(store):
    with pytest.raises(ValueError):
        demo.make_demo(store, tenants=0)


def test_no_access_cases_at_every_stage(demo_store):
    with demo_store.read() as s:
        ids = [j.id for j in today.no_access_jobs(s)]
    stages = {access.escalation(demo_store, i, today=TODAY).stage: i for i in ids}
    assert set(stages) == {rules.FIRST_ATTEMPT, rules.SECOND_ATTEMPT, rules.VARY_ATTEMPTS, rules.TRY_SUPPORT_FIRST,
                           rules.EVIDENCE_COMPLETE, rules.READY_FOR_LEGAL}
    waiting = access.escalation(demo_store, stages[rules.TRY_SUPPORT_FIRST], today=TODAY)
    assert waiting.has_support_plan and "support plan" in waiting.prompt
    assert "consent to share “Female operative”" in waiting.prompt


def test_a_home_with_no_check_record(demo_store):
    rows = reports.checks_due_report(demo_store, days=0, today=TODAY).rows
    kinds = {}
    for row in rows:
        if row[0] == "no record — due now":
            kinds.setdefault(row[3], set()).add(row[2])
    assert {"Annual gas safety check", "Electrical safety check (EICR)",
            "Water safety (legionella) check"} in list(kinds.values())


def test_a_manageable_day(demo_store):
    view = today.today_view(demo_store, on=TODAY)
    assert 3 <= len(view.appointments) <= 12 and view.visits
    assert 1 <= len(view.follow_ups) <= 6
    assert 1 <= len(view.reviews) <= 12
    assert view.checks_due and len(view.no_access) == 6
    badges = {b for item in view.appointments if item.tenant_id
              for b in tenants.tenant_badges(demo_store, item.tenant_id, on=TODAY)}
    assert {"Female operative", "Boot covers", "Dangerous animal"} <= badges


def test_a_pack_for_today_and_tomorrow(demo_store):
    gas = works.find_contractor(demo_store, "Valley Gas Services")
    for day in (TODAY, TODAY + timedelta(days=1)):
        booked = [r for r in works.list_jobs(demo_store, date_from=day, date_to=day, contractor_id=gas.id)
                  if r.appointment_start and r.appointment_start.date() == day]
        assert len(booked) >= 3
    with demo_store.read() as s:
        todays = s.exec(select(Job).where(Job.appointment_start >= TODAY, Job.tenant_id.is_not(None),
                                          Job.appointment_start < TODAY + timedelta(days=1))).all()
        languages = {s.get(Tenant, j.tenant_id).language for j in todays}
        consenting = s.exec(select(Job).where(Job.job_type == "communal_repair", Job.complainant_consent)).all()
    assert languages & {"Welsh", "Polish", "Greek"}
    assert consenting and all(j.complainant_phone for j in consenting)
