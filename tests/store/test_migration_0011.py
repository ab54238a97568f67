"""0011_import_hash: a store of 0010 keeps its tenants, each with no import hash (""), so its first re-import
checks every row as before and leaves the hashes; downgrade drops the column and keeps the search triggers."""
from __future__ import annotations

import sqlite3

from alembic import command

from liaison_app.services import imports
from liaison_app.store import migrate, open_store

HEADER = "tenancy_ref,first_name,last_name,address_line1,postcode\n"


def test_a_0010_store_migrates_and_its_first_reimport_leaves_the_hashes(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path, migrate=False)
    command.upgrade(migrate._config(store), "0010_feedback_survey")
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO home (id, created_at, created_by, updated_at, updated_by, version, address_line1, "
                 "address_line2, town, postcode) VALUES ('h1', '2026-01-01 00:00:00.000000', 'x', "
                 "'2026-01-01 00:00:00.000000', 'x', 1, '1 Mill Lane', '', '', 'BA1 1AA')")
    conn.execute("INSERT INTO tenant (id, created_at, created_by, updated_at, updated_by, version, tenancy_ref, title, "
                 "first_name, last_name, preferred_name, phone, email, preferred_contact, language, "
                 "interpreter_needed, home_id, private_notes, search_text, demo) VALUES ('t1', "
                 "'2026-01-01 00:00:00.000000', 'x', '2026-01-01 00:00:00.000000', 'x', 1, 'T-1', '', 'Ann', 'Lee', "
                 "'', '', '', '', '', 0, 'h1', '', 'ann lee t-1 1 mill lane ba1 1aa ba11aa', 0)")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        with store.engine.connect() as c:
            assert c.exec_driver_sql("SELECT import_hash FROM tenant").scalar_one() == ""
        csv = tmp_path / "tenants.csv"
        csv.write_text(HEADER + "T-1,Ann,Lee,1 Mill Lane,BA1 1AA\n", encoding="utf-8")
        result = imports.import_tenants(store, csv)
        assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
        with store.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version, import_hash FROM tenant").one()[0] == 1
            assert c.exec_driver_sql("SELECT import_hash FROM tenant").scalar_one() != ""
        command.downgrade(migrate._config(store), "0010_feedback_survey")
        with store.engine.connect() as c:
            columns = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(tenant)")}
            triggers = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
            assert "import_hash" not in columns
            assert c.exec_driver_sql("SELECT first_name FROM tenant").scalar_one() == "Ann"
        assert {"tenant_fts_ai", "tenant_fts_ad", "tenant_fts_au"} <= triggers
    finally:
        store.close()
