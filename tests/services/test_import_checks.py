"""`import checks`: certificate history into the check calendar, with the same date rules as completing a
check; all or nothing with every bad row named; re-import changes nothing; the command line."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from checks_world import block, home, tenant
from liaison_app.domain import AuditEvent, Home, SafetyCheck
from liaison_app.services import checks, imports, records
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,uprn,check_type,last_done,certificate_ref,due_date\n"


def write(tmp_path, text, name="checks.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def calendar(store):
    with store.read() as s:
        return {(c.home_id or c.block_id, c.kind): (c.last_done, c.certificate_ref, c.next_due)
                for c in s.exec(select(SafetyCheck))}


def world(store):
    b = block(store)
    ann = tenant(store, "T-1", "Ann", "Plain", home_id=home(store, "1 Elm Court", block_id=b.id).id)
    flat = records.create(store, Home(address_line1="2 Oak Row", town="Bath", postcode="BA1 1AA", uprn="100012345"))
    return b, ann, flat


def test_history_keeps_the_gas_anniversary(store, tmp_path):
    b, ann, flat = world(store)
    rows = ("T-1,,gas_safety,2024-03-01,CP12-1,\n"
            "T-1,,gas_safety,2025-01-15,CP12-2,\n"  # within 2 months before 2025-03-01: anniversary kept
            ",100012345,gas_safety,2025-06-10,CP12-9,\n"
            ",100012345,electrical_safety,2023-05-02,EICR-7,2027-01-31\n"  # due_date overrides
            "T-1,,fire_risk,2025-02-03,FRA-1,\n")  # a block's check given for a home: its block
    result = imports.import_file(store, "checks", write(tmp_path, HEADER + rows))
    assert (result.created, result.updated, result.unchanged) == (4, 1, 0)
    assert calendar(store) == {
        (ann.home_id, "gas_safety"): (date(2025, 1, 15), "CP12-2", date(2026, 3, 1)),
        (flat.id, "gas_safety"): (date(2025, 6, 10), "CP12-9", date(2026, 6, 10)),
        (flat.id, "electrical_safety"): (date(2023, 5, 2), "EICR-7", date(2027, 1, 31)),
        (b.id, "fire_risk"): (date(2025, 2, 3), "FRA-1", date(2028, 2, 3)),
    }
    status = {c.kind: c for c in checks.check_calendar(store, home_id=ann.home_id, today=date(2026, 1, 1))}
    assert (status["gas_safety"].next_due, status["gas_safety"].certificate_ref) == (date(2026, 3, 1), "CP12-2")


def test_reimport_changes_nothing_and_older_certificates_are_history(store, tmp_path):
    world(store)
    path = write(tmp_path, HEADER + "T-1,,gas_safety,2025-01-15,CP12-2,\n")
    imports.import_file(store, "checks", path)
    before = calendar(store)
    again = imports.import_file(store, "checks", path)
    older = imports.import_file(store, "checks", write(tmp_path, HEADER + "T-1,,gas_safety,2023-01-15,OLD,\n", "o.csv"))
    assert (again.unchanged, older.unchanged, calendar(store)) == (1, 1, before)
    with store.read() as s:
        summaries = [e.summary for e in s.exec(select(AuditEvent).where(AuditEvent.action == "import"))]
    assert summaries[-1].endswith("0 created, 0 updated, 1 unchanged") and "check row" in summaries[-1]


def test_every_bad_row_is_named_and_nothing_is_stored(store, tmp_path):
    world(store)
    future = (date.today() + timedelta(days=3)).isoformat()
    rows = ("T-1,,gas_safety,2025-01-15,CP12-2,\n"
            "T-9,,gas_safety,2025-01-15,,\n"
            ",999,gas_safety,2025-01-15,,\n"
            "T-1,,boiler_service,2025-01-15,,\n"
            f"T-1,,electrical_safety,{future},,\n"
            "T-1,,water_safety,2025-01-15,,2024-01-01\n"
            "T-1,,gas_safety,2025-01-15,CP12-3,\n"
            ",,gas_safety,2025-01-15,,\n"
            "T-1,,gas_safety,15 Jan,,\n")
    with pytest.raises(ImportRefused) as info:
        imports.import_file(store, "checks", write(tmp_path, HEADER + rows))
    found = [(p.line, p.column) for p in info.value.problems]
    assert found == [(3, "tenancy_ref"), (4, "uprn"), (5, "check_type"), (6, "last_done"), (7, "due_date"),
                     (8, "last_done"), (9, "tenancy_ref"), (10, "last_done")]
    assert "line 2" in str(info.value.problems[5]) or "line 2" in info.value.problems[5].reason
    assert calendar(store) == {}


def test_a_block_check_for_a_home_outside_any_block_is_refused(store, tmp_path):
    world(store)
    with pytest.raises(ImportRefused) as info:
        imports.import_file(store, "checks", write(tmp_path, HEADER + ",100012345,lift,2025-01-15,,\n"))
    assert [(p.line, p.column) for p in info.value.problems] == [(2, "check_type")]


def test_the_command_line_imports_checks(store, store_path, tmp_path, capsys):
    from liaison_app.cli import main

    world(store)
    store.close()
    good = write(tmp_path, "uprn,check_type,last_done\n100012345,gas_safety,2025-06-10\n")
    assert main(["--db", str(store_path), "import", "checks", str(good)]) == 0
    assert "1 created, 0 updated" in capsys.readouterr().out
    bad = write(tmp_path, "uprn,check_type,last_done\n100012345,gas,2025-06-10\n", "bad.csv")
    assert main(["--db", str(store_path), "import", "checks", str(bad)]) == 1
    assert "line 2, column check_type" in capsys.readouterr().err
