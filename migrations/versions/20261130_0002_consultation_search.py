"""consultation search: full-text vectors per consultation and language (PostgreSQL)

PostgreSQL gets text search configurations that fold accents and stem per language, a table of
tsvectors with a GIN index, filled here for existing consultations (the application keeps it up
to date afterwards). SQLite searches with an in-memory FTS5 index; the table stays empty there.

Revision ID: 0002_consultation_search
Revises: 25efe10804c1
Create Date: 2026-11-30 02:00:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "0002_consultation_search"
down_revision = "25efe10804c1"
branch_labels = None
depends_on = None

# language -> (configuration, PostgreSQL configuration it copies); as in
# participation/consultations/search_schema.py at the time of writing.
CONFIGURATIONS = {
    "nl": ("participation_nl", "dutch"),
    "en": ("participation_en", "english"),
    "fr": ("participation_fr", "french"),
}
FALLBACK = ("participation_simple", "simple")
SEARCHED_FIELDS = ("title", "summary", "plain_summary", "body")


def _is_postgresql():
    return op.get_bind().dialect.name == "postgresql"


def _languages():
    try:
        from flask import current_app

        return tuple(current_app.config["LANGUAGES"])
    except (ImportError, RuntimeError, KeyError):
        return ("nl", "en", "fr")


def _create_configurations():
    op.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in [*CONFIGURATIONS.values(), FALLBACK]:
        stemmer = "simple" if base == "simple" else f"{base}_stem"
        op.execute(f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
    ALTER TEXT SEARCH CONFIGURATION {name}
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
  END IF;
END $$""")


def _fill_vectors():
    for lang in _languages():
        if not lang.isalpha():
            continue  # only ever a language code; never put anything else into SQL
        config = CONFIGURATIONS.get(lang, FALLBACK)[0]
        visible = ", ".join(
            f"COALESCE(NULLIF(BTRIM({field} ->> '{lang}'), ''), {field} ->> 'nl', '')" for field in SEARCHED_FIELDS
        )
        op.execute(
            "INSERT INTO consultation_search_vectors (consultation_id, lang, document) "
            f"SELECT id, '{lang}', to_tsvector('{config}'::regconfig, concat_ws(E'\\n', {visible})) "
            "FROM consultations"
        )


def upgrade():
    if _is_postgresql():
        _create_configurations()
    op.create_table(
        "consultation_search_vectors",
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("document", sa.Text().with_variant(postgresql.TSVECTOR(), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_consultation_search_vectors_consultation_id_consultations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("consultation_id", "lang", name=op.f("pk_consultation_search_vectors")),
    )
    with op.batch_alter_table("consultation_search_vectors", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consultation_search_vectors_document", ["document"], unique=False, postgresql_using="gin"
        )
    if _is_postgresql():
        _fill_vectors()


def downgrade():
    with op.batch_alter_table("consultation_search_vectors", schema=None) as batch_op:
        batch_op.drop_index("ix_consultation_search_vectors_document", postgresql_using="gin")
    op.drop_table("consultation_search_vectors")
    if _is_postgresql():
        # The unaccent extension stays: other databases objects may use it, and it holds no data.
        for name, _base in [*CONFIGURATIONS.values(), FALLBACK]:
            op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
