"""suspensions: one row per suspension and at most one appeal per suspension

- suspensions: who was suspended, by whom, why, from when until when (NULL: until further
  notice), lifted when and by whom. The users' own columns stay the current state; accounts
  suspended before this revision get their row here (the suspending moderator read from the
  audit log's latest user.suspend entry about them).
- suspension_appeals: the suspended person's one appeal, UNIQUE (suspension_id); decided_at,
  decided_by_id, outcome (upheld / lifted) and a note.

See participation/moderation/models.py.

Revision ID: 0009_suspensions
Revises: 0008_opinion_map
Create Date: 2026-12-06 10:35:13.786032

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0009_suspensions"
down_revision = "0008_opinion_map"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "suspensions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("suspended_by_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("starts_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lifted_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lifted_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(lifted_at IS NULL) OR (lifted_at >= starts_at)", name=op.f("ck_suspensions_lifted_after_start")
        ),
        sa.CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name=op.f("ck_suspensions_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["lifted_by_id"], ["users.id"], name=op.f("fk_suspensions_lifted_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["suspended_by_id"], ["users.id"], name=op.f("fk_suspensions_suspended_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_suspensions_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspensions")),
    )
    with op.batch_alter_table("suspensions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suspensions_lifted_by_id"), ["lifted_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suspensions_starts_at"), ["starts_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_suspensions_suspended_by_id"), ["suspended_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suspensions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "suspension_appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suspension_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=2000), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "upheld",
                "lifted",
                name="suspension_appeal_outcome",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("decision_note", sa.String(length=1000), nullable=True),
        sa.CheckConstraint(
            "(decided_at IS NULL) = (outcome IS NULL)", name=op.f("ck_suspension_appeals_decided_has_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_suspension_appeals_decided_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["suspension_id"],
            ["suspensions.id"],
            name=op.f("fk_suspension_appeals_suspension_id_suspensions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension_appeals")),
        sa.UniqueConstraint("suspension_id", name="uq_suspension_appeals_suspension_id"),
    )
    with op.batch_alter_table("suspension_appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suspension_appeals_decided_at"), ["decided_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_suspension_appeals_decided_by_id"), ["decided_by_id"], unique=False)

    # Accounts suspended today get their record.
    op.execute(
        """
        INSERT INTO suspensions (user_id, suspended_by_id, reason, starts_at, ends_at)
        SELECT u.id,
               (SELECT a.actor_id FROM audit_entries a
                 WHERE a.target_type = 'user' AND a.target_id = u.id AND a.action = 'user.suspend'
                 ORDER BY a.created_at DESC, a.id DESC LIMIT 1),
               u.suspension_reason, u.suspended_at, u.suspended_until
          FROM users u
         WHERE u.suspended_at IS NOT NULL
           AND (u.suspended_until IS NULL OR u.suspended_until > u.suspended_at)
        """
    )


def downgrade():
    with op.batch_alter_table("suspension_appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suspension_appeals_decided_by_id"))
        batch_op.drop_index(batch_op.f("ix_suspension_appeals_decided_at"))

    op.drop_table("suspension_appeals")
    with op.batch_alter_table("suspensions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suspensions_user_id"))
        batch_op.drop_index(batch_op.f("ix_suspensions_suspended_by_id"))
        batch_op.drop_index(batch_op.f("ix_suspensions_starts_at"))
        batch_op.drop_index(batch_op.f("ix_suspensions_lifted_by_id"))

    op.drop_table("suspensions")
