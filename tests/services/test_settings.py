"""Settings: defaults, validation, audit."""
from __future__ import annotations

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError
from liaison_app.services import settings


def test_defaults(store):
    assert settings.get_setting(store, "auto_lock_minutes") == "15"
    values = settings.all_settings(store)
    assert set(values) == set(settings.DEFAULTS)
    assert values["emergency_procedure"]


def test_set_and_get_audited(store):
    assert settings.set_setting(store, "landlord_name", "  Wessex Homes ") == "Wessex Homes"
    settings.set_setting(store, "landlord_name", "Wessex Homes")  # unchanged: no second event
    settings.set_setting(store, "auto_lock_minutes", " 05 ")
    assert settings.get_setting(store, "landlord_name") == "Wessex Homes"
    assert settings.all_settings(store)["auto_lock_minutes"] == "5"
    with store.read() as s:
        ev = s.exec(select(AuditEvent)).all()
    assert [(e.action, e.record_id) for e in ev] == [("change", "landlord_name"), ("change", "auto_lock_minutes")]
    assert all("Wessex" not in e.summary for e in ev)


@pytest.mark.parametrize("key,value", [("auto_lock_minutes", "0"), ("auto_lock_minutes", "ten"),
                                       ("retention_years", "-1"), ("colour", "red")])
def test_bad_values_refused(store, key, value):
    with pytest.raises(ValidationError) as err:
        settings.set_setting(store, key, value)
    assert err.value.field == key


def test_unknown_key_get(store):
    with pytest.raises(KeyError):
        settings.get_setting(store, "colour")
