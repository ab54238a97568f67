"""The checks-due rule of services/checks_due.py (its docstring), one test per clause, and the Today
page's page-and-count of it."""
from __future__ import annotations

from datetime import timedelta

from checks_world import TODAY, adjustment, block, calendar, contractor, home, job, tenant
from liaison_app.domain import FollowUp
from liaison_app.services import checks_due, records, support, today


def test_one_check_per_home_and_kind_on_the_soonest_date_with_the_open_job(store):
    t = tenant(store, "T-1", "Ann", "Lee")
    c = contractor(store)
    calendar(store, "gas_safety", TODAY + timedelta(days=20), home_id=t.home_id)
    job(store, "G-1", c.id, tenant_id=t.id, due_date=TODAY + timedelta(days=10))
    calendar(store, "electrical_safety", TODAY + timedelta(days=3), home_id=t.home_id)
    items = checks_due.due_checks(store, days=30, today=TODAY)
    assert [(i.kind, i.days_left, i.job_ref, i.tenant_id) for i in items] == [
        ("electrical_safety", 3, "", t.id), ("gas_safety", 10, "G-1", t.id)]


def test_a_job_on_no_home_is_its_tenants_home_check(store):
    t = tenant(store, "T-1", "Ann", "Lee")
    calendar(store, "gas_safety", TODAY + timedelta(days=20), home_id=t.home_id)
    job(store, "G-1", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=25))
    (item,) = checks_due.due_checks(store, days=30, today=TODAY)
    assert (item.home_id, item.days_left, item.job_ref) == (t.home_id, 20, "G-1")


def test_an_ended_tenancy_is_not_named_and_a_block_check_names_nobody(store):
    h = home(store, "2 Acre Lane")
    tenant(store, "T-OLD", "Old", "Tenant", home_id=h.id, tenancy_end=TODAY - timedelta(days=1))
    current = tenant(store, "T-NEW", "New", "Tenant", home_id=h.id)
    calendar(store, "gas_safety", TODAY + timedelta(days=2), home_id=h.id)
    b = block(store)
    calendar(store, "fire_risk", TODAY + timedelta(days=4), block_id=b.id)
    items = checks_due.due_checks(store, days=30, today=TODAY)
    assert [(i.kind, i.tenant_id, i.block_id) for i in items] == [
        ("gas_safety", current.id, None), ("fire_risk", None, b.id)]


def test_no_record_is_due_now_unless_an_open_job_has_a_date(store):
    t = tenant(store, "T-1", "Ann", "Lee")
    job(store, "G-9", contractor(store).id, tenant_id=t.id, due_date=TODAY + timedelta(days=12))
    found = {(i.kind, i.no_record, i.days_left, i.job_ref)
             for i in checks_due.due_checks(store, days=30, today=TODAY, no_record=True) if i.home_id == t.home_id}
    assert ("gas_safety", False, 12, "G-9") in found  # the job's date, not "due now"
    assert ("electrical_safety", True, 0, "") in found and ("water_safety", True, 0, "") in found


def test_no_record_is_per_kind_whatever_else_a_home_has_recorded(store):
    """A home lacks a check's record whether it has no record at all, records of other kinds only, or several
    of one kind; a home with every kind recorded (due later) lacks none."""
    later = TODAY + timedelta(days=200)
    bare, other, doubled, full = (home(store, f"{n} Acre Lane") for n in (1, 2, 3, 4))
    calendar(store, "smoke_co_alarms", later, home_id=other.id)
    for _ in range(3):  # as many records as there are kinds with a cycle, all of one kind
        calendar(store, "gas_safety", later, home_id=doubled.id)
    for kind in ("gas_safety", "electrical_safety", "water_safety"):
        calendar(store, kind, later, home_id=full.id)
    missing = {(i.home_id, i.kind) for i in checks_due.due_checks(store, days=30, today=TODAY, no_record=True)
               if i.no_record}
    every = {"gas_safety", "electrical_safety", "water_safety"}
    assert missing == {(h.id, k) for h in (bare, other) for k in every} | {
        (doubled.id, "electrical_safety"), (doubled.id, "water_safety")}


def test_only_supported_keeps_active_adjustments_and_open_plans(store):
    plain = tenant(store, "T-1", "Ann", "Plain")
    ended = tenant(store, "T-2", "Bob", "Ended")
    later = tenant(store, "T-3", "Cat", "Later")
    planned = tenant(store, "T-4", "Dai", "Planned")
    adjustment(store, ended.id, end_date=TODAY)  # ends today: no longer active
    adjustment(store, later.id, start_date=TODAY + timedelta(days=1))  # not started yet
    support.create_plan(store, planned.id, status="active")
    for n, t in enumerate((plain, ended, later, planned)):
        calendar(store, "gas_safety", TODAY + timedelta(days=n), home_id=t.home_id)
    assert [i.tenant_id for i in checks_due.due_checks(store, days=30, today=TODAY, only_supported=True)] == [
        planned.id]


def test_a_page_holds_the_soonest_and_counts_them_all(store):
    for n in range(7):
        t = tenant(store, f"T-{n}", "Ann", f"Lee{n}")
        adjustment(store, t.id)
        calendar(store, "gas_safety", TODAY + timedelta(days=6 - n), home_id=t.home_id)
    page, total = checks_due.due_checks_page(store, days=30, today=TODAY, only_supported=True, limit=3)
    assert total == 7 and [i.days_left for i in page] == [0, 1, 2]
    assert page[0].adjustments == ["Boot covers"]
    assert checks_due.due_checks_page(store, days=30, today=TODAY, limit=0) == ([], 7)


def test_today_lists_at_most_its_limit_and_says_how_many(store, monkeypatch):
    monkeypatch.setattr(today, "SECTION_LIMIT", 2)
    for n in range(5):
        t = tenant(store, f"T-{n}", "Ann", f"Lee{n}")
        adjustment(store, t.id)
        calendar(store, "gas_safety", TODAY + timedelta(days=n), home_id=t.home_id)
    view = today.today_view(store, TODAY)
    assert len(view.checks_due) == 2 and view.total("checks_due") == 5
    assert view.checks_due[0].when == TODAY


def test_today_follow_ups_longest_waiting_first_within_the_limit(store, monkeypatch):
    monkeypatch.setattr(today, "SECTION_LIMIT", 2)
    t = tenant(store, "T-1", "Ann", "Lee")
    for n in range(4):
        records.create(store, FollowUp(tenant_id=t.id, action=f"Call back {n}", due_date=TODAY - timedelta(days=n)))
    records.create(store, FollowUp(tenant_id=t.id, action="Done", due_date=TODAY - timedelta(days=9), done_on=TODAY))
    view = today.today_view(store, TODAY)
    assert [i.title.split(" — ")[0] for i in view.follow_ups] == ["Call back 3", "Call back 2"]
    assert view.total("follow_ups") == 4
