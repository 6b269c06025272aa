"""`flask worker` (runs queued jobs) and `flask scheduler` (queues the periodic ones)."""

from __future__ import annotations

import logging
import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext

from participation.core.jobs import huey_of
from participation.core.scheduler import periodic_jobs, tick
from participation.extensions import db

log = logging.getLogger(__name__)


@click.command("worker")
@click.option("--threads", default=4, show_default=True, help="Jobs run at once by this process.")
@with_appcontext
def worker_command(threads):
    """Run queued jobs (fan-out mail, periodic jobs) from JOB_QUEUE_URL until stopped.

    Start as many as needed, on any number of hosts: they share the queue. Stop with SIGINT or
    SIGTERM; a job cut off half-way is safe to run again (each batch commits on its own).
    """

    huey = huey_of(current_app)
    if huey.immediate:
        raise click.ClickException(
            "JOB_QUEUE_URL is not set: jobs run at once in the process that queues them, so there "
            "is nothing for a worker to do. Set JOB_QUEUE_URL=redis://… (or sqlite:///…)."
        )
    # Periodic jobs come from `flask scheduler` (one schedule for all hosts), not from huey.
    consumer = huey.create_consumer(workers=threads, worker_type="thread", periodic=False, check_worker_health=True)
    click.echo(f"Worker: {threads} thread(s) on {current_app.config['JOB_QUEUE_URL'].split('@')[-1]}.")
    consumer.run()


@click.command("scheduler")
@click.option("--once", is_flag=True, help="Queue what is due now and stop (e.g. from cron).")
@click.option("--interval", default=15.0, show_default=True, help="Seconds between checks.")
@with_appcontext
def scheduler_command(once, interval):
    """Queue each periodic job when it is due: outbox delivery, reminders, retention purges …

    Missed runs are caught up at the next check, and a job never runs twice at once (the
    `scheduled_jobs` table holds the schedule and the leases), so a second scheduler on another
    host for fail-over is harmless.
    """

    stop = threading.Event()
    if not once:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())
        click.echo("Scheduler: " + ", ".join(f"{p.name} every {p.every}" for p in periodic_jobs().values()))
    while True:
        try:
            queued = tick()
        except Exception:  # a database hiccup: log it and try again at the next check
            log.exception("scheduler tick failed")

            db.session.rollback()
            if once:
                raise
            queued = []
        for name in queued:
            click.echo(f"Queued {name}.")
        if once or stop.wait(interval):
            return
