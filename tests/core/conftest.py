"""Fixtures for the job-queue, scheduler and health tests: more apps on the test database."""

from __future__ import annotations

import pytest

from participation.extensions import db
from tests.conftest import make_app


@pytest.fixture
def extra_app(app, database_url):
    """Build further apps on the test database (another host, another queue); closed afterwards.

    Asking for `app` too makes the database wipe after the test cover what they wrote.
    """
    apps = []

    def build(**config):
        apps.append(make_app(database_url, **config))
        return apps[-1]

    yield build
    for built in apps:
        with built.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def queued_app(extra_app):
    """The test database with a queue that nothing consumes until the test runs the jobs."""
    return extra_app(JOB_QUEUE_URL="memory://")
