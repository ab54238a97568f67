"""A tenant with something in every kind of record, for subject access and erasure tests."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from liaison_app.services import access, conduct, needs, safeguarding, support, visits, works
from liaison_app.services.tenants import create_tenant

NAME = ("Zebedee", "Quixotlewski")  # distinctive, so a byte search finds nothing else


@dataclass
class World:
    tenant_id: str
    neighbour_id: str
    home_id: str
    job_id: str
    contractor_id: str


def build(store) -> World:
    tenant = create_tenant(store, tenancy_ref="WX-0042", first_name=NAME[0], last_name=NAME[1],
                           address_line1="7 Quarry Lane", postcode="BA12 9AB", phone="07700 900123",
                           block="Quarry Court")
    neighbour = create_tenant(store, tenancy_ref="WX-0043", first_name="Nora", last_name="Next",
                              address_line1="9 Quarry Lane", postcode="BA12 9AB", block="Quarry Court")
    needs.record_adjustment(store, tenant.id, "female_operative", reason="Past trauma <b>private</b> & more")
    needs.record_warning(store, tenant_id=tenant.id, kind="dangerous_animal", details="Bit a plumber in 2024")
    needs.record_warning(store, home_id=tenant.home_id, kind="hoarding", details="Rooms full to the ceiling")
    visit = visits.log_visit(store, tenant.id, "home_visit", at=datetime(2026, 3, 2, 10, 0),
                             notes="Quixotlewski was upset about the noise")
    visits.add_follow_up(store, tenant.id, "Ring back about the boiler", date(2026, 3, 9), visit_id=visit.id)
    contractor = works.create_contractor(store, "Acme Heating")
    job = works.create_job(store, job_ref="J-100", contractor_id=contractor.id, job_type="gas_safety",
                           description="Annual gas safety check", tenant_id=tenant.id, due_date=date(2026, 6, 1))
    access.record_attempt(store, job.id, attempted_on=date(2026, 3, 3), method="visit", outcome="no_answer",
                          notes="Curtains drawn, Mr Quixotlewski did not answer")
    plan = support.create_plan(store, tenant.id, strain="Anxiety about strangers in the home", status="active")
    support.add_measure(store, plan.id, "Officer present at every visit")
    support.add_contact(store, plan.id, "Sister Quixotlewska", role="family", phone="07700 900456", consent=True)
    support.link_job(store, plan.id, job.id)
    conduct.record_feedback(store, contractor_id=contractor.id, point="id_shown", received_on=date(2026, 3, 4),
                            what_was_said="He did not show his badge", job_id=job.id)
    safeguarding.raise_concern(store, tenant.id, "self_neglect", what_was_seen="No food in the flat")
    return World(tenant.id, neighbour.id, tenant.home_id, job.id, contractor.id)
