"""`import tenants` takes a phone, email, postcode or UPRN the store already holds as clean (issue #15,
point 4): a re-import skips the costly checks, yet changes nothing and still refuses a bad new value."""
from __future__ import annotations

import pytest
from sqlmodel import select

from liaison_app.domain import AuditEvent, Tenant
from liaison_app.services import imports, tenant_fields
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,first_name,last_name,phone,email,uprn,address_line1,town,postcode\n"
ROWS = ("HA-1,Ann,Lee,07700 900123,ann@example.org,100012345678,1 Mill Lane,Bath,BA1 1AA\n"
        "HA-2,Bo,Khan,01225 123456,,,2 Mill Lane,Bath,BA1 1AB\n")


def _file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def _versions(store) -> dict[str, int]:
    with store.read() as s:
        return {t.tenancy_ref: t.version for t in s.exec(select(Tenant))}


def test_an_unchanged_reimport_checks_no_stored_phone_and_writes_nothing(store, tmp_path, monkeypatch):
    path = _file(tmp_path, "tenants.csv", ROWS)
    imports.import_tenants(store, path)
    before, calls = _versions(store), []
    checker = tenant_fields.CLEANERS["phone"]
    monkeypatch.setitem(tenant_fields.CLEANERS, "phone", lambda v: calls.append(v) or checker(v))
    with store.read() as s:
        events = len(s.exec(select(AuditEvent)).all())
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert calls == []  # both numbers are the store's own: taken as clean
    assert _versions(store) == before
    with store.read() as s:
        assert len(s.exec(select(AuditEvent)).all()) == events + 1  # the import's one event, nothing else


def test_a_changed_phone_is_still_checked_and_a_bad_one_refused(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, "tenants.csv", ROWS))
    bad = ROWS.replace("01225 123456", "01225 12")
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, _file(tmp_path, "again.csv", bad))
    assert [(p.line, p.column) for p in refused.value.problems] == [(3, "phone")]
    changed = ROWS.replace("01225 123456", "+44 1225 654321")
    result = imports.import_tenants(store, _file(tmp_path, "changed.csv", changed))
    assert (result.updated, result.unchanged) == (1, 1)
    with store.read() as s:
        assert s.exec(select(Tenant.phone).where(Tenant.tenancy_ref == "HA-2")).one() == "01225 654321"


def test_a_known_value_typed_differently_is_cleaned_as_before(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, "tenants.csv", ROWS))
    result = imports.import_tenants(store, _file(tmp_path, "again.csv", ROWS.replace("BA1 1AB", "ba11ab")))
    assert (result.updated, result.unchanged) == (0, 2)  # 'ba11ab' is BA1 1AB once cleaned
