"""`flask send-reminders`: mail everyone with a place at an event that takes place tomorrow."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from participation.core.mail import public_request_context
from participation.events.services import send_reminders
from participation.extensions import db


@click.command("send-reminders")
@with_appcontext
def send_reminders_command():
    """Queue a reminder for each confirmed registration of tomorrow's events (once per person).

    Run it daily (cron, systemd timer); `flask send-mail` delivers what it queued.
    """
    with public_request_context():
        count = send_reminders()
        db.session.commit()
    click.echo(f"Queued {count} reminder(s).")
