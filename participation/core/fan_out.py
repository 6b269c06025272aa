"""Fan-out mail: one change, a mail to each of many people, rendered by a job in batches.

The service that makes the change calls `start_fan_out(kind, subject_id, payload)` in its own
transaction: a durable `fan_outs` row commits with the change (or not at all), and the
`fan-out` job is queued once it has committed. The request returns at once, whatever the
number of recipients.

The job renders the mail into the transactional outbox (core.mail) in batches. Each batch is
one transaction: the outbox rows, one `fan_out_deliveries` row per recipient and the fan-out's
cursor (the last recipient key done) commit together. A worker that dies mid-batch leaves no
trace of that batch, so the next run (a huey retry, or `resume-fan-outs` from the scheduler)
does it again from the cursor; the primary key (fan_out_id, recipient_key) refuses a second
mail to anyone, also when two workers run the same fan-out at once.

A feature registers each kind with `register_fan_out(app, kind, recipients, send)`:
`recipients(fan_out, after_key, limit)` returns [(key, recipient)] ordered by key (> after_key),
`send(fan_out, recipient)` queues the mail and returns its OutboxMessage (None: nobody to write to).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy.orm import Mapped, mapped_column

from participation.core.db import CreatedAt, IntPK
from participation.core.jobs import enqueue, enqueue_after_commit, register_job
from participation.core.mail import public_request_context
from participation.core.retention import register_purge
from participation.core.time import utcnow
from participation.extensions import db

KINDS_KEY = "participation.fan_out_kinds"
JOB = "fan-out"
BATCH_SIZE = 200
# An unfinished fan-out untouched this long is queued again by `resume-fan-outs`.
STALL_AFTER = timedelta(minutes=10)


class FanOut(db.Model):
    """A mail to many people, queued in the transaction of the change that causes it."""

    __tablename__ = "fan_outs"

    id: Mapped[IntPK]
    kind: Mapped[str] = mapped_column(sa.String(40))
    # The consultation or event the mail is about (its meaning depends on the kind).
    subject_id: Mapped[int] = mapped_column(index=True)
    # What the mail needs besides the database (e.g. an organiser's subject and text).
    payload: Mapped[dict | None] = mapped_column(sa.JSON)
    created_at: Mapped[CreatedAt]
    # The last recipient key done: the next batch starts after it.
    cursor: Mapped[int] = mapped_column(default=0)
    sent_count: Mapped[int] = mapped_column(default=0)
    # Last time a batch committed (or the fan-out was queued again).
    touched_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None] = mapped_column(index=True)


class FanOutDelivery(db.Model):
    """One recipient of a fan-out done: at most one mail per (fan-out, recipient)."""

    __tablename__ = "fan_out_deliveries"

    fan_out_id: Mapped[int] = mapped_column(sa.ForeignKey("fan_outs.id", ondelete="CASCADE"), primary_key=True)
    recipient_key: Mapped[int] = mapped_column(primary_key=True)
    # None when there was nobody to write to (an erased account), or once the mail is purged.
    message_id: Mapped[int | None] = mapped_column(sa.ForeignKey("outbox_messages.id", ondelete="SET NULL"), index=True)


@dataclass(frozen=True)
class FanOutKind:
    recipients: Callable[[FanOut, int, int], list[tuple[int, object]]]
    send: Callable[[FanOut, object], object]


def register_fan_out(app: Flask, kind: str, recipients, send) -> None:
    """Let a feature send one kind of mail to many (see the module docstring)."""
    kinds = app.extensions.setdefault(KINDS_KEY, {})
    if kind in kinds:
        raise ValueError(f"a fan-out named {kind!r} is already registered")
    kinds[kind] = FanOutKind(recipients, send)


def init_fan_out(app: Flask) -> None:
    """The fan-out job, and the purge of finished fan-outs (they may quote an organiser's message)."""

    register_job(app, JOB, run_fan_out)
    register_purge(
        app,
        "fan_outs",
        "finished mail fan-outs older than {days} days deleted",
        purge_finished,
        days_key="RETENTION_MAIL_BODY_DAYS",
    )


def start_fan_out(kind: str, subject_id: int, payload: dict | None = None) -> FanOut:
    """Record the fan-out in the caller's transaction; its job is queued when that commits."""
    if kind not in current_app.extensions.get(KINDS_KEY, {}):
        raise KeyError(f"no fan-out named {kind!r}")
    fan_out = FanOut(kind=kind, subject_id=subject_id, payload=payload, touched_at=utcnow())
    db.session.add(fan_out)
    db.session.flush()
    enqueue_after_commit(JOB, fan_out.id)
    return fan_out


def run_fan_out(fan_out_id: int, max_batches: int | None = None) -> int:
    """Render the fan-out's mail, one committed batch at a time; return how many were queued."""
    batch_size = current_app.config.get("FAN_OUT_BATCH_SIZE", BATCH_SIZE)
    queued = 0
    batches = 0
    with public_request_context():
        while max_batches is None or batches < max_batches:
            done, count = _one_batch(fan_out_id, batch_size)
            queued += count
            batches += 1
            if done:
                break
    return queued


def _one_batch(fan_out_id: int, batch_size: int) -> tuple[bool, int]:
    """One transaction: lock the fan-out, mail the next recipients, move the cursor, commit."""
    fan_out = db.session.execute(
        sa.select(FanOut).where(FanOut.id == fan_out_id).with_for_update().execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if fan_out is None or fan_out.finished_at is not None:
        db.session.rollback()
        return True, 0
    kind = current_app.extensions[KINDS_KEY][fan_out.kind]
    batch = kind.recipients(fan_out, fan_out.cursor, batch_size)
    count = 0
    for key, recipient in batch:
        message = kind.send(fan_out, recipient)
        if message is not None:
            db.session.flush()
            count += 1
        db.session.add(
            FanOutDelivery(
                fan_out_id=fan_out.id, recipient_key=key, message_id=message.id if message is not None else None
            )
        )
        fan_out.cursor = key
    fan_out.sent_count += count
    fan_out.touched_at = utcnow()
    done = len(batch) < batch_size
    if done:
        fan_out.finished_at = utcnow()
    db.session.commit()
    return done, count


def resume_stalled(now: datetime | None = None) -> int:
    """Queue again every unfinished fan-out nobody has moved for a while (a lost job, a dead worker)."""
    cutoff = (now or utcnow()) - STALL_AFTER
    ids = list(
        db.session.scalars(
            sa.select(FanOut.id)
            .where(FanOut.finished_at.is_(None), sa.or_(FanOut.touched_at.is_(None), FanOut.touched_at < cutoff))
            .order_by(FanOut.id)
        )
    )
    if ids:
        db.session.execute(sa.update(FanOut).where(FanOut.id.in_(ids)).values(touched_at=utcnow()))
        db.session.commit()
    for fan_out_id in ids:
        enqueue(JOB, fan_out_id)
    return len(ids)


def purge_finished(now: datetime) -> int:
    """Finished fan-outs (with what they quoted, e.g. an organiser's message) go with the mail text."""
    days = current_app.config["RETENTION_MAIL_BODY_DAYS"]
    ids = sa.select(FanOut.id).where(FanOut.finished_at < now - timedelta(days=days))
    db.session.execute(sa.delete(FanOutDelivery).where(FanOutDelivery.fan_out_id.in_(ids)))
    return db.session.execute(sa.delete(FanOut).where(FanOut.id.in_(ids))).rowcount
