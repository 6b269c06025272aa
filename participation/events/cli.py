"""Reminders: mail everyone with a place at an event starting soon (REMINDER_WINDOW_HOURS), once.

The scheduler runs `send_reminders_job` every hour; `flask send-reminders` does the same by hand.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from participation.core.mail import public_request_context
from participation.events.services import send_reminders
from participation.extensions import db


@click.command("send-reminders")
@with_appcontext
def send_reminders_command():
    """Queue a reminder for each confirmed registration of events starting soon (once per person).

    `flask scheduler` runs it every hour; `flask send-mail` (or the scheduler) delivers what it queued.
    """
    count = send_reminders_job()
    click.echo(f"Queued {count} reminder(s).")


def send_reminders_job() -> int:
    """The periodic job: queue the reminders that are due, and commit."""
    with public_request_context():
        count = send_reminders()
        db.session.commit()
    return count
