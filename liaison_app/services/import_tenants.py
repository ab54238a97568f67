"""`import tenants`: tenancies with their homes and blocks, matched on tenancy_ref.

Every row is checked first (all problems listed, nothing stored); then homes, blocks and tenants
are written with executemany in one transaction. A column missing from the file leaves the stored
value alone; a column present but empty clears it. Re-importing the same file changes nothing, and
a row the store already holds as the file says (its import hash, services/import_rows.py) is not
even cleaned again.
"""
from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from liaison_app.domain import Block, Home, Tenant
from liaison_app.services import tenant_fields
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    ImportResult, Problems, audit_import, collection_paused, insert_rows, unique_rows, update_rows,
)
from liaison_app.services.import_rows import Imported, RowHasher, audit_head, store_hashes, unchanged_file
from liaison_app.services.tenant_plan import Plan, search_text
from liaison_app.store import Store
from liaison_app.store.bulk import big_cache, indexes_paused, tenant_index_paused

COLUMNS = ("tenancy_ref", "first_name", "last_name", "title", "preferred_name", "phone", "email",
           "preferred_contact", "language", "interpreter_needed", "uprn", "address_line1", "address_line2",
           "town", "postcode", "block", "tenancy_start")
REQUIRED = ("tenancy_ref", "first_name", "last_name", "address_line1", "postcode")
REBUILD_AT = 5000  # from this many tenant writes (and a fifth of the table), rebuild the search index once

# A checked row: (line, cleaned values — None when the store holds it as the file says —, the hash of
# its cells, tenancy reference).
Checked = tuple[int, "dict[str, Any] | None", "str | None", "str | None"]

__all__ = ["COLUMNS", "REQUIRED", "check_rows", "import_tenants", "search_text"]


def check_rows(path: str | Path, imported: Imported | None = None) -> tuple[list[str], list[Checked]]:
    """The file's columns and every row checked; ImportRefused lists every problem in the file. A row
    `imported` shows unchanged since the last import is not cleaned again (nor, when every row is,
    read as CSV)."""
    if imported is not None:
        quick = unchanged_file(path, imported, COLUMNS, REQUIRED)
        if quick is not None:
            return quick
    problems = Problems()
    csv_rows = read_rows(path, COLUMNS, REQUIRED, problems, records=True)
    record = csv_rows.records
    hasher = RowHasher(csv_rows.columns)
    clean = tenant_fields.row_cleaner(csv_rows.columns)
    count = tenant_fields.row_counter(csv_rows.columns)
    compare = imported is not None and bool(imported.refs)

    def checked(line: int, row: dict[str, str]) -> Checked:
        if problems.cutoff is not None and line > problems.cutoff:  # refused, and past the listing
            found, ref = count(row)
            problems.total += found
            return line, {}, None, ref
        raw = None
        if compare:
            raw = hasher(record.data)
            ref = row["tenancy_ref"].strip()
            if imported.unchanged(ref, raw):
                return line, None, raw, ref
        values, errors = clean(row)
        if errors:
            problems.add_errors(line, errors)
        if raw is None and not problems.total:  # a refused file's rows need no hash
            raw = hasher(record.data)
        return line, values, raw, values.get("tenancy_ref") or None

    rows = unique_rows(csv_rows, problems, checked, itemgetter(3), "tenancy_ref", "tenancy reference")
    return csv_rows.columns, rows


def _plan(conn, actor: str, columns: list[str], rows: list[Checked]) -> Plan | None:
    """The rows applied to what the store holds; None when a row taken as unchanged stands on a home
    that another row of the file changes (then every row must be applied, in order)."""
    plan = Plan(conn, actor, columns)
    unchanged_homes = set()
    for index, (_, values, raw, ref) in enumerate(rows):
        if values is None:
            plan.result.unchanged += 1
            unchanged_homes.add(plan.tenants[ref]["home_id"])
        else:
            plan.add_row(index, values, raw)
    if unchanged_homes & plan.last_change.keys():
        return None
    return plan


def _write(conn, store: Store, plan: Plan) -> None:
    new_tenants, tenant_updates, hashes = plan.tenant_rows()
    writes = len(new_tenants) + len(tenant_updates)
    rebuild = writes >= REBUILD_AT and writes * 5 >= len(plan.tenants) + len(new_tenants)
    with big_cache(conn), tenant_index_paused(conn, rebuild), \
            indexes_paused(conn, ["tenant", "home"] if rebuild else []):
        insert_rows(conn, Block.__table__, plan.new_blocks)
        insert_rows(conn, Home.__table__, plan.new_homes)
        update_rows(conn, Home.__table__, list(plan.home_updates.values()), store.actor)
        insert_rows(conn, Tenant.__table__, new_tenants)
        update_rows(conn, Tenant.__table__, tenant_updates, store.actor)
        store_hashes(conn, hashes)


def import_tenants(store: Store, path: str | Path) -> ImportResult:
    """Import tenants.csv: all rows or none. Raises ImportRefused listing every problem."""
    with collection_paused():
        return _import(store, path)


def _import(store: Store, path: str | Path) -> ImportResult:
    with store.read() as session:
        conn = session.connection()
        imported, head = Imported(conn), audit_head(conn)
    columns, rows = check_rows(path, imported)
    with store.raw() as conn:
        taken = [row for row in rows if row[1] is None]
        if taken and audit_head(conn) != head:  # written to since: is every row taken still unchanged?
            fresh = Imported(conn)
            if not all(fresh.unchanged(ref, raw) for _, _, raw, ref in taken):
                columns, rows = check_rows(path)
                taken = []
        if taken and len(taken) == len(rows):
            result = ImportResult("tenant", unchanged=len(rows))
        else:
            plan = _plan(conn, store.actor, columns, rows)
            if plan is None:
                columns, rows = check_rows(path)
                plan = _plan(conn, store.actor, columns, rows)
            _write(conn, store, plan)
            result = plan.result
        audit_import(conn, store, "tenant", result)
    return result
