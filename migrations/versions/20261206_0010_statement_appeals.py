"""statement appeals: the author's one appeal against hiding their statement

- statement_appeals: UNIQUE (statement_id): one appeal per statement; the moderator whose hide is
  appealed (hidden_by_id) may not decide it; outcome granted (the statement is shown again) or
  rejected, with the decider's note.

See participation/statements/models.py.

Revision ID: 0010_statement_appeals
Revises: 0009_suspensions
Create Date: 2026-12-06 11:00:00

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0010_statement_appeals"
down_revision = "0009_suspensions"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "statement_appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(length=2000), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("hidden_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "granted",
                "rejected",
                name="statement_appeal_outcome",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("decision_note", sa.String(length=1000), nullable=True),
        sa.CheckConstraint(
            "(decided_at IS NULL) = (outcome IS NULL)", name=op.f("ck_statement_appeals_decided_has_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_statement_appeals_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_appeals_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_statement_appeals_decided_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["hidden_by_id"], ["users.id"], name=op.f("fk_statement_appeals_hidden_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_appeals")),
        sa.UniqueConstraint("statement_id", name="uq_statement_appeals_statement_id"),
    )
    with op.batch_alter_table("statement_appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_appeals_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_appeals_decided_at"), ["decided_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_appeals_decided_by_id"), ["decided_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_appeals_hidden_by_id"), ["hidden_by_id"], unique=False)


def downgrade():
    with op.batch_alter_table("statement_appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_appeals_hidden_by_id"))
        batch_op.drop_index(batch_op.f("ix_statement_appeals_decided_by_id"))
        batch_op.drop_index(batch_op.f("ix_statement_appeals_decided_at"))
        batch_op.drop_index(batch_op.f("ix_statement_appeals_author_id"))
    op.drop_table("statement_appeals")
