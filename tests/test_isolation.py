"""The fast tier's isolation (docs/testing.md): a rolled-back test leaves nothing behind, and the
app's commits inside it still run their commit hooks. These tests commit for real themselves."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from participation.accounts.models import User
from participation.core.jobs import JOBS_KEY, enqueue_after_commit, register_job
from participation.extensions import db
from tests.conftest import rolled_back
from tests.factories import make_user

pytestmark = pytest.mark.real_commits

ran = []


def _count_users(app) -> int:
    """Counted on a connection of its own: what another process would see."""
    with app.app_context(), db.engine.connect() as conn:
        return conn.scalar(sa.select(sa.func.count()).select_from(User))


def test_rows_committed_inside_are_gone_afterwards_and_never_seen_outside(app, client):
    with rolled_back(app):
        user = make_user(app, email="kept-for-one-test@example.org")  # commits
        with app.app_context():
            assert db.session.get(User, user.id).email == "kept-for-one-test@example.org"
        assert client.get("/nl/").status_code == 200  # a request sees it too, on the same connection
    assert _count_users(app) == 0


def test_commit_hooks_still_run_inside(app):
    if "test_isolation_hook" not in app.extensions[JOBS_KEY]:
        register_job(app, "test_isolation_hook", ran.append)
    ran.clear()
    with rolled_back(app), app.app_context():
        enqueue_after_commit("test_isolation_hook", "after commit")
        db.session.commit()
        assert ran == ["after commit"]


def test_each_test_process_has_a_redis_database_of_its_own():
    """Two test runs on one machine (a developer's during a CI run) each clear their Redis database:
    another process, and another purpose in this one, never get the database this process holds."""
    import subprocess
    import sys

    from tests.support import worker_redis_url

    mine = worker_redis_url()
    assert worker_redis_url() == mine  # the same for the whole process
    assert worker_redis_url("cluster job queue") != mine
    claimed_elsewhere = subprocess.run(
        [sys.executable, "-c", "from tests.support import worker_redis_url; print(worker_redis_url())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert claimed_elsewhere.rsplit("/", 1)[0] == mine.rsplit("/", 1)[0]
    assert claimed_elsewhere not in {mine, worker_redis_url("cluster job queue")}
