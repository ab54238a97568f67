"""0007_access_rules: an access attempt stored before it keeps working (no time, nothing used recorded),
the migrated table matches the model, and the step goes back down cleanly."""
from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from liaison_app.domain import AccessAttempt
from liaison_app.store import migrate, open_store

FILLER = {"TEXT": "x", "VARCHAR": "x", "INTEGER": 1, "BOOLEAN": 0, "DATE": "2026-01-01",
          "DATETIME": "2026-01-01 00:00:00.000000"}


def insert(conn, table: str, **values) -> None:
    """Insert a row giving every NOT NULL column without a default a plain value."""
    for _, name, kind, notnull, default, _ in conn.exec_driver_sql(f"PRAGMA table_info({table})").fetchall():
        if notnull and default is None and name not in values:
            values[name] = FILLER.get(kind.split("(")[0].upper(), "x")
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values()))


def store_at_0006_with_an_attempt(path) -> None:
    store = open_store(path, migrate=False)
    try:
        command.upgrade(migrate._config(store), "0006_operatives")
        with store.raw() as conn:
            insert(conn, "contractor", id="c1", name="Acme Gas")
            insert(conn, "job", id="j1", job_ref="G-1", contractor_id="c1", job_type="gas_safety", status="no_access",
                   tenant_id=None, home_id=None, block_id=None, operative_id=None)
            insert(conn, "accessattempt", id="a1", job_id="j1", attempted_on="2026-01-05", method="letter",
                   outcome="no_answer", letter_stage="first", notes="")
    finally:
        store.close()


@pytest.fixture
def migrated(tmp_path):
    """A store made at 0006 with one access attempt, then opened (which migrates it to the newest step)."""
    path = tmp_path / "old.db"
    store_at_0006_with_an_attempt(path)
    store = open_store(path)
    yield store
    store.close()


def test_an_old_attempt_survives_the_migration(migrated):
    with migrated.read() as session:
        attempt = session.get(AccessAttempt, "a1")
        assert (attempt.attempted_on, attempt.method, attempt.time_of_day) == (date(2026, 1, 5), "letter", "")
        assert (attempt.adjustments_used, attempt.measures_used, attempt.withdrawn_on) == ([], [], None)


def test_migrated_attempt_table_matches_the_model_and_goes_back_down(migrated):
    with migrated.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    flat = [d for d in diffs if not isinstance(d, list)] + [x for d in diffs if isinstance(d, list) for x in d]
    assert [d for d in flat if "accessattempt" in repr(d)] == []
    command.downgrade(migrate._config(migrated), "0006_operatives")
    with migrated.engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(accessattempt)")}
        assert "time_of_day" not in columns and "notes" in columns
        assert conn.exec_driver_sql("SELECT method FROM accessattempt").scalar_one() == "letter"
