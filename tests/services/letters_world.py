"""A small world for the letter tests: one tenant with a gas check, its operative and (on request) their
adjustments, language, doorstep password, a failed attempt and a support plan — and a marker string in
every private field, so a test can prove none reaches a letter."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from checks_world import TODAY, adjustment, contractor, job, tenant
from liaison_app.domain import Job, Operative, RiskWarning, SafeguardingConcern
from liaison_app.services import access, records, settings, support, visits

MARKERS = ("PRIVATE-NOTES", "1951", "PRIVATE-REASON", "PRIVATE-DETAILS", "WARNING-INSTRUCTION", "PRIVATE-CONCERN",
           "PRIVATE-STRAIN", "PRIVATE-VISIT", "PRIVATE-ATTEMPT", "BLUEBELL")
START = datetime.combine(TODAY + timedelta(days=6), datetime.min.time()).replace(hour=9)


def landlord(store) -> None:
    settings.set_setting(store, "landlord_name", "Wessex Homes")
    settings.set_setting(store, "landlord_address", "Unit 4, Market Place\nWarminster BA12 9AB")
    settings.set_setting(store, "letters_phone", "01985 123456")


def world(store, *, adjustments=(), language="", interpreter=False, password="", booked=True, failed=False,
          plan=False, private=True, job_type="gas_safety", ref="G-100"):
    """(tenant, job): a tenant "Siân Ó Briain" (preferred name "Sia") with a gas check at Acme Gas Ltd."""
    landlord(store)
    t = tenant(store, ref="T-" + ref, preferred_name="Sia", language=language, interpreter_needed=interpreter,
               doorstep_password=password, private_notes="PRIVATE-NOTES" if private else "",
               date_of_birth=date(1951, 2, 3) if private else None)
    c = contractor(store, name=f"Acme Gas Ltd {ref}" if ref != "G-100" else "Acme Gas Ltd")
    op = records.create(store, Operative(contractor_id=c.id, name="Dai Evans", badge_number="AG-0042"))
    j = job(store, ref, c.id, job_type=job_type, tenant_id=t.id, appointment_start=START if booked else None,
            status="booked" if booked else "open")
    if booked:
        records.change(store, Job, j.id, {"operative_id": op.id, "appointment_end": START + timedelta(hours=4)})
    for kind in adjustments:
        adjustment(store, t.id, kind=kind)
    if failed:
        access.record_attempt(store, j.id, attempted_on=TODAY - timedelta(days=8), method="visit",
                              outcome="no_answer", time_of_day="morning", notes="PRIVATE-ATTEMPT")
    if plan:
        p = support.create_plan(store, t.id, strain="PRIVATE-STRAIN", status="active", start_date=TODAY)
        support.add_measure(store, p.id, "", kind="officer_present")
        support.add_measure(store, p.id, "A quiet room <b>& tea</b>")
    if private:
        adjustment(store, t.id, kind="boot_covers")
        records.create(store, RiskWarning(tenant_id=t.id, kind="dangerous_animal", instruction="WARNING-INSTRUCTION",
                                          details="PRIVATE-DETAILS", severity="high"))
        records.create(store, SafeguardingConcern(tenant_id=t.id, category="neglect", raised_on=TODAY,
                                                  what_was_seen="PRIVATE-CONCERN"))
        visits.log_visit(store, t.id, "home_visit", notes="PRIVATE-VISIT")
    with store.read() as s:
        return s.get(type(t), t.id), s.get(Job, j.id)
