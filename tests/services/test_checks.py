"""Check calendars per home and block, completing a check, and the list of checks due."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from checks_world import TODAY, adjustment, block, calendar, contractor, home, job, tenant
from liaison_app.domain import AuditEvent, Job, SafetyCheck
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.validation import ValidationError, add_months
from liaison_app.services import checks, checks_due, support


def by_kind(statuses):
    return {s.kind: s for s in statuses}


def test_home_calendar_lists_home_kinds_with_states(store):
    h = home(store)
    calendar(store, "gas_safety", TODAY + timedelta(days=10), home_id=h.id, last_done=TODAY - timedelta(days=355))
    calendar(store, "electrical_safety", TODAY - timedelta(days=3), home_id=h.id)
    cal = by_kind(checks.check_calendar(store, home_id=h.id, today=TODAY))
    assert set(cal) == {"gas_safety", "electrical_safety", "smoke_co_alarms", "water_safety", "damp_mould"}
    assert (cal["gas_safety"].days_left, cal["gas_safety"].state) == (10, rules.DUE_SOON)
    assert cal["gas_safety"].label == "Annual gas safety check"
    assert (cal["electrical_safety"].days_left, cal["electrical_safety"].state) == (-3, rules.OVERDUE)
    assert (cal["water_safety"].next_due, cal["water_safety"].state) == (None, rules.NO_RECORD)
    assert cal["smoke_co_alarms"].state == rules.ON_REPORT


def test_block_calendar_and_open_job_due_date(store):
    b = block(store)
    c = contractor(store)
    job(store, "L-1", c.id, job_type="lift", block_id=b.id, due_date=TODAY + timedelta(days=40))
    cal = by_kind(checks.check_calendar(store, block_id=b.id, today=TODAY))
    assert set(cal) == {"fire_risk", "asbestos", "lift"}
    assert cal["lift"].next_due == TODAY + timedelta(days=40)
    assert cal["lift"].state == rules.IN_DATE
    with pytest.raises(ValueError):
        checks.check_calendar(store)


def test_complete_gas_check_early_keeps_anniversary(store):
    t = tenant(store)
    due = TODAY + timedelta(days=20)
    calendar(store, "gas_safety", due, home_id=t.home_id)
    j = job(store, "G-1", contractor(store).id, tenant_id=t.id, due_date=due)
    status = checks.complete_check(store, j.id, TODAY, "CP12-0001")
    assert status.next_due == add_months(due, 12)
    assert status.last_done == TODAY and status.certificate_ref == "CP12-0001"
    with store.read() as s:
        saved = s.get(Job, j.id)
        assert (saved.status, saved.completed_on, saved.certificate_ref) == ("completed", TODAY, "CP12-0001")
        rows = s.exec(select(SafetyCheck).where(SafetyCheck.home_id == t.home_id)).all()
        assert [(r.kind, r.next_due) for r in rows] == [("gas_safety", add_months(due, 12))]
        actions = [(e.action, e.record_type) for e in s.exec(select(AuditEvent))]
    assert ("change", "job") in actions and ("change", "safetycheck") in actions
    with pytest.raises(ValidationError):  # completing twice would move the calendar twice
        checks.complete_check(store, j.id, TODAY, "CP12-0002")


def test_complete_without_history_creates_calendar_row(store):
    t = tenant(store)
    j = job(store, "E-1", contractor(store).id, job_type="electrical_safety", tenant_id=t.id)
    status = checks.complete_check(store, j.id, "2026-01-15")
    assert status.next_due == date(2031, 1, 15)
    cal = by_kind(checks.check_calendar(store, home_id=t.home_id, today=date(2026, 2, 1)))
    assert cal["electrical_safety"].last_done == date(2026, 1, 15)


@pytest.mark.parametrize("job_type,completed,field", [
    ("repair", TODAY, "job_id"),
    ("gas_safety", TODAY + timedelta(days=1), "completed_on"),
    ("gas_safety", "not a date", "completed_on"),
])
def test_complete_refuses(store, job_type, completed, field):
    t = tenant(store)
    j = job(store, "X-1", contractor(store).id, job_type=job_type, tenant_id=t.id)
    with pytest.raises(ValidationError) as info:
        checks.complete_check(store, j.id, completed)
    assert info.value.field == field
    with store.read() as s:
        assert s.get(Job, j.id).status == "open"


def test_due_checks_flags_support(store):
    c = contractor(store)
    plain = tenant(store, "T-1", "Ann", "Plain")
    helped = tenant(store, "T-2", "Łucja", "Wiśniewska")
    adjustment(store, helped.id, "boot_covers")
    planned = tenant(store, "T-3", "Dafydd", "Ŵyn")
    support.create_plan(store, planned.id, status="active")
    calendar(store, "gas_safety", TODAY + timedelta(days=5), home_id=plain.home_id)
    job(store, "G-2", c.id, tenant_id=helped.id, due_date=TODAY - timedelta(days=2))
    calendar(store, "gas_safety", TODAY + timedelta(days=25), home_id=planned.home_id)
    calendar(store, "gas_safety", TODAY + timedelta(days=31), home_id=helped.home_id)
    items = checks_due.due_checks(store, days=30, today=TODAY)
    assert [(i.tenant_id, i.days_left, i.job_ref) for i in items] == [
        (helped.id, -2, "G-2"), (plain.id, 5, ""), (planned.id, 25, "")]
    assert items[0].adjustments == ["Boot covers"] and not items[0].has_support_plan
    assert items[2].has_support_plan and items[2].adjustments == []
    supported = checks_due.due_checks(store, days=30, today=TODAY, only_supported=True)
    assert [i.tenant_id for i in supported] == [helped.id, planned.id]
