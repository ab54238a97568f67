"""What may be printed on a briefing: the redaction rules of services.briefing, without any PDF."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from liaison_app.domain import (
    Adjustment,
    Block,
    Contractor,
    Home,
    Job,
    Operative,
    RiskWarning,
    SupportMeasure,
    SupportPlan,
    Tenant,
)
from liaison_app.services import records
from liaison_app.services.briefing import (
    Briefing,
    BriefingRecords,
    NothingToPrint,
    build_briefing,
    briefing_for_job,
    pack_for_day,
)
from liaison_app.services.catalogues import adjustment_kinds, conduct_points

ON = date(2026, 6, 15)


def _all_text(briefing: Briefing) -> str:
    """Every string a briefing holds, flattened (what could possibly reach paper)."""
    out: list[str] = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    walk(briefing)
    return "\n".join(out)


def _world(**overrides) -> BriefingRecords:
    home = Home(id="h1", address_line1="4 Mill Street", town="Frome", postcode="BA11 1AA")
    tenant = Tenant(id="t1", tenancy_ref="T-9", first_name="Gwenllian", preferred_name="Gwen", last_name="Ŷr",
                    phone="01373 400400", home_id="h1", date_of_birth=date(1950, 1, 31),
                    private_notes="SECRET-NOTE")
    job = Job(id="j1", job_ref="J-42", contractor_id="c1", job_type="gas_safety", description="Service the boiler.",
              tenant_id="t1", appointment_start=datetime(2026, 6, 15, 9), appointment_end=datetime(2026, 6, 15, 11))
    values = dict(job=job, tenant=tenant, home=home, contractor=Contractor(id="c1", name="Acme Gas"),
                  operative=Operative(contractor_id="c1", name="Dana", badge_number="B-1", gender="female",
                                      gas_safe_number="123456", gas_safe_expiry=date(2027, 1, 31)))
    values.update(overrides)
    return BriefingRecords(**values)


def _adj(kind, instruction="", **kw) -> Adjustment:
    return Adjustment(tenant_id="t1", kind=kind, instruction=instruction, reason=kw.pop("reason", "WHY-" + kind), **kw)


def test_only_active_shared_consented_adjustments_are_printed():
    adjustments = [
        _adj("boot_covers"),
        _adj("other", "SHOWN-start-today", start_date=ON),
        _adj("other", "NOT-SHARED", share_with_contractors=False),
        _adj("other", "NO-CONSENT", consent_given=False),
        _adj("other", "ENDED-TODAY", end_date=ON),
        _adj("other", "ENDED-LONG-AGO", start_date=ON - timedelta(days=99), end_date=ON - timedelta(days=9)),
        _adj("other", "STARTS-TOMORROW", start_date=ON + timedelta(days=1)),
        _adj("other", "SHOWN-ends-tomorrow", end_date=ON + timedelta(days=1)),
    ]
    b = build_briefing(_world(adjustments=adjustments), {}, ON)
    text = _all_text(b)
    assert adjustment_kinds().get("boot_covers").instruction in b.in_the_home
    assert "SHOWN-start-today" in b.in_the_home and "SHOWN-ends-tomorrow" in b.in_the_home
    for hidden in ("NOT-SHARED", "NO-CONSENT", "ENDED-TODAY", "ENDED-LONG-AGO", "STARTS-TOMORROW", "WHY-"):
        assert hidden not in text


def test_adjustments_are_sorted_into_before_and_in_the_home_by_the_catalogue():
    b = build_briefing(_world(adjustments=[_adj("call_ahead", "Ring 30 minutes before."), _adj("hearing"),
                                           _adj("female_operative")]), {}, ON)
    assert b.before_you_arrive == ("Ring 30 minutes before.", adjustment_kinds().get("female_operative").instruction)
    assert b.in_the_home == (adjustment_kinds().get("hearing").instruction,)
    assert b.must_know == ("Female operative required",)
    assert b.flags[0] == "Female operative"


def test_warnings_on_the_person_and_the_home_high_first_never_details():
    warnings = [
        RiskWarning(tenant_id="t1", kind="dangerous_animal", severity="low", details="BITTEN-2019"),
        RiskWarning(home_id="h1", kind="other", instruction="Two people must attend.", severity="high",
                    details="POLICE-REF-123"),
        RiskWarning(tenant_id="t1", kind="aggression", instruction="OLD-WARNING", end_date=ON),
        RiskWarning(tenant_id="t1", kind="verbal_abuse", severity="medium"),
    ]
    b = build_briefing(_world(warnings=warnings), {}, ON)
    assert [i.instruction for i in b.your_safety][0] == "Two people must attend."
    assert [i.flag for i in b.your_safety][1:] == ["Verbal abuse", "Dog"]
    assert b.your_safety[0].high and not b.your_safety[2].high
    text = _all_text(b)
    for hidden in ("BITTEN-2019", "POLICE-REF-123", "OLD-WARNING"):
        assert hidden not in text


def test_only_contractor_facing_live_measures_of_an_active_plan():
    live = SupportPlan(id="p1", tenant_id="t1", status="active", strain="GRIEF-STRAIN")
    draft = SupportPlan(id="p2", tenant_id="t1", status="draft", strain="GRIEF-STRAIN")
    closed = SupportPlan(id="p3", tenant_id="t1", status="active", closed_on=ON)
    plans = [
        (live, [SupportMeasure(plan_id="p1", text="Offer breaks."),
                SupportMeasure(plan_id="p1", text="OFFICE-ONLY", contractor_facing=False),
                SupportMeasure(plan_id="p1", text="ENDED-MEASURE", ended_on=ON)]),
        (draft, [SupportMeasure(plan_id="p2", text="DRAFT-MEASURE")]),
        (closed, [SupportMeasure(plan_id="p3", text="CLOSED-MEASURE")]),
    ]
    b = build_briefing(_world(plans=plans), {}, ON)
    assert b.in_the_home == ("Offer breaks.",)
    assert "Extra care — see briefing" in b.flags and "Support plan" not in b.flags
    text = _all_text(b)
    for hidden in ("GRIEF-STRAIN", "OFFICE-ONLY", "ENDED-MEASURE", "DRAFT-MEASURE", "CLOSED-MEASURE"):
        assert hidden not in text


def test_the_job_section_uses_the_preferred_name_and_never_private_tenant_fields():
    b = build_briefing(_world(), {}, ON, printed_at=datetime(2026, 6, 14, 16, 5), printed_by="Alex Officer")
    assert b.tenant_name == "Gwen Ŷr"
    assert b.tenant_phone == "01373 400400"
    assert b.address == "4 Mill Street, Frome, BA11 1AA"
    assert b.appointment_date == "Monday 15 June 2026" and b.appointment_window == "09:00–11:00"
    assert b.job_type.startswith("Annual gas safety check — legal requirement")
    assert b.operative == "Dana" and b.operative_badge == "B-1"
    assert b.printed_on == "14 June 2026 16:05" and b.printed_by == "Alex Officer"
    text = _all_text(b)
    assert "SECRET-NOTE" not in text and "1950" not in text and "Gwenllian" not in text


@pytest.mark.parametrize("consent", [True, False])
def test_complainant_contact_only_with_consent(consent):
    block = Block(id="b1", name="Elm Court", address_line1="Station Road", town="Frome", postcode="BA11 2BB")
    job = Job(id="j2", job_ref="J-50", contractor_id="c1", job_type="communal_repair", block_id="b1",
              description="Fix the door.", complaint_ref="CMP-1", complainant_name="Ffion Ŵatkins",
              complainant_phone="07700 900001", complainant_consent=consent)
    b = build_briefing(_world(job=job, tenant=None, home=None, block=block), {}, ON)
    assert b.complaint_ref == "CMP-1"
    assert b.address == "Station Road, Frome, BA11 2BB" and b.block == "Elm Court"
    assert b.tenant_name == ""
    assert ("Ffion Ŵatkins" in _all_text(b)) is consent
    assert ("07700 900001" in _all_text(b)) is consent


def test_settings_fill_the_fixed_sections_with_defaults():
    default = build_briefing(_world(), {}, ON)
    assert default.conduct_reminders == tuple(k.instruction for k in conduct_points().kinds)
    assert default.emergency_procedure and default.safeguarding_line
    custom = build_briefing(_world(), {"landlord_name": "Wessex Homes", "conduct_reminders": "Wear ID\n\n Be kind ",
                                       "emergency_procedure": "Say RED CARD.", "safeguarding_line": "Call 0300 1"}, ON)
    assert custom.landlord_name == "Wessex Homes"
    assert custom.conduct_reminders == ("Wear ID", "Be kind")
    assert custom.emergency_procedure == "Say RED CARD." and custom.safeguarding_line == "Call 0300 1"


def test_briefing_for_job_loads_only_this_tenants_records(store):
    add = records.create
    contractor = add(store, Contractor(name="Acme Gas"))
    home = add(store, Home(address_line1="4 Mill Street", postcode="BA11 1AA"))
    lead = add(store, Tenant(tenancy_ref="T-1", first_name="Ann", last_name="Lee", home_id=home.id))
    other = add(store, Tenant(tenancy_ref="T-2", first_name="Bob", last_name="Lee", home_id=home.id))
    add(store, Adjustment(tenant_id=other.id, kind="other", instruction="OTHER-MEMBERS-WISH"))
    add(store, RiskWarning(tenant_id=other.id, kind="other", instruction="OTHER-MEMBERS-WARNING"))
    add(store, RiskWarning(home_id=home.id, kind="dangerous_animal"))
    add(store, Adjustment(tenant_id=lead.id, kind="quiet_working"))
    job = add(store, Job(job_ref="J-1", contractor_id=contractor.id, job_type="repair", description="Fix tap.",
                         tenant_id=lead.id, appointment_start=datetime(2026, 6, 15, 9)))
    b = briefing_for_job(store, job.id, on=ON)
    assert b.tenant_name == "Ann Lee" and b.job_ref == "J-1"
    assert b.in_the_home == (adjustment_kinds().get("quiet_working").instruction,)
    assert [i.flag for i in b.your_safety] == ["Dog"]
    assert "OTHER-MEMBERS" not in _all_text(b) and "Bob" not in _all_text(b)
    with pytest.raises(NothingToPrint):
        briefing_for_job(store, "no-such-id")
    pack = pack_for_day(store, "acme gas", date(2026, 6, 15))
    assert [x.job_ref for x in pack.briefings] == ["J-1"]
    with pytest.raises(NothingToPrint):
        pack_for_day(store, "Acme Gas", date(2026, 6, 16))
    with pytest.raises(NothingToPrint):
        pack_for_day(store, "Nobody Ltd", date(2026, 6, 15))


def test_no_field_named_in_private_fields_is_copied_into_a_briefing():
    from liaison_app.domain import RiskWarning, SupportMeasure, SupportPlan
    from liaison_app.domain.briefing import PRIVATE_FIELDS

    records = _world(
        adjustments=[_adj("female_operative", "Send a woman.", reason="PRIVATE-Adjustment")],
        warnings=[RiskWarning(tenant_id="t1", kind="dog", instruction="Ask for the dog to be shut away.",
                              details="PRIVATE-RiskWarning", informed="PRIVATE-RiskWarning", severity="high")],
        plans=[(SupportPlan(tenant_id="t1", status="active", strain="PRIVATE-SupportPlan"),
                [SupportMeasure(plan_id="p1", text="Speak slowly.")])])
    records.tenant.private_notes = "PRIVATE-Tenant"
    for row in (records.tenant, *records.adjustments, *records.warnings, records.plans[0][0]):
        for name in PRIVATE_FIELDS.get(type(row).__name__, ()):
            if isinstance(getattr(row, name), str):
                assert getattr(row, name).startswith("PRIVATE-"), f"{type(row).__name__}.{name} not filled"
    text = _all_text(build_briefing(records, {}, ON))
    assert "Send a woman." in text and "shut away" in text and "Speak slowly." in text
    assert "PRIVATE-" not in text and "1950" not in text
