"""An unchanged re-import recognises each row by the hash of its line as written (issue #15): when every
line is a row the store holds as the file says, the file is not even read as CSV, and nothing is
written. Anything else (a repeated line, a new or changed row, a cell over two lines) is checked row by
row as before."""
from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from liaison_app.services import csv_files, imports
from liaison_app.services import import_tenants as tenant_import
from liaison_app.services.imports import ImportRefused

HEADER = "tenancy_ref,first_name,last_name,phone,address_line1,town,postcode\n"
ROWS = ["HA-1,Ann,Lee,07700 900123,1 Mill Lane,Bath,BA1 1AA\n",
        "HA-2,Bo,Khan,,2 Mill Lane,Bath,BA1 1AB\n",
        "HA-3,Cy,Ode,,3 Mill Lane,Bath,BA1 1AD\n"]


def _file(tmp_path, rows, name="tenants.csv", encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(rows)).replace("\n", newline).encode(encoding))
    return path


def _state(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for name in ("tenant", "home", "block")
                for r in conn.execute(sql(f'SELECT * FROM "{name}" ORDER BY id'))]


def _not_read_as_csv(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the file was read as CSV")
    monkeypatch.setattr(tenant_import, "read_rows", refuse)


def test_an_unchanged_file_is_not_read_as_csv_and_writes_nothing(store, tmp_path, monkeypatch):
    path = _file(tmp_path, ROWS)
    imports.import_tenants(store, path)
    before = _state(store)
    _not_read_as_csv(monkeypatch)
    result = imports.import_tenants(store, path)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert _state(store) == before


def test_the_same_rows_in_another_order_with_blank_lines_and_windows_endings_are_unchanged(
        store, tmp_path, monkeypatch):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    before = _state(store)
    _not_read_as_csv(monkeypatch)
    again = _file(tmp_path, [ROWS[2], "\n", ROWS[0], "   \n", ROWS[1]], "again.csv", newline="\r\n")
    assert imports.import_tenants(store, again).unchanged == 3
    assert _state(store) == before


def test_a_line_repeated_is_refused_as_before(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    with pytest.raises(ImportRefused) as refused:
        imports.import_tenants(store, _file(tmp_path, ROWS + [ROWS[0]], "twice.csv"))
    assert [str(p) for p in refused.value.problems] == [
        "line 5, column tenancy_ref: The same tenancy reference is on line 2."]


def test_a_new_row_among_unchanged_ones_is_created_and_only_it(store, tmp_path, monkeypatch):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    before = _state(store)
    read = []
    real = csv_files.read_rows
    monkeypatch.setattr(tenant_import, "read_rows", lambda *a, **k: read.append(a) or real(*a, **k))
    result = imports.import_tenants(store, _file(tmp_path, ROWS + ["HA-4,Di,Roe,,4 Mill Lane,Bath,BA1 1AE\n"], "b.csv"))
    assert (result.created, result.updated, result.unchanged) == (1, 0, 3)
    assert read  # checked row by row
    assert set(before) <= set(_state(store))


def test_a_cell_over_two_lines_is_recognised_on_the_next_import(store, tmp_path):
    rows = ROWS[:2] + ['HA-3,Cy,Ode,,"Flat 3\nMill House",Bath,BA1 1AD\n']
    path = _file(tmp_path, rows)
    assert imports.import_tenants(store, path).created == 3
    before = _state(store)
    assert imports.import_tenants(store, path).unchanged == 3
    assert _state(store) == before
    changed = _file(tmp_path, rows[:2] + ['HA-3,Cy,Ode,,"Flat 3\nMill Court",Bath,BA1 1AD\n'], "c.csv")
    assert (imports.import_tenants(store, changed).updated, imports.import_tenants(store, changed).unchanged) == (1, 3)


def test_a_windows_1252_file_is_recognised_on_the_next_import(store, tmp_path, monkeypatch):
    rows = ROWS[:2] + ["HA-3,Zoë,Çelik,,3 Mill Lane,Bath,BA1 1AD\n"]
    path = _file(tmp_path, rows, encoding="cp1252")
    imports.import_tenants(store, path)
    _not_read_as_csv(monkeypatch)
    assert imports.import_tenants(store, path).unchanged == 3


def test_a_file_with_other_columns_is_checked_again(store, tmp_path):
    imports.import_tenants(store, _file(tmp_path, ROWS))
    fewer = tmp_path / "fewer.csv"
    fewer.write_text("tenancy_ref,first_name,last_name,address_line1,postcode\n"
                     "HA-1,Ann,Lee,1 Mill Lane,BA1 1AA\n", encoding="utf-8")
    result = imports.import_tenants(store, fewer)
    assert (result.updated, result.unchanged) == (0, 1)  # the same values: a missing column is left alone
