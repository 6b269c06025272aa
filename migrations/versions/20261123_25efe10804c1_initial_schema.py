"""initial schema

Revision ID: 25efe10804c1
Revises:
Create Date: 2026-11-23 03:54:36.113878

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import participation.core.db

# revision identifiers, used by Alembic.
revision = "25efe10804c1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "networks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "description", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_networks")),
        sa.UniqueConstraint("slug", name=op.f("uq_networks_slug")),
    )
    op.create_table(
        "outbox_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("template", sa.String(length=80), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_messages")),
    )
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_messages_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_messages_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "themes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column(
            "name", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column(
            "description", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=True
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_themes")),
        sa.UniqueConstraint("slug", name=op.f("uq_themes_slug")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("preferred_language", sa.String(length=8), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "resident",
                "organiser",
                "moderator",
                "admin",
                name="role",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("email_verified_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("privacy_consent_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("session_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("suspended_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("suspended_until", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("suspension_reason", sa.String(length=500), nullable=True),
        sa.Column("notify_on_reply", sa.Boolean(), nullable=False),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lowercase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("target_type", sa.String(length=40), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_entries_actor_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entries_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entries_created_at"), ["created_at"], unique=False)
        batch_op.create_index("ix_audit_entries_target", ["target_type", "target_id"], unique=False)

    op.create_table(
        "consultations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "draft",
                "published",
                "results_published",
                name="consultation_state",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("opens_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closes_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "title", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column(
            "summary", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column(
            "body", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column(
            "plain_summary",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "results", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=True
        ),
        sa.Column(
            "feedback", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=True
        ),
        sa.Column(
            "moderation_mode",
            sa.Enum("post", "pre", name="moderation_mode", native_enum=False, create_constraint=True, length=20),
            nullable=False,
        ),
        sa.Column("comments_enabled", sa.Boolean(), nullable=False),
        sa.Column("results_visible_while_open", sa.Boolean(), nullable=False),
        sa.Column("published_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("results_published_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_consultations_closes_after_opening")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_consultations_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
        sa.UniqueConstraint("slug", name=op.f("uq_consultations_slug")),
    )
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultations_closes_at"), ["closes_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_created_by_id"), ["created_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_opens_at"), ["opens_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_consultations_state"), ["state"], unique=False)

    op.create_table(
        "network_themes",
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"], ["networks.id"], name=op.f("fk_network_themes_network_id_networks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["themes.id"], name=op.f("fk_network_themes_theme_id_themes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("network_id", "theme_id", name=op.f("pk_network_themes")),
    )
    with op.batch_alter_table("network_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_themes_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("root_id", sa.Integer(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column(
            "alignment",
            sa.Enum(
                "for",
                "against",
                "neutral",
                name="comment_alignment",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "published",
                "pending",
                "hidden",
                name="comment_state",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("edited_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
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
                name="comment_hide_reason",
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
            "state != 'hidden' OR hidden_reason IS NOT NULL", name=op.f("ck_comments_hidden_has_reason")
        ),
        sa.CheckConstraint(
            "(parent_id IS NULL AND depth = 0 AND root_id IS NULL) OR (parent_id IS NOT NULL AND depth > 0 AND root_id IS NOT NULL)",
            name=op.f("ck_comments_parent_matches_depth"),
        ),
        sa.CheckConstraint("depth >= 0 AND depth <= 3", name=op.f("ck_comments_depth_range")),
        sa.CheckConstraint("length(body) >= 1 AND length(body) <= 2000", name=op.f("ck_comments_body_length")),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_comments_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_comments_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["hidden_by_id"], ["users.id"], name=op.f("fk_comments_hidden_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id", "consultation_id"],
            ["comments.id", "comments.consultation_id"],
            name="fk_comments_parent_same_consultation",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["root_id"], ["comments.id"], name=op.f("fk_comments_root_id_comments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sa.UniqueConstraint("id", "consultation_id", name="uq_comments_id_consultation"),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_hidden_by_id"), ["hidden_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_root_id"), ["root_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comments_state"), ["state"], unique=False)
        batch_op.create_index("ix_comments_thread", ["consultation_id", "parent_id", "created_at"], unique=False)

    op.create_table(
        "consultation_networks",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_networks_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_consultation_networks_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consultation_id", "network_id", name=op.f("pk_consultation_networks")),
    )
    with op.batch_alter_table("consultation_networks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_networks_network_id"), ["network_id"], unique=False)

    op.create_table(
        "consultation_organisers",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_organisers_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_consultation_organisers_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("consultation_id", "user_id", name=op.f("pk_consultation_organisers")),
    )
    with op.batch_alter_table("consultation_organisers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_organisers_user_id"), ["user_id"], unique=False)

    op.create_table(
        "consultation_phases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column(
            "name", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column("starts_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_at >= starts_at", name=op.f("ck_consultation_phases_ends_after_start")),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_phases_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation_phases")),
    )
    with op.batch_alter_table("consultation_phases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_phases_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "consultation_themes",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_themes_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["themes.id"], name=op.f("fk_consultation_themes_theme_id_themes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("consultation_id", "theme_id", name=op.f("pk_consultation_themes")),
    )
    with op.batch_alter_table("consultation_themes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_themes_theme_id"), ["theme_id"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column(
            "title", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column(
            "description", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column("starts_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "format",
            sa.Enum(
                "in_person",
                "online",
                "hybrid",
                name="event_format",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("online_url", sa.String(length=500), nullable=True),
        sa.Column("languages", sa.String(length=60), nullable=False),
        sa.Column("step_free", sa.Boolean(), nullable=False),
        sa.Column("sign_language", sa.Boolean(), nullable=False),
        sa.Column("induction_loop", sa.Boolean(), nullable=False),
        sa.Column(
            "accessibility_notes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("registration_opens_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("registration_closes_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ask_dietary", sa.Boolean(), nullable=False),
        sa.Column("ask_accessibility", sa.Boolean(), nullable=False),
        sa.Column(
            "free_question",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled", "cancelled", name="event_status", native_enum=False, create_constraint=True, length=20
            ),
            nullable=False,
        ),
        sa.Column(
            "cancel_reason",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("cancelled_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column(
            "report_summary",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("report_attendees", sa.Integer(), nullable=True),
        sa.Column("report_published_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("capacity >= 1", name=op.f("ck_events_capacity_positive")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_events_ends_after_start")),
        sa.CheckConstraint(
            "registration_closes_at > registration_opens_at", name=op.f("ck_events_registration_window")
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_events_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_events_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_consultation_id"), ["consultation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_created_by_id"), ["created_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "single",
                "multiple",
                "ranking",
                "scale",
                name="question_kind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("max_choices", sa.Integer(), nullable=True),
        sa.Column(
            "prompt", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.Column("help", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("max_choices IS NULL OR max_choices >= 1", name=op.f("ck_questions_max_choices_positive")),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_questions_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questions_consultation_id"), ["consultation_id"], unique=False)

    op.create_table(
        "ballots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("receipt_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"], ["questions.id"], name=op.f("fk_ballots_question_id_questions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_ballots_user_id_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballots")),
        sa.UniqueConstraint("question_id", "user_id", name=op.f("uq_ballots_question_id_user_id")),
        sa.UniqueConstraint("receipt_fingerprint", name=op.f("uq_ballots_receipt_fingerprint")),
    )
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ballots_question_id"), ["question_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_ballots_user_id"), ["user_id"], unique=False)

    op.create_table(
        "comment_appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
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
                name="comment_appeal_outcome",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=True,
        ),
        sa.Column("decision_note", sa.String(length=1000), nullable=True),
        sa.CheckConstraint(
            "(decided_at IS NULL) = (outcome IS NULL)", name=op.f("ck_comment_appeals_decided_has_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_comment_appeals_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"], ["comments.id"], name=op.f("fk_comment_appeals_comment_id_comments"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_comment_appeals_decided_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["hidden_by_id"], ["users.id"], name=op.f("fk_comment_appeals_hidden_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_appeals")),
        sa.UniqueConstraint("comment_id", name="uq_comment_appeals_comment_id"),
    )
    with op.batch_alter_table("comment_appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_appeals_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_appeals_decided_at"), ["decided_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_appeals_decided_by_id"), ["decided_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_appeals_hidden_by_id"), ["hidden_by_id"], unique=False)

    op.create_table(
        "comment_endorsements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_endorsements_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_comment_endorsements_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_endorsements")),
        sa.UniqueConstraint("comment_id", "user_id", name="uq_comment_endorsements_comment_user"),
    )
    with op.batch_alter_table("comment_endorsements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_endorsements_comment_id"), ["comment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_endorsements_user_id"), ["user_id"], unique=False)

    op.create_table(
        "comment_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(
                "spam",
                "offensive",
                "personal_data",
                "off_topic",
                "other",
                name="comment_report_reason",
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
            name=op.f("ck_comment_reports_other_has_text"),
        ),
        sa.ForeignKeyConstraint(
            ["comment_id"], ["comments.id"], name=op.f("fk_comment_reports_comment_id_comments"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["users.id"], name=op.f("fk_comment_reports_reporter_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_reports")),
        sa.UniqueConstraint("comment_id", "reporter_id", name="uq_comment_reports_comment_reporter"),
    )
    with op.batch_alter_table("comment_reports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_reports_comment_id"), ["comment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_reports_reporter_id"), ["reporter_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_comment_reports_resolved_at"), ["resolved_at"], unique=False)

    op.create_table(
        "event_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "confirmed",
                "waiting",
                "cancelled",
                name="registration_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("dietary_needs", sa.String(length=500), nullable=True),
        sa.Column("accessibility_needs", sa.String(length=500), nullable=True),
        sa.Column("free_answer", sa.String(length=1000), nullable=True),
        sa.Column("created_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("confirmed_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("checked_in_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reminded_at", participation.core.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_registrations_event_id_events"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_event_registrations_user_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_registrations")),
        sa.UniqueConstraint("event_id", "sequence", name=op.f("uq_event_registrations_event_id_sequence")),
    )
    with op.batch_alter_table("event_registrations", schema=None) as batch_op:
        batch_op.create_index("ix_event_registrations_event_status", ["event_id", "status", "sequence"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_registrations_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            "uq_event_registrations_active_email",
            ["event_id", "email"],
            unique=True,
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
            postgresql_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
        )
        batch_op.create_index(
            "uq_event_registrations_active_user",
            ["event_id", "user_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
            postgresql_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
        )

    op.create_table(
        "question_options",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "label", sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_question_options_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question_options")),
    )
    with op.batch_alter_table("question_options", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_options_question_id"), ["question_id"], unique=False)

    op.create_table(
        "ballot_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.CheckConstraint("rank IS NULL OR rank >= 1", name=op.f("ck_ballot_choices_rank_positive")),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["ballots.id"], name=op.f("fk_ballot_choices_ballot_id_ballots"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["question_options.id"],
            name=op.f("fk_ballot_choices_option_id_question_options"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballot_choices")),
        sa.UniqueConstraint("ballot_id", "option_id", name=op.f("uq_ballot_choices_ballot_id_option_id")),
        sa.UniqueConstraint("ballot_id", "rank", name=op.f("uq_ballot_choices_ballot_id_rank")),
    )
    with op.batch_alter_table("ballot_choices", schema=None) as batch_op:
        batch_op.create_index("ix_ballot_choices_option_rank", ["option_id", "rank"], unique=False)


def downgrade():
    with op.batch_alter_table("ballot_choices", schema=None) as batch_op:
        batch_op.drop_index("ix_ballot_choices_option_rank")

    op.drop_table("ballot_choices")
    with op.batch_alter_table("question_options", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_options_question_id"))

    op.drop_table("question_options")
    with op.batch_alter_table("event_registrations", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_event_registrations_active_user",
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
            postgresql_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
        )
        batch_op.drop_index(
            "uq_event_registrations_active_email",
            sqlite_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
            postgresql_where=sa.text("status IN ('pending', 'confirmed', 'waiting')"),
        )
        batch_op.drop_index(batch_op.f("ix_event_registrations_user_id"))
        batch_op.drop_index("ix_event_registrations_event_status")

    op.drop_table("event_registrations")
    with op.batch_alter_table("comment_reports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_reports_resolved_at"))
        batch_op.drop_index(batch_op.f("ix_comment_reports_reporter_id"))
        batch_op.drop_index(batch_op.f("ix_comment_reports_comment_id"))

    op.drop_table("comment_reports")
    with op.batch_alter_table("comment_endorsements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_endorsements_user_id"))
        batch_op.drop_index(batch_op.f("ix_comment_endorsements_comment_id"))

    op.drop_table("comment_endorsements")
    with op.batch_alter_table("comment_appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_appeals_hidden_by_id"))
        batch_op.drop_index(batch_op.f("ix_comment_appeals_decided_by_id"))
        batch_op.drop_index(batch_op.f("ix_comment_appeals_decided_at"))
        batch_op.drop_index(batch_op.f("ix_comment_appeals_author_id"))

    op.drop_table("comment_appeals")
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ballots_user_id"))
        batch_op.drop_index(batch_op.f("ix_ballots_question_id"))

    op.drop_table("ballots")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questions_consultation_id"))

    op.drop_table("questions")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_starts_at"))
        batch_op.drop_index(batch_op.f("ix_events_created_by_id"))
        batch_op.drop_index(batch_op.f("ix_events_consultation_id"))

    op.drop_table("events")
    with op.batch_alter_table("consultation_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_themes_theme_id"))

    op.drop_table("consultation_themes")
    with op.batch_alter_table("consultation_phases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_phases_consultation_id"))

    op.drop_table("consultation_phases")
    with op.batch_alter_table("consultation_organisers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_organisers_user_id"))

    op.drop_table("consultation_organisers")
    with op.batch_alter_table("consultation_networks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_networks_network_id"))

    op.drop_table("consultation_networks")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index("ix_comments_thread")
        batch_op.drop_index(batch_op.f("ix_comments_state"))
        batch_op.drop_index(batch_op.f("ix_comments_root_id"))
        batch_op.drop_index(batch_op.f("ix_comments_parent_id"))
        batch_op.drop_index(batch_op.f("ix_comments_hidden_by_id"))
        batch_op.drop_index(batch_op.f("ix_comments_created_at"))
        batch_op.drop_index(batch_op.f("ix_comments_consultation_id"))
        batch_op.drop_index(batch_op.f("ix_comments_author_id"))

    op.drop_table("comments")
    with op.batch_alter_table("network_themes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_themes_theme_id"))

    op.drop_table("network_themes")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultations_state"))
        batch_op.drop_index(batch_op.f("ix_consultations_opens_at"))
        batch_op.drop_index(batch_op.f("ix_consultations_created_by_id"))
        batch_op.drop_index(batch_op.f("ix_consultations_closes_at"))

    op.drop_table("consultations")
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entries_target")
        batch_op.drop_index(batch_op.f("ix_audit_entries_created_at"))
        batch_op.drop_index(batch_op.f("ix_audit_entries_consultation_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entries_actor_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entries_action"))

    op.drop_table("audit_entries")
    op.drop_table("users")
    op.drop_table("themes")
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_messages_sent_at"))
        batch_op.drop_index(batch_op.f("ix_outbox_messages_created_at"))

    op.drop_table("outbox_messages")
    op.drop_table("networks")
