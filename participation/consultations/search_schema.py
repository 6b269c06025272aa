"""PostgreSQL objects the consultation search needs besides tables: text search configurations.

Each offered language gets a configuration that folds accents (the `unaccent` extension) before
stemming with PostgreSQL's own stemmer for that language; languages without a stemmer use the
'simple' one. The migration 0002 creates the same objects; `attach_to(table)` makes
`db.create_all()` (tests, a fresh development database) create them too.
"""

from __future__ import annotations

import sqlalchemy as sa

# language -> (our configuration, PostgreSQL's built-in one it copies)
CONFIGURATIONS = {
    "nl": ("participation_nl", "dutch"),
    "en": ("participation_en", "english"),
    "fr": ("participation_fr", "french"),
}
FALLBACK_CONFIGURATION = ("participation_simple", "simple")


def configuration_for(lang: str) -> str:
    """The text search configuration for a language ('simple' stemming for unknown ones)."""
    return CONFIGURATIONS.get(lang, FALLBACK_CONFIGURATION)[0]


def _create_configuration(name: str, base: str) -> str:
    stemmer = "simple" if base == "simple" else f"{base}_stem"
    # CREATE TEXT SEARCH CONFIGURATION has no IF NOT EXISTS.
    return f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
    ALTER TEXT SEARCH CONFIGURATION {name}
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
  END IF;
END $$"""  # noqa: S608 - names from CONFIGURATIONS, never from input


def create_statements() -> list[str]:
    statements = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for name, base in [*CONFIGURATIONS.values(), FALLBACK_CONFIGURATION]:
        statements.append(_create_configuration(name, base))
    return statements


def drop_statements() -> list[str]:
    return [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}"
        for name, _base in [*CONFIGURATIONS.values(), FALLBACK_CONFIGURATION]
    ]


def attach_to(table: sa.Table) -> None:
    """Create the configurations before the search table, drop them after it (PostgreSQL only)."""
    for statement in create_statements():
        sa.event.listen(table, "before_create", sa.DDL(statement).execute_if(dialect="postgresql"))
    for statement in drop_statements():
        sa.event.listen(table, "after_drop", sa.DDL(statement).execute_if(dialect="postgresql"))
