"""Tenant feedback on contractor conduct."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from checks_world import contractor, job, tenant
from liaison_app.domain.validation import ValidationError
from liaison_app.services import conduct


def test_record_and_list(store):
    c = contractor(store)
    other = contractor(store, "Other Ltd")
    t = tenant(store)
    j = job(store, "J-1", c.id, tenant_id=t.id)
    f1 = conduct.record_feedback(store, contractor_id=c.id, point="id_shown", received_on="2026-01-05",
                                 what_was_said="No badge", job_id=j.id)
    assert f1.tenant_id == t.id  # taken from the job
    conduct.record_feedback(store, contractor_id=other.id, point="cleared_up", received_on=date(2026, 1, 7))
    f3 = conduct.record_feedback(store, contractor_id=c.id, point="no_bathroom", received_on=date(2026, 1, 9),
                                 tenant_id=t.id)
    assert [f.id for f in conduct.list_feedback(store, contractor_id=c.id)] == [f3.id, f1.id]
    assert [f.id for f in conduct.list_feedback(store, tenant_id=t.id)] == [f3.id, f1.id]
    between = conduct.list_feedback(store, date_from=date(2026, 1, 6), date_to=date(2026, 1, 7))
    assert [f.point for f in between] == ["cleared_up"]


def test_change_feedback(store):
    c = contractor(store)
    f = conduct.record_feedback(store, contractor_id=c.id, point="id_shown", received_on="2026-01-05")
    conduct.change_feedback(store, f.id, {"action_taken": "Raised with contractor"}, expected_version=f.version)
    assert conduct.list_feedback(store)[0].action_taken == "Raised with contractor"


@pytest.mark.parametrize("kwargs,field", [
    ({"point": "nonsense"}, "point"),
    ({"received_on": ""}, "received_on"),
    ({"received_on": (date.today() + timedelta(days=1)).isoformat()}, "received_on"),
    ({"contractor_id": "missing"}, "contractor_id"),
    ({"tenant_id": "missing"}, "tenant_id"),
])
def test_validation(store, kwargs, field):
    c = contractor(store)
    args = {"contractor_id": c.id, "point": "id_shown", "received_on": "2026-01-05", **kwargs}
    with pytest.raises(ValidationError) as info:
        conduct.record_feedback(store, **args)
    assert info.value.field == field
