"""Test helpers: submit forms like a browser (CSRF token from the page), read mail."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from html import unescape

import sqlalchemy as sa

TOKEN_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class FormClient:
    """A Flask test client that fills in the CSRF token the way a browser would."""

    def __init__(self, client):
        self.client = client

    def __getattr__(self, name):
        return getattr(self.client, name)

    def token_from(self, page_url: str) -> str:
        response = self.client.get(page_url)
        match = TOKEN_RE.search(response.get_data(as_text=True))
        assert match, f"no CSRF token on {page_url} (status {response.status_code})"
        return unescape(match.group(1))

    def submit(self, page_url: str, data: dict | None = None, action: str | None = None, **kwargs):
        """GET the page with the form, then POST the data with its CSRF token."""
        token = self.token_from(page_url)
        return self.client.post(action or page_url, data={**(data or {}), "csrf_token": token}, **kwargs)

    def login(self, email: str, password: str, lang: str = "nl"):
        response = self.submit(f"/{lang}/account/login", {"email": email, "password": password})
        assert response.status_code == 303, response.get_data(as_text=True)[:2000]
        return response

    def logout(self, lang: str = "nl"):
        return self.submit(f"/{lang}/account/", action=f"/{lang}/account/logout")


def anonymous_client(app) -> FormClient:
    """A visitor without any cookie (not even a session's): the shared anonymous page."""
    return FormClient(app.test_client(use_cookies=False))


def text(response) -> str:
    return response.get_data(as_text=True)


def page_without_csrf(response) -> str:
    """The page with its CSRF tokens blanked, to compare two pages: a token is signed with the
    current second, so two otherwise equal pages differ whenever a second passes between them."""
    return TOKEN_RE.sub('name="csrf_token" value=""', text(response))


def outbox(app, recipient: str | None = None, template: str | None = None):
    """The queued mail, oldest first (optionally for one recipient or template)."""
    from participation.core.mail import OutboxMessage
    from participation.extensions import db

    with app.app_context():
        stmt = sa.select(OutboxMessage).order_by(OutboxMessage.id)
        if recipient:
            stmt = stmt.where(OutboxMessage.recipient == recipient)
        if template:
            stmt = stmt.where(OutboxMessage.template == template)
        messages = list(db.session.scalars(stmt))
        for message in messages:
            db.session.expunge(message)
        return messages


def link_in(message, path_fragment: str) -> str:
    """The first link in a mail's text whose path contains the fragment, made relative."""
    for url in re.findall(r"https?://\S+", message.body_text):
        if path_fragment in url:
            return re.sub(r"^https?://[^/]+", "", url)
    raise AssertionError(f"no link with {path_fragment!r} in: {message.body_text}")


class CapturedStatements(list):
    """The statements run (a list of SQL strings); `.executed` also holds each one's parameters
    (to EXPLAIN them, see tests/test_query_plans.py)."""

    def __init__(self):
        super().__init__()
        self.executed: list[tuple[str, object]] = []

    def clear(self) -> None:
        super().clear()
        self.executed.clear()


SAVEPOINT_STATEMENTS = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


@contextmanager
def count_queries(app):
    """Collect the SQL statements run inside the block (for fixed-query-count tests)."""
    from participation.extensions import db

    statements = CapturedStatements()
    with app.app_context():
        engine = db.session.get_bind()  # the engine; in a rolled-back test, the test's connection

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith(SAVEPOINT_STATEMENTS):
            return  # `make test-fast` turns the app's transactions into savepoints: not its queries
        statements.append(statement)
        statements.executed.append((statement, parameters))

    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)


REDIS_TEST_SERVER = os.environ.get("TEST_REDIS_SERVER", "redis://127.0.0.1:6379").rstrip("/")
_reserved_redis: dict[str, str] = {}
_redis_locks: list = []  # open lock files: a reservation lasts as long as this process


def worker_redis_url(purpose: str = "worker") -> str:
    """A Redis database of the test server that no other test process uses, one per purpose.

    The tests clear their database, so sharing one would let two processes disturb each other:
    two pytest-xdist workers, or two test runs on one machine (a developer's run during a CI
    run). Each database is claimed with an exclusive lock on a file named after the server and
    the number, held until this process exits, so a crashed run frees its databases.
    `TEST_REDIS_SERVER` points at another server.
    """
    if purpose not in _reserved_redis:
        _reserved_redis[purpose] = f"{REDIS_TEST_SERVER}/{_claim_redis_database()}"
    return _reserved_redis[purpose]


def _claim_redis_database() -> int:
    import fcntl
    import hashlib
    import tempfile

    server = hashlib.sha256(REDIS_TEST_SERVER.encode()).hexdigest()[:12]
    for number in range(15, -1, -1):
        lock = open(os.path.join(tempfile.gettempdir(), f"participation-test-redis-{server}-{number}.lock"), "w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        _redis_locks.append(lock)
        return number
    raise RuntimeError(f"all 16 Redis databases of {REDIS_TEST_SERVER} are in use by other test processes")


@contextmanager
def templates_rendered(app, name: str):
    """Counts how many times the template `name` is rendered (not taken from a memo) while open."""
    from flask import template_rendered

    counts = {"n": 0}

    def record(_sender, template, context, **_extra):
        if template.name == name:
            counts["n"] += 1

    template_rendered.connect(record, app)
    try:
        yield counts
    finally:
        template_rendered.disconnect(record, app)
