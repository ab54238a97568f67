"""Migration 0005_phone_and_search (issue #11): a store at 0004 has its phone numbers put in national
format (a number that no longer validates is kept as typed) and its tenant search key folded, so every
accented name is found by its plain spelling."""
from __future__ import annotations

from pathlib import Path

import pytest

from alembic import command

from liaison_app.services import support, tenants, works
from liaison_app.store import migrate, open_store

NAMES = ["Çelik", "Ağaoğlu", "Róisín", "Śliwińska", "Ŵyn", "Łukasiewicz", "Yılmaz", "Søren"]
PLAIN = ["celik", "agaoglu", "roisin", "sliwinska", "wyn", "lukasiewicz", "yilmaz", "soren"]


def old_search_text(first: str, last: str, ref: str, line1: str, postcode: str) -> str:
    """The search key as schema 0004 kept it: case-folded only, accents kept."""
    return " ".join([first, last, ref, line1, postcode, postcode.replace(" ", "")]).casefold()


def store_at_0004(path: Path) -> dict[str, str]:
    """A store as release 0004 left it: old phone formats, accented search keys. 0005 changes no
    schema, so a store made today, holding old-style values, is such a store once it is run through 0005
    alone (`upgrade_0005`): the later migrations' columns are already in today's tables."""
    store = open_store(path)
    try:
        ids = {}
        for i, last in enumerate(NAMES):
            t = tenants.create_tenant(store, tenancy_ref=f"T{i}", first_name="Ann", last_name=last,
                                      address_line1="1 Mill Lane", postcode="BA12 4AB")
            ids[last] = t.id
        contractor = works.create_contractor(store, "Valley Gas", phone="01632 960101")
        plan = support.create_plan(store, ids["Çelik"])
        contact = support.add_contact(store, plan.id, "Kim", phone="07700 900123")
        with store.raw() as conn:
            for i, last in enumerate(NAMES):
                conn.exec_driver_sql("UPDATE tenant SET search_text = ? WHERE id = ?",
                                     (old_search_text("Ann", last, f"T{i}", "1 Mill Lane", "BA12 4AB"), ids[last]))
            conn.exec_driver_sql("UPDATE tenant SET phone = '01614 960000' WHERE id = ?", (ids["Çelik"],))
            conn.exec_driver_sql("UPDATE tenant SET phone = 'ring the office' WHERE id = ?", (ids["Søren"],))
            conn.exec_driver_sql("UPDATE contractor SET phone = '03001 234567' WHERE id = ?", (contractor.id,))
            conn.exec_driver_sql("UPDATE supportcontact SET phone = '08001 234567' WHERE id = ?", (contact.id,))
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0004_sign_in_failures'")
        ids.update(contractor=contractor.id, contact=contact.id)
        return ids
    finally:
        store.close()


def upgrade_0005(path: Path) -> None:
    """Run migration 0005 on the store stamped 0004, then stamp it at today's head (see store_at_0004)."""
    store = open_store(path, migrate=False)
    try:
        config = migrate._config(store)
        command.upgrade(config, "0005_phone_and_search")
        command.stamp(config, "heads")
    finally:
        store.close()


@pytest.fixture
def migrated(tmp_path):
    path = tmp_path / "old.db"
    ids = store_at_0004(path)
    upgrade_0005(path)
    store = open_store(path)
    yield store, ids
    store.close()


def column(store, table: str, name: str, row_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT {name} FROM {table} WHERE id = ?", (row_id,)).scalar_one()


def test_phones_reformatted_and_unreadable_ones_kept(migrated):
    store, ids = migrated
    assert column(store, "tenant", "phone", ids["Çelik"]) == "0161 496 0000"
    assert column(store, "tenant", "phone", ids["Søren"]) == "ring the office"
    assert column(store, "contractor", "phone", ids["contractor"]) == "0300 123 4567"
    assert column(store, "supportcontact", "phone", ids["contact"]) == "0800 123 4567"


@pytest.mark.parametrize("name,plain", list(zip(NAMES, PLAIN)))
def test_accented_names_found_by_plain_spelling(migrated, name, plain):
    store, ids = migrated
    assert [r.id for r in tenants.search_tenants(store, plain)] == [ids[name]]
    assert [r.id for r in tenants.search_tenants(store, f"ann {plain.upper()}")] == [ids[name]]
    assert [r.id for r in tenants.search_tenants(store, name)] == [ids[name]]


def test_fts_index_follows_the_rebuilt_key(migrated):
    store, _ = migrated
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("INSERT INTO tenant_fts(tenant_fts) VALUES ('integrity-check')") is not None
    assert tenants.count_tenants(store, "lukasiewicz") == 1
