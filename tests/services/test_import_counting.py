"""Rows of a refused file past the 100 it lists are counted, not cleaned (issue #15: a million-row file of
garbage refused in seconds): every problem of every row still counts, exactly as when each row was cleaned."""
from __future__ import annotations

import gc

import pytest

from liaison_app.services import imports
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,first_name,last_name,phone,email,uprn,interpreter_needed,tenancy_start,address_line1,postcode\n"


def _row(i: int) -> tuple[str, int]:
    """Row i, and how many problems it has: a bad postcode always; on some rows also a bad phone, an
    empty first name, a bad email, UPRN, yes/no or date, a reference repeated or 41 characters long."""
    ref, found = f"R{i}", 1
    if i % 13 == 0 and i:
        ref, found = "X" * 41, found + 1  # too long (so never "the same" as another)
    elif i % 7 == 0 and i:
        ref, found = "R0", found + 1  # the same reference as the first row
    phone = "01632 12" if i % 3 == 0 else "+44 7700 900123"
    first = "" if i % 5 == 0 else "Ann"
    email = "not-an-email" if i % 4 == 0 else ""
    uprn = "12-34" if i % 6 == 0 else str(i)
    yes_no = "perhaps" if i % 8 == 0 else "yes"
    start = "2026-02-30" if i % 9 == 0 else "2020-01-01"
    found += sum((i % 3 == 0, i % 5 == 0, i % 4 == 0, i % 6 == 0, i % 8 == 0, i % 9 == 0))
    return f"{ref},{first},Lee,{phone},{email},{uprn},{yes_no},{start},{i} Road,NOPE\n", found


@pytest.mark.parametrize("rows", [150, 3000])
def test_every_problem_is_counted_past_the_listing(store, tmp_path, rows):
    made = [_row(i) for i in range(rows)]
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "".join(text for text, _ in made), encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, path)
    assert refused.value.total == sum(found for _, found in made)
    assert len(refused.value.problems) == 100
    assert refused.value.problems[0].line == 2


def test_the_garbage_collector_runs_again_after_an_import(store, tmp_path):
    """The import holds Python's cycle collector off while it builds its rows (import_common.collection_paused)."""
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(HEADER + "R1,Ann,Lee,,,,,,1 Road,BA1 1AA\n", encoding="utf-8")
    bad.write_text(HEADER + _row(1)[0], encoding="utf-8")
    assert gc.isenabled()
    imports.import_tenants(store, good)
    assert gc.isenabled()
    with pytest.raises(ImportRefused):
        imports.import_tenants(store, bad)
    assert gc.isenabled()
