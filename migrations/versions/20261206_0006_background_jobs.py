"""background jobs: durable mail fan-outs and the periodic-job schedule

- fan_outs: a mail to many people (results published, event cancelled, organiser message),
  written in the transaction of the change; a job mails the recipients in batches and moves
  `cursor` (the last recipient key done) with each committed batch.
- fan_out_deliveries: one row per recipient done; the primary key (fan_out_id, recipient_key)
  refuses a second mail to anyone, also with two workers on one fan-out.
- scheduled_jobs: per periodic job, when it was last queued (one scheduler wins each period)
  and the lease of the run in progress (no two runs at once).

Revision ID: 0006_background_jobs
Revises: 0005_trust
Create Date: 2026-12-06 05:00:00

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0006_background_jobs"
down_revision = "0005_trust"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "fan_outs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("sent_count", sa.Integer(), nullable=False),
        sa.Column("touched_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("finished_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fan_outs")),
    )
    with op.batch_alter_table("fan_outs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fan_outs_finished_at"), ["finished_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_fan_outs_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "fan_out_deliveries",
        sa.Column("fan_out_id", sa.Integer(), nullable=False),
        sa.Column("recipient_key", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["fan_out_id"], ["fan_outs.id"], name=op.f("fk_fan_out_deliveries_fan_out_id_fan_outs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_fan_out_deliveries_message_id_outbox_messages"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("fan_out_id", "recipient_key", name=op.f("pk_fan_out_deliveries")),
    )
    with op.batch_alter_table("fan_out_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fan_out_deliveries_message_id"), ["message_id"], unique=False)

    op.create_table(
        "scheduled_jobs",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("last_queued_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_started_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_finished_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("locked_until", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("locked_by", sa.String(length=120), nullable=True),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_scheduled_jobs")),
    )


def downgrade():
    op.drop_table("scheduled_jobs")
    with op.batch_alter_table("fan_out_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fan_out_deliveries_message_id"))
    op.drop_table("fan_out_deliveries")
    with op.batch_alter_table("fan_outs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fan_outs_subject_id"))
        batch_op.drop_index(batch_op.f("ix_fan_outs_finished_at"))
    op.drop_table("fan_outs")
