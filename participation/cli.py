"""Command-line commands: create-user, send-mail, seed-demo."""

from __future__ import annotations

from time import sleep

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from participation.core.permissions import Role
from participation.extensions import db

# Spelled out in full as well: the issue and the README speak of "administrator".
ROLE_ALIASES = {"administrator": Role.ADMIN.value}


@click.command("create-user")
@click.argument("email")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role] + list(ROLE_ALIASES), case_sensitive=False),
    default=Role.RESIDENT.value,
    show_default=True,
)
@click.option("--password", help="Asked for when not given.")
@click.option("--name", "display_name", help="Display name (default: the part before @).")
@click.option("--language", default="nl", show_default=True)
@with_appcontext
def create_user_command(email, role, password, display_name, language):
    """Create a verified account with a role."""
    from participation.accounts.services import create_user
    from participation.core.errors import UserError

    role = ROLE_ALIASES.get(role.lower(), role.lower())
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        with_request_context(lambda: create_user(email, Role(role), password, display_name, language))
    except UserError as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Created {role} account {email.strip().lower()}.")


def with_request_context(fn):
    """Run fn where url_for, gettext and mail rendering work (public URL, Dutch)."""
    from participation.core.mail import public_request_context

    with public_request_context():
        return fn()


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
    from participation.core.mail import deliver_outbox

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
    from participation.core.retention import run_purges

    results = run_purges()
    for result in results:
        click.echo(result.line())
    # Older registration point: jobs `fn() -> str` that report in their own words.
    for job in current_app.extensions.get(RETENTION_KEY, []):
        click.echo(job())
        db.session.commit()
    click.echo(f"Purge done: {sum(r.count for r in results)} row(s) removed or anonymised.")


RETENTION_KEY = "participation.retention_jobs"


def register_retention_job(app: Flask, job) -> None:
    """Deprecated: use participation.core.retention.register_purge (counts per kind)."""
    app.extensions.setdefault(RETENTION_KEY, []).append(job)


def register_cli(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(purge_command)
    app.cli.add_command(send_mail_command)
    from participation.core.worker_cli import scheduler_command, worker_command

    app.cli.add_command(worker_command)
    app.cli.add_command(scheduler_command)
    from participation.accounts.two_factor_cli import reset_two_factor_command
    from participation.demo.seed import seed_demo_command

    app.cli.add_command(reset_two_factor_command)
    app.cli.add_command(seed_demo_command)
