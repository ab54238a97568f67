"""Issue #12 points 1 and 6 through the services and a real store: the booked operative's warnings on the
job, on Today, on the briefing and the pack; operatives' details; complaint call-backs."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import select

from liaison_app.domain import Adjustment, AuditEvent, Contractor, FollowUp, Home, Job, Operative, Tenant
from liaison_app.domain.operatives import CONFIRM, NO_GAS_SAFE
from liaison_app.domain.validation import ValidationError
from liaison_app.services import operatives, records, today, works
from liaison_app.services.briefing import briefing_for_ref, pack_for_day

DAY = date.today() + timedelta(days=3)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, datetime.min.time()) + timedelta(hours=hour, minutes=minute)


def _tenant(store, ref: str, female: bool = False) -> Tenant:
    home = records.create(store, Home(address_line1=f"{ref} Mill Lane", town="Bath", postcode="BA1 1AA"))
    tenant = records.create(store, Tenant(tenancy_ref=ref, first_name="Gwen", last_name="Jones", home_id=home.id))
    if female:
        records.create(store, Adjustment(tenant_id=tenant.id, kind="female_operative", reason="PRIVATE-why"))
    return tenant


def _job(store, contractor, operative, tenant, ref: str, start: datetime | None, hours: int = 2,
         job_type: str = "repair", **kw) -> Job:
    end = start + timedelta(hours=hours) if start else None
    return works.create_job(store, job_ref=ref, contractor_id=contractor.id, job_type=job_type,
                            description="Fix the tap.", tenant_id=tenant.id if tenant else None,
                            operative_id=operative.id if operative else None, appointment_start=start,
                            appointment_end=end, **kw)


@pytest.fixture
def crew(store):
    contractor = records.create(store, Contractor(name="Valley Gas"))
    dai = works.add_operative(store, contractor.id, "Dai Evans", "VG-1", gender="male", trade="gas",
                              gas_safe_number="512345", gas_safe_expiry=DAY + timedelta(days=30))
    return contractor, dai


def test_mismatched_operative_warns_on_the_job_and_the_briefing_says_confirm(store, crew):
    contractor, dai = crew
    job = _job(store, contractor, dai, _tenant(store, "T-1", female=True), "J-1", at(9))
    assert operatives.job_warnings(store, job.id) == (CONFIRM["female"],)
    b = briefing_for_ref(store, "J-1", on=DAY)
    assert b.must_know == ("CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING",)
    assert "Female operative required" not in b.must_know and b.flags[0] == CONFIRM["female"]
    printed = " ".join(str(getattr(b, f.name)) for f in dataclasses.fields(b)).lower()
    assert "male" not in printed.replace("female", "")  # the recorded gender is never copied


def test_matching_or_unbooked_operative_prints_the_plain_requirement(store, crew):
    contractor, _dai = crew
    sarah = works.add_operative(store, contractor.id, "Sarah Okonjo", "VG-2", gender="female")
    _job(store, contractor, sarah, _tenant(store, "T-1", female=True), "J-1", at(9))
    _job(store, contractor, None, _tenant(store, "T-2", female=True), "J-2", at(9))
    for ref in ("J-1", "J-2"):
        b = briefing_for_ref(store, ref, on=DAY)
        assert b.must_know == ("Female operative required",) and b.operative_warnings == ()


def test_gas_job_warns_without_an_in_date_gas_safe_number(store, crew):
    contractor, dai = crew
    tenant = _tenant(store, "T-1")
    ok = _job(store, contractor, dai, tenant, "GS-1", at(9), job_type="gas_safety")
    assert operatives.job_warnings(store, ok.id) == ()
    late = _job(store, contractor, dai, tenant, "GS-2", at(9) + timedelta(days=40), job_type="gas_safety")
    assert operatives.job_warnings(store, late.id) == (NO_GAS_SAFE,)  # expired by the appointment day
    tom = works.add_operative(store, contractor.id, "Tom Nowicki", "VG-3")
    works.change_job(store, ok.id, {"operative_id": tom.id})
    assert operatives.job_warnings(store, ok.id) == (NO_GAS_SAFE,)
    assert NO_GAS_SAFE in briefing_for_ref(store, "GS-1", on=DAY).operative_warnings


def test_double_booking_is_flagged_on_both_jobs_and_in_the_form(store, crew):
    contractor, dai = crew
    first = _job(store, contractor, dai, _tenant(store, "T-1"), "J-1", at(9))
    second = _job(store, contractor, dai, _tenant(store, "T-2"), "J-2", at(10))
    after = _job(store, contractor, dai, _tenant(store, "T-3"), "J-3", at(11))  # back to back with J-1
    assert operatives.job_warnings(store, first.id) == (
        f"DOUBLE BOOKED with J-2 ({DAY:%d/%m} 10:00–12:00) — rebook one before the day",)
    assert "J-1" in operatives.job_warnings(store, second.id)[0] and "J-3" in operatives.job_warnings(store, second.id)[0]
    assert operatives.booking_clash(store, dai.id, at(8), at(9)) == ""
    assert "J-1" in operatives.booking_clash(store, dai.id, at(8), at(10), exclude_job_id=after.id)
    works.change_job(store, second.id, {"status": "cancelled"})
    assert operatives.job_warnings(store, first.id) == ()


def test_today_lists_the_warnings_with_the_appointment(store, crew):
    contractor, dai = crew
    _job(store, contractor, dai, _tenant(store, "T-1", female=True), "J-1", at(9))
    _job(store, contractor, dai, _tenant(store, "T-2"), "J-2", at(10))
    items = {i.detail.split(" · ")[0]: i.flags for i in today.today_view(store, DAY).appointments}
    assert items["J-1"][0] == "CONFIRM A FEMALE OPERATIVE BEFORE ATTENDING"
    assert items["J-1"][1].startswith("DOUBLE BOOKED with J-2") and items["J-2"][0].startswith("DOUBLE BOOKED with J-1")


def test_pack_cover_data_holds_each_jobs_operative_and_what_to_do(store, crew):
    contractor, dai = crew
    _job(store, contractor, dai, _tenant(store, "T-1", female=True), "J-1", at(9))
    _job(store, contractor, dai, _tenant(store, "T-2"), "J-2", at(10))
    pack = pack_for_day(store, "Valley Gas", DAY)
    assert [(b.job_ref, b.operative) for b in pack.briefings] == [("J-1", "Dai Evans"), ("J-2", "Dai Evans")]
    assert pack.briefings[0].flags[:2] == (CONFIRM["female"], pack.briefings[0].operative_warnings[0])
    assert pack.briefings[1].flags[0].startswith("DOUBLE BOOKED with J-1")


def test_operative_details_are_cleaned_and_audited(store, crew):
    contractor, dai = crew
    assert (dai.gender, dai.trade, dai.gas_safe_number) == ("male", "gas", "512345")
    with pytest.raises(ValidationError) as err:
        works.add_operative(store, contractor.id, "Kemal Arslan", "VG-4", gas_safe_number="12")
    assert err.value.field == "gas_safe_number"
    with pytest.raises(ValidationError) as err:
        works.change_operative(store, dai.id, {"gender": "other"})
    assert err.value.field == "gender"
    works.change_operative(store, dai.id, {"gender": "", "badge_expiry": "2027-01-31"})
    with store.read() as session:
        again = session.get(Operative, dai.id)
        event = session.exec(select(AuditEvent).where(AuditEvent.record_id == dai.id)
                             .order_by(AuditEvent.seq.desc())).first()
    assert (again.gender, again.badge_expiry) == ("", date(2027, 1, 31))
    assert "male" not in (event.summary or "") and "gender" in event.fields


def test_completing_a_linked_complaint_job_adds_a_call_back(store, crew):
    contractor, _dai = crew
    complainant = _tenant(store, "T-9")
    job = _job(store, contractor, None, complainant, "CR-1", None, job_type="communal_repair",
               complaint_ref="C-77", complainant_name="Gwen Jones", complainant_tenant_id=complainant.id)
    other = _job(store, contractor, None, complainant, "J-2", None)
    works.change_job(store, other.id, {"status": "completed"})
    works.change_job(store, job.id, {"status": "completed", "completed_on": date.today()})
    with store.read() as session:
        follow_ups = session.exec(select(FollowUp).where(FollowUp.tenant_id == complainant.id)).all()
        audited = session.exec(select(AuditEvent).where(AuditEvent.record_type == "followup")).all()
    assert [(f.action, f.due_date) for f in follow_ups] == [
        ("Call back about complaint C-77: job CR-1 completed — check they are satisfied",
         date.today() + timedelta(days=2))]
    assert len(audited) == 1


def test_a_complaint_cannot_link_to_an_unknown_tenancy(store, crew):
    contractor, _dai = crew
    with pytest.raises(ValidationError) as err:
        _job(store, contractor, None, _tenant(store, "T-1"), "CR-1", None, complainant_tenant_id="nobody")
    assert err.value.field == "complainant_tenant_id"


def test_the_demo_shows_a_mismatched_and_a_double_booked_operative(store):
    from liaison_app.services.demo import make_demo

    make_demo(store, tenants=60, seed=1, today=DAY)
    warnings = [w for r in works.list_jobs(store, date_from=DAY, date_to=DAY, limit=1000)
                for w in operatives.job_warnings(store, r.id, DAY)]
    assert CONFIRM["female"] in warnings
    assert sum(w.startswith("DOUBLE BOOKED") for w in warnings) == 2  # the two jobs of one double booking
    assert NO_GAS_SAFE not in warnings  # the demo's gas operatives carry in-date Gas Safe cards


def test_erasing_the_complainant_clears_the_link_and_their_contact(store, crew):
    from liaison_app.services import erasure

    contractor, _dai = crew
    complainant = _tenant(store, "T-9")
    job = _job(store, contractor, None, _tenant(store, "T-1"), "CR-1", None, job_type="communal_repair",
               complaint_ref="C-77", complainant_name="Gwen Jones", complainant_phone="07700 900555",
               complainant_consent=True, complainant_tenant_id=complainant.id)
    erasure.erase_tenant(store, complainant.id)
    again = works.get_job(store, job.id)
    assert (again.complainant_tenant_id, again.complainant_name, again.complainant_phone,
            again.complainant_consent) == (None, "", "", False)
