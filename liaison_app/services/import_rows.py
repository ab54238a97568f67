"""Unchanged rows of a tenants re-import, found by a hash instead of by cleaning (issue #15).

After an import, each tenancy's `import_hash` holds a hash of the cells its row held (the file's
column names and values) together with the versions of the tenant, its home and the home's block
*after* the import. On the next import a row whose cells hash the same, while those three versions
are still the stored ones, would change nothing: it is counted unchanged without being cleaned.
Every write in the app bumps a version, so a tenant, home or block edited since is checked again, and
so is a row of a file with other columns. The hash also covers the checking rules' version (and
phonenumbers' metadata), so a row is never skipped that today's rules would refuse.
"""
from __future__ import annotations

from hashlib import blake2b
from typing import Any

from sqlalchemy import String, bindparam, cast, func, select, update

from liaison_app.domain import AuditEvent, Block, Home, Tenant
from liaison_app.domain.phones import METADATA_VERSION
from liaison_app.store.bulk import fetch_rows

RULES = f"tenants-1|phonenumbers-{METADATA_VERSION}"  # change the number when a tenant rule changes
HASH_LENGTH = 32  # hex digits of the cells' hash, before the versions


class RowHasher:
    """The hash of one row's cells (32 hex digits), for a file with these columns (in the file's order)."""

    def __init__(self, columns: list[str]):
        self.prefix = "\x1e".join([RULES, *columns]).encode() + b"\x1d"

    def __call__(self, row: dict[str, str]) -> str:
        return blake2b(self.prefix + "\x1f".join(row.values()).encode(), digest_size=16).hexdigest()


def import_hash(raw: str, tenant_version: int, home_version: int, block_version: int) -> str:
    """What `tenant.import_hash` holds: the hash of the row's cells, then the versions they left behind."""
    return f"{raw}{tenant_version}.{home_version}.{block_version}"


class Imported:
    """Each tenancy's cells' hash from the last import, for those whose tenant, home and block are still
    at the versions that import left (one query: the versions are compared by the database)."""

    def __init__(self, conn):
        t, h, b = Tenant.__table__, Home.__table__, Block.__table__
        versions = (cast(t.c.version, String) + "." + cast(h.c.version, String) + "."
                    + cast(func.coalesce(b.c.version, 0), String))
        stmt = (select(t.c.tenancy_ref, func.substr(t.c.import_hash, 1, HASH_LENGTH))
                .select_from(t.join(h, h.c.id == t.c.home_id).outerjoin(b, b.c.id == h.c.block_id))
                .where(t.c.import_hash != "", func.substr(t.c.import_hash, HASH_LENGTH + 1) == versions))
        self.hashes: dict[str, str] = dict(fetch_rows(conn, stmt))

    def unchanged(self, ref: str, raw: str) -> bool:
        """Whether a row for tenancy `ref` whose cells hash to `raw` would change nothing."""
        return self.hashes.get(ref) == raw


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
