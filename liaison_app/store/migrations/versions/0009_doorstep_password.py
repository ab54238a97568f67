"""doorstep password on the tenant; the officer's direct line for letters

Revision ID: 0009_doorstep_password
Revises: 0008_signoff_concerns

Issue #14, point 1 (letters to tenants):
- `tenant.doorstep_password`: a word the tenant agreed with the office for the operative to say at the
  door ("" for existing tenants: none agreed). Shown to officers, printed only in the briefing's
  confidential box; a letter only reminds the tenant to ask for it.
- `officer.direct_line`: the officer's direct phone line, printed on the letters they send ("" for
  existing officers: the landlord's letters phone line is printed instead).

Downgrade drops them again (the values are lost), with SQLite's own DROP COLUMN.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009_doorstep_password"
down_revision = "0008_signoff_concerns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tenant") as batch:
        batch.add_column(sa.Column("doorstep_password", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("officer") as batch:
        batch.add_column(sa.Column("direct_line", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                   server_default=""))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+), not a batch copy: copying `tenant` means dropping the table every
    # home, job and record points at, which the store's foreign keys refuse.
    op.drop_column("officer", "direct_line")
    op.drop_column("tenant", "doorstep_password")
