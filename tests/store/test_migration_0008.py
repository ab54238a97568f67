"""0008_signoff_concerns: a store of 0007 keeps its warnings and concerns, which migrate as "not recorded"
(informed ""), no next action and no review date; the sign-off table arrives empty; downgrade goes back."""
from __future__ import annotations

import sqlite3

from alembic import command

from liaison_app.store import migrate, open_store

STAMP = "'2026-01-01 00:00:00.000000', 'x', '2026-01-01 00:00:00.000000', 'x', 1"


def _add_row(conn, table: str, **values) -> None:
    """A row of `table` as the old schema has it: every required column filled with a plain value."""
    for _cid, name, kind, notnull, default, _pk in conn.execute(f"PRAGMA table_info({table})"):
        if notnull and default is None and name not in values:
            values[name] = 1 if kind.upper() in ("INTEGER", "BOOLEAN") else \
                "2026-01-01 00:00:00.000000" if kind.upper() == "DATETIME" else ""
    names = ", ".join(values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in values)})", list(values.values()))


def test_a_0007_store_migrates_its_warnings_and_concerns(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path, migrate=False)
    command.upgrade(migrate._config(store), "0007_access_rules")
    store.close()
    conn = sqlite3.connect(path)
    _add_row(conn, "tenant", id="t1", tenancy_ref="T-1", first_name="Ann", last_name="Jones")
    conn.execute(f"INSERT INTO riskwarning (id, created_at, created_by, updated_at, updated_by, version, kind, "
                 f"instruction, details, severity) VALUES ('w1', {STAMP}, 'aggression', 'Go in pairs.', '', 'high')")
    conn.execute(f"INSERT INTO safeguardingconcern (id, created_at, created_by, updated_at, updated_by, version, "
                 f"tenant_id, category, raised_by_contractor, raised_on, what_was_seen, referred_to, status) "
                 f"VALUES ('c1', {STAMP}, 't1', 'child', '', '2026-01-01', 'seen', '', 'open')")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert migrate.current_revisions(store) == migrate.known_heads()
        with store.engine.connect() as c:
            assert c.exec_driver_sql("SELECT informed, informed_on FROM riskwarning").one() == ("", None)
            assert c.exec_driver_sql("SELECT next_action, review_date FROM safeguardingconcern").one() == ("", None)
            assert c.exec_driver_sql("SELECT count(*) FROM signoff").scalar_one() == 0
        command.downgrade(migrate._config(store), "0007_access_rules")
        with store.engine.connect() as c:
            tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
            columns = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(riskwarning)")}
        assert "signoff" not in tables and "informed" not in columns
    finally:
        store.close()
