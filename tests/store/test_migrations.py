"""Migrations: a new store goes to head; an older store is backed up, then upgraded; a store from a
newer Liaison is refused and left byte for byte as it was."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command

from liaison_app.store import StoreError, migrate, open_store

ADD_COLUMN = '''"""test-only revision: a column on block"""
from alembic import op
import sqlalchemy as sa

revision = "0099_test"
down_revision = {heads!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("block") as batch:
        batch.add_column(sa.Column("colour", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("block") as batch:
        batch.drop_column("colour")
'''


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revisions(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()


def store_at_0001(path: Path) -> None:
    """A store as the first release wrote it (schema 0001), holding one record."""
    store = open_store(path, migrate=False)
    try:
        command.upgrade(migrate._config(store), "0001")
        with store.raw() as conn:
            conn.exec_driver_sql(
                "INSERT INTO block (id, created_at, created_by, updated_at, updated_by, version, name, estate, "
                "address_line1, town, postcode) VALUES ('b1', '2026-01-01 00:00:00.000000', 'x', "
                "'2026-01-01 00:00:00.000000', 'x', 1, 'Elm Court', '', '', 'Bath', 'BA1 1AA')")
    finally:
        store.close()


def test_new_store_migrates_to_head(store):
    assert migrate.current_revisions(store) == migrate.known_heads()
    with store.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"tenant", "tenant_fts", "audit_event", "job", "alembic_version"} <= tables


def test_old_store_upgrades_to_every_head(tmp_path):
    path = tmp_path / "old.db"
    store_at_0001(path)
    assert revisions(path) == {"0001"}
    store = open_store(path)
    try:
        assert migrate.current_revisions(store) == migrate.known_heads()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT name FROM block").scalar_one() == "Elm Court"
    finally:
        store.close()


def test_backup_taken_before_migrating(tmp_path, monkeypatch):
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    heads = sorted(migrate.known_heads())
    (scripts / "versions" / "0099_test.py").write_text(
        ADD_COLUMN.format(heads=heads[0] if len(heads) == 1 else tuple(heads)), encoding="utf-8")
    path = tmp_path / "old.db"
    store_at_0001(path)
    open_store(path).close()  # up to today's heads (this may take its own backup)
    for old in tmp_path.glob("old-before-migration-*.db"):
        old.unlink()
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    store = open_store(path)
    try:
        assert migrate.current_revisions(store) == {"0099_test"}
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT colour FROM block").scalar_one() == ""
    finally:
        store.close()
    backups = list(tmp_path.glob("old-before-migration-*.db"))
    assert len(backups) == 1
    assert revisions(backups[0]) == set(heads)
    check = sqlite3.connect(backups[0])
    try:
        assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert check.execute("SELECT name FROM block").fetchone()[0] == "Elm Court"
    finally:
        check.close()


def test_newer_store_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer version"):
        open_store(path)
    assert digest(path) == before
    assert revisions(path) == {"9999_from_the_future"}
    assert not list(tmp_path.glob("newer-before-migration-*"))
