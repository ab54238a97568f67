"""text-message survey scores on conduct feedback

Revision ID: 0010_feedback_survey
Revises: 0009_doorstep_password

Issue #14, points 2 and 3 ("You said, we did"): `liaison-app import feedback FILE.csv` stores each survey
answer as conduct feedback on the job's contractor; `conductfeedback.score` holds its score, 1 to 5.
Feedback an officer recorded has no score (NULL, as every existing row). A survey answer that named no
code-of-conduct point has `point` "".

Downgrade drops the column again (the scores are lost).
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_feedback_survey"
down_revision = "0009_doorstep_password"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conductfeedback") as batch:
        batch.add_column(sa.Column("score", sa.Integer(), nullable=True, server_default=None))


def downgrade() -> None:
    with op.batch_alter_table("conductfeedback") as batch:
        batch.drop_column("score")
