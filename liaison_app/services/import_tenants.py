"""`import tenants`: tenancies with their homes and blocks, matched on tenancy_ref.

Every row is checked first (all problems listed, nothing stored); then homes, blocks and tenants
are written with executemany in one transaction. A column missing from the file leaves the stored
value alone; a column present but empty clears it. Re-importing the same file changes nothing.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from liaison_app.domain import Block, Home, Tenant, tenant_search_text
from liaison_app.services import tenant_fields
from liaison_app.services.csv_files import read_rows
from liaison_app.services.import_common import (
    ImportResult, Problems, audit_import, changed, insert_rows, Stamper, unique_rows, update_rows,
)
from liaison_app.store import Store
from liaison_app.store.bulk import big_cache, indexes_paused, tenant_index_paused

COLUMNS = ("tenancy_ref", "first_name", "last_name", "title", "preferred_name", "phone", "email",
           "preferred_contact", "language", "interpreter_needed", "uprn", "address_line1", "address_line2",
           "town", "postcode", "block", "tenancy_start")
REQUIRED = ("tenancy_ref", "first_name", "last_name", "address_line1", "postcode")
REBUILD_AT = 5000  # from this many tenant writes (and a fifth of the table), rebuild the search index once
_TENANT_COLS = [c for c in COLUMNS if c in tenant_fields.TENANT_FIELDS]
_HOME_COLS = list(tenant_fields.HOME_FIELDS)
_TENANT_DEFAULTS = {"title": "", "preferred_name": "", "phone": "", "email": "", "preferred_contact": "",
                    "language": "", "interpreter_needed": False, "tenancy_start": None, "tenancy_end": None,
                    "date_of_birth": None, "private_notes": "", "demo": False}
_HOME_DEFAULTS = {"uprn": None, "address_line2": "", "town": "", "ended_on": None}


def search_text(tenant: dict[str, Any], home: dict[str, Any] | None) -> str:
    """The domain rule (`tenant_search_text`) applied to plain dicts."""
    h = SimpleNamespace(**home) if home is not None else None
    return tenant_search_text(SimpleNamespace(**tenant), h)


def stored_clean_values(store: Store) -> dict[str, set[str]]:
    """The phones, emails, postcodes and UPRNs the store holds. Each was stored as its cleaner returned
    it, and cleaning a clean value returns it unchanged, so a CSV cell equal to one of them needs no
    cleaning: re-importing a file (most of whose rows the store already holds) skips the costly part
    of the checks (a phone number's allocation check is most of it)."""
    t, h = Tenant.__table__, Home.__table__
    with store.read() as session:
        conn = session.connection()
        return {"phone": set(conn.execute(select(t.c.phone).distinct()).scalars()) - {""},
                "email": set(conn.execute(select(t.c.email).distinct()).scalars()) - {""},
                "postcode": set(conn.execute(select(h.c.postcode).distinct()).scalars()) - {""},
                "uprn": set(conn.execute(select(h.c.uprn).distinct()).scalars()) - {None, ""}}


def check_rows(path: str | Path, clean: dict[str, set[str]] | None = None) -> list[tuple[int, dict[str, Any]]]:
    """Read and clean every row; ImportRefused lists every problem in the file. A cell equal to a
    value in `clean` (stored_clean_values) is taken as it is."""
    problems = Problems()
    csv_rows = read_rows(path, COLUMNS, REQUIRED, problems)
    clean = {k: v for k, v in (clean or {}).items() if v}

    def cleaned_row(line: int, row: dict[str, str]) -> tuple[int, dict[str, Any]]:
        known = {k: row.pop(k) for k, values in clean.items() if row.get(k) in values}
        cleaned, errors = tenant_fields.clean_collect(row)
        cleaned.update(known)
        problems.add_errors(line, errors)
        return line, cleaned

    return unique_rows(csv_rows, problems, cleaned_row, lambda item: item[1].get("tenancy_ref") or None,
                       "tenancy_ref", "tenancy reference")


class _Plan:
    """What the import will write, worked out against what the store holds."""

    def __init__(self, conn, actor: str):
        self.actor = actor
        self.stamp = Stamper(actor)
        t, h, b = Tenant.__table__, Home.__table__, Block.__table__
        self.tenants = {r["tenancy_ref"]: dict(r) for r in conn.execute(
            select(t.c.id, t.c.home_id, *[t.c[c] for c in _TENANT_COLS])).mappings()}
        self.homes = {r["id"]: dict(r) for r in conn.execute(
            select(h.c.id, h.c.block_id, *[h.c[c] for c in _HOME_COLS])).mappings()}
        self.blocks = {r.name: r.id for r in conn.execute(select(b.c.id, b.c.name))}
        self.by_uprn = {v["uprn"]: k for k, v in self.homes.items() if v["uprn"]}
        self.by_address = {(v["address_line1"].lower(), v["postcode"]): k for k, v in self.homes.items()}
        self.new_blocks: list[dict] = []
        self.new_homes: list[dict] = []
        self.new_tenants: list[dict] = []
        self.home_updates: dict[str, dict] = {}
        self.tenant_updates: dict[str, dict] = {}
        self.result = ImportResult("tenant")

    def block_id(self, name: str | None) -> str | None:
        if not name:
            return None
        if name not in self.blocks:
            row = {**self.stamp(), "name": name, "estate": "", "address_line1": "", "town": "",
                   "postcode": "", "ended_on": None}
            self.new_blocks.append(row)
            self.blocks[name] = row["id"]
        return self.blocks[name]

    def home_for(self, values: dict[str, Any], block: str | None | bool) -> tuple[str, bool]:
        """The home's id and whether the import changes it."""
        home_values = {k: values[k] for k in _HOME_COLS if k in values}
        if block is not False:
            home_values["block_id"] = self.block_id(block)
        uprn = values.get("uprn")
        home_id = self.by_uprn.get(uprn) if uprn else None
        if home_id is None:
            home_id = self.by_address.get((values["address_line1"].lower(), values["postcode"]))
            if home_id is not None and uprn and self.homes[home_id]["uprn"] not in (None, uprn):
                home_id = None  # the same words, but another property: a new home
        if home_id is None:
            row = {**self.stamp(), **_HOME_DEFAULTS, "block_id": None, **home_values}
            self.new_homes.append(row)
            self.homes[row["id"]] = row
            self._index(row)
            return row["id"], True
        diff = changed(self.homes[home_id], home_values)
        if diff:
            self.homes[home_id].update(diff)
            self._index(self.homes[home_id])
            self.home_updates.setdefault(home_id, {"id": home_id}).update(diff)
        return home_id, bool(diff)

    def _index(self, home: dict[str, Any]) -> None:
        if home.get("uprn"):
            self.by_uprn[home["uprn"]] = home["id"]
        self.by_address.setdefault((home["address_line1"].lower(), home["postcode"]), home["id"])

    def add_row(self, values: dict[str, Any]) -> None:
        tenant_values, _, block = tenant_fields.split(values)
        home_id, home_changed = self.home_for(values, block)
        current = self.tenants.get(tenant_values["tenancy_ref"])
        if current is None:
            row = {**self.stamp(), **_TENANT_DEFAULTS, **tenant_values, "home_id": home_id}
            row["search_text"] = search_text(row, self.homes[home_id])
            self.new_tenants.append(row)
            self.result.created += 1
            return
        diff = changed(current, {**tenant_values, "home_id": home_id})
        if diff or home_changed:
            current.update(diff)
            self.tenant_updates[current["id"]] = current
            self.result.updated += 1
        else:
            self.result.unchanged += 1

    def tenant_update_rows(self) -> list[dict[str, Any]]:
        """Changed tenants, plus any other tenant whose home's address changed (their search text)."""
        touched = set(self.home_updates)
        for t in self.tenants.values():
            if t["home_id"] in touched and t["id"] not in self.tenant_updates:
                self.tenant_updates[t["id"]] = t
        rows = []
        for t in self.tenant_updates.values():
            row = {k: t[k] for k in ("id", "home_id", *_TENANT_COLS)}
            row["search_text"] = search_text(t, self.homes.get(t["home_id"]))
            rows.append(row)
        return rows


def import_tenants(store: Store, path: str | Path) -> ImportResult:
    """Import tenants.csv: all rows or none. Raises ImportRefused listing every problem."""
    rows = check_rows(path, stored_clean_values(store))
    with store.raw() as conn:
        plan = _Plan(conn, store.actor)
        for _, values in rows:
            plan.add_row(values)
        tenant_updates = plan.tenant_update_rows()
        writes = len(plan.new_tenants) + len(tenant_updates)
        rebuild = writes >= REBUILD_AT and writes * 5 >= len(plan.tenants) + len(plan.new_tenants)
        with big_cache(conn), tenant_index_paused(conn, rebuild), \
                indexes_paused(conn, ["tenant", "home"] if rebuild else []):
            insert_rows(conn, Block.__table__, plan.new_blocks)
            insert_rows(conn, Home.__table__, plan.new_homes)
            update_rows(conn, Home.__table__, list(plan.home_updates.values()), store.actor)
            insert_rows(conn, Tenant.__table__, plan.new_tenants)
            update_rows(conn, Tenant.__table__, tenant_updates, store.actor)
        audit_import(conn, store, "tenant", plan.result)
    return plan.result
