"""Contractors, operatives and jobs: validation, links, listing by day."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from liaison_app.domain.validation import ValidationError
from liaison_app.services import tenants, works


@pytest.fixture
def world(store):
    t = tenants.create_tenant(store, tenancy_ref="T1", first_name="Nia", last_name="Hughes",
                              preferred_name="Nia H", address_line1="5 Bryn Road", postcode="CF10 1AA",
                              block="Tŷ Gwyn")
    block_id = tenants.get_tenant(store, t.id)[2].id
    c = works.create_contractor(store, "Valley Gas Ltd", phone="029 2000 1234")
    op = works.add_operative(store, c.id, "Dai Evans", "VG-0042")
    return store, t, c, op, block_id


def test_contractor_rules(world):
    store, _, c, _, _ = world
    assert c.phone == "029 2000 1234"
    with pytest.raises(ValidationError) as err:
        works.create_contractor(store, "valley gas ltd ")
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        works.create_contractor(store, "New Co", email="nope")
    assert err.value.field == "email"
    assert works.find_contractor(store, "VALLEY GAS LTD").id == c.id
    works.change_contractor(store, c.id, {"ended_on": date(2020, 1, 1)})
    assert works.list_contractors(store) == []
    assert [x.id for x in works.list_contractors(store, include_ended=True)] == [c.id]


def test_operatives(world):
    store, _, c, op, _ = world
    assert [o.badge_number for o in works.list_operatives(store, c.id)] == ["VG-0042"]
    with pytest.raises(ValidationError) as err:
        works.add_operative(store, c.id, "X", badge_number="<script>")
    assert err.value.field == "badge_number"
    works.change_operative(store, op.id, {"badge_number": "VG-0043"})
    assert works.list_operatives(store, c.id)[0].badge_number == "VG-0043"


def test_home_job(world):
    store, t, c, op, _ = world
    job = works.create_job(store, job_ref="GS-1", contractor_id=c.id, job_type="gas_safety",
                           description="Annual gas safety check of boiler and hob.", tenant_id=t.id,
                           operative_id=op.id, appointment_start="2026-05-04 09:00",
                           appointment_end="2026-05-04 11:00", due_date="2026-05-20")
    assert job.status == "booked" and job.trade == "gas"
    assert job.home_id == tenants.get_tenant(store, t.id)[1].id
    assert works.find_job(store, "GS-1").id == job.id
    rows = works.list_jobs(store, date_from=date(2026, 5, 4), date_to=date(2026, 5, 4))
    assert [(r.job_ref, r.tenant_name, r.contractor, r.operative) for r in rows] == \
        [("GS-1", "Nia H Hughes", "Valley Gas Ltd", "Dai Evans")]
    assert rows[0].address == "5 Bryn Road, CF10 1AA"
    assert rows[0].job_label == "Annual gas safety check"
    assert works.list_jobs(store, date_from=date(2026, 5, 5)) == []


def test_communal_complaint_job(world):
    store, _, c, _, block_id = world
    job = works.create_job(store, job_ref="CR-9", contractor_id=c.id, job_type="communal_repair",
                           description="Replace the broken light on the second-floor landing.",
                           block_id=block_id, due_date=date(2026, 6, 1), complaint_ref="C-77",
                           complainant_name="Mr Jones", complainant_phone="07700 900555",
                           complainant_consent="yes")
    assert job.status == "open" and job.complainant_consent
    row = works.list_jobs(store, job_type="communal_repair")[0]
    assert row.address.startswith("Tŷ Gwyn") and row.tenant_name == ""
    assert works.list_jobs(store, date_from=date(2026, 6, 1), date_to=date(2026, 6, 1))[0].id == job.id


@pytest.mark.parametrize("kwargs,field", [
    ({"job_type": "magic"}, "job_type"),
    ({"description": "  "}, "description"),
    ({"appointment_start": "2026-05-04 11:00", "appointment_end": "2026-05-04 09:00"}, "appointment_end"),
    ({"appointment_start": "4 May"}, "appointment_start"),
    ({"complainant_phone": "999"}, "complainant_phone"),
    ({"tenant_id": None}, "tenant_id"),
    ({"operative_id": "nobody"}, "operative_id"),
    ({"job_ref": "GS-1"}, "job_ref"),
])
def test_job_validation(world, kwargs, field):
    store, t, c, _, _ = world
    works.create_job(store, job_ref="GS-1", contractor_id=c.id, job_type="repair", description="x", tenant_id=t.id)
    base = dict(job_ref="GS-2", contractor_id=c.id, job_type="repair", description="Fix the tap.", tenant_id=t.id)
    base.update(kwargs)
    with pytest.raises(ValidationError) as err:
        works.create_job(store, **base)
    assert err.value.field == field


def test_change_job(world):
    store, t, c, _, _ = world
    job = works.create_job(store, job_ref="R-1", contractor_id=c.id, job_type="repair", description="Tap",
                           tenant_id=t.id)
    change = works.change_job(store, job.id, {"status": "completed", "completed_on": "2026-01-02"})
    assert change.after == {"status": "completed", "completed_on": date(2026, 1, 2)}
    with pytest.raises(ValidationError) as err:
        works.change_job(store, job.id, {"status": "exploded"})
    assert err.value.field == "status"
    assert works.get_job(store, job.id).status == "completed"
    assert works.list_jobs(store, status="completed", tenant_id=t.id)[0].id == job.id


def test_list_orders_appointments_first(world):
    store, t, c, _, _ = world
    for ref, start in (("B", "2026-05-04 13:00"), ("A", None), ("C", "2026-05-04 08:00")):
        works.create_job(store, job_ref=ref, contractor_id=c.id, job_type="repair", description="x",
                         tenant_id=t.id, appointment_start=start)
    rows = works.list_jobs(store)
    assert [r.job_ref for r in rows] == ["C", "B", "A"]
    assert rows[0].appointment_start == datetime(2026, 5, 4, 8, 0)
    assert [r.job_ref for r in works.list_jobs(store, limit=1, offset=1)] == ["B"]
