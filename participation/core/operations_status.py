"""The state of the background work, read once for both `/metrics` and the administrators' page.

- the job queue: jobs waiting, jobs scheduled for later (retries), the age of the next one, and
  failed runs per job (core.job_stats);
- the periodic jobs from `scheduled_jobs`: last queued, started, finished, last error;
- the outbox: mail waiting to be sent, mail given up on, the oldest waiting;
- mail-outs (fan-outs) not finished yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from participation.core.fan_out import FanOut
from participation.core.job_stats import failure_counts, oldest_pending_age
from participation.core.jobs import huey_of
from participation.core.mail import OutboxMessage as M
from participation.core.scheduler import ScheduledJob, periodic_jobs
from participation.core.time import utcnow
from participation.extensions import db


@dataclass(frozen=True)
class QueueStatus:
    immediate: bool
    pending: int | None = None
    scheduled: int | None = None
    oldest_age_seconds: float | None = None
    failures: dict[str, int] = field(default_factory=dict)
    # Set when the queue's storage did not answer (its class name; details are in the logs).
    error: str | None = None


@dataclass(frozen=True)
class OutboxBacklog:
    waiting: int
    failed: int
    oldest_waiting_at: datetime | None


@dataclass(frozen=True)
class FanOutBacklog:
    unfinished: int
    oldest_unfinished_at: datetime | None


@dataclass(frozen=True)
class PeriodicStatus:
    name: str
    every: timedelta | None
    last_queued_at: datetime | None
    last_started_at: datetime | None
    last_finished_at: datetime | None
    running: bool
    last_error: str | None


def queue_status() -> QueueStatus:
    """The queue's depth, the age of its oldest job and its failed runs (never raises)."""

    huey = huey_of()
    try:
        failures = failure_counts(huey)
        if huey.immediate:
            return QueueStatus(immediate=True, failures=failures)
        return QueueStatus(
            immediate=False,
            pending=huey.pending_count(),
            scheduled=huey.scheduled_count(),
            oldest_age_seconds=oldest_pending_age(huey),
            failures=failures,
        )
    except Exception as exc:  # Redis down: the page and the metrics still answer, and say so
        current_app.logger.warning("job queue status unavailable: %s", type(exc).__name__)
        return QueueStatus(immediate=huey.immediate, error=type(exc).__name__)


def outbox_backlog() -> OutboxBacklog:
    """Mail not sent yet (still to be tried) and mail given up on after repeated refusals."""

    unsent = M.sent_at.is_(None)
    waiting = sa.and_(unsent, M.failed_at.is_(None))
    row = db.session.execute(
        sa.select(
            sa.func.count().filter(waiting),
            sa.func.count().filter(sa.and_(unsent, M.failed_at.is_not(None))),
            sa.func.min(M.created_at).filter(waiting),
        ).where(unsent)
    ).one()
    return OutboxBacklog(waiting=row[0], failed=row[1], oldest_waiting_at=row[2])


def fan_out_backlog() -> FanOutBacklog:

    count, oldest = db.session.execute(
        sa.select(sa.func.count(), sa.func.min(FanOut.created_at)).where(FanOut.finished_at.is_(None))
    ).one()
    return FanOutBacklog(unfinished=count, oldest_unfinished_at=oldest)


def periodic_status() -> list[PeriodicStatus]:
    """Every registered periodic job with its shared state (rows missing until its first run)."""

    registered = periodic_jobs()
    rows = {row.name: row for row in db.session.scalars(sa.select(ScheduledJob))}
    now = utcnow()
    status = []
    for name in sorted(set(registered) | set(rows)):
        row, periodic = rows.get(name), registered.get(name)
        status.append(
            PeriodicStatus(
                name=name,
                every=periodic.every if periodic else None,
                last_queued_at=row.last_queued_at if row else None,
                last_started_at=row.last_started_at if row else None,
                last_finished_at=row.last_finished_at if row else None,
                running=bool(row and row.locked_until and _aware(row.locked_until) > now),
                last_error=row.last_error if row else None,
            )
        )
    return status


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they are stored in UTC."""
    from datetime import UTC

    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def seconds_since(moment: datetime | None, now: datetime | None = None) -> float | None:
    if moment is None:
        return None
    return max(0.0, ((now or utcnow()) - _aware(moment)).total_seconds())
