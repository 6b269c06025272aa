"""Queries of the general pages (views build none themselves)."""

from __future__ import annotations

import sqlalchemy as sa

from participation.extensions import db


def ping_database() -> None:
    """Ask the database the smallest question; raises SQLAlchemyError when it does not answer."""
    db.session.execute(sa.text("SELECT 1"))
