"""What an `import tenants` will write, worked out against what the store holds (services/import_tenants.py).

Rows are applied in file order to plain dicts of the stored tenants, homes and blocks: new records,
changed fields (a missing column leaves the stored value alone, an empty cell clears it), homes matched
by UPRN, then by first address line and postcode. Nothing is written here.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from sqlalchemy import select

from liaison_app.domain import Block, Home, Tenant
from liaison_app.domain.homes import search_text_of
from liaison_app.services import tenant_fields
from liaison_app.services.import_common import ImportResult, Stamper, changed
from liaison_app.services.import_rows import import_hash

TENANT_COLUMNS = ("tenancy_ref", "first_name", "last_name", "title", "preferred_name", "phone", "email",
                  "preferred_contact", "language", "interpreter_needed", "tenancy_start")
HOME_COLUMNS = tenant_fields.HOME_FIELDS
_TENANT_DEFAULTS = {"title": "", "preferred_name": "", "phone": "", "email": "", "preferred_contact": "",
                    "language": "", "interpreter_needed": False, "tenancy_start": None, "tenancy_end": None,
                    "date_of_birth": None, "private_notes": "", "demo": False, "import_hash": ""}
_HOME_DEFAULTS = {"uprn": None, "address_line2": "", "town": "", "ended_on": None}


def search_text(tenant: dict[str, Any], home: dict[str, Any] | None) -> str:
    """The domain rule (`tenant_search_text`) applied to plain dicts."""
    address = None if home is None else (
        home["address_line1"], home["address_line2"], home["town"], home["postcode"], home["uprn"])
    return search_text_of(tenant["first_name"], tenant["preferred_name"], tenant["last_name"],
                          tenant["tenancy_ref"], address)


def _picker(columns: list[str]) -> Callable[[dict[str, Any]], tuple]:
    """The values of `columns` from a row, as a tuple (in the columns' order)."""
    if len(columns) < 2:
        return lambda row: tuple(row[name] for name in columns)
    return itemgetter(*columns)


class Plan:
    """The import's writes: new blocks, homes and tenants, and changes to stored homes and tenants."""

    def __init__(self, conn, actor: str, columns: list[str]):
        self.stamp = Stamper(actor)
        t, h, b = Tenant.__table__, Home.__table__, Block.__table__
        self.tenants = {r["tenancy_ref"]: dict(r) for r in conn.execute(
            select(t.c.id, t.c.version, t.c.home_id, t.c.import_hash, *[t.c[c] for c in TENANT_COLUMNS])).mappings()}
        self.homes = {r["id"]: dict(r) for r in conn.execute(
            select(h.c.id, h.c.version, h.c.block_id, *[h.c[c] for c in HOME_COLUMNS])).mappings()}
        self.blocks = {r.name: r.id for r in conn.execute(select(b.c.id, b.c.name))}
        self.block_versions = {r.id: r.version for r in conn.execute(select(b.c.id, b.c.version))}
        self.by_uprn = {v["uprn"]: k for k, v in self.homes.items() if v["uprn"]}
        self.by_address: dict[tuple[str, str], str] = {}
        for home in self.homes.values():
            self.by_address.setdefault((home["address_line1"].lower(), home["postcode"]), home["id"])
        self.tenant_columns = [c for c in columns if c in TENANT_COLUMNS]
        self.home_columns = [c for c in columns if c in HOME_COLUMNS]
        self.has_block = "block" in columns
        self._tenant_pick, self._home_pick = _picker(self.tenant_columns), _picker(self.home_columns)
        self.new_blocks: list[dict] = []
        self.new_homes: list[dict] = []
        self.new_tenants: dict[str, dict] = {}  # by tenancy reference
        self.home_updates: dict[str, dict] = {}
        self.tenant_updates: dict[str, dict] = {}
        self.last_change: dict[str, int] = {}  # home id -> the last row (index) that made or changed it
        self.hashed: list[tuple[int, str, str]] = []  # (row index, tenancy reference, cells' hash)
        self.result = ImportResult("tenant")

    def block_id(self, name: str | None) -> str | None:
        if not name:
            return None
        if name not in self.blocks:
            row = {**self.stamp(), "name": name, "estate": "", "address_line1": "", "town": "",
                   "postcode": "", "ended_on": None}
            self.new_blocks.append(row)
            self.blocks[name] = row["id"]
            self.block_versions[row["id"]] = 1
        return self.blocks[name]

    def home_for(self, values: dict[str, Any], index: int) -> tuple[str, bool]:
        """The home's id and whether the import changes it."""
        home_values = dict(zip(self.home_columns, self._home_pick(values)))
        if self.has_block:
            home_values["block_id"] = self.block_id(values["block"])
        uprn = values.get("uprn")
        home_id = self.by_uprn.get(uprn) if uprn else None
        if home_id is None:
            address = (values["address_line1"].lower(), values["postcode"])
            home_id = self.by_address.get(address)
            if home_id is not None and uprn and self.homes[home_id]["uprn"] not in (None, uprn):
                home_id = None  # the same words, but another property: a new home
            if home_id is None:
                return self._new_home(home_values, address, index), True
        home = self.homes[home_id]
        diff = {k: v for k, v in home_values.items() if home[k] != v}
        if diff:
            home.update(diff)
            self._index(home)
            self.home_updates.setdefault(home_id, {"id": home_id}).update(diff)
            self.last_change[home_id] = index
        return home_id, bool(diff)

    def _new_home(self, home_values: dict[str, Any], address: tuple[str, str], index: int) -> str:
        """A new home of these values (`address`: its first line in lower case, and its postcode)."""
        row = self.stamp()
        row.update(_HOME_DEFAULTS)
        row["block_id"] = None
        row.update(home_values)
        home_id = row["id"]
        self.new_homes.append(row)
        self.homes[home_id] = row
        if row["uprn"]:
            self.by_uprn[row["uprn"]] = home_id
        self.by_address.setdefault(address, home_id)
        self.last_change[home_id] = index
        return home_id

    def _index(self, home: dict[str, Any]) -> None:
        if home.get("uprn"):
            self.by_uprn[home["uprn"]] = home["id"]
        self.by_address.setdefault((home["address_line1"].lower(), home["postcode"]), home["id"])

    def add_row(self, index: int, values: dict[str, Any], raw: str) -> None:
        """Apply one cleaned row (`raw`: the hash of its cells)."""
        home_id, home_changed = self.home_for(values, index)
        ref = values["tenancy_ref"]
        self.hashed.append((index, ref, raw))
        current = self.tenants.get(ref)
        if current is None:
            row = self.stamp()
            row.update(_TENANT_DEFAULTS)
            row.update(zip(self.tenant_columns, self._tenant_pick(values)))
            row["home_id"] = home_id
            self.new_tenants[ref] = row
            self.result.created += 1
            return
        tenant_values = dict(zip(self.tenant_columns, self._tenant_pick(values)))
        tenant_values["home_id"] = home_id
        diff = changed(current, tenant_values)
        if diff or home_changed:
            current.update(diff)
            self.tenant_updates[current["id"]] = current
            self.result.updated += 1
        else:
            self.result.unchanged += 1

    def tenant_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """(new tenants, changed tenants, (id, import_hash) of unchanged ones whose hash is new), with
        search text and import hashes. A tenant whose home's address changed is changed (its search text)."""
        touched = set(self.home_updates)
        for t in self.tenants.values():
            if t["home_id"] in touched and t["id"] not in self.tenant_updates:
                self.tenant_updates[t["id"]] = t
        hashes = self._hashes()
        homes, no_hash = self.homes, hashes.get
        for t in self.new_tenants.values():
            home = homes[t["home_id"]]
            t["search_text"] = search_text_of(
                t["first_name"], t["preferred_name"], t["last_name"], t["tenancy_ref"],
                (home["address_line1"], home["address_line2"], home["town"], home["postcode"], home["uprn"]))
            t["import_hash"] = no_hash(t["id"], "")
        updates = []
        for t in self.tenant_updates.values():
            row = {k: t[k] for k in ("id", "home_id", *self.tenant_columns)}
            row["search_text"] = search_text(t, self.homes.get(t["home_id"]))
            row["import_hash"] = hashes.pop(t["id"], "")
            updates.append(row)
        stored = {t["id"]: t["import_hash"] for t in self.tenants.values()}
        rehashed = [{"id": k, "import_hash": v} for k, v in hashes.items() if k in stored and stored[k] != v]
        return list(self.new_tenants.values()), updates, rehashed

    def _hashes(self) -> dict[str, str]:
        """Each row's new import hash by tenant id, for the rows the import leaves as the file says: those
        whose home no later row changed. Versions are those after the import's writes."""
        out = {}
        stored, new, homes, last_change = self.tenants.get, self.new_tenants, self.homes, self.last_change.get
        tenant_updates, home_updates, block_versions = self.tenant_updates, self.home_updates, self.block_versions
        for index, ref, raw in self.hashed:
            tenant = stored(ref) or new[ref]
            home_id = tenant["home_id"]
            if last_change(home_id, -1) > index:
                continue
            home = homes[home_id]
            block_id = home.get("block_id")
            tenant_id = tenant["id"]
            out[tenant_id] = import_hash(
                raw, tenant["version"] + (tenant_id in tenant_updates), home["version"] + (home_id in home_updates),
                block_versions.get(block_id, 0) if block_id else 0)
        return out
