"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from participation import create_app
from participation.extensions import db
from tests.conftest import TEST_CONFIG, create_postgres_database


def test_upgrade_head_matches_the_models_and_downgrades_cleanly(backend, tmp_path):
    if backend == "sqlite":
        url, drop = f"sqlite:///{tmp_path}/migrated.db", None
    else:
        url, drop = create_postgres_database()
    try:
        app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade()
            with db.engine.connect() as conn:
                context = MigrationContext.configure(conn, opts={"compare_type": True})
                differences = compare_metadata(context, db.metadata)
            assert differences == []
            downgrade(revision="base")
            with db.engine.connect() as conn:
                remaining = set(db.inspect(conn).get_table_names()) - {"alembic_version"}
            assert remaining == set()
            db.engine.dispose()
    finally:
        if drop:
            drop()
