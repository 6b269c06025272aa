"""page speed: stored final counts, a content version for the page cache, a fingerprint index

- content_version: one row every write that can change a public page bumps in its own
  transaction; the page cache keys on it (participation/core/page_cache.py).
- final_counts / final_count_rows: the counts of a closed consultation, stored once and read
  by every process; a trigger forgets them whenever closes_at changes.
- ballots and ballot_choices: triggers refuse a ballot, or a change to one, once its
  consultation has closed, whatever code path writes it.
- ix_ballots_question_fingerprint: the results page lists fingerprints per question by index.

The SQL is a copy of the rules in participation/votes/models.py at this revision (migrations do
not import the app). After upgrading, `flask --app wsgi store-final-counts` stores the counts of
consultations that closed before it (the first view after closing would do it too).

Revision ID: 0007_page_speed
Revises: 0006_background_jobs
Create Date: 2026-12-06 05:40:43

"""

import sqlalchemy as sa
from alembic import op

import participation.core.db

# revision identifiers, used by Alembic.
revision = "0007_page_speed"
down_revision = "0006_background_jobs"
branch_labels = None
depends_on = None


POSTGRESQL_UPGRADE = [
    "CREATE OR REPLACE FUNCTION ballots_refuse_after_closing() RETURNS trigger AS $$\nDECLARE\n    closed boolean;\nBEGIN\n    IF TG_TABLE_NAME = 'ballots' THEN\n        SELECT c.closes_at <= clock_timestamp() INTO closed FROM questions q\n          JOIN consultations c ON c.id = q.consultation_id WHERE q.id = NEW.question_id;\n    ELSE\n        SELECT c.closes_at <= clock_timestamp() INTO closed FROM ballots b JOIN questions q ON q.id = b.question_id\n          JOIN consultations c ON c.id = q.consultation_id WHERE b.id = NEW.ballot_id;\n    END IF;\n    IF closed THEN\n        RAISE EXCEPTION 'voting has closed: no ballot can be cast or changed' USING ERRCODE = 'check_violation';\n    END IF;\n    RETURN NEW;\nEND\n$$ LANGUAGE plpgsql",
    "CREATE TRIGGER ballots_refuse_after_closing BEFORE INSERT OR UPDATE OF question_id, receipt_fingerprint, updated_at ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_refuse_after_closing()",
    "CREATE TRIGGER ballot_choices_refuse_after_closing BEFORE INSERT OR UPDATE ON ballot_choices FOR EACH ROW EXECUTE FUNCTION ballots_refuse_after_closing()",
    "CREATE OR REPLACE FUNCTION final_counts_forget() RETURNS trigger AS $$\nBEGIN\n    DELETE FROM final_counts WHERE consultation_id = NEW.id;\n    RETURN NEW;\nEND\n$$ LANGUAGE plpgsql",
    "CREATE TRIGGER consultations_forget_final_counts AFTER UPDATE OF closes_at ON consultations FOR EACH ROW WHEN (OLD.closes_at IS DISTINCT FROM NEW.closes_at) EXECUTE FUNCTION final_counts_forget()",
]
POSTGRESQL_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS consultations_forget_final_counts ON consultations",
    "DROP FUNCTION IF EXISTS final_counts_forget()",
    "DROP TRIGGER IF EXISTS ballot_choices_refuse_after_closing ON ballot_choices",
    "DROP TRIGGER IF EXISTS ballots_refuse_after_closing ON ballots",
    "DROP FUNCTION IF EXISTS ballots_refuse_after_closing()",
]
SQLITE_UPGRADE = [
    "CREATE TRIGGER ballots_refuse_insert_after_closing BEFORE INSERT ON ballots FOR EACH ROW WHEN EXISTS (SELECT 1 FROM questions q JOIN consultations c ON c.id = q.consultation_id WHERE q.id = NEW.question_id AND c.closes_at <= strftime('%Y-%m-%d %H:%M:%f', 'now')) BEGIN SELECT RAISE(ABORT, 'voting has closed: no ballot can be cast or changed'); END",
    "CREATE TRIGGER ballots_refuse_update_after_closing BEFORE UPDATE OF question_id, receipt_fingerprint, updated_at ON ballots FOR EACH ROW WHEN EXISTS (SELECT 1 FROM questions q JOIN consultations c ON c.id = q.consultation_id WHERE q.id = NEW.question_id AND c.closes_at <= strftime('%Y-%m-%d %H:%M:%f', 'now')) BEGIN SELECT RAISE(ABORT, 'voting has closed: no ballot can be cast or changed'); END",
    "CREATE TRIGGER ballot_choices_refuse_insert_after_closing BEFORE INSERT ON ballot_choices FOR EACH ROW WHEN EXISTS (SELECT 1 FROM ballots b JOIN questions q ON q.id = b.question_id JOIN consultations c ON c.id = q.consultation_id WHERE b.id = NEW.ballot_id AND c.closes_at <= strftime('%Y-%m-%d %H:%M:%f', 'now')) BEGIN SELECT RAISE(ABORT, 'voting has closed: no ballot can be cast or changed'); END",
    "CREATE TRIGGER ballot_choices_refuse_update_after_closing BEFORE UPDATE ON ballot_choices FOR EACH ROW WHEN EXISTS (SELECT 1 FROM ballots b JOIN questions q ON q.id = b.question_id JOIN consultations c ON c.id = q.consultation_id WHERE b.id = NEW.ballot_id AND c.closes_at <= strftime('%Y-%m-%d %H:%M:%f', 'now')) BEGIN SELECT RAISE(ABORT, 'voting has closed: no ballot can be cast or changed'); END",
    "CREATE TRIGGER consultations_forget_final_counts AFTER UPDATE OF closes_at ON consultations FOR EACH ROW WHEN OLD.closes_at IS NOT NEW.closes_at BEGIN DELETE FROM final_counts WHERE consultation_id = NEW.id; END",
]
SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS consultations_forget_final_counts",
    "DROP TRIGGER IF EXISTS ballots_refuse_insert_after_closing",
    "DROP TRIGGER IF EXISTS ballots_refuse_update_after_closing",
    "DROP TRIGGER IF EXISTS ballot_choices_refuse_insert_after_closing",
    "DROP TRIGGER IF EXISTS ballot_choices_refuse_update_after_closing",
]


