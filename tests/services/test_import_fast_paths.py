"""`import tenants` made faster (issue #15) still gives the one set of rules' answers: a repeating cell
cleaned once per file is answered (or refused) the same on every row, however many distinct cells a
column holds; new records' ids stay unique and ascending; homes are shared by address or UPRN; and each
tenant's search text is the domain's own."""
from __future__ import annotations

import random

import pytest
from sqlmodel import select

from liaison_app.domain import Home, Tenant, tenant_search_text
from liaison_app.services import imports, tenant_fields
from liaison_app.services.import_common import Stamper
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,first_name,last_name,phone,uprn,address_line1,address_line2,town,postcode,block,tenancy_start\n"


def _file(tmp_path, text: str):
    path = tmp_path / "tenants.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_cells_past_the_kept_answers_are_cleaned_as_the_rules_clean_them(monkeypatch):
    monkeypatch.setattr(tenant_fields, "MEMO_LIMIT", 3)
    columns = ["tenancy_ref", "first_name", "last_name", "address_line1", "postcode", "tenancy_start"]
    clean = tenant_fields.row_cleaner(columns)
    rng = random.Random(5)
    postcodes = ["BA1 1AA", "ba11ab", "NOPE", "", "SW1A 1AA", "X1", "cf24 8qn", "BS5 7ZA"]
    dates = ["", "2020-01-31", "31/01/2020", "2020-02-30", "soon", "2021-12-01"]
    for i in range(400):
        row = {"tenancy_ref": f"HA-{i}", "first_name": "Ann", "last_name": "Lee", "address_line1": "1 Mill Lane",
               "postcode": rng.choice(postcodes), "tenancy_start": rng.choice(dates)}
        cleaned, problems = clean(row)
        expected, expected_problems = tenant_fields.clean_collect(row)
        assert cleaned == expected
        assert [(p.field, str(p)) for p in problems] == [(p.field, str(p)) for p in expected_problems]


def test_a_bad_postcode_repeated_on_many_rows_is_listed_on_each(store, tmp_path):
    rows = "".join(f"HA-{i},Ann,Lee,,,{i} Mill Lane,,Bath,{'NOPE' if i % 2 else 'BA1 1AA'},,2020-01-3{i % 2}\n"
                   for i in range(1, 9))
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, _file(tmp_path, rows))
    assert [(p.line, p.column) for p in refused.value.problems] == [(n, "postcode") for n in (2, 4, 6, 8)]
    assert all("NOPE" not in p.reason for p in refused.value.problems)
    with store.read() as s:
        assert s.exec(select(Tenant)).all() == []


def test_new_ids_are_unique_ascending_and_each_row_its_own():
    stamp = Stamper("officer")
    stamp._count = 0x8000_FFFF_FFFF_FFFD  # across the id's fourth group
    rows = [stamp() for _ in range(5)]
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids) and len(set(ids)) == 5
    assert all(len(i) == 36 and i.count("-") == 4 for i in ids)
    assert ids[1][19:24] == "8000-" and ids[2][19:24] == "8001-"
    rows[0]["version"] = 7
    assert rows[1]["version"] == 1 and rows[1]["created_by"] == "officer"


def test_homes_are_shared_and_search_text_is_the_domains_own(store, tmp_path):
    path = _file(tmp_path,
                 "HA-1,Ann,Lee,07700 900123,100012345678,Flat 1,Elm Court,Bath,BA1 1AA,Elm Court,2020-01-01\n"
                 "HA-2,Çelik,Yılmaz,+44\t1225 123456,100012345678,Flat 1,Elm Court,Bath,ba11aa,Elm Court,\n"
                 "HA-3,Cy,Ode,(0113) 496-0000,100012345678,Flat 1,Elm Court,Bath,BA1 1AA,Elm Court,\n"
                 "HA-4,Di,Roe,,,9 Mill Lane,,Bath,BA1 1AB,,31/01/2021\n")
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (4, 0, 0)
    with store.read() as s:
        tenants = {t.tenancy_ref: t for t in s.exec(select(Tenant))}
        homes = {h.id: h for h in s.exec(select(Home))}
        assert len(homes) == 2
        assert tenants["HA-1"].home_id == tenants["HA-2"].home_id == tenants["HA-3"].home_id
        assert tenants["HA-2"].phone == "01225 123456"
        assert tenants["HA-3"].phone == "0113 496 0000"
        for t in tenants.values():
            assert t.search_text == tenant_search_text(t, homes[t.home_id])
        assert "celik yilmaz" in tenants["HA-2"].search_text
    again = imports.import_tenants(store, path)
    assert again.unchanged == 4
