"""A small known world for the checks, access, support, conduct, today and report tests.

Built from domain records through services.records (so every write is audited as in the app),
independent of the other use-case modules.
"""
from __future__ import annotations

from datetime import date, datetime

from liaison_app.domain import Adjustment, Block, Contractor, Home, Job, SafetyCheck, Tenant
from liaison_app.services import records

TODAY = date.today()


def home(store, line1="1 Acre Lane", postcode="BA12 9AB", block_id=None) -> Home:
    return records.create(store, Home(address_line1=line1, town="Warminster", postcode=postcode, block_id=block_id))


def tenant(store, ref="T-001", first="Siân", last="Ó Briain", home_id=None, **kw) -> Tenant:
    if home_id is None:
        home_id = home(store, f"{ref} Acre Lane").id
    return records.create(store, Tenant(tenancy_ref=ref, first_name=first, last_name=last, home_id=home_id, **kw))


def block(store, name="Elm Court") -> Block:
    return records.create(store, Block(name=name, postcode="BA12 9AB"))


def contractor(store, name="Acme Gas Ltd") -> Contractor:
    return records.create(store, Contractor(name=name))


def job(store, ref, contractor_id, job_type="gas_safety", tenant_id=None, home_id=None, block_id=None,
        due_date=None, appointment_start: datetime | None = None, status="open") -> Job:
    return records.create(store, Job(job_ref=ref, contractor_id=contractor_id, job_type=job_type,
                                     description="Annual gas safety check of boiler and hob.", tenant_id=tenant_id,
                                     home_id=home_id, block_id=block_id, due_date=due_date,
                                     appointment_start=appointment_start, status=status))


def calendar(store, kind, next_due, home_id=None, block_id=None, last_done=None) -> SafetyCheck:
    return records.create(store, SafetyCheck(kind=kind, home_id=home_id, block_id=block_id, next_due=next_due,
                                             last_done=last_done))


def adjustment(store, tenant_id, kind="boot_covers", reason="PRIVATE-REASON", **kw) -> Adjustment:
    return records.create(store, Adjustment(tenant_id=tenant_id, kind=kind, instruction="Wear boot covers.",
                                            reason=reason, **kw))
