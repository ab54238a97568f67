"""Schema migrations with Alembic, run automatically at start-up.

Before a store that holds data is migrated, a backup is taken beside it. A store written by a
newer Liaison (a revision this app does not know) is refused with a clear message, untouched.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from liaison_app.store.backup import backup_to, before_migration_path
from liaison_app.store.engine import Store, StoreTooNew

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(store: Store) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", str(store.engine.url))
    cfg.attributes["engine"] = store.engine
    return cfg


def known_heads() -> set[str]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return set(ScriptDirectory.from_config(cfg).get_heads())


def current_revisions(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(store: Store) -> None:
    cfg = _config(store)
    script = ScriptDirectory.from_config(cfg)
    heads = set(script.get_heads())
    current = current_revisions(store)
    unknown = {rev for rev in current if _lookup(script, rev) is None}
    if unknown:
        raise StoreTooNew(
            "This store was written by a newer version of Liaison. Install the newer version to open it; "
            "the store has not been changed."
        )
    if current == heads:
        return
    with store.engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    if current or has_tables:
        # quick_check only: this runs while the app starts; the daily backup gets the full check
        backup_to(store, before_migration_path(store.path, current), check="quick")
    command.upgrade(cfg, "heads")


def _lookup(script: ScriptDirectory, rev: str):
    try:
        return script.get_revision(rev)
    except Exception:
        return None
