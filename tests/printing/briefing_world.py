"""A small known world for the briefing tests: one job with adjustments, warnings and a support
plan whose private fields hold marker text that must never reach a PDF.

Built from domain records through services.records (every write audited, as in the app).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

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
    Visit,
)
from liaison_app.services import records

TODAY = date.today()
PRIVATE = [
    "PRIVATE-REASON-knee-surgery", "PRIVATE-DETAILS-incident-2019", "PRIVATE-NOTES-rent-arrears",
    "PRIVATE-STRAIN-bereavement", "PRIVATE-VISIT-NOTES", "UNSHARED-INSTRUCTION-keep-quiet",
    "EXPIRED-INSTRUCTION-old-window", "NO-CONSENT-INSTRUCTION", "ENDED-MEASURE-text",
    "DRAFT-PLAN-MEASURE", "NOT-CONTRACTOR-FACING-MEASURE", "ENDED-WARNING-instruction", "1961",
]


def contractor(store, name="Acme Gas Ltd") -> Contractor:
    return records.create(store, Contractor(name=name))


def tenant(store, ref="T-001", first="Siân", last="Ó Briain", line1="1 Acre Lane", block_id=None, **kw) -> Tenant:
    home = records.create(store, Home(address_line1=line1, town="Warminster", postcode="BA12 9AB",
                                      block_id=block_id))
    return records.create(store, Tenant(tenancy_ref=ref, first_name=first, last_name=last, home_id=home.id, **kw))


def job(store, contractor_id, tenant_obj=None, *, ref="J-1001", job_type="gas_safety", start_hour=10,
        day=TODAY, description="Annual gas safety check of the boiler and hob.", **kw) -> Job:
    start = datetime.combine(day, datetime.min.time()) + timedelta(hours=start_hour)
    return records.create(store, Job(
        job_ref=ref, contractor_id=contractor_id, job_type=job_type, description=description,
        tenant_id=tenant_obj.id if tenant_obj else None, home_id=tenant_obj.home_id if tenant_obj else None,
        appointment_start=start, appointment_end=start + timedelta(hours=2), trade="gas", **kw))


def full_world(store, *, first="Siân", last="Ó Briain", description=None):
    """A tenant with every kind of printable and unprintable need, and one booked job."""
    c = contractor(store)
    op = records.create(store, Operative(contractor_id=c.id, name="Dana Fitter", badge_number="B-778", gender="female",
                                         gas_safe_number="123456", gas_safe_expiry=TODAY + timedelta(days=300)))
    t = tenant(store, first=first, last=last, preferred_name="", phone="01985 123456",
               date_of_birth=date(1961, 4, 2), private_notes="PRIVATE-NOTES-rent-arrears")
    add = records.create
    add(store, Adjustment(tenant_id=t.id, kind="boot_covers", reason="PRIVATE-REASON-knee-surgery"))
    add(store, Adjustment(tenant_id=t.id, kind="female_operative", reason="PRIVATE-REASON-knee-surgery"))
    add(store, Adjustment(tenant_id=t.id, kind="call_ahead", instruction="Ring 20 minutes before you arrive."))
    add(store, Adjustment(tenant_id=t.id, kind="other", instruction="UNSHARED-INSTRUCTION-keep-quiet",
                          share_with_contractors=False))
    add(store, Adjustment(tenant_id=t.id, kind="other", instruction="NO-CONSENT-INSTRUCTION", consent_given=False))
    add(store, Adjustment(tenant_id=t.id, kind="appointment_window", instruction="EXPIRED-INSTRUCTION-old-window",
                          start_date=TODAY - timedelta(days=400), end_date=TODAY - timedelta(days=1)))
    add(store, RiskWarning(tenant_id=t.id, kind="dangerous_animal", severity="medium",
                           details="PRIVATE-DETAILS-incident-2019"))
    add(store, RiskWarning(home_id=t.home_id, kind="no_lone_visit", severity="high",
                           instruction="Two operatives must attend: never alone.", details="PRIVATE-DETAILS-incident-2019"))
    add(store, RiskWarning(tenant_id=t.id, kind="aggression", instruction="ENDED-WARNING-instruction",
                           end_date=TODAY))
    plan = add(store, SupportPlan(tenant_id=t.id, status="active", strain="PRIVATE-STRAIN-bereavement"))
    add(store, SupportMeasure(plan_id=plan.id, text="Explain each step before starting."))
    add(store, SupportMeasure(plan_id=plan.id, text="NOT-CONTRACTOR-FACING-MEASURE", contractor_facing=False))
    add(store, SupportMeasure(plan_id=plan.id, text="ENDED-MEASURE-text", ended_on=TODAY))
    draft = add(store, SupportPlan(tenant_id=t.id, status="draft", strain="PRIVATE-STRAIN-bereavement"))
    add(store, SupportMeasure(plan_id=draft.id, text="DRAFT-PLAN-MEASURE"))
    add(store, Visit(tenant_id=t.id, visit_type="home_visit", at=datetime.now(), notes="PRIVATE-VISIT-NOTES"))
    j = job(store, c.id, t, operative_id=op.id,
            description=description or "Annual gas safety check of the boiler and hob.")
    return c, t, j


def communal_job(store, c, *, consent: bool, ref="J-2001"):
    block = records.create(store, Block(name="Elm Court", address_line1="Elm Court, Station Road",
                                        town="Warminster", postcode="BA12 8XY"))
    return records.create(store, Job(
        job_ref=ref, contractor_id=c.id, job_type="communal_repair", block_id=block.id,
        description="Replace the broken entry-door closer.", complaint_ref="CMP-77",
        complainant_name="Ŵyn Jones", complainant_phone="07700 900123", complainant_consent=consent,
        appointment_start=datetime.combine(TODAY, datetime.min.time()) + timedelta(hours=13)))
