"""trust: staff two-factor log-in, audit personal details that erasure can clear, mail linked to people

- two_factor_credentials / two_factor_recovery_codes: TOTP secret with the last accepted time
  step (a code works once), and single-use recovery codes stored as SHA-256.
- audit_personal_details: the typed text of an audit entry (notes, reasons, messages) per field
  and per person it is about; NOT append-only, so erasing an account removes it while the
  append-only audit entry (the decision) stays.
- outbox_message_people: which accounts a queued mail is for or mentions, so erasure and
  export find every mail that holds a person's data.

Audit entries written before this revision keep the text they hold (the append-only rule
forbids rewriting them); the platform had no production data before it.

Revision ID: 0005_trust
Revises: 0004_outbox_retries
Create Date: 2026-12-06 04:31:50

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0005_trust"
down_revision = "0004_outbox_retries"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "outbox_message_people",
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.CheckConstraint("role IN ('recipient', 'mentioned')", name=op.f("ck_outbox_message_people_role_known")),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["outbox_messages.id"],
            name=op.f("fk_outbox_message_people_message_id_outbox_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_outbox_message_people_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("message_id", "user_id", name=op.f("pk_outbox_message_people")),
    )
    with op.batch_alter_table("outbox_message_people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_message_people_user_id"), ["user_id"], unique=False)

    op.create_table(
        "two_factor_credentials",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_used_step", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_two_factor_credentials_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_two_factor_credentials")),
    )
    op.create_table(
        "two_factor_recovery_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_two_factor_recovery_codes_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_two_factor_recovery_codes")),
        sa.UniqueConstraint("user_id", "code_hash", name=op.f("uq_two_factor_recovery_codes_user_id_code_hash")),
    )
    op.create_table(
        "audit_personal_details",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["audit_entries.id"],
            name=op.f("fk_audit_personal_details_entry_id_audit_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["users.id"], name=op.f("fk_audit_personal_details_person_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_personal_details")),
        sa.UniqueConstraint("entry_id", "field", name="uq_audit_personal_details_entry_field"),
    )
    with op.batch_alter_table("audit_personal_details", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_personal_details_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_personal_details_person_id"), ["person_id"], unique=False)


def downgrade():
    with op.batch_alter_table("audit_personal_details", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_personal_details_person_id"))
        batch_op.drop_index(batch_op.f("ix_audit_personal_details_entry_id"))

    op.drop_table("audit_personal_details")
    op.drop_table("two_factor_recovery_codes")
    op.drop_table("two_factor_credentials")
    with op.batch_alter_table("outbox_message_people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_message_people_user_id"))

    op.drop_table("outbox_message_people")
