"""The demo's letter states (issue #14, point 1): the landlord's address and letters phone line (printed
on every letter), and a doorstep password agreed with the tenant of the first gas check booked in the
coming fortnight (not today's, so today's briefings are as before), so its appointment letter reminds
them to ask for it and its briefing's confidential box carries it.

Runs after the demo's rows are stored; uses no random numbers, so the rest of the demo is the same.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from liaison_app.domain import Job, Setting, Tenant
from liaison_app.services.import_common import insert_rows

SETTINGS = {"landlord_address": "County Hall, 1 Market Place\nWarminster\nBA12 9AB",
            "letters_phone": "01632 960100"}
DOORSTEP_PASSWORD = "kingfisher"


def _next_gas_tenant(gen) -> str | None:
    soon = [j for j in gen.rows[Job] if j["job_type"] == "gas_safety" and j["tenant_id"] and j["status"] == "booked"
            and j["appointment_start"] is not None
            and gen.today + timedelta(days=2) <= j["appointment_start"].date() <= gen.today + timedelta(days=13)]
    soon.sort(key=lambda j: (j["appointment_start"], j["job_ref"]))
    return soon[0]["tenant_id"] if soon else None


def add_letter_states(conn: Any, gen) -> None:
    """The letters' settings, and one tenant's doorstep password (see the module's docstring)."""
    insert_rows(conn, Setting.__table__, [{"key": k, "value": v} for k, v in SETTINGS.items()])
    tenant_id = _next_gas_tenant(gen)
    if tenant_id is not None:
        conn.execute(update(Tenant.__table__).where(Tenant.__table__.c.id == tenant_id)
                     .values(doorstep_password=DOORSTEP_PASSWORD))
