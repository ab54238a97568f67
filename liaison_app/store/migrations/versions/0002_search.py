"""tenant search: a covering index in name order

Revision ID: 0002_search
Revises: 0001

The tenant list and search results come in last name, first name order. This index holds that
order plus what a search tests (home and search text), so a page of 50 is read from the index
alone, without sorting and without visiting the table.
"""
from alembic import op

revision = "0002_search"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_tenant_name_order ON tenant "
        "(last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, home_id, search_text)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_tenant_name_order")
