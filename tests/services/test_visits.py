"""Visits and follow-ups: logged with their actions together, listed, done."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from liaison_app.domain.validation import ValidationError
from liaison_app.services import tenants, visits


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T1", first_name="Kwame", last_name="Mensah",
                                 address_line1="8 Park Row", postcode="LS1 5AB")


def test_log_visit_with_follow_ups(store, tenant):
    v = visits.log_visit(store, tenant.id, "home_visit", at="2026-03-02 10:30", outcome="Agreed date",
                         notes="private note", follow_ups=[("Send letter", date(2026, 3, 9)),
                                                           ("Call back", "2026-03-05")])
    assert v.at == datetime(2026, 3, 2, 10, 30)
    ups = visits.list_follow_ups(store, tenant.id)
    assert [u.action for u in ups] == ["Call back", "Send letter"]
    assert all(u.visit_id == v.id for u in ups)


def test_visit_defaults_to_now(store, tenant):
    v = visits.log_visit(store, tenant.id, "phone_call")
    assert abs(v.at - datetime.now()) < timedelta(minutes=2)


def test_bad_follow_up_stores_nothing(store, tenant):
    with pytest.raises(ValidationError) as err:
        visits.log_visit(store, tenant.id, "home_visit", follow_ups=[("Call", "not a date")])
    assert err.value.field == "due_date"
    assert visits.list_visits(store, tenant.id) == []


@pytest.mark.parametrize("kwargs,field", [
    ({"visit_type": "seance"}, "visit_type"),
    ({"visit_type": "home_visit", "at": "yesterday"}, "at"),
    ({"visit_type": "home_visit", "job_id": "nope"}, "job_id"),
])
def test_visit_validation(store, tenant, kwargs, field):
    with pytest.raises(ValidationError) as err:
        visits.log_visit(store, tenant.id, **kwargs)
    assert err.value.field == field


def test_unknown_tenant_refused(store):
    with pytest.raises(ValidationError) as err:
        visits.log_visit(store, "missing", "home_visit")
    assert err.value.field == "tenant_id"


def test_list_newest_first_and_change(store, tenant):
    old = visits.log_visit(store, tenant.id, "letter", at="2026-01-01 09:00")
    new = visits.log_visit(store, tenant.id, "home_visit", at="2026-02-01 09:00")
    assert [v.id for v in visits.list_visits(store, tenant.id)] == [new.id, old.id]
    change = visits.change_visit(store, old.id, {"outcome": "No reply"})
    assert change.after == {"outcome": "No reply"}


def test_follow_up_done(store, tenant):
    up = visits.add_follow_up(store, tenant.id, "Check boiler", "2026-04-01", assigned_to="me")
    visits.mark_follow_up_done(store, up.id, on=date(2026, 4, 2))
    assert visits.list_follow_ups(store, tenant.id) == []
    done = visits.list_follow_ups(store, tenant.id, include_done=True)
    assert done[0].done_on == date(2026, 4, 2)
    with pytest.raises(ValidationError) as err:
        visits.add_follow_up(store, tenant.id, "", "2026-04-01")
    assert err.value.field == "action"
