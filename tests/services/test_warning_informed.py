"""A risk warning records whether and when the person was told (issue #12 point 7); never on a briefing."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from liaison_app.domain.validation import ValidationError
from liaison_app.services import needs
from liaison_app.services.tenants import create_tenant

TODAY = date.today()


@pytest.fixture
def tenant_id(store):
    return create_tenant(store, tenancy_ref="T-1", first_name="Ann", last_name="Jones",
                         address_line1="1 High Street", postcode="BA1 1AA").id


def test_a_new_warning_says_whether_the_person_was_told(store, tenant_id):
    told = needs.record_warning(store, tenant_id=tenant_id, kind="aggression", informed="yes",
                                informed_on=TODAY - timedelta(days=1))
    assert (told.informed, told.informed_on) == ("yes", TODAY - timedelta(days=1))
    unknown = needs.record_warning(store, tenant_id=tenant_id, kind="dangerous_animal")
    assert (unknown.informed, unknown.informed_on) == ("", None)


def test_a_new_warning_refuses_a_date_without_yes(store, tenant_id):
    with pytest.raises(ValidationError) as err:
        needs.record_warning(store, tenant_id=tenant_id, kind="aggression", informed="no", informed_on=TODAY)
    assert err.value.field == "informed_on"


def test_changing_to_told_with_a_date_is_stored(store, tenant_id):
    warning = needs.record_warning(store, tenant_id=tenant_id, kind="aggression")
    needs.change_warning(store, warning.id, {"informed": "yes", "informed_on": TODAY})
    stored = needs.list_warnings(store, tenant_id)[0]
    assert (stored.informed, stored.informed_on) == ("yes", TODAY)


def test_changing_told_to_no_clears_the_date(store, tenant_id):
    warning = needs.record_warning(store, tenant_id=tenant_id, kind="aggression", informed="yes", informed_on=TODAY)
    change = needs.change_warning(store, warning.id, {"informed": "no"})
    assert change.after == {"informed": "no", "informed_on": None}


def test_a_future_date_told_is_refused_on_change(store, tenant_id):
    warning = needs.record_warning(store, tenant_id=tenant_id, kind="aggression", informed="yes")
    with pytest.raises(ValidationError) as err:
        needs.change_warning(store, warning.id, {"informed_on": TODAY + timedelta(days=1)})
    assert err.value.field == "informed_on"