def _run(statements_by_dialect):
    dialect = op.get_bind().dialect.name
    for statement in statements_by_dialect.get(dialect, []):
        op.execute(statement)


def upgrade():
    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_version")),
    )
    op.create_table(
        "final_counts",
        sa.Column("consultation_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("closes_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ballots", sa.Integer(), nullable=False),
        sa.Column("computed_at", participation.core.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_final_counts_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consultation_id", name=op.f("pk_final_counts")),
    )
    op.create_table(
        "final_count_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_preferences", sa.Integer(), nullable=False),
        sa.Column("borda", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["final_counts.consultation_id"],
            name=op.f("fk_final_count_rows_consultation_id_final_counts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["question_options.id"],
            name=op.f("fk_final_count_rows_option_id_question_options"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_final_count_rows_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_final_count_rows")),
    )
    with op.batch_alter_table("final_count_rows", schema=None) as batch_op:
        batch_op.create_index(
            "ix_final_count_rows_consultation", ["consultation_id", "question_id", "option_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_final_count_rows_option_id"), ["option_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_final_count_rows_question_id"), ["question_id"], unique=False)

    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.create_index("ix_ballots_question_fingerprint", ["question_id", "receipt_fingerprint"], unique=False)

    _run({"postgresql": POSTGRESQL_UPGRADE, "sqlite": SQLITE_UPGRADE})


def downgrade():
    _run({"postgresql": POSTGRESQL_DOWNGRADE, "sqlite": SQLITE_DOWNGRADE})
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.drop_index("ix_ballots_question_fingerprint")

    with op.batch_alter_table("final_count_rows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_final_count_rows_question_id"))
        batch_op.drop_index(batch_op.f("ix_final_count_rows_option_id"))
        batch_op.drop_index("ix_final_count_rows_consultation")

    op.drop_table("final_count_rows")
    op.drop_table("final_counts")
    op.drop_table("content_version")
