"""What every load measurement shares: a database per backend, gunicorn, a timed load.

Each measurement runs against SQLite (a file in a temporary folder) and a throw-away
PostgreSQL database (participation_bench_<random> on 127.0.0.1:5432, dropped afterwards).
gunicorn runs 2 sync workers on loopback, as design.md §10 measures the peers.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def bench_app(url: str):
    """The application on a fresh schema, configured as a benchmark needs it."""
    from participation import create_app
    from participation.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": "bench",
            "TESTING": False,
            "PUBLIC_URL": "http://127.0.0.1",
            "EXTRA_TRUSTED_HOSTS": ("localhost",),
            "ALLOW_PER_PROCESS_RATE_LIMITS": True,
            "RATELIMIT_ENABLED": False,
            "PASSWORD_HASH_TIME_COST": 1,
            "PASSWORD_HASH_MEMORY_COST": 64,
        }
    )
    with app.app_context():
        db.create_all()
    return app


def postgres_database() -> tuple[str | None, Callable[[], None]]:
    """Create a throw-away PostgreSQL database: (URL or None when no server, drop function)."""
    name = f"participation_bench_{secrets.token_hex(5)}"
    server = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # no server: say so and measure SQLite only
        print(f"postgresql  skipped: {type(exc).__name__}")
        server.dispose()
        return None, lambda: None

    def drop() -> None:
        with server.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.dispose()

    return sa.engine.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False), drop


def each_backend(measure: Callable[[str, str], None]) -> int:
    """Run `measure(backend, url)` on SQLite and, when a server answers, on PostgreSQL."""
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", f"sqlite:///{tmp}/bench.db")
    url, drop = postgres_database()
    if url is not None:
        try:
            measure("postgresql", url)
        finally:
            drop()
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(url: str, probe_path: str) -> Iterator[str]:
    """Serve the app on `url`'s database with 2 sync workers; yield the base address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_hex(16),
        "APP_ENV": "production",
        "RATELIMIT_ENABLED": "false",
        "PUBLIC_URL": base,
        "ALLOW_PER_PROCESS_RATE_LIMITS": "true",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            "2",
            "-k",
            "sync",
            "-b",
            f"127.0.0.1:{port}",
            "--timeout",
            "60",
            "--log-level",
            "warning",
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + probe_path, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def get_load(target: str, *, duration: float = 8.0, max_requests: int = 5_000, threads: int = 8) -> tuple[float, int]:
    """GET `target` from several threads for a fixed time: (requests per second, requests)."""
    done = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if done[0] >= max_requests:
                    return
            with urllib.request.urlopen(target, timeout=30) as response:
                assert response.status == 200
                response.read()
            with lock:
                done[0] += 1

    started = time.monotonic()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for t in workers:
        t.start()
    for t in workers:
        t.join()
    return done[0] / (time.monotonic() - started), done[0]


def count_page_queries(app, path: str) -> int:
    """SQL statements one request for `path` runs (after a warm-up request)."""
    from participation.extensions import db

    with app.app_context():
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        sa.event.listen(db.engine, "before_cursor_execute", listener)
        client = app.test_client()
        client.get(path)
        statements.clear()
        response = client.get(path)
        assert response.status_code == 200, response.status_code
        sa.event.remove(db.engine, "before_cursor_execute", listener)
        db.engine.dispose()
    return len(statements)
