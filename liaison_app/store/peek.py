"""What a store says before it is opened, read with plain sqlite3 and nothing else of ours, so the desktop
can ask it while SQLModel and Alembic have not loaded yet (start-up, issue #15):

- `code_heads()`: the schema revisions this code knows as newest, read from the migration files
  themselves (no Alembic: a test holds it equal to Alembic's heads, so it cannot drift);
- `stored_revisions(connection)`: the revisions a store says it is at (its `alembic_version` table);
- `peek(path)`: whether the store has officer accounts, from a read-only connection that never
  writes to the file, its journal or anything beside it.

A peek is a hint for what to show first; the store is still opened, locked and checked as ever
(store/opening.py) before anything is read for an officer or written.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"""["']([^"']+)["']""")


def _revisions_in(text: str) -> tuple[str | None, tuple[str, ...]]:
    """(revision, down revisions) assigned at the top level of one migration file."""
    found = {name: _QUOTED.findall(value) for name, value in _ASSIGNMENT.findall(text)}
    revision = found.get("revision") or [None]
    return revision[0], tuple(found.get("down_revision", ()))


@lru_cache(maxsize=None)
def code_heads(folder: Path = VERSIONS) -> frozenset[str]:
    """The revisions no migration builds on: the schema this code writes."""
    revisions, below = set(), set()
    for path in folder.glob("*.py"):
        revision, down = _revisions_in(path.read_text(encoding="utf-8"))
        if revision:
            revisions.add(revision)
            below.update(down)
    return frozenset(revisions - below)


def stored_revisions(connection) -> frozenset[str]:
    """The revisions a store is at (empty for a store with no schema yet). `connection` is a DB-API
    connection (sqlite3, or SQLAlchemy's raw driver connection)."""
    cursor = connection.cursor()
    try:
        found = cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        if not found.fetchone():
            return frozenset()
        return frozenset(row[0] for row in cursor.execute("SELECT version_num FROM alembic_version"))
    finally:
        cursor.close()


def _read_only(path: Path) -> sqlite3.Connection:
    """`immutable`: no lock taken and no journal or shared-memory file made beside the store (a plain
    read-only connection to a WAL store leaves an empty -wal and -shm behind). Only used when the store
    has no journal beside it, so the file alone holds every record."""
    uri = f"file:{quote(path.as_posix())}?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _journal_beside(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def peek(path: str | Path) -> bool | None:
    """True if the store at `path` has officer accounts, False if it has none, None when it cannot tell
    (no file, an empty one, an unreadable file, one with a journal beside it — left by a crash, or the
    store is open elsewhere —, a schema not at this code's revision): the caller then opens the store
    first and asks it properly."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size == 0 or _journal_beside(path):
            return None
        connection = _read_only(path)
    except (OSError, sqlite3.Error):
        return None
    try:
        heads = code_heads()
        if not heads or stored_revisions(connection) != heads:
            return None
        return connection.execute("SELECT EXISTS (SELECT 1 FROM officer)").fetchone()[0] == 1
    except sqlite3.Error:
        return None
    finally:
        connection.close()
