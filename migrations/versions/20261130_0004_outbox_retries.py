"""outbox delivery retries: a next-attempt time after a refusal, and giving up

An unreachable SMTP server no longer counts against each message; a message the
server refuses waits before its next try (next_attempt_at) and is given up after
several refusals (failed_at).

Revision ID: 0004_outbox_retries
Revises: 0003_audit_append_only
Create Date: 2026-11-30 02:00:02

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0004_outbox_retries"
down_revision = "0003_audit_append_only"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("next_attempt_at", participation.core.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("failed_at", participation.core.db.UTCDateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_column("failed_at")
        batch_op.drop_column("next_attempt_at")
