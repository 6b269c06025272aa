"""`flask seed-demo`: demo accounts and content, idempotent (safe to run again)."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from participation.accounts.models import User
from participation.accounts.services import create_user
from participation.core import extension_points
from participation.core.mail import public_request_context
from participation.demo.consultations import close_demo_consultations
from participation.demo.loader import DemoAccount, load_accounts
from participation.demo.moderation import seed_moderation_states
from participation.extensions import db

# DEMO_ACCOUNTS is served by __getattr__ below.
__all__ = ["DemoAccount", "seed_accounts", "seed_demo", "seed_demo_command"]


def __getattr__(name: str):
    # Demo only: `seed-demo` refuses to run in production, so these never reach a real site.
    # The accounts are in content/accounts.toml, read on first use (importing never needs the file).
    if name == "DEMO_ACCOUNTS":
        return list(load_accounts()[0])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def seed_accounts() -> dict:

    accounts = {}
    for account in load_accounts()[0]:
        user = db.session.scalar(sa.select(User).where(User.email == account.email))
        if user is None:
            user = create_user(account.email, account.role, account.password, account.name, account.language)
        accounts[account.key] = user
    return accounts


def seed_demo() -> dict:
    """Create the demo accounts and every feature's demo content (idempotent)."""

    # One transaction per step: the mail jobs a step queues (a cancelled event, published
    # results) then run once their rows are committed, never inside a later step's transaction.
    with public_request_context():
        accounts = seed_accounts()
        db.session.commit()
        for seeder in extension_points.demo_seeders.contributions():
            seeder(accounts)
            db.session.commit()
        # Across features: pending, reported, hidden and appealed comments, a suspension.
        seed_moderation_states(accounts)
        db.session.commit()
        # Last: the consultations whose story has closed took their votes and comments while
        # open; now they close and publish their results, through the consultation rules.
        close_demo_consultations(accounts)
        db.session.commit()
    return accounts


@click.command("seed-demo")
@click.option("--force", is_flag=True, help="Also outside development (never on a real site).")
@with_appcontext
def seed_demo_command(force):
    """Fill the database with demo accounts and content from the city's own texts."""
    if current_app.config["APP_ENV"] == "production" and not force:
        raise click.ClickException(
            "seed-demo creates accounts with known passwords; it only runs with APP_ENV=development (or --force)."
        )
    seed_demo()
    click.echo("Demo content is in place. Demo accounts (e-mail / password / role):")
    for account in load_accounts()[0]:
        click.echo(f"  {account.email:28} {account.password:24} {account.role.value}")
