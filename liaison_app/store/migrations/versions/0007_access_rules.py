"""no-access rules: what each attempt used, corrections and withdrawals

Revision ID: 0007_access_rules
Revises: 0006_operatives

accessattempt gains what the no-access rule table (domain/access_rules.py, docs/NO_ACCESS_RULES.md)
needs per attempt: its time of day, the adjustments honoured and the support measures tried on it
(JSON lists of record ids), and an admin's withdrawal (when, by whom, why). An attempt stored before
this revision has no time and used nothing recorded: it still counts toward days and methods, not
toward "honoured".
"""
import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007_access_rules"
down_revision = "0006_operatives"
branch_labels = None
depends_on = None

COLUMNS = ("time_of_day", "adjustments_used", "measures_used", "withdrawn_on", "withdrawn_by", "withdrawn_reason")


def _text():
    return sqlmodel.sql.sqltypes.AutoString()


def upgrade() -> None:
    with op.batch_alter_table("accessattempt") as batch:
        batch.add_column(sa.Column("time_of_day", _text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("adjustments_used", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("measures_used", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("withdrawn_by", _text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("withdrawn_reason", _text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("accessattempt") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
