"""`flask seed-reference-data`: the themes and networks every site needs, also in production."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from participation.consultations.seed import seed_reference_data
from participation.extensions import db


@click.command("seed-reference-data")
@with_appcontext
def seed_reference_data_command():
    """Load Ghent's themes and international networks with their translations (safe to repeat)."""
    _themes, _networks, report = seed_reference_data()
    db.session.commit()
    click.echo(str(report))
