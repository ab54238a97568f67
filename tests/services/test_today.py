"""The officer's day: every section, with nothing private in titles or details."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from checks_world import TODAY, adjustment, block, calendar, contractor, job, tenant
from liaison_app.domain import FollowUp, RiskWarning, Visit
from liaison_app.domain import checks_rules as rules
from liaison_app.domain.text import uk_date
from liaison_app.services import access, records, support, today


def day(n):
    return TODAY + timedelta(days=n)


def at(on, hour):
    return datetime.combine(on, time(hour, 0))


def build(store):
    c = contractor(store)
    ann = tenant(store, "T-1", "Ann", "Plain")
    bea = tenant(store, "T-2", "Bea", "Helped")
    plan = needs_and_plans(store, ann, bea)
    contact(store, c, ann, bea)
    return ann, bea, plan, checks_and_access(store, c, ann, bea)


def needs_and_plans(store, ann, bea):
    adjustment(store, bea.id, "boot_covers", review_date=day(14), start_date=day(-400))
    adjustment(store, ann.id, "call_ahead", review_date=day(15))
    adjustment(store, ann.id, "door_time", review_date=day(-1), end_date=TODAY)
    records.create(store, RiskWarning(tenant_id=ann.id, kind="dangerous_animal", details="PRIVATE-DETAILS",
                                      review_date=day(-3)))
    return support.create_plan(store, bea.id, strain="PRIVATE-STRAIN", status="active",
                               start_date=day(-60), review_date=day(2))


def contact(store, c, ann, bea):
    job(store, "J-AM", c.id, job_type="repair", tenant_id=ann.id, appointment_start=at(TODAY, 9))
    job(store, "J-TOMORROW", c.id, job_type="repair", tenant_id=ann.id, appointment_start=at(day(1), 9))
    job(store, "J-X", c.id, job_type="repair", tenant_id=ann.id, appointment_start=at(TODAY, 8), status="cancelled")
    b = block(store)
    job(store, "J-LIFT", c.id, job_type="lift", block_id=b.id, appointment_start=at(TODAY, 11))
    records.create(store, Visit(tenant_id=bea.id, visit_type="welfare_check", at=at(TODAY, 14), notes="PRIVATE-VISIT"))
    records.create(store, Visit(tenant_id=bea.id, visit_type="home_visit", at=at(day(-1), 14)))
    records.create(store, FollowUp(tenant_id=ann.id, action="Send large-print letter", due_date=day(-2)))
    records.create(store, FollowUp(tenant_id=ann.id, action="Done already", due_date=TODAY, done_on=TODAY))
    records.create(store, FollowUp(tenant_id=ann.id, action="Later", due_date=day(1)))


def checks_and_access(store, c, ann, bea):
    calendar(store, "gas_safety", day(30), home_id=bea.home_id)
    calendar(store, "gas_safety", day(3), home_id=ann.home_id)
    cy = tenant(store, "T-3", "Cy", "Nobody")
    calendar(store, "gas_safety", day(1), home_id=cy.home_id)  # no adjustment or plan
    gas = job(store, "G-9", c.id, tenant_id=bea.id, due_date=day(30))
    for n, outcome in ((20, "no_answer"), (10, "no_answer"), (5, "refused")):
        access.record_attempt(store, gas.id, attempted_on=TODAY - timedelta(days=n), method="visit", outcome=outcome,
                              letter_stage="final" if n == 5 else "")
    return gas


def test_today_view_sections(store):
    ann, bea, plan, gas = build(store)
    view = today.today_view(store, on=TODAY)
    assert [i.title for i in view.appointments] == [
        "09:00 Responsive repair — Ann Plain", "11:00 Lift inspection — Elm Court (communal)"]
    assert view.appointments[0].detail.startswith("J-AM · ")
    assert [i.title for i in view.visits] == ["14:00 Welfare check — Bea Helped"]
    assert [(i.title, i.detail) for i in view.follow_ups] == [
        ("Send large-print letter — Ann Plain", f"overdue since {uk_date(day(-2))}")]
    assert [(i.record_type, i.tenant_id) for i in view.reviews] == [
        ("riskwarning", ann.id), ("supportplan", bea.id), ("adjustment", bea.id)]
    assert view.reviews[1].record_id == plan.id
    assert [(i.title, i.job_id) for i in view.checks_due] == [
        ("Annual gas safety check — Ann Plain", None), ("Annual gas safety check — Bea Helped", gas.id)]
    assert view.checks_due[0].detail.endswith("· Call ahead")
    assert "Boot covers" in view.checks_due[1].detail and "support plan" in view.checks_due[1].detail
    [case] = view.no_access
    # three visits at no recorded time, 30 days before the due date: not yet legal action (NO_ACCESS_RULES.md)
    assert case.job_id == gas.id and rules.VARY_ATTEMPTS in case.title
    assert case.detail.startswith("30 days left · 3 failed attempts")
    assert view.count() == 2 + 1 + 1 + 3 + 2 + 1


def test_nothing_private_in_today(store):
    build(store)
    view = today.today_view(store, on=TODAY)
    for name in today.SECTIONS:
        for item in getattr(view, name):
            assert "PRIVATE" not in item.title + item.detail


def test_access_gained_leaves_no_access_list(store):
    _, _, _, gas = build(store)
    access.record_attempt(store, gas.id, attempted_on=TODAY, method="visit", outcome="access_gained")
    assert today.today_view(store, on=TODAY).no_access == []


def test_empty_store(store):
    assert today.today_view(store).count() == 0


def test_a_long_section_lists_the_most_urgent_first_and_keeps_the_full_count(store, monkeypatch):
    """A landlord-sized backlog must not load thousands of lines: the first SECTION_LIMIT, oldest first."""
    from liaison_app.services import today as today_service
    from liaison_app.services.needs import record_adjustment
    from liaison_app.services.tenants import create_tenant

    monkeypatch.setattr(today_service, "SECTION_LIMIT", 3)
    on = date(2026, 11, 20)
    tenant = create_tenant(store, tenancy_ref="LIM-1", first_name="Ffion", last_name="Ŵyn",
                           address_line1="1 Stryd", postcode="CF10 1AA")
    for days in (1, 5, 2, 9, 3):
        record_adjustment(store, tenant.id, "call_ahead", start_date=on - timedelta(days=400),
                          review_date=on - timedelta(days=days))
    view = today_service.today_view(store, on=on)
    assert view.total("reviews") == 5
    assert [i.when for i in view.reviews] == [on - timedelta(days=d) for d in (9, 5, 3)]
