"""Fixtures: the app on SQLite and PostgreSQL, a clean database per test, CSRF kept on.

Every test that uses `app` runs once per backend. PostgreSQL tests use a fresh
database created for the run (so parallel runs do not collide); when no server
answers they are skipped with the reason, except under CI=true where they fail.
"""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from participation import create_app
from participation.extensions import db, limiter
from tests.support import FormClient

PG_SERVER_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret-key",
    # Forms are submitted at once in tests; tests of the minimum fill time set it themselves.
    "ANTISPAM_MIN_SECONDS": 0,
    # Limits are set up, then switched off; the `rate_limits` fixture switches them on.
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "PASSWORD_HASH_TIME_COST": 1,
    "PASSWORD_HASH_MEMORY_COST": 64,
    "MAIL_SERVER": "127.0.0.1",
    "MAIL_PORT": 9,  # nothing listens: tests that deliver mail start their own SMTP server
    "SHOW_OUTBOX_PAGE": True,
    "PUBLIC_URL": "http://participatie.test",
    # The test client asks for `localhost`; tests of the host check build their own app.
    "EXTRA_TRUSTED_HOSTS": ("localhost",),
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    # Staff log in with a password alone here; tests/accounts/test_two_factor.py turns it on.
    "TWO_FACTOR_REQUIRED_FOR_STAFF": False,
}


def postgres_unavailable_reason() -> str | None:
    try:
        engine = sa.create_engine(PG_SERVER_URL, isolation_level="AUTOCOMMIT")
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # any failure to connect means: no server for us
        return f"PostgreSQL at {PG_SERVER_URL} does not answer ({type(exc).__name__})"
    return None


def create_postgres_database() -> tuple[str, callable]:
    """Create a throw-away database; return its URL and a function that drops it."""
    name = f"participation_test_{uuid.uuid4().hex[:10]}"
    server = sa.create_engine(PG_SERVER_URL, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(PG_SERVER_URL).set(database=name).render_as_string(hide_password=False)

    def drop() -> None:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()

    return url, drop


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request) -> str:
    if request.param == "postgresql":
        reason = postgres_unavailable_reason()
        if reason:
            if IN_CI:
                pytest.fail(f"{reason}; PostgreSQL tests are required under CI=true")
            print(f"\nSkipping PostgreSQL tests: {reason}")
            pytest.skip(reason)
    return request.param


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory):
    if backend == "sqlite":
        yield "sqlite:///" + str(tmp_path_factory.mktemp("sqlite") / "test.db")
        return
    url, drop = create_postgres_database()
    yield url
    drop()


def make_app(database_url: str, **overrides):
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, **overrides})
    with app.app_context():
        db.create_all()
    limiter.enabled = False
    return app


@pytest.fixture(scope="session")
def app(database_url):
    app = make_app(database_url)
    yield app
    with app.app_context():
        db.engine.dispose()


def wipe_database(app) -> None:
    """Remove every row, keep the schema (fast on both backends)."""
    with app.app_context():
        tables = list(reversed(db.metadata.sorted_tables))
        with db.engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in tables)
                conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            else:
                from participation.core.audit import SQLITE_NO_DELETE

                # The audit log's append-only trigger refuses deletes: lift it for the wipe only.
                conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entries_no_delete")
                for table in tables:
                    conn.execute(table.delete())
                conn.exec_driver_sql(SQLITE_NO_DELETE)
        db.session.remove()


@pytest.fixture(autouse=True)
def _clean_database(request):
    # Any create_app() (some tests build their own) re-enables the shared limiter: keep it off
    # unless the test asks for `rate_limits`.
    limiter.enabled = False
    yield
    if "app" in request.fixturenames:
        wipe_database(request.getfixturevalue("app"))


@pytest.fixture
def client(app) -> FormClient:
    return FormClient(app.test_client())


@pytest.fixture
def other_client(app) -> FormClient:
    return FormClient(app.test_client())


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def rate_limits(app):
    """Turn rate limiting on, from a clean slate, for one test."""
    limiter.enabled = True
    with app.app_context():
        limiter.reset()
    yield limiter
    limiter.enabled = False
    with app.app_context():
        limiter.reset()
