"""Periodic work from one scheduler: catch-up after a pause, never two runs of a job at once.

`flask scheduler` wakes every few seconds and, for each periodic job that is due, queues one run
on the job queue (core.jobs); workers run it. Two guarantees come from the `scheduled_jobs` table,
so they hold across processes and hosts, whichever scheduler or worker is involved:

- *queued once per period*: a run is queued by a conditional UPDATE of `last_queued_at`
  ("... WHERE last_queued_at is older than the period"), which only one scheduler can win;
- *never overlapping*: a run first takes the job's lease (`locked_until`, another conditional
  UPDATE) and skips when an earlier run still holds it; a lease left by a dead process expires.

Catch-up: a job is due when its last run was queued more than one period ago, so after any pause
(a stopped scheduler, a night without a machine) each job runs once at the next tick, and the jobs
themselves look for everything still to do (reminders for every event in the window that has not
had its reminder, every expired row, every due mail), rather than for "today's" work only.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.fan_out import resume_stalled
from participation.core.jobs import enqueue, register_job
from participation.core.mail import deliver_outbox
from participation.core.retention import run_purges
from participation.core.time import utcnow
from participation.extensions import db

log = logging.getLogger(__name__)

PERIODIC_KEY = "participation.periodic_jobs"


class ScheduledJob(db.Model):
    """The state of one periodic job, shared by every scheduler and worker."""

    __tablename__ = "scheduled_jobs"

    name: Mapped[str] = mapped_column(sa.String(80), primary_key=True)
    last_queued_at: Mapped[datetime | None]
    last_started_at: Mapped[datetime | None]
    last_finished_at: Mapped[datetime | None]
    # The lease of the run in progress: nobody else starts the job before it expires.
    locked_until: Mapped[datetime | None]
    locked_by: Mapped[str | None] = mapped_column(sa.String(120))
    last_error: Mapped[str | None] = mapped_column(sa.String(500))


@dataclass(frozen=True)
class Periodic:
    name: str
    every: timedelta
    run: Callable[[], object]
    # Longest expected run: a lease older than this belongs to a dead process.
    lease: timedelta

    @property
    def job(self) -> str:
        return f"periodic:{self.name}"


def register_periodic(
    app: Flask, name: str, every: timedelta, run: Callable[[], object], lease: timedelta = timedelta(hours=1)
) -> None:
    """Run `run()` every `every` from the scheduler, on a worker, never twice at once."""
    periodic = Periodic(name, every, run, lease)
    jobs = app.extensions.setdefault(PERIODIC_KEY, {})
    if name in jobs:
        raise ValueError(f"a periodic job named {name!r} is already registered")
    jobs[name] = periodic
    register_job(app, periodic.job, lambda: run_periodic(name))


def periodic_jobs() -> dict[str, Periodic]:
    return dict(current_app.extensions.get(PERIODIC_KEY, {}))


def _ensure_rows(names) -> None:
    known = set(db.session.scalars(sa.select(ScheduledJob.name)))
    for name in sorted(set(names) - known):
        try:
            with db.session.begin_nested():
                db.session.add(ScheduledJob(name=name))
        except sa.exc.IntegrityError:
            pass  # another scheduler added it first
    db.session.commit()


def tick(now: datetime | None = None) -> list[str]:
    """Queue one run of every periodic job that is due; return their names."""
    now = now or utcnow()
    jobs = periodic_jobs()
    _ensure_rows(jobs)
    queued = []
    for name, periodic in sorted(jobs.items()):
        previous = db.session.scalar(sa.select(ScheduledJob.last_queued_at).where(ScheduledJob.name == name))
        won = (
            db.session.execute(
                sa.update(ScheduledJob)
                .where(
                    ScheduledJob.name == name,
                    sa.or_(ScheduledJob.last_queued_at.is_(None), ScheduledJob.last_queued_at <= now - periodic.every),
                )
                .values(last_queued_at=now)
            ).rowcount
            == 1
        )
        # Commit before queueing: in immediate mode the run starts at once, in its own transaction.
        db.session.commit()
        if not won:
            continue
        try:
            enqueue(periodic.job)
        except Exception:
            log.exception("could not queue %s; it stays due", name)
            db.session.execute(sa.update(ScheduledJob).where(ScheduledJob.name == name).values(last_queued_at=previous))
            db.session.commit()
            continue
        queued.append(name)
    return queued


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:120]


def acquire(name: str, lease: timedelta, owner: str) -> bool:
    """Take the job's lease unless a live run holds it (one conditional UPDATE; committed)."""
    now = utcnow()
    _ensure_rows([name])
    taken = (
        db.session.execute(
            sa.update(ScheduledJob)
            .where(
                ScheduledJob.name == name, sa.or_(ScheduledJob.locked_until.is_(None), ScheduledJob.locked_until < now)
            )
            .values(locked_until=now + lease, locked_by=owner, last_started_at=now)
        ).rowcount
        == 1
    )
    db.session.commit()
    return taken


def release(name: str, owner: str, error: str | None = None) -> None:
    db.session.execute(
        sa.update(ScheduledJob)
        .where(ScheduledJob.name == name, ScheduledJob.locked_by == owner)
        .values(locked_until=None, locked_by=None, last_finished_at=utcnow(), last_error=error[:500] if error else None)
    )
    db.session.commit()


def run_periodic(name: str) -> bool:
    """Run a periodic job under its lease; False when another run holds it (this one is skipped)."""
    periodic = periodic_jobs()[name]
    owner = _owner()
    if not acquire(name, periodic.lease, owner):
        log.info("periodic job %s is already running elsewhere: skipped", name)
        return False
    try:
        periodic.run()
        db.session.commit()
    except Exception as exc:
        db.session.rollback()
        release(name, owner, f"{type(exc).__name__}: {exc}")
        raise
    release(name, owner)
    return True


# ------------------------------------------------------------------------ the core's own jobs


def deliver_outbox_until_empty(max_seconds: float = 600) -> int:
    """Send due mail in batches until none is left, the server is unreachable, or time is up."""
    from time import monotonic

    started, sent = monotonic(), 0
    while monotonic() - started < max_seconds:
        result = deliver_outbox()
        sent += result.sent
        if result.unavailable or not (result.sent or result.refused):
            break
    return sent


def purge_all() -> None:

    for result in run_purges():
        log.info("purge %s", result.line())


def init_scheduler(app: Flask) -> None:
    """The core's periodic jobs; features add theirs (e.g. events: send-reminders)."""

    register_periodic(
        app, "deliver-outbox", timedelta(minutes=1), deliver_outbox_until_empty, lease=timedelta(minutes=15)
    )
    register_periodic(app, "resume-fan-outs", timedelta(minutes=5), resume_stalled, lease=timedelta(minutes=5))
    register_periodic(app, "purge", timedelta(days=1), purge_all, lease=timedelta(hours=2))
