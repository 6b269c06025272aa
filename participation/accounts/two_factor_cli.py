"""`flask reset-two-factor EMAIL`: for the last administrator, who has nobody to ask."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from participation.extensions import db


@click.command("reset-two-factor")
@click.argument("email")
@with_appcontext
def reset_two_factor_command(email):
    """Turn off the two-factor log-in of an account (lost phone and recovery codes).

    Every session of the account ends, the person is told by mail, and the audit log records
    it (without an acting account: it came from the server's command line).
    """
    from participation.accounts import two_factor
    from participation.accounts.services import find_user_by_email
    from participation.cli import with_request_context
    from participation.core.errors import UserError

    user = find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No account uses {email.strip().lower()}.")
    try:
        with_request_context(lambda: two_factor.reset(None, user, via="cli"))
    except UserError as exc:
        raise click.ClickException(exc.message) from None
    db.session.commit()
    click.echo(f"Two-factor log-in of {user.email} is off; the account was logged out everywhere and told by mail.")
