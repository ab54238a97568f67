"""0013_search_cover: a store of 0012 gets the wider first-name and postcode indexes under the same names,
finds the same tenants in the same order through them, and gets the narrow ones back on a downgrade."""
from __future__ import annotations

from alembic import command

from liaison_app.services import tenants
from liaison_app.store import migrate, open_store
from liaison_app.store import search as store_search

PEOPLE = [("Mia", "Zane", "BA1 1AA"), ("Mike", "Adams", "SN1 1AA"), ("Ann", "Bamber", "BA2 2AB"),
          ("Bo", "Mills", "ML1 1AA"), ("Ba", "Young", "CF1 1AA")]


def _indexes(store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                         "AND name IN ('ix_tenant_search_text', 'ix_home_postcode')").all())


def _found(store) -> dict[str, list[str]]:
    return {text: [h.first_name for h in store_search.search(store, text)] for text in ("mi", "ba", "b", "m")}


def test_a_0012_store_gets_the_wide_indexes_and_finds_the_same(tmp_path):
    path = tmp_path / "old.db"
    store = open_store(path, migrate=False)
    try:
        command.upgrade(migrate._config(store), "0012_search_key")
        for i, (first, last, postcode) in enumerate(PEOPLE):
            tenants.create_tenant(store, tenancy_ref=f"T-{i}", first_name=first, last_name=last,
                                  address_line1=f"{i} Road", postcode=postcode)
        before = _found(store)
        assert before["mi"] == ["Mike", "Bo", "Mia"]  # first names and a last name, in name order
        assert before["ba"] == ["Ba", "Ann", "Mia"]  # first name spelled as typed, then name order
        command.upgrade(migrate._config(store), "head")
        wide = _indexes(store)
        assert "first_name COLLATE NOCASE" in wide["ix_tenant_search_text"]
        assert "(postcode, id)" in wide["ix_home_postcode"]
        assert _found(store) == before
        command.downgrade(migrate._config(store), "0012_search_key")
        assert _indexes(store) == {"ix_tenant_search_text": "CREATE INDEX ix_tenant_search_text ON tenant (search_text)",
                                   "ix_home_postcode": "CREATE INDEX ix_home_postcode ON home (postcode)"}
        assert _found(store) == before
    finally:
        store.close()
