"""jobs.csv's operative and consent columns (INTERFACES.md): complainant_consent, operative_gender,
operative_gas_safe, operative_gas_safe_expiry, operative_badge_expiry. All or nothing, every bad row named."""
from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from liaison_app.domain import Job, Operative
from liaison_app.services import imports, works
from liaison_app.services.imports import ImportRefused

TENANTS = """tenancy_ref,first_name,last_name,address_line1,town,postcode,block
HA-1,Siân,Ŵyn,Flat 1,Cardiff,CF10 1AA,Tŷ Gwyn
"""
HEADER = ("job_ref,tenancy_ref,block,contractor,operative,operative_badge,job_type,description,complaint_ref,"
          "complainant_name,complainant_phone,complainant_consent,operative_gender,operative_gas_safe,"
          "operative_gas_safe_expiry,operative_badge_expiry\n")


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def loaded(store, tmp_path):
    imports.import_tenants(store, write(tmp_path, "tenants.csv", TENANTS))
    return store


def operative(store, name) -> Operative:
    with store.read() as session:
        return session.exec(select(Operative).where(Operative.name == name)).one()


def test_operative_details_and_consent_are_imported_and_reimport_changes_nothing(loaded, tmp_path):
    path = write(tmp_path, "jobs.csv", HEADER +
                 "GS-1,HA-1,,Valley Gas,Dai Evans,VG-1,gas_safety,Gas check,,,,,male,512345,2027-03-31,2027-06-30\n"
                 "CR-1,,tŷ gwyn,Valley Gas,,,communal_repair,Landing light,C-9,Mr Jones,07700 900555,yes,,,,\n"
                 "CR-2,,tŷ gwyn,Valley Gas,,,communal_repair,Door closer,C-10,Ms Bell,07700 900556,,,,,\n")
    assert imports.import_jobs(loaded, path).created == 3
    dai = operative(loaded, "Dai Evans")
    assert (dai.gender, dai.gas_safe_number, dai.gas_safe_expiry, dai.badge_expiry) == (
        "male", "512345", date(2027, 3, 31), date(2027, 6, 30))
    assert works.find_job(loaded, "CR-1").complainant_consent is True
    assert works.find_job(loaded, "CR-2").complainant_consent is False  # blank: no
    again = imports.import_jobs(loaded, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_blank_details_leave_what_the_office_recorded_and_given_ones_update(loaded, tmp_path):
    imports.import_jobs(loaded, write(tmp_path, "a.csv", HEADER +
                                      "GS-1,HA-1,,Valley Gas,Dai Evans,VG-1,gas_safety,Gas check,,,,,male,512345,,\n"))
    imports.import_jobs(loaded, write(tmp_path, "b.csv", HEADER +
                                      "GS-2,HA-1,,Valley Gas,Dai Evans,,gas_safety,Gas check,,,,,,,2027-01-31,\n"))
    dai = operative(loaded, "Dai Evans")
    assert (dai.gender, dai.gas_safe_number, dai.gas_safe_expiry, dai.badge_number) == (
        "male", "512345", date(2027, 1, 31), "VG-1")


def test_missing_columns_default_to_no_consent_and_nothing_recorded(loaded, tmp_path):
    path = write(tmp_path, "jobs.csv", "job_ref,block,contractor,operative,job_type,description,complaint_ref\n"
                                       "CR-1,Tŷ Gwyn,Valley Gas,Ewa Kaczmarek,communal_repair,Light,C-9\n")
    imports.import_jobs(loaded, path)
    assert works.find_job(loaded, "CR-1").complainant_consent is False
    ewa = operative(loaded, "Ewa Kaczmarek")
    assert (ewa.gender, ewa.gas_safe_number, ewa.gas_safe_expiry, ewa.badge_expiry) == ("", "", None, None)


def test_bad_rows_are_each_named_and_nothing_is_stored(loaded, tmp_path):
    path = write(tmp_path, "jobs.csv", HEADER +
                 "GS-1,HA-1,,Valley Gas,Dai Evans,VG-1,gas_safety,Gas check,,,,maybe,man,12,2027-02-30,soon\n"
                 "GS-2,HA-1,,Valley Gas,,,gas_safety,Gas check,,,,,female,,,\n")
    with pytest.raises(ImportRefused) as err:
        imports.import_jobs(loaded, path)
    assert sorted((p.line, p.column) for p in err.value.problems) == [
        (2, "complainant_consent"), (2, "operative_badge_expiry"), (2, "operative_gas_safe"),
        (2, "operative_gas_safe_expiry"), (2, "operative_gender"), (3, "operative")]
    with loaded.read() as session:
        assert session.exec(select(Job)).all() == [] and session.exec(select(Operative)).all() == []
