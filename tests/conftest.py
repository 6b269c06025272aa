"""Fixtures: the app on SQLite and PostgreSQL, a clean database per test, CSRF kept on.

Every test that uses `app` runs once per backend (`TEST_BACKENDS=sqlite` for one only:
`make test-fast`). PostgreSQL tests use a fresh database created for the run (so parallel
runs and pytest-xdist workers do not collide); when no server answers they are skipped with
the reason, except under CI=true where they fail.

Isolation between tests (`TEST_ISOLATION`, see docs/testing.md):
- `wipe` (the default, `make test`): tests commit for real and every table is emptied after
  each test;
- `rollback` (`make test-fast`): each test runs inside one outer transaction on one connection
  that is rolled back afterwards; the app's commits become savepoints. Tests marked
  `real_commits` or `concurrency` still commit for real and are wiped.
"""

from __future__ import annotations

import os
import traceback
import uuid
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import current_app
from flask_sqlalchemy.session import Session as FlaskSession

from participation import create_app
from participation.extensions import db, limiter
from tests.support import FormClient, worker_redis_url

PG_SERVER_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() == "true"
BACKENDS = [name.strip() for name in os.environ.get("TEST_BACKENDS", "sqlite,postgresql").split(",") if name.strip()]
ISOLATION = os.environ.get("TEST_ISOLATION", "wipe")
if not set(BACKENDS) <= {"sqlite", "postgresql"} or ISOLATION not in ("wipe", "rollback"):
    raise pytest.UsageError("TEST_BACKENDS takes sqlite and/or postgresql; TEST_ISOLATION wipe or rollback")
if IN_CI and "postgresql" not in BACKENDS:
    raise pytest.UsageError("PostgreSQL tests are required under CI=true: TEST_BACKENDS must include postgresql")

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


@pytest.fixture(scope="session", params=BACKENDS)
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


_SCHEMA_CREATED: set[str] = set()


def make_app(database_url: str, **overrides):
    app = create_app({**TEST_CONFIG, "SQLALCHEMY_DATABASE_URI": database_url, **overrides})
    # Once per database: a further app on it (`extra_app`) must not write, not even the checks of
    # create_all(), while a rolled-back test holds SQLite's write lock on the first connection.
    if database_url not in _SCHEMA_CREATED:
        with app.app_context():
            db.create_all()
        _SCHEMA_CREATED.add(database_url)
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


class _JoinedSession(FlaskSession):
    """db.session inside a rolled-back test: every query goes to the test's one connection.

    Apps built on the same database (tests/core's `extra_app`) share it too, so they see the
    test's rows; apps on another database keep their own engine.
    """

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if current_app.config["SQLALCHEMY_DATABASE_URI"] == self.info["database_url"]:
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


# Modules that work in a short transaction of their own (`Session(db.engine)`, a second
# connection). Inside a rolled-back test they get a session on the test's connection instead, in
# a savepoint: what they store during a GET request goes when the request's own savepoint is
# rolled back, so tests of that storing are marked `real_commits`. `make test` runs them for real.
OWN_TRANSACTIONS = ["participation.votes.final_counts"]


def _session_on(connection, _engine=None, **options):
    return sa.orm.Session(bind=connection, join_transaction_mode="create_savepoint", **options)


