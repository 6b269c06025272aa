"""opinion map: statements residents vote on, their reports, and the stored map per consultation

- opinion_maps: statements switched on for a consultation (opening and closing moments, may
  residents add statements), the last computed map as JSON with computed_at, and the moment a
  vote asked for a new computation (the job clears it).
- statements: short claims (text per language, `language` the author's), moderation state.
- statement_votes: agree (1), disagree (-1), pass (0); UNIQUE (statement_id, user_id).
- statement_reports: one per person and statement.

See participation/statements/models.py.

Revision ID: 0008_opinion_map
Revises: 0007_page_speed
Create Date: 2026-12-06 07:13:31.052339

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0008_opinion_map"
down_revision = "0007_page_speed"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "opinion_maps",
        sa.Column("consultation_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("opens_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closes_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("residents_may_add", sa.Boolean(), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("computed_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("recompute_requested_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_opinion_maps_closes_after_opening")),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_opinion_maps_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consultation_id", name=op.f("pk_opinion_maps")),
    )
    with op.batch_alter_table("opinion_maps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opinion_maps_recompute_requested_at"), ["recompute_requested_at"], unique=False
        )

    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column(
            "text", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column("is_seed", sa.Boolean(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "published",
                "pending",
                "hidden",
                name="statement_state",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("votes_count", sa.Integer(), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "hidden_reason",
            sa.Enum(
                "spam",
                "offensive",
                "personal_data",
                "off_topic",
                "illegal",
                "other",
                "reported",
                name="statement_hide_reason",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("moderator_note", sa.String(length=1000), nullable=True),
        sa.Column("hidden_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("hidden_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "state != 'hidden' OR hidden_reason IS NOT NULL", name=op.f("ck_statements_hidden_has_reason")
        ),
        sa.CheckConstraint("votes_count >= 0", name=op.f("ck_statements_votes_count_positive")),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_statements_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_statements_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["hidden_by_id"], ["users.id"], name=op.f("fk_statements_hidden_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statements_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_hidden_by_id"), ["hidden_by_id"], unique=False)
        batch_op.create_index("ix_statements_next", ["consultation_id", "state", "votes_count"], unique=False)
        batch_op.create_index(batch_op.f("ix_statements_state"), ["state"], unique=False)

    op.create_table(
        "statement_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "spam",
                "offensive",
                "personal_data",
                "off_topic",
                "other",
                name="statement_report_reason",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.String(length=1000), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "reason != 'other' OR (text IS NOT NULL AND length(text) > 0)",
            name=op.f("ck_statement_reports_other_has_text"),
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["users.id"], name=op.f("fk_statement_reports_reporter_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_reports_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_reports")),
        sa.UniqueConstraint("statement_id", "reporter_id", name="uq_statement_reports_statement_reporter"),
    )
    with op.batch_alter_table("statement_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_reports_reporter_id"), ["reporter_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_reports_resolved_at"), ["resolved_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_reports_statement_id"), ["statement_id"], unique=False)

    op.create_table(
        "statement_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.SmallInteger(), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("value IN (-1, 0, 1)", name=op.f("ck_statement_votes_value_range")),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_statement_votes_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_statement_votes_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_statement_votes_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_votes")),
        sa.UniqueConstraint("statement_id", "user_id", name="uq_statement_votes_statement_user"),
    )
    with op.batch_alter_table("statement_votes", schema=None) as batch_op:
        batch_op.create_index("ix_statement_votes_consultation_user", ["consultation_id", "user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_votes_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("statement_votes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_votes_user_id"))
        batch_op.drop_index("ix_statement_votes_consultation_user")

    op.drop_table("statement_votes")
    with op.batch_alter_table("statement_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statement_reports_statement_id"))
        batch_op.drop_index(batch_op.f("ix_statement_reports_resolved_at"))
        batch_op.drop_index(batch_op.f("ix_statement_reports_reporter_id"))

    op.drop_table("statement_reports")
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_state"))
        batch_op.drop_index("ix_statements_next")
        batch_op.drop_index(batch_op.f("ix_statements_hidden_by_id"))
        batch_op.drop_index(batch_op.f("ix_statements_author_id"))

    op.drop_table("statements")
    with op.batch_alter_table("opinion_maps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opinion_maps_recompute_requested_at"))

    op.drop_table("opinion_maps")
