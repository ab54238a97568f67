"""audit guard: the audit trail refuses UPDATE and DELETE; the erasure ledger

Revision ID: 0003_audit_guard
Revises: 0002_search

- Triggers refuse any UPDATE or DELETE of `audit_event` (the trail is append-only; an erasure
  leaves its rows alone, they hold record ids and field names only).
- `erasure_ledger`: one row per erasure — the record's type and id and when it was erased, never a
  name. It is append-only as well (its own triggers). Restoring a backup re-applies every erasure in
  the live ledger that is newer than the backup (store/backup_guard.py).

A later migration that rebuilds `audit_event` or `erasure_ledger` (batch_alter_table copies the
table) must create these triggers again.
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_audit_guard"
down_revision = "0002_search"
branch_labels = None
depends_on = None

TRIGGERS = {
    "audit_event_no_update": ("UPDATE", "audit_event", "The audit trail cannot be changed."),
    "audit_event_no_delete": ("DELETE", "audit_event", "The audit trail cannot be deleted."),
    "erasure_ledger_no_update": ("UPDATE", "erasure_ledger", "The erasure ledger cannot be changed."),
    "erasure_ledger_no_delete": ("DELETE", "erasure_ledger", "The erasure ledger cannot be deleted."),
}


def upgrade() -> None:
    op.create_table(
        "erasure_ledger",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_erasure_ledger_erased_at", "erasure_ledger", ["erased_at"])
    for name, (verb, table, message) in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} BEFORE {verb} ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_erasure_ledger_erased_at", table_name="erasure_ledger")
    op.drop_table("erasure_ledger")
