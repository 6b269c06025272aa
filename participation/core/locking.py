"""Row locks for check-then-write rules (capacity, one ballot per person)."""

from __future__ import annotations

from typing import TypeVar

import sqlalchemy as sa

from participation.extensions import db

T = TypeVar("T")


def lock_for_update(model: type[T], pk: int) -> T | None:
    """Load a row and lock it until the transaction ends.

    PostgreSQL takes a row lock (SELECT ... FOR UPDATE). SQLite has no row locks,
    but its write transactions are serialised (see core.db.configure_engine), so
    the same read-check-write sequence is safe there too. populate_existing makes
    sure we check the freshly locked values, not a stale copy in the session.
    """
    stmt = (
        sa.select(model)
        .where(model.id == pk)  # type: ignore[attr-defined]
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return db.session.execute(stmt).scalar_one_or_none()
