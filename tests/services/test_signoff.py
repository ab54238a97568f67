"""Returned sign-off slips (issue #12 point 5): one test per rule; mismatches on Today and in the conduct report."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.signoff import BADGE_MISMATCH, ID_NOT_SHOWN, NOT_SIGNED, signoff_problems
from liaison_app.domain.validation import ValidationError
from liaison_app.services import reports, signoff, today, works
from liaison_app.services.tenants import create_tenant

TODAY = date.today()


@pytest.fixture
def job(store):
    tenant = create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Jones",
                           address_line1="1 High Street", postcode="BA1 1AA")
    acme = works.create_contractor(store, "Acme Gas")
    op = works.add_operative(store, acme.id, "Dan Evans", "AG-1001")
    start = datetime.combine(TODAY - timedelta(days=2), datetime.min.time()).replace(hour=9)
    return works.create_job(store, job_ref="J-1", contractor_id=acme.id, job_type="gas_safety",
                            description="Annual gas safety check", tenant_id=tenant.id, operative_id=op.id,
                            appointment_start=start, appointment_end=start + timedelta(hours=2))


def _slip(store, job, **values):
    base = dict(returned_on=TODAY, id_shown=True, badge_matches=True, signed=True)
    return signoff.record_signoff(store, job.id, **{**base, **values})


def test_a_slip_in_order_has_no_problems():
    assert signoff_problems(True, True, True) == ()


@pytest.mark.parametrize("id_shown, badge_matches, signed, problems", [
    (False, True, True, (ID_NOT_SHOWN,)),
    (True, False, True, (BADGE_MISMATCH,)),
    (True, True, False, (NOT_SIGNED,)),
    (False, False, False, (BADGE_MISMATCH, ID_NOT_SHOWN, NOT_SIGNED)),
])
def test_each_no_on_the_slip_is_a_problem(id_shown, badge_matches, signed, problems):
    assert signoff_problems(id_shown, badge_matches, signed) == problems


def test_recording_a_slip_is_audited_and_shows_who_was_booked(store, job):
    slip = _slip(store, job, badge_number="AG-1001")
    assert (slip.id_shown, slip.badge_matches, slip.signed, slip.badge_number) == (True, True, True, "AG-1001")
    assert signoff.booked_operative(store, job.id) == signoff.Booked("Dan Evans", "AG-1001")
    with store.read() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.record_id == slip.id)).all()
    assert [e.action for e in events] == ["create"]


def test_a_second_slip_for_the_job_corrects_the_first(store, job):
    first = _slip(store, job)
    again = _slip(store, job, signed=False, expected_version=first.version)
    assert again.id == first.id and again.signed is False
    assert signoff.get_signoff(store, job.id).version == first.version + 1


def test_a_slip_cannot_come_back_in_the_future(store, job):
    with pytest.raises(ValidationError) as err:
        _slip(store, job, returned_on=TODAY + timedelta(days=1))
    assert err.value.field == "returned_on"


def test_a_slip_cannot_come_back_before_the_appointment(store, job):
    with pytest.raises(ValidationError) as err:
        _slip(store, job, returned_on=TODAY - timedelta(days=3))
    assert err.value.field == "returned_on"


def test_a_badge_that_matches_must_be_the_booked_operatives(store, job):
    with pytest.raises(ValidationError) as err:
        _slip(store, job, badge_number="ZZ-9", badge_matches=True)
    assert err.value.field == "badge_matches"
    assert _slip(store, job, badge_number="ZZ-9", badge_matches=False).badge_matches is False


def test_a_badge_number_is_checked(store, job):
    with pytest.raises(ValidationError) as err:
        _slip(store, job, badge_number="<b>")
    assert err.value.field == "badge_number"


def test_a_mismatch_shows_on_today_and_one_in_order_does_not(store, job):
    _slip(store, job)
    assert today.today_view(store, TODAY).signoffs == []
    _slip(store, job, badge_matches=False, badge_number="ZZ-9", expected_version=1)
    lines = today.today_view(store, TODAY).signoffs
    assert len(lines) == 1 and lines[0].job_id == job.id
    assert "J-1" in lines[0].title and BADGE_MISMATCH in lines[0].title and "Acme Gas" in lines[0].detail
    assert today.today_view(store, TODAY + timedelta(days=signoff.TODAY_DAYS + 1)).signoffs == []


def test_mismatches_count_in_the_conduct_report(store, job):
    _slip(store, job, badge_matches=False, id_shown=False)
    report = reports.conduct_report(store, TODAY - timedelta(days=7), TODAY)
    rows = {r[1]: r for r in report.rows}
    assert rows[f"Returned sign-off: {BADGE_MISMATCH}"][:3] == ["Acme Gas", f"Returned sign-off: {BADGE_MISMATCH}", "1"]
    assert rows[f"Returned sign-off: {ID_NOT_SHOWN}"][2] == "1"
    assert f"Returned sign-off: {NOT_SIGNED}" not in rows
    assert reports.conduct_report(store, TODAY - timedelta(days=30), TODAY - timedelta(days=8)).rows == []
