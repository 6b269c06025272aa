"""Retention periods: each kind of personal data that expires registers a purge, and
`flask --app wsgi purge` (run daily) applies them all and reports per kind what it removed.

The registration point for every feature, also for data added later (for example a login
throttling table: register its purge here, with its period from the configuration):

    register_purge(app, "login_attempts", "login attempts older than {days} days deleted",
                   purge_login_attempts, days_key="RETENTION_LOGIN_ATTEMPT_DAYS")

A purge is `run(now) -> int` (how many rows it removed or anonymised); it flushes, and the
runner commits after each purge, so one failing kind does not undo the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from flask import Flask, current_app

from participation.core.time import utcnow
from participation.extensions import db

PURGES_KEY = "participation.purges"


@dataclass(frozen=True)
class Purge:
    kind: str  # a stable name, e.g. "mail_bodies"
    description: str  # what the count means, in English for the operator; may use {days}
    run: Callable[[datetime], int]
    days_key: str | None = None  # the configuration key holding its period, when it has one

    def describe(self) -> str:
        days = current_app.config.get(self.days_key) if self.days_key else None
        return self.description.format(days=days)


@dataclass(frozen=True)
class PurgeResult:
    kind: str
    count: int
    description: str

    def line(self) -> str:
        return f"{self.kind}: {self.count} ({self.description})"


def register_purge(
    app: Flask, kind: str, description: str, run: Callable[[datetime], int], days_key: str | None = None
) -> None:
    """Add a kind of data to the daily purge."""
    purges = app.extensions.setdefault(PURGES_KEY, [])
    if any(purge.kind == kind for purge in purges):
        raise ValueError(f"a purge named {kind!r} is already registered")
    purges.append(Purge(kind, description, run, days_key))


def purges() -> list[Purge]:
    return list(current_app.extensions.get(PURGES_KEY, []))


def run_purges(now: datetime | None = None) -> list[PurgeResult]:
    """Apply every retention period at `now` (default: the current time), committing per kind."""
    now = now or utcnow()
    results = []
    for purge in purges():
        try:
            count = purge.run(now)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
        results.append(PurgeResult(purge.kind, count, purge.describe()))
    return results
