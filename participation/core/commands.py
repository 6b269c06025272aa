"""Commands of the platform as a whole: `flask send-mail` (the outbox) and `flask purge`
(the retention periods); `flask worker` and `flask scheduler` live in core.worker_cli."""

from __future__ import annotations

from time import sleep

import click
from flask import Flask
from flask.cli import with_appcontext

from participation.core.mail import deliver_outbox
from participation.core.retention import run_purges
from participation.core.worker_cli import scheduler_command, worker_command

# While the SMTP server is unreachable, the loop waits longer each time, up to this.
MAX_OUTAGE_WAIT = 300.0


@click.command("send-mail")
@click.option("--loop", is_flag=True, help="Keep running and deliver new mail as it arrives.")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between checks with --loop.")
@with_appcontext
def send_mail_command(loop, interval):
    """Deliver the e-mail outbox over SMTP.

    An unreachable server costs no message anything: the loop waits (longer each time, up to
    five minutes) and tries again. Messages the server refuses are retried later and given up
    after several refusals (see participation.core.mail).
    """
    outage_wait = interval
    while True:
        result = deliver_outbox()
        if result.sent or result.refused or result.unavailable or not loop:
            click.echo(_delivery_summary(result))
        if not loop:
            if result.refused or result.unavailable:
                raise SystemExit(1)
            return
        if result.unavailable:
            sleep(outage_wait)
            outage_wait = min(outage_wait * 2, MAX_OUTAGE_WAIT)
            continue
        outage_wait = interval
        if not (result.sent or result.refused):
            sleep(interval)


def _delivery_summary(result) -> str:
    summary = f"Sent {result.sent} message(s), {result.refused} refused"
    if result.given_up:
        summary += f" ({result.given_up} given up)"
    if result.unavailable:
        summary += f"; SMTP server unavailable ({result.unavailable}), mail stays queued"
    return summary + "."


@click.command("purge")
@with_appcontext
def purge_command():
    """Apply the retention periods of the privacy statement (run daily); report per kind.

    The periods are configuration (RETENTION_*_DAYS); each kind of data registers its purge
    with participation.core.retention.register_purge.
    """
    results = run_purges()
    for result in results:
        click.echo(result.line())
    click.echo(f"Purge done: {sum(r.count for r in results)} row(s) removed or anonymised.")


def register_commands(app: Flask) -> None:
    app.cli.add_command(purge_command)
    app.cli.add_command(send_mail_command)
    app.cli.add_command(worker_command)
    app.cli.add_command(scheduler_command)
