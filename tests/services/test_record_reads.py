"""The tenant record's faster reads (#15) answer exactly what the slower ones did: the header read in two
statements (store/record_header.py) as get_tenant + tenant_badges + flag_notes gave it, and the Visits and
Jobs tabs read as plain columns as freeze_all(list_visits / list_follow_ups) and works.list_jobs gave them."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from liaison_app.services import needs, record_screens, support, tenants, visits, works
from liaison_app.services.flag_notes import flag_notes
from liaison_app.services.records import NotFound
from liaison_app.services.rows import freeze_all

TODAY = date.today()


def _header_as_before(store, tenant_id):
    tenant, home, block = tenants.get_tenant(store, tenant_id)
    badges = tuple(tenants.tenant_badges(store, tenant_id))
    return record_screens.TenantHeader(
        tenant.id, tenant.display_name, tenant.full_name, tenant.preferred_name or "", tenant.tenancy_ref,
        tenant.home_id, home.one_line() if home else "", block.name if block else "", tenant.phone, tenant.email,
        tenant.preferred_contact, tenant.language, bool(tenant.interpreter_needed), badges,
        tuple(flag_notes(store, tenant_id, list(badges)).items()))


@pytest.fixture
def busy(store):
    """A tenant with a bit of everything the header looks at, and a neighbour sharing nothing."""
    t = tenants.create_tenant(store, tenancy_ref="T-1", title="Mrs", first_name="Łucja", last_name="Wiśniewska",
                              preferred_name="Lucy", address_line1="12 Elm Road", address_line2="Flat 3",
                              town="Frome", postcode="BA11 1AA", block="Elm Court", phone="07700 900123",
                              preferred_contact="phone", language="Polish", interpreter_needed=True)
    needs.record_adjustment(store, t.id, "boot_covers")
    needs.record_adjustment(store, t.id, "door_time", start_date=TODAY + timedelta(days=5))  # not yet in force
    ended = needs.record_adjustment(store, t.id, "call_ahead")
    needs.end_adjustment(store, ended.id)
    needs.record_warning(store, tenant_id=t.id, kind="dangerous_animal", severity="medium")
    needs.record_warning(store, home_id=t.home_id, kind="dangerous_animal", severity="high")  # the home's: worse
    needs.record_warning(store, home_id=t.home_id, kind="hoarding", severity="low",
                         review_date=TODAY + timedelta(days=3))  # a review due soon, on the home
    support.create_plan(store, t.id, strain="private", status="active", start_date=TODAY)
    other = tenants.create_tenant(store, tenancy_ref="T-2", first_name="Amir", last_name="Haddad",
                                  address_line1="9 Mill Lane", postcode="BA12 9AB")
    return t, other


def test_the_header_says_what_the_slower_reads_said(store, busy):
    t, other = busy
    for tenant_id in (t.id, other.id):
        assert record_screens.tenant_header(store, tenant_id) == _header_as_before(store, tenant_id)
    header = record_screens.tenant_header(store, t.id)
    assert header.display_name == "Lucy Wiśniewska" and header.full_name == "Mrs Łucja Wiśniewska"
    assert header.address == "12 Elm Road, Flat 3, Frome, BA11 1AA" and header.block_name == "Elm Court"
    assert set(header.badges) == {"Boot covers", "Dangerous animal", "Hoarding", "Support plan", "Review due"}
    assert "high severity" in dict(header.badge_notes)["Dangerous animal"]  # the home's warning is the worse


def test_a_review_falls_due_by_a_plan_and_not_by_an_ended_record(store):
    t = tenants.create_tenant(store, tenancy_ref="T-3", first_name="Ada", last_name="Obi", address_line1="1 A St",
                              postcode="BA1 1AA")
    gone = needs.record_adjustment(store, t.id, "hearing", review_date=TODAY - timedelta(days=1))
    needs.end_adjustment(store, gone.id)
    assert "Review due" not in record_screens.tenant_header(store, t.id).badges
    support.create_plan(store, t.id, strain="x", status="active", start_date=TODAY, review_date=TODAY)
    header = record_screens.tenant_header(store, t.id)
    assert "Review due" in header.badges and header == _header_as_before(store, t.id)


def test_a_tenant_without_a_home_and_a_missing_tenant(store):
    t = tenants.create_tenant(store, tenancy_ref="T-4", first_name="Bo", last_name="Li", address_line1="1 A St",
                              postcode="BA1 1AA")
    with store.write() as session:  # a tenancy whose home is not recorded (old data)
        session.get(type(t), t.id).home_id = None
    assert record_screens.tenant_header(store, t.id).address == ""
    assert record_screens.tenant_header(store, t.id) == _header_as_before(store, t.id)
    with pytest.raises(NotFound):
        record_screens.tenant_header(store, "no-such-tenant")


def test_visits_and_jobs_read_as_columns_say_what_the_records_said(store, busy):
    t, _other = busy
    for n in range(5):
        visit = visits.log_visit(store, t.id, "home_visit", at=datetime(2025, 1, 1 + n, 10), outcome=f"Visit {n}")
        follow = visits.add_follow_up(store, t.id, f"Action {n}", TODAY + timedelta(days=n), visit_id=visit.id)
        if n % 2:
            visits.mark_follow_up_done(store, follow.id)
    acme = works.create_contractor(store, "Acme Gas")
    for n in range(3):
        works.create_job(store, job_ref=f"J-{n}", contractor_id=acme.id, job_type="repair", description="Tap",
                         tenant_id=t.id, due_date=TODAY + timedelta(days=3 - n))
    for include_done in (False, True):
        screen = record_screens.visits_screen(store, t.id, include_done)
        assert screen.visits == freeze_all(visits.list_visits(store, t.id))
        assert screen.follow_ups == freeze_all(visits.list_follow_ups(store, t.id, include_done=include_done))
    assert [v.outcome for v in screen.visits][:2] == ["Visit 4", "Visit 3"]  # newest first
    jobs = record_screens.tenant_jobs_screen(store, t.id)
    assert jobs == tuple(works.list_jobs(store, tenant_id=t.id, limit=200))
    assert [j.job_ref for j in jobs] == ["J-2", "J-1", "J-0"] and jobs[0].address.startswith("12 Elm Road")
    assert record_screens.tenant_jobs_screen(store, t.id, limit=2) == tuple(works.list_jobs(store, tenant_id=t.id,
                                                                                             limit=2))
