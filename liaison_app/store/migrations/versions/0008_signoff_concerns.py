"""returned sign-offs; warnings told to the person; concern next action and review

Revision ID: 0008_signoff_concerns
Revises: 0007_access_rules

Issue #12, points 5 and 7:
- `signoff`: one row per job whose operative's sign-off slip came back — ID shown, badge matches the
  booked operative, signed (a "no" is a mismatch, shown on Today and counted in the conduct report).
- `riskwarning.informed` ("yes", "no" or "" = not recorded; existing warnings are "" — nobody
  knows yet) and `riskwarning.informed_on`: UKHDS "tenant informed". Office data, never printed.
- `safeguardingconcern.next_action` (private, "" for existing concerns) and
  `safeguardingconcern.review_date` (indexed: a safeguarding lead's Today lists those due).

Downgrade drops them again (the sign-offs and these values are lost).
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_signoff_concerns"
down_revision = "0007_access_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signoff",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("job_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=False),
        sa.Column("id_shown", sa.Boolean(), nullable=False),
        sa.Column("badge_matches", sa.Boolean(), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("badge_number", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["job.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("signoff") as batch:
        batch.create_index(batch.f("ix_signoff_job_id"), ["job_id"], unique=True)
        batch.create_index(batch.f("ix_signoff_returned_on"), ["returned_on"], unique=False)
    with op.batch_alter_table("riskwarning") as batch:
        batch.add_column(sa.Column("informed", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("informed_on", sa.Date(), nullable=True))
    with op.batch_alter_table("safeguardingconcern") as batch:
        batch.add_column(sa.Column("next_action", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("review_date", sa.Date(), nullable=True))
        batch.create_index(batch.f("ix_safeguardingconcern_review_date"), ["review_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("safeguardingconcern") as batch:
        batch.drop_index(batch.f("ix_safeguardingconcern_review_date"))
        batch.drop_column("review_date")
        batch.drop_column("next_action")
    with op.batch_alter_table("riskwarning") as batch:
        batch.drop_column("informed_on")
        batch.drop_column("informed")
    with op.batch_alter_table("signoff") as batch:
        batch.drop_index(batch.f("ix_signoff_returned_on"))
        batch.drop_index(batch.f("ix_signoff_job_id"))
    op.drop_table("signoff")
