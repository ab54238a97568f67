"""tenant search in name order: the FTS index's rowids are the tenants' places in the list

Revision ID: 0012_search_key
Revises: 0011_import_hash

Issue #15 (search speed): `tenant_fts` now indexes `tenant_fts_order` (store/search_order.py), one row per
tenant whose key is the tenant's place in last name, first name order, so a search reads its first page
of matches already in order instead of sorting thousands. The search text is indexed with a space at
each end (a whole word is one phrase), beside the names as NOCASE compares them (exact matches first).
An index of preferred names (most tenants have none) finds those spelled as typed. The triggers on
`tenant` keep the same names and keep both in step on every write; a bulk write rebuilds
them (store/bulk.py). Upgrade builds the table and the index from the tenants (seconds on 125,000).

Downgrade restores the index over `tenant.search_text` keyed by the tenant's rowid, and its triggers.
"""
from alembic import op

from liaison_app.store.search_order import (
    CREATE_FTS,
    CREATE_PREFERRED_INDEX,
    CREATE_TABLE,
    TRIGGERS,
    rebuild,
)

revision = "0012_search_key"
down_revision = "0011_import_hash"
branch_labels = None
depends_on = None

OLD_TRIGGERS = {
    "tenant_fts_ai": "CREATE TRIGGER tenant_fts_ai AFTER INSERT ON tenant BEGIN "
                     "INSERT INTO tenant_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "tenant_fts_ad": "CREATE TRIGGER tenant_fts_ad AFTER DELETE ON tenant BEGIN "
                     "INSERT INTO tenant_fts(tenant_fts, rowid, search_text) "
                     "VALUES ('delete', old.rowid, old.search_text); END",
    "tenant_fts_au": "CREATE TRIGGER tenant_fts_au AFTER UPDATE OF search_text ON tenant BEGIN "
                     "INSERT INTO tenant_fts(tenant_fts, rowid, search_text) "
                     "VALUES ('delete', old.rowid, old.search_text); "
                     "INSERT INTO tenant_fts(rowid, search_text) VALUES (new.rowid, new.search_text); END",
}


def _drop_search() -> None:
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS tenant_fts")


def upgrade() -> None:
    _drop_search()
    op.execute(CREATE_TABLE)
    op.execute(CREATE_FTS)
    op.execute(CREATE_PREFERRED_INDEX)
    rebuild(op.get_bind())
    for create in TRIGGERS.values():
        op.execute(create)


def downgrade() -> None:
    _drop_search()
    op.execute("DROP TABLE IF EXISTS tenant_fts_order")
    op.execute("DROP INDEX IF EXISTS ix_tenant_preferred_name")
    op.execute("CREATE VIRTUAL TABLE tenant_fts USING fts5(search_text, content='tenant', "
               "content_rowid='rowid', tokenize='trigram')")
    op.execute("INSERT INTO tenant_fts(tenant_fts) VALUES ('rebuild')")
    for create in OLD_TRIGGERS.values():
        op.execute(create)
