"""Schema migrations with Alembic, run automatically at start-up.

Before a store that holds data is migrated, a backup is taken beside it. A store written by a
newer Liaison (a revision this app does not know) is refused with a clear message, untouched.

Alembic is imported only when the stored revision is not the code's newest (store/peek.py compares
them with plain SQL): a current store, the usual start, never loads it (some 280 ms of start-up).
The Alembic imports therefore sit inside the functions that need them, for start-up speed.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from liaison_app.store.backup import backup_to, before_migration_path
from liaison_app.store.engine import Store, StoreTooNew
from liaison_app.store.peek import code_heads, stored_revisions

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(store: Store | None = None):
    from alembic.config import Config  # here, not at the top, for start-up speed (see the module's note)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if store is not None:
        cfg.set_main_option("sqlalchemy.url", str(store.engine.url))
        cfg.attributes["engine"] = store.engine
    return cfg


def _script(cfg):
    from alembic.script import ScriptDirectory  # here, not at the top, for start-up speed

    return ScriptDirectory.from_config(cfg)


def known_heads() -> set[str]:
    """The newest revisions, as Alembic reads the migration scripts."""
    return set(_script(_config()).get_heads())


def current_revisions(store: Store) -> set[str]:
    """The revisions the store is at (plain SQL: no Alembic)."""
    with store.engine.connect() as conn:
        return set(stored_revisions(conn.connection.driver_connection))


def upgrade(store: Store) -> None:
    """Bring the store to the code's newest revision (a backup first); refuse a store from a newer Liaison."""
    current = current_revisions(store)
    heads = code_heads(MIGRATIONS / "versions")
    if heads and current == heads:  # no heads read: let Alembic look for itself
        return
    _upgrade_with_alembic(store, current)


def _upgrade_with_alembic(store: Store, current: set[str]) -> None:
    from alembic import command  # here, not at the top, for start-up speed

    cfg = _config(store)
    script = _script(cfg)
    unknown = {rev for rev in current if _lookup(script, rev) is None}
    if unknown:
        raise StoreTooNew(
            "This store was written by a newer version of Liaison. Install the newer version to open it; "
            "the store has not been changed."
        )
    if current == set(script.get_heads()):
        return
    with store.engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    if current or has_tables:
        # quick_check only: this runs while the app starts; the daily backup gets the full check
        backup_to(store, before_migration_path(store.path, current), check="quick")
    command.upgrade(cfg, "heads")


def _lookup(script, rev: str):
    try:
        return script.get_revision(rev)
    except Exception:
        return None
