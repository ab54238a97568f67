"""Settings: defaults, validation, admin-only changes, audit of old → new."""
from __future__ import annotations

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent
from liaison_app.domain.validation import ValidationError
from liaison_app.services import officers, settings
from liaison_app.services.permissions import NotAllowed

PASSWORD = "correct horse battery"


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
    assert ev[0].summary == "landlord_name: '' → 'Wessex Homes'"  # settings hold no personal data
    assert ev[1].summary == "auto_lock_minutes: '15' → '5'"


@pytest.mark.parametrize("key,value", [("auto_lock_minutes", "0"), ("auto_lock_minutes", "ten"),
                                       ("auto_lock_minutes", "61"), ("auto_lock_minutes", "240"),
                                       ("retention_years", "-1"), ("retention_years", "26"),
                                       ("retention_years", "100"), ("landlord_name", "W" * 121),
                                       ("emergency_procedure", "x" * 1501), ("colour", "red")])
def test_bad_values_refused(store, key, value):
    with pytest.raises(ValidationError) as err:
        settings.set_setting(store, key, value)
    assert err.value.field == key


def test_unknown_key_get(store):
    with pytest.raises(KeyError):
        settings.get_setting(store, "colour")


def _team(store):
    officers.create_officer(store, "ada", "Ada Admin", "admin", PASSWORD)
    officers.sign_in(store, "ada", PASSWORD)
    officers.create_officer(store, "olu", "Olu Officer", "officer", PASSWORD)
    officers.create_officer(store, "sal", "Sal Lead", "safeguarding_lead", PASSWORD)


@pytest.mark.parametrize("who", ["olu", "sal"])
@pytest.mark.parametrize("key,value", [("emergency_procedure", "Just carry on."), ("safeguarding_line", "none"),
                                       ("landlord_name", "Someone Else"), ("auto_lock_minutes", "60"),
                                       ("retention_years", "25"), ("conduct_reminders", "Anything goes.")])
def test_only_an_admin_changes_what_briefings_print_and_security_settings(store, who, key, value):
    _team(store)
    before = settings.all_settings(store)
    officers.sign_in(store, who, PASSWORD)
    with pytest.raises(NotAllowed, match="administrator"):
        settings.set_setting(store, key, value)
    assert settings.all_settings(store) == before
    assert not settings.may_change_settings(store)
    officers.sign_in(store, "ada", PASSWORD)
    assert settings.may_change_settings(store)
    assert settings.set_setting(store, key, value) == value


def test_auto_lock_bounds_hold_for_a_value_stored_before_them(store):
    from liaison_app.domain import Setting

    settings.set_setting(store, "auto_lock_minutes", "60")
    assert officers.auto_lock_minutes(store) == 60
    with store.write() as session:  # an older Liaison accepted 240
        session.get(Setting, "auto_lock_minutes").value = "240"
    assert officers.auto_lock_minutes(store) == 60


def test_one_registry_covers_every_setting_with_its_bounds_and_who_may_change_it(store):
    from liaison_app.store.backup import KEEP_BOUNDS, keep_days

    keys = [spec.key for spec in settings.SETTINGS]
    assert keys == list(settings.DEFAULTS) and len(set(keys)) == len(keys)
    spec = settings.SPECS["backup_keep_days"]
    assert (spec.default, spec.bounds, spec.admin_only) == ("30", (7, 90), True) and spec.bounds == KEEP_BOUNDS
    assert all(s.label and s.admin_only for s in settings.SETTINGS)
    for bad in ("6", "91"):
        with pytest.raises(ValidationError):
            settings.set_setting(store, "backup_keep_days", bad)
    assert settings.set_setting(store, "backup_keep_days", "14") == "14"
    assert keep_days(store) == 14  # the store reads it with the same bounds
