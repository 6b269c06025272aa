"""Background jobs on huey: work that does not belong in a request.

JOB_QUEUE_URL chooses where queued jobs wait:

- `redis://host:6379/1` (production): any number of `flask worker` processes on any number
  of hosts take jobs from the same Redis;
- `sqlite:///path/jobs.db`: a queue in a file, for one machine without Redis;
- `memory://`: an in-process queue that nothing consumes unless told to (tests);
- unset or `immediate` (the default; `make run`): a job runs at once, in the process that
  queues it, once the transaction that queued it has committed. Same code, no extra process.

Features register plain functions by name (`register_job`); `enqueue_after_commit(name, *args)`
remembers the job in the session and hands it to the queue only when the transaction commits, so
a job never runs for a change that was rolled back, and never before its rows are visible. A job
may be lost between the commit and the queue (a crash, Redis down): the durable rows it works on
(core.fan_out) are picked up again by the scheduler, so every job must be idempotent.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Flask, current_app
from huey import MemoryHuey, RedisHuey, SqliteHuey

from participation.core.job_stats import count_failure
from participation.core.request_log import current_request_id, request_id_context
from participation.extensions import db

log = logging.getLogger(__name__)

JOBS_KEY = "participation.jobs"
HUEY_KEY = "participation.huey"
PENDING_KEY = "participation.jobs_after_commit"
# One huey task runs every registered job by name; retried when it raises.
RETRIES, RETRY_DELAY = 3, 30


def make_huey(url: str | None, name: str = "participation") -> MemoryHuey | RedisHuey | SqliteHuey:
    """The huey instance for JOB_QUEUE_URL (see the module docstring)."""
    url = (url or "immediate").strip()
    scheme = urlsplit(url).scheme
    if url == "immediate":
        return MemoryHuey(name, immediate=True, results=False)
    if url.startswith("memory://"):
        return MemoryHuey(name, results=False)
    if scheme in ("redis", "rediss", "unix"):
        from redis import ConnectionPool

        # Short time-outs: a dead Redis shows at once (readiness, enqueue) instead of hanging.
        pool = ConnectionPool.from_url(url, socket_connect_timeout=2, socket_timeout=10)
        return RedisHuey(name, connection_pool=pool, results=False)
    if scheme == "sqlite":
        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(name, filename=str(path), results=False)
    raise ValueError(f"JOB_QUEUE_URL must be immediate, memory://, redis://… or sqlite:///…, not {url!r}")


def init_jobs(app: Flask) -> None:
    """Create the app's queue and the one huey task that runs registered jobs inside the app."""
    huey = make_huey(app.config.get("JOB_QUEUE_URL"), app.config.get("JOB_QUEUE_NAME", "participation"))
    app.extensions[HUEY_KEY] = huey
    app.extensions.setdefault(JOBS_KEY, {})

    @huey.task(name="participation.run_job", retries=RETRIES, retry_delay=RETRY_DELAY)
    def run_job(name: str, args: list, request_id: str | None = None, queued_at: float | None = None):
        # The worker logs under the id of the request that queued the job (a new one otherwise).
        # `queued_at` is read from waiting jobs (core.job_stats: the age of the oldest one).
        with request_id_context(request_id), app.app_context():
            started = time.monotonic()
            try:
                run_now(name, *args)
            except Exception as exc:
                count_failure(huey, name)
                log.warning("job %s failed after %.1f s: %s", name, time.monotonic() - started, type(exc).__name__)
                raise
            log.info("job %s done in %.1f s", name, time.monotonic() - started)

    app.extensions[HUEY_KEY + ".task"] = run_job
    if app.config.get("APP_ENV") == "production" and not app.config.get("TESTING") and huey.immediate:
        log.warning(
            "JOB_QUEUE_URL is not set: fan-out mail and periodic jobs run inside the process "
            "that queues them. Set JOB_QUEUE_URL=redis://… and run `flask worker`."
        )


def register_job(app: Flask, name: str, fn) -> None:
    """Make `fn(*args)` runnable as a job called `name` (it flushes or commits its own work)."""
    jobs = app.extensions.setdefault(JOBS_KEY, {})
    if name in jobs:
        raise ValueError(f"a job named {name!r} is already registered")
    jobs[name] = fn


def huey_of(app: Flask | None = None):
    return (app or current_app).extensions[HUEY_KEY]


def is_immediate(app: Flask | None = None) -> bool:
    return huey_of(app).immediate


def run_now(name: str, *args) -> None:
    """Run a registered job here and now (the worker's side; also used by tests and commands)."""
    fn = current_app.extensions[JOBS_KEY][name]
    try:
        fn(*args)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise


def enqueue(name: str, *args) -> None:
    """Put a job on the queue now (use enqueue_after_commit from inside a transaction)."""
    if name not in current_app.extensions[JOBS_KEY]:
        raise KeyError(f"no job named {name!r}")
    # The request id follows the job into the worker's logs; the time shows the queue's age.
    current_app.extensions[HUEY_KEY + ".task"](name, list(args), request_id=current_request_id(), queued_at=time.time())


def enqueue_after_commit(name: str, *args) -> None:
    """Queue a job once the current transaction commits for good; forget it if it rolls back.

    Inside a savepoint (`begin_nested()`) the job belongs to the savepoint: it moves to the
    enclosing transaction when the savepoint is released and is forgotten when it rolls back,
    so a job never runs before the rows it needs are committed.
    """
    if name not in current_app.extensions[JOBS_KEY]:
        raise KeyError(f"no job named {name!r}")
    session = db.session()
    transaction = session.get_nested_transaction() or session.get_transaction()
    pending = session.info.setdefault(PENDING_KEY, {})
    pending.setdefault(transaction, []).append((current_app._get_current_object(), name, args))


_OUTCOME_KEY = PENDING_KEY + ".outcome"


@sa.event.listens_for(sa.orm.Session, "after_commit")
def _note_commit(session) -> None:
    session.info[_OUTCOME_KEY] = "commit"


@sa.event.listens_for(sa.orm.Session, "after_rollback")
def _note_rollback(session) -> None:
    session.info[_OUTCOME_KEY] = "rollback"


@sa.event.listens_for(sa.orm.Session, "after_transaction_end")
def _settle_pending_jobs(session, transaction) -> None:
    outcome = session.info.pop(_OUTCOME_KEY, None)
    pending = session.info.get(PENDING_KEY)
    if not pending:
        return
    jobs = pending.pop(transaction, [])
    if transaction.parent is not None:
        if outcome == "commit":  # a released savepoint: its jobs now wait for the enclosing one
            pending.setdefault(transaction.parent, []).extend(jobs)
        return
    # The outermost transaction ended; jobs queued before it began (no transaction) go with it.
    jobs = pending.pop(None, []) + jobs
    session.info.pop(PENDING_KEY, None)
    if outcome != "commit":
        return
    for app, name, args in jobs:
        try:
            with app.app_context():
                enqueue(name, *args)
        except Exception:
            # The durable row stays unfinished; the scheduler's `resume-fan-outs` queues it again.
            log.exception("could not queue job %s%r; the scheduler will pick it up", name, args)


def queue_health(app: Flask | None = None) -> dict:
    """How many jobs wait (raises when the queue's storage does not answer)."""
    huey = huey_of(app)
    if huey.immediate:
        return {"mode": "immediate"}
    return {"pending": huey.pending_count(), "scheduled": huey.scheduled_count()}
