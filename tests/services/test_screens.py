"""One read per screen: the tenant record's header and tabs, the Jobs page, the job record and the Reports
page each read in one call and get frozen rows, never a database object, and never print a private value."""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlmodel import SQLModel

from liaison_app.domain.validation import ValidationError
from liaison_app.services import conduct, needs, reports, safeguarding, support, tenants, visits, works
from liaison_app.services import job_screens, record_screens
from liaison_app.services.rows import freeze

MARK = "PRIVATE-MARK"


@pytest.fixture
def held(store):
    """One tenant with something in every tab, each private field holding MARK."""
    t = tenants.create_tenant(store, tenancy_ref="T-1", first_name="Amira", last_name="Haddad",
                              address_line1="12 Elm Road", postcode="BA12 9AB", block="Elm Court")
    acme = works.create_contractor(store, "Acme Gas")
    needs.record_adjustment(store, t.id, "boot_covers", reason=MARK)
    needs.record_warning(store, tenant_id=t.id, kind="dangerous_animal", details=MARK, severity="high")
    visit = visits.log_visit(store, t.id, "phone_call", outcome="Agreed a morning")
    visits.add_follow_up(store, t.id, "Confirm the date", date.today(), visit_id=visit.id)
    plan = support.create_plan(store, t.id, strain=MARK, status="active", start_date=date.today())
    support.add_measure(store, plan.id, "Officer present")
    conduct.record_feedback(store, contractor_id=acme.id, point="no_bathroom", received_on=date.today(),
                            what_was_said="Used the toilet", tenant_id=t.id)
    safeguarding.raise_concern(store, t.id, "child", what_was_seen=MARK)
    job = works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="gas_safety",
                           description="Annual gas check", tenant_id=t.id, due_date=date.today() + timedelta(days=3))
    return dict(tenant=t, acme=acme, job=job)


def _values(value):
    """Every value inside a screen's result: dataclass fields and tuple items, all the way down."""
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _values(getattr(value, f.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _values(item)


def _reads(store, held):
    t, job = held["tenant"].id, held["job"].id
    return {
        "header": record_screens.tenant_header(store, t),
        "adjustments": record_screens.adjustments_screen(store, t),
        "warnings": record_screens.warnings_screen(store, t),
        "visits": record_screens.visits_screen(store, t),
        "support": record_screens.support_screen(store, t),
        "conduct": record_screens.conduct_screen(store, t),
        "concerns": record_screens.concerns_screen(store, t),
        "tenant jobs": record_screens.tenant_jobs_screen(store, t),
        "jobs": job_screens.jobs_screen(store, {}),
        "job": job_screens.job_detail(store, job),
    }


def test_every_screen_read_returns_frozen_rows_never_records(store, held):
    for name, screen in _reads(store, held).items():
        found = list(_values(screen))
        assert len(found) > 1, name  # the read found what the tenant has
        assert not any(isinstance(v, SQLModel) for v in found), name
        rows = [v for v in found if dataclasses.is_dataclass(v) and not isinstance(v, type)]
        assert rows and all(type(r).__dataclass_params__.frozen for r in rows), name


def test_a_frozen_row_cannot_be_changed_and_never_shows_a_private_value(store, held):
    (row,) = record_screens.adjustments_screen(store, held["tenant"].id)
    assert row.reason == MARK and row.kind == "boot_covers"  # the office sees it ...
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.reason = "changed"
    assert MARK not in repr(row) and MARK not in str(row)  # ... but a log or an error message never does
    (concern,) = record_screens.concerns_screen(store, held["tenant"].id)
    assert type(concern).__name__ == "FrozenSafeguardingConcern" and MARK not in repr(concern)


def test_the_tenant_header_says_who_where_and_what_to_notice(store, held):
    header = record_screens.tenant_header(store, held["tenant"].id)
    assert (header.display_name, header.tenancy_ref, header.block_name) == ("Amira Haddad", "T-1", "Elm Court")
    assert "12 Elm Road" in header.address
    assert {"Boot covers", "Support plan"} <= set(header.badges)


def test_the_warnings_read_brings_the_home_a_new_warning_may_go_on(store, held):
    screen = record_screens.warnings_screen(store, held["tenant"].id)
    assert screen.home_id == held["tenant"].home_id
    assert [w.kind for w in screen.warnings] == ["dangerous_animal"]


def test_the_visits_read_brings_both_lists(store, held):
    screen = record_screens.visits_screen(store, held["tenant"].id)
    assert [v.outcome for v in screen.visits] == ["Agreed a morning"]
    assert [f.action for f in screen.follow_ups] == ["Confirm the date"]
    visits.mark_follow_up_done(store, screen.follow_ups[0].id)
    assert record_screens.visits_screen(store, held["tenant"].id).follow_ups == ()
    assert len(record_screens.visits_screen(store, held["tenant"].id, include_done=True).follow_ups) == 1


def test_the_jobs_read_brings_the_filter_contractors_and_the_first_page(store, held):
    bright = works.create_contractor(store, "Bright Electrics")
    screen = job_screens.jobs_screen(store, {"contractor_id": bright.id}, limit=10)
    assert screen.contractors == ((held["acme"].id, "Acme Gas"), (bright.id, "Bright Electrics"))
    assert screen.jobs == ()
    assert [j.job_ref for j in job_screens.jobs_screen(store, {}, limit=10).jobs] == ["J-1"]


def test_the_job_record_read_says_where_who_and_whether_it_is_a_check(store, held):
    detail = job_screens.job_detail(store, held["job"].id)
    assert (detail.tenant_name, detail.tenancy_ref, detail.contractor_name) == ("Amira Haddad", "T-1", "Acme Gas")
    assert "12 Elm Road" in detail.where and detail.mandatory and not detail.closed
    assert not detail.is_complaint and detail.job.description == "Annual gas check"


def test_the_reports_read_builds_the_named_report_and_refuses_an_unknown_one(store, held):
    report = reports.build_report(store, "conduct", 30, date.today() - timedelta(days=1), date.today())
    assert report.name == "conduct" and report.rows[0][0] == "Acme Gas"
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.rows = []
    with pytest.raises(ValidationError):
        reports.build_report(store, "everything")


def test_freeze_copies_every_column(store, held):
    row = freeze(works.get_job(store, held["job"].id))
    assert type(row).__name__ == "FrozenJob" and row.job_ref == "J-1" and row.version == 1
