"""Imports: every format's good and bad paths, encodings, all-or-nothing, re-import is a no-op."""
from __future__ import annotations

import hashlib
from datetime import date, datetime

import pytest
from sqlalchemy import text as sql
from sqlmodel import select

from liaison_app.domain import Adjustment, AuditEvent, Job, Operative, RiskWarning
from liaison_app.services import imports, needs, tenants, works
from liaison_app.services.audit import verify_chain
from liaison_app.services.imports import ImportRefused

TENANTS = """tenancy_ref,first_name,last_name,title,preferred_name,phone,email,preferred_contact,language,interpreter_needed,uprn,address_line1,address_line2,town,postcode,block,tenancy_start
HA-1,Siân,Ŵyn,Ms,,+44 7700 900123,sian@example.org,text,Welsh,no,100012345678,Flat 1,Tŷ Gwyn,Cardiff,cf101aa,Tŷ Gwyn,2019-04-01
HA-2,Łucja,Nowak,,Lucy,,,,Polish,yes,,Flat 2,Tŷ Gwyn,Cardiff,CF10 1AA,Tŷ Gwyn,
HA-3,Bolu,Adeyemi,Mr,,01225 123456,,phone,,,,9 Mill Lane,,Bath,BA1 1AA,,
"""


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def table_state(store):
    """Row counts and a hash of every table's contents (to prove a refused import changed nothing)."""
    digest = hashlib.sha256()
    counts = {}
    with store.engine.connect() as conn:
        names = [r[0] for r in conn.execute(sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'tenant_fts%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"))]
        for name in names:
            rows = conn.execute(sql(f'SELECT * FROM "{name}" ORDER BY 1')).fetchall()
            counts[name] = len(rows)
            digest.update(repr(rows).encode())
    return counts, digest.hexdigest()


@pytest.fixture
def loaded(store, tmp_path):
    imports.import_tenants(store, write(tmp_path, "tenants.csv", TENANTS))
    return store


def problems_of(call):
    with pytest.raises(ImportRefused) as err:
        call()
    return [(p.line, p.column, p.reason) for p in err.value.problems]


def test_tenants_import_and_reimport(store, tmp_path):
    path = write(tmp_path, "tenants.csv", TENANTS)
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    rows = tenants.search_tenants(store, "")
    assert [r.name for r in rows] == ["Bolu Adeyemi", "Lucy Nowak", "Siân Ŵyn"]
    t, home, block = tenants.get_tenant(store, rows[2].id)
    assert (t.phone, home.postcode, block.name, t.tenancy_start) == ("07700 900123", "CF10 1AA", "Tŷ Gwyn",
                                                                     date(2019, 4, 1))
    _, other_home, other_block = tenants.get_tenant(store, rows[1].id)
    assert other_home.id != home.id and other_block.id == block.id  # two flats in one block
    before = table_state(store)[0]
    again = imports.import_tenants(store, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    counts, _ = table_state(store)
    assert {k: v for k, v in counts.items() if k != "audit_event"} == \
        {k: v for k, v in before.items() if k != "audit_event"}


def test_tenants_found_by_search_after_import(loaded):
    assert [r.tenancy_ref for r in tenants.search_tenants(loaded, "łucja")] == ["HA-2"]
    assert [r.tenancy_ref for r in tenants.search_tenants(loaded, "cf10")] == ["HA-2", "HA-1"]
    assert [r.tenancy_ref for r in tenants.search_tenants(loaded, "mill")] == ["HA-3"]


def test_changed_row_updates_and_missing_column_leaves_value(loaded, tmp_path):
    path = write(tmp_path, "t2.csv", "tenancy_ref,first_name,last_name,address_line1,postcode\n"
                                     "HA-3,Bolu,Adeyemi-Smith,9 Mill Lane,BA1 1AA\n")
    result = imports.import_tenants(loaded, path)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 0)
    row = tenants.search_tenants(loaded, "adeyemi-smith")[0]
    tenant = tenants.get_tenant(loaded, row.id)[0]
    assert tenant.phone == "01225 123456"  # no phone column: kept


def test_home_address_change_reaches_other_tenants(loaded, tmp_path):
    path = write(tmp_path, "t2.csv", "tenancy_ref,first_name,last_name,address_line1,town,postcode,uprn\n"
                                     "HA-1,Siân,Ŵyn,Flat 1,Caerdydd,CF10 1AA,100012345678\n")
    assert imports.import_tenants(loaded, path).updated == 1
    assert [r.tenancy_ref for r in tenants.search_tenants(loaded, "caerdydd")] == ["HA-1"]


def test_bom_and_cp1252(store, tmp_path):
    header = "tenancy_ref,first_name,last_name,address_line1,postcode\n"
    bom = write(tmp_path, "bom.csv", "\ufeff" + header + "B-1,Zoë,Ó Briain,1 Quay,BS1 4DJ\n")
    cp = write(tmp_path, "cp.csv", header + "C-1,Siân,O’Neill,2 Quay,BS1 4DJ\n", encoding="cp1252")
    assert imports.import_tenants(store, bom).created == 1
    assert imports.import_tenants(store, cp).created == 1
    names = {r.name for r in tenants.search_tenants(store, "")}
    assert names == {"Zoë Ó Briain", "Siân O’Neill"}


def test_columns_in_any_order_and_case(store, tmp_path):
    path = write(tmp_path, "t.csv", " Postcode ,LAST_NAME,first_name,address_line1,tenancy_ref\n"
                                    "ba1 1aa,Khan,Amir,1 Road,K-1\n")
    imports.import_tenants(store, path)
    assert tenants.search_tenants(store, "khan")[0].postcode == "BA1 1AA"


def test_unknown_and_missing_columns(store, tmp_path):
    path = write(tmp_path, "t.csv", "tenancy_ref,first_name,surname,address_line1,favourite_colour\nX,A,B,C,D\n")
    problems = problems_of(lambda: imports.import_tenants(store, path))
    columns = {(line, col) for line, col, _ in problems}
    assert columns == {(1, "surname"), (1, "favourite_colour"), (1, "last_name"), (1, "postcode")}
    assert all("Unknown column" in r for _, c, r in problems if c in ("surname", "favourite_colour"))


def test_every_bad_row_listed_and_store_unchanged(loaded, tmp_path):
    state = table_state(loaded)
    text = ("tenancy_ref,first_name,last_name,address_line1,postcode,phone,email,tenancy_start\n"
            "N-1,Good,Row,1 Road,BA1 1AA,,,\n"
            "N-2,Bad,Postcode,2 Road,NOTAPOSTCODE,,,\n"
            "N-3,,Nofirst,3 Road,BA1 1AA,12345,bad-email,2020-13-01\n"
            "\n"
            "N-1,Dup,Ref,4 Road,BA1 1AA,,,\n")
    problems = problems_of(lambda: imports.import_tenants(loaded, write(tmp_path, "bad.csv", text)))
    assert problems == [
        (3, "postcode", "Not a valid UK postcode (for example BA12 9AB)."),
        (4, "email", "Not a valid email address."),
        (4, "first_name", "The first name is required."),
        (4, "phone", "Enter a UK phone number of 10 or 11 digits starting with 0."),
        (4, "tenancy_start", "Not a valid date: use YYYY-MM-DD (for example 2026-03-31)."),
        (6, "tenancy_ref", "The same tenancy reference is on line 2."),
    ]
    assert table_state(loaded) == state


def test_problems_never_quote_private_values(loaded, tmp_path):
    text = "tenancy_ref,kind,reason,start_date\nHA-1,boot_covers,SECRET-REASON,31/31/2026\nNOPE-9,kind_x,SECRET2,\n"
    problems = problems_of(lambda: imports.import_adjustments(loaded, write(tmp_path, "a.csv", text)))
    assert all("SECRET" not in r and "NOPE-9" not in r for _, _, r in problems)
    assert {(line, col) for line, col, _ in problems} == {(2, "start_date"), (3, "kind"), (3, "tenancy_ref")}


def test_multiline_cells_keep_line_numbers(loaded, tmp_path):
    text = ('job_ref,tenancy_ref,contractor,job_type,description\n'
            'J-1,HA-1,Acme,repair,"Line one\nLine two"\n'
            'J-2,HA-1,Acme,teleport,Fix\n')
    problems = problems_of(lambda: imports.import_jobs(loaded, write(tmp_path, "j.csv", text)))
    assert problems == [(4, "job_type", "Choose a job type from the list.")]


def test_jobs_import(loaded, tmp_path):
    text = ("job_ref,tenancy_ref,block,contractor,operative,operative_badge,trade,job_type,description,"
            "appointment_start,appointment_end,due_date,complaint_ref,complainant_name,complainant_phone\n"
            "GS-1,HA-1,,Valley Gas,Dai Evans,VG-42,,gas_safety,Annual gas safety check,2026-05-04 09:00,"
            "2026-05-04 11:00,2026-05-20,,,\n"
            "CR-1,,tŷ gwyn,Valley Gas,,,,communal_repair,Replace landing light on floor 2,,,2026-06-01,C-9,"
            "Mr Jones,07700 900555\n")
    path = write(tmp_path, "jobs.csv", text)
    result = imports.import_jobs(loaded, path)
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    gs = works.find_job(loaded, "GS-1")
    assert (gs.status, gs.trade, gs.appointment_start) == ("booked", "gas", datetime(2026, 5, 4, 9, 0))
    contractor = works.find_contractor(loaded, "valley gas")
    assert [(o.name, o.badge_number) for o in works.list_operatives(loaded, contractor.id)] == [("Dai Evans", "VG-42")]
    cr = works.find_job(loaded, "CR-1")
    assert cr.block_id and cr.tenant_id is None and cr.complainant_phone == "07700 900555"
    again = imports.import_jobs(loaded, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    moved = write(tmp_path, "jobs2.csv", "job_ref,tenancy_ref,contractor,job_type,description,appointment_start\n"
                                         "GS-1,HA-1,Valley Gas,gas_safety,Annual gas safety check,\n")
    assert imports.import_jobs(loaded, moved).updated == 1
    assert works.find_job(loaded, "GS-1").status == "open"


def test_jobs_bad_rows(loaded, tmp_path):
    state = table_state(loaded)
    text = ("job_ref,tenancy_ref,block,contractor,operative_badge,job_type,description,appointment_start,"
            "appointment_end\n"
            "J-1,NOPE,,Acme,,repair,Fix,,\n"
            "J-2,,,Acme,,repair,Fix,,\n"
            "J-3,HA-1,No Such Block,,,repair,,2026-05-04 10:00,2026-05-04 09:00\n"
            "J-4,HA-1,,Acme,AB-1,repair,Fix,,\n")
    problems = problems_of(lambda: imports.import_jobs(loaded, write(tmp_path, "j.csv", text)))
    assert [(line, col) for line, col, _ in problems] == [
        (2, "tenancy_ref"), (3, "tenancy_ref"), (4, "appointment_end"), (4, "block"), (4, "contractor"),
        (4, "description"), (5, "operative")]
    assert table_state(loaded) == state
    assert loaded_jobs(loaded) == 0


def loaded_jobs(store):
    with store.read() as s:
        return len(s.exec(select(Job)).all())


def test_adjustments_import(loaded, tmp_path):
    text = ("tenancy_ref,kind,instruction,reason,share_with_contractors,start_date,review_date,end_date\n"
            "HA-1,boot_covers,,Dust allergy,yes,2026-01-01,,\n"
            "HA-1,other,Use the side door,,no,2026-01-01,2026-06-01,\n"
            "HA-2,female_operative,,,,,,\n")
    path = write(tmp_path, "adj.csv", text)
    assert imports.import_adjustments(loaded, path).created == 3
    ha1 = tenants.search_tenants(loaded, "ha-1")[0].id
    adjs = {a.kind: a for a in needs.list_adjustments(loaded, ha1)}
    assert adjs["boot_covers"].review_date == date(2027, 1, 1)
    assert adjs["boot_covers"].reason == "Dust allergy"
    assert adjs["other"].instruction == "Use the side door" and not adjs["other"].share_with_contractors
    again = imports.import_adjustments(loaded, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = write(tmp_path, "adj2.csv", "tenancy_ref,kind,start_date,end_date\nHA-1,boot_covers,2026-01-01,2026-03-01\n")
    assert imports.import_adjustments(loaded, changed).updated == 1
    with loaded.read() as s:
        adj = s.exec(select(Adjustment).where(Adjustment.kind == "boot_covers")).one()
    assert adj.end_date == date(2026, 3, 1) and adj.reason == "Dust allergy"


def test_warnings_import(loaded, tmp_path):
    text = ("tenancy_ref,uprn,kind,instruction,details,severity,start_date,review_date,end_date\n"
            "HA-3,,aggression,,Incident 2024/77,high,2025-01-01,,\n"
            ",100012345678,dangerous_animal,,,,,,\n")
    path = write(tmp_path, "w.csv", text)
    assert imports.import_warnings(loaded, path).created == 2
    ha1 = tenants.search_tenants(loaded, "ha-1")[0].id
    assert [w.kind for w in needs.list_warnings(loaded, ha1)] == ["dangerous_animal"]
    assert "Dangerous animal" in tenants.tenant_badges(loaded, ha1)
    assert imports.import_warnings(loaded, path).unchanged == 2
    bad = write(tmp_path, "w2.csv", "tenancy_ref,uprn,kind,severity\n,999,aggression,\n,,aggression,extreme\n")
    problems = problems_of(lambda: imports.import_warnings(loaded, bad))
    assert [(line, col) for line, col, _ in problems] == [(2, "uprn"), (3, "severity"), (3, "tenancy_ref")]
    with loaded.read() as s:
        assert len(s.exec(select(RiskWarning)).all()) == 2


def test_one_audit_event_per_import_with_counts_only(loaded, tmp_path):
    with loaded.read() as s:
        events = s.exec(select(AuditEvent)).all()
    assert [(e.action, e.record_type) for e in events] == [("import", "tenant")]
    assert events[0].summary == "3 tenant rows: 3 created, 0 updated, 0 unchanged"
    assert "Siân" not in events[0].summary
    assert verify_chain(loaded).ok


def test_undecodable_and_empty_files(store, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"tenancy_ref\n\x81\x8d\n")
    assert problems_of(lambda: imports.import_tenants(store, bad))[0][2].startswith("The file is neither")
    empty = write(tmp_path, "empty.csv", "")
    assert problems_of(lambda: imports.import_tenants(store, empty))[0][0] == 1
    missing = tmp_path / "missing.csv"
    assert "Cannot read" in problems_of(lambda: imports.import_tenants(store, missing))[0][2]


def test_too_many_cells(store, tmp_path):
    path = write(tmp_path, "t.csv", "tenancy_ref,first_name,last_name,address_line1,postcode\nA,B,C,D,BA1 1AA,extra\n")
    assert problems_of(lambda: imports.import_tenants(store, path)) == [
        (2, "", "This row has 6 cells but the header names 5.")]


def test_import_file_dispatch(store, tmp_path):
    with pytest.raises(ValueError):
        imports.import_file(store, "pets", tmp_path / "x.csv")
    assert imports.import_file(store, "tenants", write(tmp_path, "t.csv", TENANTS)).created == 3
    with store.read() as s:
        assert s.exec(select(Operative)).all() == []
