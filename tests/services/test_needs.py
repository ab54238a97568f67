"""Adjustments and risk warnings: catalogue wording, private reasons kept apart, review dates, ending."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError, add_months
from liaison_app.services import needs, tenants
from liaison_app.services.catalogues import adjustment_kinds, warning_kinds


@pytest.fixture
def tenant(store):
    return tenants.create_tenant(store, tenancy_ref="T1", first_name="Aoife", last_name="Ó Súilleabháin",
                                 address_line1="3 Quay Street", postcode="BS1 4DJ")


def test_adjustment_defaults(store, tenant):
    adj = needs.record_adjustment(store, tenant.id, "boot_covers", reason="Severe allergy to dust")
    assert adj.instruction == adjustment_kinds().get("boot_covers").instruction
    assert adj.review_date == add_months(date.today(), 12)
    assert adj.share_with_contractors and adj.consent_given
    assert [a.id for a in needs.list_adjustments(store, tenant.id)] == [adj.id]


def test_review_defaults_to_twelve_months_after_start(store, tenant):
    adj = needs.record_adjustment(store, tenant.id, "call_ahead", start_date="2024-02-29")
    assert adj.review_date == date(2025, 2, 28)


def test_private_reason_never_in_audit(store, tenant):
    needs.record_adjustment(store, tenant.id, "female_operative", reason="PRIVATE-REASON-XYZ")
    needs.record_warning(store, tenant_id=tenant.id, kind="aggression", details="PRIVATE-DETAILS-XYZ")
    with store.read() as s:
        text = " ".join(e.summary + e.fields + e.record_type for e in s.exec(select(AuditEvent)).all())
    assert "XYZ" not in text
    assert "reason" in text and "details" in text  # field names are recorded, values are not


@pytest.mark.parametrize("kwargs,field", [
    ({"kind": "teleport"}, "kind"),
    ({"kind": "other"}, "instruction"),
    ({"kind": "call_ahead", "start_date": "2026-13-01"}, "start_date"),
    ({"kind": "call_ahead", "start_date": "2026-05-01", "end_date": "2026-04-01"}, "end_date"),
    ({"kind": "call_ahead", "start_date": "2026-05-01", "review_date": "2026-04-01"}, "review_date"),
])
def test_adjustment_validation(store, tenant, kwargs, field):
    kind = kwargs.pop("kind")
    with pytest.raises(ValidationError) as err:
        needs.record_adjustment(store, tenant.id, kind, **kwargs)
    assert err.value.field == field
    assert needs.list_adjustments(store, tenant.id, include_ended=True) == []


def test_other_kind_with_instruction(store, tenant):
    adj = needs.record_adjustment(store, tenant.id, "other", instruction="Use the side door.")
    assert adj.instruction == "Use the side door."


def test_change_and_end_adjustment(store, tenant):
    adj = needs.record_adjustment(store, tenant.id, "call_ahead")
    change = needs.change_adjustment(store, adj.id, {"instruction": "Call 1 hour ahead."},
                                     expected_version=adj.version)
    assert change.after == {"instruction": "Call 1 hour ahead."}
    with pytest.raises(ValidationError):
        needs.change_adjustment(store, adj.id, {"kind": "nonsense"})
    needs.end_adjustment(store, adj.id, on=date.today())
    assert needs.list_adjustments(store, tenant.id) == []
    assert len(needs.list_adjustments(store, tenant.id, include_ended=True)) == 1


def test_future_end_still_current(store, tenant):
    adj = needs.record_adjustment(store, tenant.id, "call_ahead", end_date=date.today() + timedelta(days=5))
    assert [a.id for a in needs.list_adjustments(store, tenant.id)] == [adj.id]


def test_warning_on_person_and_home(store, tenant):
    home_id = tenants.get_tenant(store, tenant.id)[1].id
    person = needs.record_warning(store, tenant_id=tenant.id, kind="verbal_abuse", severity="low")
    home = needs.record_warning(store, home_id=home_id, kind="dangerous_animal", severity="HIGH")
    assert home.instruction == warning_kinds().get("dangerous_animal").instruction
    assert home.severity == "high"
    assert [w.id for w in needs.list_warnings(store, tenant.id)] == [home.id, person.id]
    needs.end_warning(store, person.id)
    assert [w.id for w in needs.list_warnings(store, tenant.id)] == [home.id]
    change = needs.change_warning(store, home.id, {"severity": "medium"})
    assert change.before == {"severity": "high"}


@pytest.mark.parametrize("kwargs,field", [
    ({"kind": "dangerous_animal"}, "tenant_id"),
    ({"kind": "dangerous_animal", "tenant_id": "missing"}, "tenant_id"),
    ({"kind": "ghosts", "tenant_id": "x"}, "kind"),
    ({"kind": "dangerous_animal", "tenant_id": "x", "severity": "extreme"}, "severity"),
])
def test_warning_validation(store, tenant, kwargs, field):
    if kwargs.get("tenant_id") == "x":
        kwargs["tenant_id"] = tenant.id
    with pytest.raises(ValidationError) as err:
        needs.record_warning(store, **kwargs)
    assert err.value.field == field
