"""Account commands: `flask create-user` and `flask reset-two-factor` (for the last
administrator, who has nobody to ask)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from participation.accounts import two_factor
from participation.accounts.services import create_user, find_user_by_email
from participation.core.errors import UserError
from participation.core.mail import public_request_context
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
    role = ROLE_ALIASES.get(role.lower(), role.lower())
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        _in_public_request(lambda: create_user(email, Role(role), password, display_name, language))
    except UserError as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Created {role} account {email.strip().lower()}.")


@click.command("reset-two-factor")
@click.argument("email")
@with_appcontext
def reset_two_factor_command(email):
    """Turn off the two-factor log-in of an account (lost phone and recovery codes).

    Every session of the account ends, the person is told by mail, and the audit log records
    it (without an acting account: it came from the server's command line).
    """
    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account uses {email.strip().lower()}.")
    try:
        _in_public_request(lambda: two_factor.reset(None, user, via="cli"))
    except UserError as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Two-factor log-in of {user.email} is off; the account was logged out everywhere and told by mail.")


def _in_public_request(fn):
    """Run fn where url_for, gettext and mail rendering work (public URL, Dutch)."""
    with public_request_context():
        return fn()


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(reset_two_factor_command)
