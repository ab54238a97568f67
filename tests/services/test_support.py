"""Support plans: create, change, close, measures, contacts, linked jobs; strain stays out of the audit."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from checks_world import contractor, job, tenant
from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError, add_months
from liaison_app.services import records, support


def test_create_plan_defaults_and_list(store):
    t = tenant(store)
    plan = support.create_plan(store, t.id, strain="PRIVATE-STRAIN loud drilling", status="active",
                                start_date="2026-01-10")
    assert plan.review_date == add_months(date(2026, 1, 10), 12)
    views = support.list_plans(store, t.id)
    assert [v.plan.id for v in views] == [plan.id]
    assert views[0].plan.strain == "PRIVATE-STRAIN loud drilling"


def test_strain_never_in_audit(store):
    t = tenant(store)
    plan = support.create_plan(store, t.id, strain="PRIVATE-STRAIN")
    support.change_plan(store, plan.id, {"strain": "PRIVATE-STRAIN-2"})
    with store.read() as s:
        events = [(e.record_id, e.fields, e.summary) for e in s.exec(select(AuditEvent))]
    assert any(rid == plan.id and "strain" in fields for rid, fields, _ in events)
    assert all("PRIVATE" not in (summary + fields) for _, fields, summary in events)


def test_measures_contacts_and_jobs(store):
    t = tenant(store)
    plan = support.create_plan(store, t.id, status="active")
    m1 = support.add_measure(store, plan.id, "", kind="officer_present")
    m2 = support.add_measure(store, plan.id, "Quiet tools only", contractor_facing=False)
    assert m1.text == "The customer liaison officer will be present for the visit."
    assert m2.kind == "other" and not m2.contractor_facing
    c = support.add_contact(store, plan.id, "Jo Bloggs", role="support_worker", phone="07700 900123", consent=True)
    assert c.phone == "07700 900123"
    j = job(store, "J-1", contractor(store).id, tenant_id=t.id)
    support.link_job(store, plan.id, j.id)
    support.link_job(store, plan.id, j.id)
    support.end_measure(store, m2.id, on=date(2026, 2, 1))
    view = support.list_plans(store, t.id)[0]
    assert [m.id for m in view.measures] == [m1.id]
    assert [x.name for x in view.contacts] == ["Jo Bloggs"]
    assert view.job_ids == [j.id]


def test_close_plan_needs_outcome_and_hides_it(store):
    t = tenant(store)
    plan = support.create_plan(store, t.id, status="active")
    with pytest.raises(ValidationError):
        support.close_plan(store, plan.id, "  ")
    support.close_plan(store, plan.id, "Check completed with officer present", on=date(2026, 3, 1))
    assert support.list_plans(store, t.id) == []
    closed = support.list_plans(store, t.id, include_closed=True)[0].plan
    assert closed.status == "closed" and closed.closed_on == date(2026, 3, 1)


@pytest.mark.parametrize("call,field", [
    (lambda s, p: support.add_contact(s, p, ""), "name"),
    (lambda s, p: support.add_contact(s, p, "Jo", phone="12"), "phone"),
    (lambda s, p: support.change_plan(s, p, {"review_date": "2000-01-01"}), "review_date"),
    (lambda s, p: support.change_plan(s, p, {"review_date": "31/13/2026"}), "review_date"),
    (lambda s, p: support.change_plan(s, p, {"status": "closed"}), "status"),
])
def test_validation_names_the_field(store, call, field):
    plan = support.create_plan(store, tenant(store).id, start_date="2026-01-01")
    with pytest.raises(ValidationError) as info:
        call(store, plan.id)
    assert info.value.field == field


def test_unknown_tenant_and_measure_kind(store):
    with pytest.raises(ValidationError):
        support.create_plan(store, "nope")
    plan = support.create_plan(store, tenant(store).id)
    with pytest.raises(ValidationError):
        support.add_measure(store, plan.id, "x", kind="not_a_kind")


def test_stale_change_refused(store):
    plan = support.create_plan(store, tenant(store).id)
    support.change_plan(store, plan.id, {"outcome": "a"}, expected_version=plan.version)
    with pytest.raises(records.StaleRecord):
        support.change_plan(store, plan.id, {"outcome": "b"}, expected_version=plan.version)
