"""operatives: gender, trade, Gas Safe and badge expiry; job links for complaints

Revision ID: 0006_operatives
Revises: 0005_phone_and_search

Issue #12 (points 1 and 6). An operative gains what the office records to book the right person:
`gender` (female, male or '' — not recorded; private, used only to honour a tenant's request),
`trade`, `gas_safe_number` with `gas_safe_expiry`, and `badge_expiry`. A complaint job gains
`complainant_tenant_id`, the complainant's own tenancy (completing the job adds a call-back
follow-up there). Existing operatives get empty values ('' and NULL: nothing recorded yet);
existing jobs have no complainant tenancy. An index on (operative_id, appointment_start) finds an
operative's other bookings (double bookings) without scanning the day's jobs.
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006_operatives"
down_revision = "0005_phone_and_search"
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("gender", "trade", "gas_safe_number")
DATE_COLUMNS = ("gas_safe_expiry", "badge_expiry")


def upgrade() -> None:
    with op.batch_alter_table("operative", schema=None) as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                          server_default=""))
        for name in DATE_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
    # ADD COLUMN … REFERENCES in place: rebuilding `job` (which other tables refer to) is not needed
    op.add_column("job", sa.Column("complainant_tenant_id", sqlmodel.sql.sqltypes.AutoString(),
                                   sa.ForeignKey("tenant.id"), nullable=True), inline_references=True)
    op.create_index("ix_job_operative_start", "job", ["operative_id", "appointment_start"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_job_operative_start", table_name="job")
    with op.batch_alter_table("job", schema=None) as batch_op:
        batch_op.drop_column("complainant_tenant_id")
    with op.batch_alter_table("operative", schema=None) as batch_op:
        for name in TEXT_COLUMNS + DATE_COLUMNS:
            batch_op.drop_column(name)