@contextmanager
def rolled_back(app):
    """Run the block in one outer transaction that is rolled back afterwards.

    The app's commits release savepoints (join_transaction_mode="create_savepoint"), so the
    session's commit hooks still run. Code that opens a connection of its own on the app's
    engine would not see the test's rows (and on SQLite would wait for its write lock):
    such a test fails here with a pointer to the `real_commits` marker.
    """
    with app.app_context():
        engine = db.engine
        database_url = app.config["SQLALCHEMY_DATABASE_URI"]
    connection = engine.connect()
    outer = connection.begin()
    others = []

    def _checkout(_dbapi_connection, _record, _proxy):
        if not others:  # where the first one was opened, for the message below
            ours = [f for f in traceback.extract_stack() if "site-packages" not in f.filename][-8:]
            others.append("".join(traceback.format_list(ours)))

    sa.event.listen(engine, "checkout", _checkout)
    patches = pytest.MonkeyPatch()
    for module in OWN_TRANSACTIONS:
        patches.setattr(f"{module}.Session", partial(_session_on, connection))
    shared_session = db.session
    db.session = db._make_scoped_session(
        {
            "class_": _JoinedSession,
            "bind": connection,
            "join_transaction_mode": "create_savepoint",
            "info": {"database_url": database_url},
        }
    )
    try:
        yield
    finally:
        # Sessions left open by the test (outside any app context now) end before the rollback.
        sa.orm.close_all_sessions()
        patches.undo()
        db.session = shared_session
        sa.event.remove(engine, "checkout", _checkout)
        outer.rollback()
        connection.close()
    if others:
        pytest.fail(
            "the test opened another connection to the test database, which cannot see its "
            f"rolled-back rows: mark it @pytest.mark.real_commits. It was opened here:\n{others[0]}",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _clean_database(request):
    # Any create_app() (some tests build their own) re-enables the shared limiter: keep it off
    # unless the test asks for `rate_limits`.
    limiter.enabled = False
    if "app" not in request.fixturenames:
        yield
        return
    app = request.getfixturevalue("app")
    real_commits = request.node.get_closest_marker("real_commits") or request.node.get_closest_marker("concurrency")
    if ISOLATION == "rollback" and not real_commits:
        with rolled_back(app):
            yield
        return
    yield
    wipe_database(app)


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


# --- the page cache on two app servers ---------------------------------------------------------

PAGE_CACHE_REDIS_URL = worker_redis_url()


def _redis_reason() -> str | None:
    try:
        import redis

        redis.Redis.from_url(PAGE_CACHE_REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means: no Redis here
        return f"Redis at {PAGE_CACHE_REDIS_URL} does not answer ({type(exc).__name__})"
    return None


@pytest.fixture(params=["memory", "redis"])
def servers(request, app, database_url):
    """Two app instances with the page cache on, on the test database, like two app servers
    (tests/test_page_cache.py and tests/test_page_cache_families.py): in-process caches, then Redis."""
    # A day's time bucket: two views in one test never fall on both sides of a bucket's end (with
    # the default minute, a test crossing a full minute would see a miss and fail).
    extra = {"PAGE_CACHE": True, "PAGE_CACHE_SECONDS": 86400}
    if request.param == "redis":
        reason = _redis_reason()
        if reason:
            pytest.skip(reason)
        extra["PAGE_CACHE_REDIS_URL"] = PAGE_CACHE_REDIS_URL
    pair = [make_app(database_url, **extra) for _ in range(2)]
    for one in pair:
        one.extensions["page_cache"].clear()
    yield pair
    for one in pair:
        one.extensions["page_cache"].clear()
        with one.app_context():
            db.engine.dispose()


TESTS = Path(__file__).resolve().parent
MARKED_BY_FOLDER = {TESTS / "browser": "browser", TESTS / "cluster": "cluster"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test under tests/browser is a browser test, every one under tests/cluster a cluster
    test, whether or not its module says so (`-m "not browser"` must leave none behind)."""
    for item in items:
        for folder, marker in MARKED_BY_FOLDER.items():
            if folder in item.path.parents:
                item.add_marker(marker)
    _split_off_quiet_machine_tests(config, items)


# `make test` runs the suite in parallel without the tests that score speed, then those alone:
# TEST_QUIET_MACHINE=without | only (unset: all). An environment variable rather than `-m`, so that
# a `-m` of the person running `make test PYTEST_ARGS=...` still applies to both runs.
QUIET_MACHINE = os.environ.get("TEST_QUIET_MACHINE", "")


def _split_off_quiet_machine_tests(config, items) -> None:
    if QUIET_MACHINE not in ("without", "only"):
        return
    wanted = QUIET_MACHINE == "only"
    keep = [item for item in items if (item.get_closest_marker("quiet_machine") is not None) == wanted]
    dropped = [item for item in items if (item.get_closest_marker("quiet_machine") is not None) != wanted]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
