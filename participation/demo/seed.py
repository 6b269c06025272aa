"""`flask seed-demo`: demo accounts and content, idempotent (safe to run again)."""

from __future__ import annotations

from dataclasses import dataclass

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from participation.core.permissions import Role
from participation.extensions import db


@dataclass(frozen=True)
class DemoAccount:
    key: str
    email: str
    name: str
    role: Role
    password: str
    language: str


# Demo only: `seed-demo` refuses to run in production, so these never reach a real site.
DEMO_ACCOUNTS = [
    DemoAccount("admin", "beheerder@demo.example", "Beheerder Demo", Role.ADMIN, "demo-beheerder-2026", "nl"),
    DemoAccount(
        "organiser", "organisator@demo.example", "An Organisator", Role.ORGANISER, "demo-organisator-2026", "nl"
    ),
    DemoAccount("organiser2", "organiser2@demo.example", "Sam Organiser", Role.ORGANISER, "demo-organiser2-2026", "en"),
    DemoAccount("moderator", "moderator@demo.example", "Mo Derator", Role.MODERATOR, "demo-moderator-2026", "nl"),
    DemoAccount("resident", "inwoner@demo.example", "Lotte Van Damme", Role.RESIDENT, "demo-inwoner-2026", "nl"),
    DemoAccount("resident2", "resident2@demo.example", "Priya Raman", Role.RESIDENT, "demo-resident2-2026", "en"),
    DemoAccount("resident3", "habitant@demo.example", "Camille Dubois", Role.RESIDENT, "demo-habitant-2026", "fr"),
    DemoAccount("resident4", "inwoner4@demo.example", "Yusuf Demir", Role.RESIDENT, "demo-inwoner4-2026", "nl"),
]

# Features append functions taking the accounts by key: fn(accounts: dict[str, User]) -> None.
DEMO_SEEDERS_KEY = "participation.demo_seeders"


def register_demo_seeder(app, seeder) -> None:
    app.extensions.setdefault(DEMO_SEEDERS_KEY, []).append(seeder)


def seed_accounts() -> dict:
    from participation.accounts.models import User
    from participation.accounts.services import create_user

    accounts = {}
    for account in DEMO_ACCOUNTS:
        user = db.session.scalar(sa.select(User).where(User.email == account.email))
        if user is None:
            user = create_user(account.email, account.role, account.password, account.name, account.language)
        accounts[account.key] = user
    return accounts


def seed_demo() -> dict:
    """Create the demo accounts and every feature's demo content (idempotent)."""
    from participation.core.mail import public_request_context

    with public_request_context():
        accounts = seed_accounts()
        for seeder in current_app.extensions.get(DEMO_SEEDERS_KEY, []):
            seeder(accounts)
        # Across features: pending, reported, hidden and appealed comments, a suspension.
        from participation.demo.moderation import seed_moderation_states

        seed_moderation_states(accounts)
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
    for account in DEMO_ACCOUNTS:
        click.echo(f"  {account.email:28} {account.password:24} {account.role.value}")
