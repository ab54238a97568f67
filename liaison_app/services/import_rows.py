"""Unchanged rows of a tenants re-import, found by a hash instead of by cleaning (issue #15).

After an import, each tenancy's `import_hash` holds a hash of its row as written in the file (the
file's column names and the row's text) together with the versions of the tenant, its home and the
home's block *after* the import. On the next import a row whose text hashes the same, while those
three versions are still the stored ones, would change nothing: it is counted unchanged without being
cleaned. When every line of the file is such a row, the file is not even read as CSV (`unchanged_file`).
Every write in the app bumps a version, so a tenant, home or block edited since is checked again, and
so is a row of a file with other columns. The hash also covers the checking rules' version (and
phonenumbers' metadata), so a row is never skipped that today's rules would refuse.
"""
from __future__ import annotations

from hashlib import blake2b
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select, update

from liaison_app.domain import AuditEvent, Block, Home, Tenant
from liaison_app.domain.phones import METADATA_VERSION
from liaison_app.services.csv_files import read_raw_lines
from liaison_app.store.bulk import fetch_rows

RULES = f"tenants-2|phonenumbers-{METADATA_VERSION}"  # change the number when a tenant rule changes
HASH_LENGTH = 32  # hex digits of the row's hash, before the versions


class RowHasher:
    """The hash of one row (32 hex digits): its record as written in the file, in the file's bytes
    (csv_files.RecordTap), for a file with these columns (in the file's order). The same record is
    always the same cells."""

    def __init__(self, columns: list[str]):
        self.start = blake2b("\x1e".join([RULES, *columns]).encode() + b"\x1d", digest_size=16)

    def __call__(self, record: bytes) -> str:
        digest = self.start.copy()
        digest.update(record)
        return digest.hexdigest()


def import_hash(raw: str, tenant_version: int, home_version: int, block_version: int) -> str:
    """What `tenant.import_hash` holds: the hash of the row's cells, then the versions they left behind."""
    return f"{raw}{tenant_version}.{home_version}.{block_version}"


class Imported:
    """Each tenancy's row hash from the last import, for those whose tenant, home and block are still at
    the versions that import left (compared here, not by SQLite, for which building the text of three
    versions for every tenant costs more than reading them)."""

    def __init__(self, conn):
        t, h, b = Tenant.__table__, Home.__table__, Block.__table__
        rows = fetch_rows(conn, select(t.c.tenancy_ref, t.c.import_hash, t.c.version, h.c.version, h.c.block_id)
                          .select_from(t.join(h, h.c.id == t.c.home_id)).where(t.c.import_hash != ""))
        blocks = dict(fetch_rows(conn, select(b.c.id, b.c.version))) if rows else {}
        self.refs: dict[str, str] = {  # by row hash: a row's text holds its tenancy reference
            stored[:HASH_LENGTH]: ref for ref, stored, version, home_version, block_id in rows
            if stored[HASH_LENGTH:] == f"{version}.{home_version}.{blocks.get(block_id, 0)}"}

    def unchanged(self, ref: str, raw: str) -> bool:
        """Whether a row for tenancy `ref` whose text hashes to `raw` would change nothing."""
        return self.refs.get(raw) == ref


def unchanged_file(path: str | Path, imported: Imported, allowed: tuple[str, ...], required: tuple[str, ...]
                   ) -> tuple[list[str], list[tuple[int, None, str, str]]] | None:
    """When every line of the file (blank ones aside) is a row `imported` holds unchanged, each once: the
    columns and, for each row, (line, None, its hash, tenancy reference); otherwise None, as soon as a
    line is not (then the file is checked row by row). A row's hash names its tenancy (the text holds the
    reference), so the lines are hashed without being read as CSV."""
    if not imported.refs:
        return None
    header = read_raw_lines(path, allowed, required)
    if header is None:
        return None
    columns, lines = header
    hasher = RowHasher(columns)
    refs = dict(imported.refs)
    rows = []
    try:
        for line, record in lines:
            if not record or record.isspace():
                continue  # a blank row (csv_files skips it too)
            raw = hasher(record)
            ref = refs.pop(raw, None)  # popped: a line seen twice is checked row by row (and refused)
            if ref is None:
                return None
            rows.append((line, None, raw, ref))
    finally:
        lines.close()
    return columns, rows


def audit_head(conn) -> int:
    """The last audit event's number: every write in the app is audited in its own transaction, so an
    unchanged number means nothing was written since it was read."""
    return conn.execute(select(func.max(AuditEvent.__table__.c.seq))).scalar() or 0


def store_hashes(conn, rows: list[dict[str, Any]]) -> None:
    """Set `import_hash` on tenants ({id, import_hash}) the import leaves unchanged: bookkeeping, not
    a change (no version, no updated_at)."""
    if rows:
        t = Tenant.__table__
        stmt = update(t).where(t.c.id == bindparam("b_id")).values(import_hash=bindparam("v_hash"))
        conn.execute(stmt, [{"b_id": r["id"], "v_hash": r["import_hash"]} for r in rows])
