"""0012_search_key: a store of 0011 keeps finding its tenants, now from the index in name order, and keeps
doing so after a downgrade (the index keyed by tenant rowid comes back, with its triggers)."""
from __future__ import annotations

import sqlite3

from alembic import command

from liaison_app.domain.text import fold
from liaison_app.services import tenants
from liaison_app.store import migrate, open_store
from liaison_app.store import search as store_search

TENANT = ("INSERT INTO tenant (id, created_at, created_by, updated_at, updated_by, version, tenancy_ref, title, "
          "first_name, last_name, preferred_name, phone, email, preferred_contact, language, interpreter_needed, "
          "private_notes, search_text, demo) VALUES (?, '2026-01-01 00:00:00.000000', 'x', "
          "'2026-01-01 00:00:00.000000', 'x', 1, ?, '', ?, ?, '', '', '', '', '', 0, '', ?, 0)")
PEOPLE = [("t1", "T-1", "Ali", "Çelik"), ("t2", "T-2", "Zed", "Adams"), ("t3", "T-3", "Ali", "Celik"),
          ("t4", "T-4", "Bea", "Celikson")]


def _search_text(first, last, ref):
    return fold(f"{first} {last} {ref}")


def test_a_0011_store_migrates_searches_in_order_and_downgrades(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path, migrate=False)
    command.upgrade(migrate._config(store), "0011_import_hash")
    store.close()
    conn = sqlite3.connect(path)
    conn.executemany(TENANT, [(tid, ref, first, last, _search_text(first, last, ref))
                              for tid, ref, first, last in PEOPLE])
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert [h.id for h in store_search.search(store, "celik")] == ["t3", "t1", "t4"]  # as typed, Çelik, the rest
        assert [h.id for h in store_search.search(store, "")] == ["t2", "t3", "t4", "t1"]  # NOCASE: Ç after Z
        tenants.create_tenant(store, tenancy_ref="T-5", first_name="Cem", last_name="Celik", address_line1="1 Road",
                              postcode="BA1 1AA")
        assert [h.first_name for h in store_search.search(store, "celik")] == ["Ali", "Cem", "Ali", "Bea"]
        command.downgrade(migrate._config(store), "0011_import_hash")
        with store.engine.connect() as c:
            tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            assert "tenant_fts_order" not in tables
            found = c.exec_driver_sql("SELECT count(*) FROM tenant_fts WHERE tenant_fts MATCH '\"celik\"'").scalar_one()
            assert found == 4
            c.exec_driver_sql("INSERT INTO tenant_fts(tenant_fts, rank) VALUES ('integrity-check', 1)")
        command.upgrade(migrate._config(store), "head")
        assert [h.first_name for h in store_search.search(store, "celik")] == ["Ali", "Cem", "Ali", "Bea"]
    finally:
        store.close()
