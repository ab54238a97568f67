"""the import hash of each tenant: an unchanged re-import is found without cleaning a row

Revision ID: 0011_import_hash
Revises: 0010_feedback_survey

Issue #15 (import speed): `tenant.import_hash` holds a hash of the cells the last `import tenants` row
for the tenancy held (the file's column names and values), together with the tenant's, home's and
block's versions after that import. A re-import whose row hashes the same, with those versions
unchanged since (every write in the app bumps a version), leaves the row alone without cleaning it.
"" for existing tenants (and for one the app made): their rows are checked as before, once.

Downgrade drops the column again, with SQLite's own DROP COLUMN.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011_import_hash"
down_revision = "0010_feedback_survey"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenant") as batch:
        batch.add_column(sa.Column("import_hash", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not a batch copy: copying `tenant` means dropping the table every
    # home, job and record points at, which the store's foreign keys refuse.
    op.drop_column("tenant", "import_hash")
