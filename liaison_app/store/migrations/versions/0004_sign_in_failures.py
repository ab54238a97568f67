"""sign-in failures: failed sign-ins counted per user name in the store

Revision ID: 0004_sign_in_failures
Revises: 0003_audit_guard

`sign_in_failure` holds, per typed user name (known account or not), how many sign-ins failed and
until when the next attempt must wait. Before, unknown names were counted in process memory, so only
real accounts answered "wait 30 seconds" and user names could be told apart. The name is stored only
as a one-way hash (a password typed into the user-name box must not be kept readable).

officer.failed_sign_ins and officer.locked_until stay (older code and NOT NULL columns) but are no
longer used; counts in progress are not carried over (a back-off lasts at most an hour).
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_sign_in_failures"
down_revision = "0003_audit_guard"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failure",
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name_key"),
    )


def downgrade() -> None:
    op.drop_table("sign_in_failure")
