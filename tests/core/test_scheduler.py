"""One scheduler for periodic work: due jobs are queued once per period (also with two
schedulers), a missed period is caught up at the next tick, and a job never runs twice at once.
Reminders go to every event in the window that has not had its reminder, so a missed run
sends them late rather than never, and never twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from participation.core.scheduler import PERIODIC_KEY, Periodic, ScheduledJob, acquire, run_periodic, tick
from participation.core.time import BRUSSELS, utcnow
from participation.events.models import Event, Registration, RegistrationStatus
from participation.events.services import send_reminders
from participation.extensions import db
from tests.events.factories import make_event
from tests.support import outbox

ALL = [
    "deliver-outbox",
    "opinion-map-recompute-due",
    "purge",
    "resume-fan-outs",
    "search-index",
    "send-reminders",
    "store-final-counts",
]


def test_each_due_job_is_queued_once_per_period_whoever_ticks(app, extra_app, queued_app):
    other_scheduler = extra_app(JOB_QUEUE_URL="memory://")
    now = utcnow()
    with queued_app.app_context():
        assert tick(now) == ALL  # nothing ran before: everything is due
    with other_scheduler.app_context():
        assert tick(now + timedelta(seconds=5)) == []  # the other scheduler finds nothing due
    with queued_app.app_context():
        assert tick(now + timedelta(minutes=2)) == ["deliver-outbox"]
        assert sorted(tick(now + timedelta(hours=2))) == [
            "deliver-outbox",
            "opinion-map-recompute-due",
            "resume-fan-outs",
            "search-index",
            "send-reminders",
            "store-final-counts",
        ]
    with other_scheduler.app_context():
        # Three days without a scheduler: each job runs once at the next tick, not once per missed period.
        assert tick(now + timedelta(days=3)) == ALL
    from participation.core.jobs import huey_of

    assert huey_of(queued_app).pending_count() == len(ALL) + 1 + (len(ALL) - 1)
    assert huey_of(other_scheduler).pending_count() == len(ALL)


def test_a_job_never_runs_twice_at_once_and_a_dead_runs_lease_expires(app, monkeypatch):
    runs = []
    monkeypatch.setitem(
        app.extensions[PERIODIC_KEY],
        "purge",
        Periodic("purge", timedelta(days=1), lambda: runs.append(1), timedelta(hours=2)),
    )
    with app.app_context():
        assert acquire("purge", timedelta(hours=2), "another-host:123")  # a run in progress elsewhere
        assert run_periodic("purge") is False and runs == []
        db.session.execute(sa.update(ScheduledJob).values(locked_until=utcnow() - timedelta(seconds=1)))
        db.session.commit()  # that host died: its lease ran out
        assert run_periodic("purge") is True and runs == [1]
        job = db.session.get(ScheduledJob, "purge")
        assert job.locked_until is None and job.last_finished_at is not None and job.last_error is None


def test_a_failing_run_records_its_error_and_frees_the_lease(app, monkeypatch):
    def fails():
        raise RuntimeError("SMTP exploded")

    monkeypatch.setitem(
        app.extensions[PERIODIC_KEY], "purge", Periodic("purge", timedelta(days=1), fails, timedelta(hours=2))
    )
    with app.app_context():
        with pytest.raises(RuntimeError):
            run_periodic("purge")
        job = db.session.get(ScheduledJob, "purge")
        assert job.locked_until is None and "SMTP exploded" in job.last_error


def test_the_scheduler_command_runs_the_jobs_in_immediate_mode(app, runner):
    result = runner.invoke(args=["scheduler", "--once"])
    assert result.exit_code == 0, result.output
    assert "Queued send-reminders." in result.output and "Queued purge." in result.output
    with app.app_context():
        jobs = {job.name: job for job in db.session.scalars(sa.select(ScheduledJob))}
    assert sorted(jobs) == ALL and all(job.last_finished_at and not job.last_error for job in jobs.values())
    assert "Queued" not in runner.invoke(args=["scheduler", "--once"]).output  # nothing due yet


def test_worker_refuses_to_start_without_a_queue(app, runner):
    result = runner.invoke(args=["worker"])
    assert result.exit_code != 0 and "JOB_QUEUE_URL" in result.output


def _event_at(app, starts_at: datetime) -> Event:
    event = make_event(app)
    with app.app_context():
        row = db.session.get(Event, event.id)
        row.starts_at, row.ends_at = starts_at, starts_at + timedelta(hours=2)
        row.registration_closes_at = starts_at - timedelta(hours=1)
        db.session.add(
            Registration(
                event_id=row.id,
                name="Lotte",
                email="lotte@example.org",
                language="nl",
                status=RegistrationStatus.CONFIRMED,
                sequence=1,
                confirmed_at=utcnow(),
            )
        )
        db.session.commit()
    return event


def _remind(app, now: datetime) -> int:
    from participation.core.mail import public_request_context

    with app.app_context(), public_request_context():
        count = send_reminders(now=now)
        db.session.commit()
    return count


def test_a_missed_run_sends_the_reminder_late_rather_than_never_and_never_twice(app):
    noon = (
        datetime.combine(utcnow().astimezone(BRUSSELS).date() + timedelta(days=5), datetime.min.time(), BRUSSELS)
        .replace(hour=12)
        .astimezone(UTC)
    )
    _event_at(app, noon)
    assert _remind(app, noon - timedelta(hours=40)) == 0  # too early
    # The runs in the 36 hours before were missed; three hours before the start it still goes out.
    assert _remind(app, noon - timedelta(hours=3)) == 1
    assert _remind(app, noon - timedelta(hours=2)) == 0
    assert len(outbox(app, "lotte@example.org", "event_reminder")) == 1


def test_no_reminder_once_the_event_has_started(app):
    start = utcnow() + timedelta(days=3)
    _event_at(app, start)
    assert _remind(app, start + timedelta(minutes=5)) == 0
    assert _remind(app, start - timedelta(hours=30)) == 1
