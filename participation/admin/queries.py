"""Queries of the administration pages (views build none themselves)."""

from __future__ import annotations

import sqlalchemy as sa

from participation.accounts.models import User
from participation.core.mail import OutboxMessage


def users(search: str | None = None) -> sa.Select:
    """Accounts, newest first; with `search`, those whose e-mail address or name contains it."""
    stmt = sa.select(User).order_by(User.created_at.desc(), User.id.desc())
    if search:
        pattern = "%" + search.strip().lower().replace("%", r"\%").replace("_", r"\_") + "%"
        stmt = stmt.where(
            sa.or_(User.email.like(pattern, escape="\\"), sa.func.lower(User.display_name).like(pattern, escape="\\"))
        )
    return stmt


def outbox() -> sa.Select:
    """The mail the site sent, newest first."""
    return sa.select(OutboxMessage).order_by(OutboxMessage.id.desc())
